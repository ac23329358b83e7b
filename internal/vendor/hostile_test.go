package vendor

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// hostileInputs are files a stranger could send to make the checker slow,
// crash or run out of memory. Each must be refused quickly.
func hostileInputs() map[string]string {
	many := func(n int, f func(i int) string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(f(i))
		}
		return b.String()
	}
	return map[string]string{
		"over 1 MiB":        "summary: " + strings.Repeat("x", MaxFileSize),
		"deep flow":         "a: " + strings.Repeat("[", 200000),
		"deep flow closed":  "a: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		"deep block":        strings.Repeat("- ", 200000) + "x",
		"deep keys":         strings.Repeat("a: ", 200000) + "x",
		"many keys":         many(200000, func(i int) string { return fmt.Sprintf("k%d: v\n", i) }),
		"many keys limit":   many(MaxTokens/3-10, func(i int) string { return fmt.Sprintf("k%d: v\n", i) }),
		"long flow":         "platforms: [" + strings.Repeat("x, ", 300000) + "y]\n",
		"open flow":         "platforms: [" + strings.Repeat("x, ", 300000) + "\n",
		"open flow limit":   "platforms: [" + strings.Repeat("x, ", MaxTokens/2-10) + "\n",
		"many items limit":  "platforms:\n" + many(MaxTokens/2-10, func(int) string { return "  - x\n" }),
		"question marks":    strings.Repeat("? ", 200000),
		"colons":            strings.Repeat(": ", 200000),
		"alias bomb":        "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n",
		"long line":         "summary: " + strings.Repeat("x", MaxFileSize-20) + "\n",
		"many documents":    strings.Repeat("---\na: 1\n", 50000),
		"many unknown keys": many(MaxTokens/3-10, func(i int) string { return fmt.Sprintf("unknown%d: v\n", i) }),
		"long quoted":       "summary: \"" + strings.Repeat("x\\n", 300000) + "\"\n",
		"nul bytes":         strings.Repeat("\x00", 100000),
		"invalid utf-8":     strings.Repeat("\xff", 100000),
		"tabs":              strings.Repeat("\tkey: v\n", 100000),
	}
}

func TestHostileInputsAreRefusedQuickly(t *testing.T) {
	tx := mustTaxonomy(t)
	for name, src := range hostileInputs() {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			rec, probs := Decode("vendors/x.yaml", []byte(src), tx, testToday)
			took := time.Since(start)
			if rec != nil || len(probs) == 0 {
				t.Errorf("accepted: %d problems", len(probs))
			}
			if len(probs) > maxProblems+1 {
				t.Errorf("%d problems; a file reports at most %d", len(probs), maxProblems+1)
			}
			// Generous, for a loaded machine: the blow-ups this guards against
			// took from ten seconds to forever.
			if took > 5*time.Second {
				t.Errorf("took %v", took)
			}
			first := ""
			if len(probs) > 0 {
				first = probs[0].String()
			}
			t.Logf("%v, %d problems, first: %.150s", took, len(probs), first)
		})
	}
}
