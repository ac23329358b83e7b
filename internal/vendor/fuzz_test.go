package vendor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzDecode feeds the decoder and checker arbitrary bytes, starting from the
// good record, the bad corpus and a few small hostile inputs. Whatever the input,
// Decode must return (never panic or hang), return a record exactly when it
// reports no problem, and place every problem in the file it was given. Seeds
// are kept small: Go minimises each new input for up to -fuzzminimizetime
// (60s by default), and a big seed makes that pause long.
func FuzzDecode(f *testing.F) {
	tx := mustTaxonomy(f)
	seeds, err := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "---", "a: &a [x]\nb: *a\n", "- - - x", "{a: [b, {c: d}]}", "id: x\n---\nid: y\n",
		"summary: |\n  text\n\tmore\n", "? a\n: b\n", "summary: \"\\u202e\"\n", "%YAML 1.2\n---\nid: x\n",
	} {
		f.Add([]byte(s))
	}
	const file = "vendors/oneplus-oxygenos.yaml"
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		rec, probs := Decode(file, data, tx, testToday)
		if took := time.Since(start); took > 2*time.Second {
			t.Fatalf("took %v on %d bytes", took, len(data))
		}
		if (rec == nil) == (len(probs) == 0) {
			t.Fatalf("record %v with %d problems", rec != nil, len(probs))
		}
		for _, p := range probs {
			if p.File != file || p.Line < 0 || p.Col < 0 || p.Msg == "" {
				t.Fatalf("badly placed problem %+v", p)
			}
			if strings.ContainsAny(p.Msg, "\n\r") && !strings.HasPrefix(p.Msg, "YAML syntax") {
				t.Fatalf("message spans lines: %q", p.Msg)
			}
		}
		if len(probs) > maxProblems+1 {
			t.Fatalf("%d problems", len(probs))
		}
	})
}
