package vendor

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
)

// parseWith runs parse, with or without the fast parser.
func parseWith(data []byte, strictOnly bool) (*node, *decoder) {
	d := &decoder{file: "vendors/x.yaml", vals: map[string]place{}, keys: map[string]place{}, renamed: map[string]bool{}, strictOnly: strictOnly}
	return d.parse(data), d
}

// prepared is data as parse hands it to the parsers.
func prepared(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
}

// sameAsStrict fails t when parse or Decode give another answer for data
// with the fast parser than without it: another tree, other problems or
// another record. It reports whether the fast parser accepts data.
func sameAsStrict(t *testing.T, tx *Taxonomy, name string, data []byte) bool {
	t.Helper()
	_, accepted := fastParse(prepared(data))
	fast, fd := parseWith(data, false)
	strict, sd := parseWith(data, true)
	if !reflect.DeepEqual(fd.probs, sd.probs) {
		t.Errorf("%s: parse problems differ:\nfast:   %v\nstrict: %v\n%s", name, fd.probs, sd.probs, data)
		return accepted
	}
	if (fast == nil) != (strict == nil) {
		t.Errorf("%s: fast tree %v, strict tree %v\n%s", name, fast != nil, strict != nil, data)
		return accepted
	}
	if fast != nil {
		if diff := treeDiff("", fast, strict); diff != "" {
			t.Errorf("%s: fast and strict trees differ at %s\n%s", name, diff, data)
			return accepted
		}
	}
	file := "vendors/" + strings.TrimSuffix(filepath.Base(name), ".yaml") + ".yaml"
	rec, probs := Decode(file, data, tx, testToday)
	srec, sprobs := decodeFile(&decoder{file: file, strictOnly: true}, data, tx, testToday)
	if !reflect.DeepEqual(rec, srec) || !reflect.DeepEqual(probs, sprobs) {
		t.Errorf("%s: Decode differs from the strict path:\nfast:   %v\nstrict: %v", name, probs, sprobs)
	}
	return accepted
}

// treeDiff describes the first difference between two trees, or "".
func treeDiff(at string, a, b *node) string {
	switch {
	case a.kind != b.kind:
		return fmt.Sprintf("%s: kind %d, strict %d", at, a.kind, b.kind)
	case a.at != b.at:
		return fmt.Sprintf("%s: at %v, strict %v", at, a.at, b.at)
	case a.text != b.text:
		return fmt.Sprintf("%s: text %q, strict %q", at, a.text, b.text)
	case len(a.pairs) != len(b.pairs) || len(a.items) != len(b.items):
		return fmt.Sprintf("%s: %d pairs %d items, strict %d pairs %d items", at, len(a.pairs), len(a.items), len(b.pairs), len(b.items))
	}
	for i := range a.pairs {
		pa, pb := a.pairs[i], b.pairs[i]
		if pa.key != pb.key || pa.keyOK != pb.keyOK || pa.at != pb.at {
			return fmt.Sprintf("%s: key %q %d %v, strict %q %d %v", at, pa.key, pa.keyOK, pa.at, pb.key, pb.keyOK, pb.at)
		}
		if d := treeDiff(join(at, pa.key), pa.value, pb.value); d != "" {
			return d
		}
	}
	for i := range a.items {
		if d := treeDiff(index(at, i), a.items[i], b.items[i]); d != "" {
			return d
		}
	}
	return ""
}

