package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

// axeTags are the rules the suite holds the site to: WCAG 2.1 A and AA.
const axeTags = `{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }`

// axeRunJS runs axe-core with the rules of its runOnly (a format verb) and
// returns the violations in a short form.
const axeRunJS = `axe.run(document, {
  runOnly: %s,
  resultTypes: ['violations'],
}).then((r) => r.violations.map((v) => ({
  id: v.id, impact: v.impact || '', help: v.help, count: v.nodes.length,
  nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 240)),
})))`

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Count  int      `json:"count"`
	Nodes  []string `json:"nodes"`
}

func (v axeViolation) String() string {
	return fmt.Sprintf("%s (%s, %d elements): %s\n\t\t%s", v.ID, v.Impact, v.Count, v.Help, strings.Join(v.Nodes, "\n\t\t"))
}

// testAxe runs axe-core on every kind of page, in both languages, in the
// light theme (and its colour contrast again in the dark theme): zero WCAG
// 2.1 A/AA violations.
func testAxe(t *testing.T, b *browser, s *site) {
	src, err := os.ReadFile(filepath.Join(toolsDir(t), "axe-core", "axe.min.js"))
	need(t, err == nil, "axe-core is not installed (cd .ci/tools && npm ci): %v", err)
	// A page with a known violation proves axe runs and reports.
	canary := b.tab(t, serve(t, publish.Files{"index.html": []byte(`<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>`)}))
	canary.openStatus("/")
	eval[any](canary, string(src)+"\n;true")
	if v := eval[[]axeViolation](canary, fmt.Sprintf(axeRunJS, axeTags)); len(v) == 0 || v[0].ID != "image-alt" {
		t.Errorf("axe missed an image without alt text: %v", v)
	}

	tb := b.tab(t, s)
	tb.viewport(1280, 900, false)
	runs := 0
	for _, k := range kinds(t, s) {
		for i, p := range both(k) {
			t.Run(k.name+"/"+[]string{"en", "ru"}[i], func(t *testing.T) {
				tb.t = t
				tb.scheme(false)
				tb.openStatus(p)
				for _, problem := range tb.take() {
					t.Errorf("%s: %s", p, problem)
				}
				eval[any](tb, string(src)+"\n;true")
				for _, v := range eval[[]axeViolation](tb, fmt.Sprintf(axeRunJS, axeTags)) {
					t.Errorf("%s (light): axe: %s", p, v)
				}
				// Only colours change with the theme: run the contrast rule again in dark.
				tb.scheme(true)
				tb.settle()
				for _, v := range eval[[]axeViolation](tb, fmt.Sprintf(axeRunJS, `{ type: 'rule', values: ['color-contrast'] }`)) {
					t.Errorf("%s (dark): axe: %s", p, v)
				}
				runs++
				tb.take() // axe's own probing is not the page's doing
				tb.scheme(false)
			})
		}
	}
	t.Logf("axe-core ran on %d pages, light and dark", runs)
}
