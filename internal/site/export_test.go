package site

import (
	"fmt"
	"sort"
)

// ScanBoth scans an HTML page with the fast scanner and with the
// tokenizer, for scan_test.go: what each found, as sorted lines, and
// whether the fast one accepted the page.
func ScanBoth(data []byte) (fast, tokens []string, ok bool) {
	lines := func(r htmlRefs) []string {
		var out []string
		for id := range r.ids {
			out = append(out, fmt.Sprintf("id %q", id))
		}
		for _, ref := range r.refs {
			out = append(out, fmt.Sprintf("ref %q", ref))
		}
		sort.Strings(out)
		return out
	}
	q, ok := scanQuoted(data)
	return lines(q), lines(scanTokens(data)), ok
}