// TestFastParserAgreesWithStrict runs both parsers over every record the
// repository holds and the synthetic corpus: the fast parser must give the
// strict path's tree, and it must accept the plain records it exists for.
func TestFastParserAgreesWithStrict(t *testing.T) {
	tx := mustTaxonomy(t)
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	vendors, err := filepath.Glob(filepath.Join("..", "..", "vendors", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(files, vendors...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		accepted := sameAsStrict(t, tx, f, data)
		if !accepted && !strings.Contains(f, "bad") {
			t.Errorf("%s: the fast parser gives up on a good record", f)
		}
	}
	for i := 0; i < 200; i++ {
		name := fmt.Sprintf("synthetic-%d.yaml", i)
		if !sameAsStrict(t, tx, name, []byte(corpus.Record(corpus.Options{Records: 200}, i))) {
			t.Errorf("%s: the fast parser gives up on a synthetic record", name)
		}
	}
}

// TestFastParserCases pins the shapes the fast parser reads or leaves to
// the strict path: whatever it accepts must equal the strict tree.
func TestFastParserCases(t *testing.T) {
	tx := mustTaxonomy(t)
	for _, tc := range []struct {
		src    string
		accept bool
	}{
		{"id: x\n", true},
		{"# c\nid: x\nvendor: \"a \\\"b\\\" \\\\ c\"\n", true},
		{"id: 'it''s'\n", true},
		{"a: [x, \"y, z\", 'w']\n", true},
		{"a: []\n", true},
		{"a: [x,y]\n", true},
		{"a:\n  - b: c\n    d: [e]\n  - b: f\n", true},
		{"a:\n  - x\n  - \"y\"\n", true},
		{"a: >-\n  one\n  two\nb: c\n", true},
		{"a: >\n  one\n  two\n", true},
		{"a: |\n  one\n  two\n", true},
		{"a: |-\n  one\n  two\n", true},
		{"a:\n  b:\n    c: d\n", true},
		{"a: https://example.com/x?y=z#frag\n", true},
		{"a: 1.10\nb: 2026-11-22\nc: on\nd: true\ne: 0x10\n", true},
		{"a: Привет, мир\nb: [да, нет]\n", true},
		{"a:  # why\n  b: c\n", true},
		{"a: # why\n  - b\n", true},
		{"a: # why\n", false},
		{"a: null\n", false},
		{"a: ~\n", false},
		{"a:\nb: c\n", false},
		{"a: b\n\nc: d\n", false},
		{"a: b # comment\n", false},
		{"a: b\n  # comment\n", false},
		{"a: b\n  c\n", false},
		{"a: &x b\n", false},
		{"a: *x\n", false},
		{"a: !!str b\n", false},
		{"<<: b\n", false},
		{"a: \"\\n\"\n", false},
		{"a: [x, [y]]\n", false},
		{"a: [x,\n  y]\n", false},
		{"a: {b: c}\n", false},
		{"a:\n- b\n", false},
		{"a: >-\n  one\n   two\n", false},
		{"a: >-\n  one\n\n  two\n", false},
		{"a: b\n---\nc: d\n", false},
		{"- a\n", false},
		{"a: b \n", false},
		{"a: b: c\n", false},
	} {
		got := sameAsStrict(t, tx, fmt.Sprintf("%q", tc.src), []byte(tc.src))
		if got != tc.accept {
			t.Errorf("%q: fast parser accepts %v, want %v", tc.src, got, tc.accept)
		}
	}
}

// FuzzFastParser checks the fast parser against the strict path on
// arbitrary input: what it accepts must give the same tree and answer.
func FuzzFastParser(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "good", "*.yaml"))
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
	f.Add([]byte(corpus.Record(corpus.Options{Records: 2}, 0)))
	f.Add([]byte("a:\n  - b: [c, 'd', \"e\"]\n    f: >-\n      g\n      h\n"))
	tx := mustTaxonomy(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsStrict(t, tx, "fuzz.yaml", data)
	})
}

// TestFastParserRandom compares the two parsers on generated documents:
// record-like shapes with awkward scalars, indents and block texts mixed
// in, far more of them than fuzzing whole records reaches.
func TestFastParserRandom(t *testing.T) {
	tx := mustTaxonomy(t)
	n := 4000
	if testing.Short() {
		n = 400
	}
	r := rand.New(rand.NewPCG(1, 2))
	accepted := 0
	for i := 0; i < n; i++ {
		var b strings.Builder
		b.WriteString(SchemaLine + "\n")
		genMapping(r, &b, 0, 0)
		if sameAsStrict(t, tx, fmt.Sprintf("random-%d", i), []byte(b.String())) {
			accepted++
		}
		if t.Failed() {
			return
		}
	}
	// The generator must reach the fast parser often, or this tests nothing.
	if accepted < n/5 {
		t.Errorf("the fast parser accepted %d of %d documents", accepted, n)
	}
	t.Logf("the fast parser accepted %d of %d documents", accepted, n)
}

