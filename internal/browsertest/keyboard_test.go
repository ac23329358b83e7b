package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/publish"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusablesJS marks every element a keyboard user should reach: visible
// links, buttons, form fields and elements with a tab stop.
const focusablesJS = `(() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const els = Array.from(document.querySelectorAll(sel)).filter((e) =>
    !e.disabled && e.tabIndex >= 0 && e.checkVisibility({ visibilityProperty: true, opacityProperty: false }) && !e.closest('[inert]'));
  Object.defineProperty(window, '__kb', { value: els, configurable: true });
  return els.length;
})()`

// focusedJS describes the focused element and how its focus shows.
const focusedJS = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return { index: -2 };
  const cs = getComputedStyle(e);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1 && !/rgba\(.*,\s*0\)$|transparent/.test(cs.outlineColor);
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
    (e.getAttribute('href') ? '[href="' + e.getAttribute('href') + '"]' : '') + (e.name ? '[name=' + e.name + ']' : '');
  return { index: window.__kb.indexOf(e), name, visible: outline || shadow, focusVisible: e.matches(':focus-visible') };
})()`

type focused struct {
	Index        int    `json:"index"`
	Name         string `json:"name"`
	Visible      bool   `json:"visible"`
	FocusVisible bool   `json:"focusVisible"`
}

// testKeyboard tabs through pages with the keyboard alone: the skip link
// comes first, the search box, the table controls and every link are
// reached, and each tab stop shows a visible focus (an outline or a box
// shadow under :focus-visible). "/" jumps to the search box.
func testKeyboard(t *testing.T, b *browser, s *site) {
	tb := b.tab(t, s)
	tb.viewport(1280, 900, false)
	pages := []struct {
		path string
		must []string // selectors of elements the keyboard must reach
	}{
		{"/", []string{"a.skip", "#search-q"}},
		{"/vendors/", []string{"a.skip", "#search-q", "[data-matrix-filters] select[name=kind]", "th[data-sort-key=name] button.sort", "input.pick"}},
		{"/ru/vendors/", []string{"#search-q", "[data-matrix-filters] select[name=verdict]", "th[data-sort-key=verdict] button.sort"}},
		{"/compare/", []string{"#search-q", "form[data-compare-form] input[name=v]"}},
		{"/course/protecting-yourself/", []string{"a.skip", "#search-q", "pre[tabindex]"}},
		{"/search/?q=firewall", []string{"#search-page-q", "form[data-search-page] select[name=type]"}},
		{"/ru/", []string{"a.skip", "#search-q"}},
		{"/vendors/oneplus-oxygenos/", []string{"a.skip", "#search-q", "nav.langs a"}},
		{"/categories/device-identifiers/", []string{"#search-q"}},
		{"/methodology/", []string{"#search-q"}},
		{"/ru/incidents/", []string{"#search-q"}},
	}
	for _, pg := range pages {
		t.Run(strings.Trim(strings.ReplaceAll(pg.path, "/", "-"), "-"), func(t *testing.T) {
			tb.t = t
			if !s.has(strings.SplitN(pg.path, "?", 2)[0]) {
				t.Skipf("no page %s in the build yet", pg.path)
			}
			tb.open(pg.path)
			stops, reached := tabThrough(tb)
			n := len(reached)
			if len(stops) == 0 || !strings.Contains(stops[0].Name, ".skip") {
				t.Errorf("the first Tab does not land on the skip link: %v", stops[:min(1, len(stops))])
			}
			for _, f := range stops {
				if !f.Visible || !f.FocusVisible {
					t.Errorf("%s: no visible focus (outline or box-shadow: %v, :focus-visible: %v)", f.Name, f.Visible, f.FocusVisible)
				}
			}
			t.Logf("%s: %d tab stops of %d focusable elements", pg.path, count(reached), n)
			missed := eval[[]string](tb, fmt.Sprintf(`((r) => window.__kb.filter((e, i) => !r[i]).slice(0, 10).map((e) => e.outerHTML.slice(0, 120)))(%s)`, jsonOf(t, reached)))
			if len(missed) > 0 {
				t.Errorf("Tab never reaches %d focusable elements, such as:\n\t%s", len(missed), strings.Join(missed, "\n\t"))
			}
			for _, sel := range pg.must {
				ok := eval[bool](tb, fmt.Sprintf(`((r) => window.__kb.some((e, i) => r[i] && e.matches(%s)))(%s)`, jsString(sel), jsonOf(t, reached)))
				if !ok {
					t.Errorf("the keyboard never reaches %s", sel)
				}
			}
			for _, problem := range tb.take() {
				t.Error(problem)
			}
		})
	}

	t.Run("canary", func(t *testing.T) {
		// A link whose focus is hidden must be caught.
		bad := b.tab(t, serve(t, publish.Files{"index.html": []byte(`<!DOCTYPE html><html lang="en"><head><title>x</title><style>a:focus-visible { outline: none }</style></head><body><a href="/x">x</a></body></html>`)}))
		bad.openStatus("/")
		stops, _ := tabThrough(bad)
		if len(stops) == 0 || stops[0].Visible {
			t.Errorf("the focus check missed a link with its outline removed: %+v", stops)
		}
	})

	t.Run("slash-focuses-search", func(t *testing.T) {
		tb.t = t
		tb.open("/course/")
		tb.do(chromedp.KeyEvent("/"))
		if got := eval[string](tb, `document.activeElement.id`); got != "search-q" {
			t.Errorf(`"/" focuses #%s, want #search-q`, got)
		}
	})
}

// tabThrough presses Tab until the focus comes back round and returns each
// stop in order, and which of the page's focusable elements it reached.
func tabThrough(tb *tab) ([]focused, []bool) {
	tb.t.Helper()
	n := eval[int](tb, focusablesJS)
	if n == 0 {
		tb.t.Fatal("nothing focusable on the page")
	}
	reached := make([]bool, n)
	var stops []focused
	for i := 0; i < n+10; i++ {
		tb.do(chromedp.KeyEvent(kb.Tab))
		f := eval[focused](tb, focusedJS)
		if f.Index == -2 {
			continue // focus left the page, as after the last stop
		}
		if len(stops) > 0 && f.Name == stops[0].Name {
			break
		}
		if f.Index >= 0 {
			reached[f.Index] = true
		}
		stops = append(stops, f)
	}
	return stops, reached
}

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
