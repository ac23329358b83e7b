package site

import (
	"fmt"
	"sort"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

// ScanBoth scans an HTML page with the fast scanner and with the
// tokenizer, for scan_test.go: what each found, as sorted lines, and
// whether the fast one accepted the page.
func ScanBoth(data []byte) (fast, tokens []string, ok bool) {
	lines := func(r htmlRefs) []string {
		var out []string
		for id := range r.idSet() {
			out = append(out, fmt.Sprintf("id %q", id))
		}
		for _, ref := range r.refs {
			out = append(out, fmt.Sprintf("ref %q", ref))
		}
		sort.Strings(out)
		return out
	}
	var q, t htmlRefs
	ok = scanQuoted(data, &q)
	scanTokens(data, &t)
	return lines(q), lines(t), ok
}

// IndexPages adds every file to a new link index, as Build does while it
// renders, for the link scan's benchmark.
func IndexPages(files publish.Files, names []string) {
	x := newLinkIndex()
	for _, name := range names {
		x.add(name, files[name])
	}
}

// ScanPages scans every file that is a page, for the link scan's benchmark.
func ScanPages(files publish.Files, names []string) {
	var r htmlRefs
	for _, name := range names {
		if strings.HasSuffix(name, ".html") {
			scanHTML(files[name], &r)
		}
	}
}