var (
	genKeys = []string{"id", "summary", "collects", "items", "sources", "a", "b-c", "d_e", "f1",
		"ru", "null", "1a", "-a", "a b", "'q'", "true", "<<", "?"}
	genScalars = []string{"x", "two words", "x: y", "x:y", "x #y", "x#y", "x:", "[x]", "x]", "x[y", "{x}", "x}",
		"'q'", "'it''s'", "\"q\"", "\"a \\\" b\"", "\"a \\\\ b\"", "\"\\n\"", "it's", "say \"hi\"", "-x", "- x", "-",
		"1.0", "1.10", "0x1F", "1e3", "null", "Null", "~", "true", "on", "yes", ".inf", ".nan", "2026-11-22",
		"Привет, мир", "日本語", ":", "http://x.y/z?q=1#f", "&a", "*a", "!t", "!!str x", "|", ">", ",", "x, y",
		"@x", "`x`", "%x", "? x", "x ?", "'", "\"", "''", "\"\"", "a'b", "x -- y", "x - y", "x\\y", "→ ok"}
	genPlain = []string{"x", "two words", "x:y", "x#y", "it's", "1.10", "2026-11-22", "Привет, мир", "a, b",
		"http://x.y/z?q=1#f", "say \"hi\"", "'q'", "\"q\"", "x - y", "on", "true"}
	genHeaders = []string{">-", ">", "|", "|-", ">+", "|2", "> ", ">- # c"}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func genMapping(r *rand.Rand, b *strings.Builder, indent, depth int) {
	for i, n := 0, 1+r.IntN(4); i < n; i++ {
		if i > 0 || depth == 0 {
			genIndent(r, b, indent)
		}
		genPair(r, b, indent, depth)
	}
}

func genIndent(r *rand.Rand, b *strings.Builder, indent int) {
	switch r.IntN(80) {
	case 0:
		indent++
	case 1:
		indent = max(indent-1, 0)
	case 2:
		b.WriteString("\n")
	case 3:
		b.WriteString("# c\n")
	}
	b.WriteString(strings.Repeat(" ", indent))
}

func genPair(r *rand.Rand, b *strings.Builder, indent, depth int) {
	key := genKeys[0]
	if r.IntN(12) == 0 {
		key = pick(r, genKeys)
	} else {
		key = genKeys[r.IntN(9)]
	}
	b.WriteString(key + ":")
	kind := r.IntN(6)
	if depth >= 3 && kind >= 4 {
		kind = r.IntN(4)
	}
	switch kind {
	case 0, 1:
		b.WriteString(" " + genScalar(r) + genEnd(r))
	case 2:
		b.WriteString(" [")
		for i, n := 0, r.IntN(4); i < n; i++ {
			if i > 0 {
				b.WriteString(pick(r, []string{", ", ",", " , ", ",  "}))
			}
			b.WriteString(genScalar(r))
		}
		b.WriteString("]" + genEnd(r))
	case 3:
		header := genHeaders[r.IntN(4)]
		if r.IntN(5) == 0 {
			header = pick(r, genHeaders)
		}
		b.WriteString(" " + header + "\n")
		in := indent + 2
		if r.IntN(10) == 0 {
			in = indent + 1 + r.IntN(3)
		}
		for i, n := 0, 1+r.IntN(3); i < n; i++ {
			ind := in
			if r.IntN(15) == 0 {
				ind += r.IntN(3) - 1
			}
			if r.IntN(15) == 0 {
				b.WriteString("\n")
			}
			b.WriteString(strings.Repeat(" ", ind) + genScalar(r) + genEnd(r))
		}
	case 4:
		b.WriteString(pick(r, []string{"", "", "", " # c", " "}) + "\n")
		in := indent + 2
		if r.IntN(10) == 0 {
			in = indent + 1 + r.IntN(3)
		}
		genMapping(r, b, in, depth+1)
	case 5:
		b.WriteString(pick(r, []string{"", "", "", " # c"}) + "\n")
		in := indent + 2
		if r.IntN(10) == 0 {
			in = indent + r.IntN(3)
		}
		for i, n := 0, 1+r.IntN(3); i < n; i++ {
			genIndent(r, b, in)
			b.WriteString("- ")
			if r.IntN(2) == 0 {
				b.WriteString(genScalar(r) + genEnd(r))
				continue
			}
			genPair(r, b, in+2, depth+1)
			for j, m := 0, r.IntN(3); j < m; j++ {
				genIndent(r, b, in+2)
				genPair(r, b, in+2, depth+1)
			}
		}
	}
}

// genScalar is mostly plain text, sometimes something awkward.
func genScalar(r *rand.Rand) string {
	if r.IntN(8) > 0 {
		return pick(r, genPlain)
	}
	s := pick(r, genScalars)
	if r.IntN(4) == 0 {
		s += pick(r, []string{" ", "", ": "}) + pick(r, genScalars)
	}
	return s
}

func genEnd(r *rand.Rand) string {
	if r.IntN(10) > 0 {
		return "\n"
	}
	return pick(r, []string{" \n", " # c\n", ""})
}
