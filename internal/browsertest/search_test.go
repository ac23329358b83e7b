package browsertest

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// waitFor polls a JavaScript predicate until it is truthy, failing the test
// with what after the timeout.
func waitFor(tb *tab, predicate, what string) {
	tb.t.Helper()
	_, err := evalPoll(tb, predicate)
	if err != nil {
		tb.t.Fatalf("waiting for %s: %v", what, err)
	}
}

func evalPoll(tb *tab, predicate string) (chromedp.Void, error) {
	return runErr(tb, chromedp.Poll[chromedp.Void](predicate,
		chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
}

// headerResults types a query into the header search box as a person would
// and returns the links of the results it shows, in order (without the "all
// results" link).
func headerResults(tb *tab, query string) []string {
	tb.t.Helper()
	tb.do(chromedp.Click(chromedp.ID("search-q")), chromedp.KeyEvent(query))
	waitFor(tb, `(() => { const l = document.getElementById('search-results');
  return l && !l.hidden && l.querySelector('a.search-option:not(.search-all)') && document.getElementById('search-q').getAttribute('aria-expanded') === 'true'; })()`,
		"results for "+query)
	return eval[[]string](tb, `Array.from(document.querySelectorAll('#search-results a.search-option:not(.search-all)'), (a) => a.getAttribute('href') || '')`)
}

// firstIndex is the position of the first link containing part, or -1.
func firstIndex(links []string, part string) int {
	for i, l := range links {
		if strings.Contains(l, part) {
			return i
		}
	}
	return -1
}

// testSearch drives the search box end to end: typing, results, opening one.
func testSearch(t *testing.T, b *browser, s *site) {
	tb := b.tab(t, s)
	tb.viewport(1280, 900, false)

	t.Run("serial-number", func(t *testing.T) {
		tb.t = t
		tb.open("/")
		links := headerResults(tb, "serial number")
		if i := firstIndex(links, "/vendors/oneplus-oxygenos/"); i < 0 || i > 2 {
			t.Errorf(`"serial number": the OnePlus record is at %d in %q, want among the first 3`, i, links)
		}
		marks := eval[[]string](tb, `Array.from(document.querySelectorAll('#search-results mark'), (m) => m.textContent.toLowerCase())`)
		if firstIndex(marks, "serial") < 0 {
			t.Errorf(`"serial number": no result marks the word; marked %q`, marks)
		}
	})

	t.Run("firewall", func(t *testing.T) {
		tb.t = t
		tb.open("/")
		links := headerResults(tb, "firewall")
		var section string
		for _, l := range links {
			if strings.HasPrefix(l, "/course/protecting-yourself/#") {
				section = l
				break
			}
		}
		if section == "" {
			t.Fatalf(`"firewall": no result links to a section of the protection chapter: %q`, links)
		}
		clickAndWait(tb, chromedp.CSS(`#search-results a[href="`+section+`"]`))
		if got := tb.path(); got != section {
			t.Errorf("opening the result landed on %s, want %s", got, section)
		}
		id, _ := url.PathUnescape(section[strings.IndexByte(section, '#')+1:])
		tag := eval[string](tb, `(() => { const e = document.getElementById(`+jsString(id)+`); return e ? e.tagName : ''; })()`)
		if len(tag) != 2 || tag[0] != 'H' {
			t.Errorf("%s: the fragment leads to <%s>, want a heading", section, strings.ToLower(tag))
		}
	})

	t.Run("ru-telemetry", func(t *testing.T) {
		tb.t = t
		tb.open("/ru/")
		links := headerResults(tb, "телеметрия")
		if len(links) == 0 || !strings.HasPrefix(links[0], "/ru/course/") {
			t.Fatalf("«телеметрия»: want Russian chapters first, got %q", links)
		}
		for _, l := range links {
			if !strings.HasPrefix(l, "/ru/") {
				t.Errorf("«телеметрия» on /ru/ lists an English page: %s", l)
			}
		}
		// Arrow down to the first result and open it with Enter.
		tb.do(chromedp.KeyEvent(kb.ArrowDown))
		if sel := eval[string](tb, `document.querySelector('#search-results [aria-selected=true]')?.getAttribute('href') || ''`); sel != links[0] {
			t.Errorf("ArrowDown selected %q, want the first result %q", sel, links[0])
		}
		run(tb, chromedp.WaitEvent(page.LoadEventFired, nil, pressEnter()))
		tb.settle()
		if got := tb.path(); got != links[0] {
			t.Errorf("Enter opened %s, want %s", got, links[0])
		}
	})

	t.Run("search-page", func(t *testing.T) {
		tb.t = t
		tb.open("/search/?q=serial+number")
		list := `#search-page-results a.search-option`
		waitFor(tb, `document.querySelector('`+list+`')`, "results on /search/")
		links := eval[[]string](tb, `Array.from(document.querySelectorAll('`+list+`'), (a) => a.getAttribute('href'))`)
		if firstIndex(links, "/vendors/oneplus-oxygenos/") < 0 {
			t.Errorf("/search/?q=serial+number: no OnePlus record in %q", links)
		}
		// Filter to records only: every result is a record, and the filter is in the address.
		eval[chromedp.Void](tb, `(() => { const s = document.querySelector('form[data-search-page] select[name=type]'); s.value = 'vendor'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`)
		waitFor(tb, `location.search.includes('type=vendor') && Array.from(document.querySelectorAll('`+list+`')).every((a) => a.getAttribute('href').includes('/vendors/'))`,
			"only records after filtering by type")
		tb.do(chromedp.Reload())
		tb.settle()
		waitFor(tb, `document.querySelector('`+list+`')`, "results after a reload")
		if v := eval[string](tb, `document.querySelector('form[data-search-page] select[name=type]').value`); v != "vendor" {
			t.Errorf("after a reload the type filter is %q, want vendor", v)
		}
		for _, problem := range tb.take() {
			t.Errorf("%s", problem)
		}
	})
	for _, problem := range tb.take() {
		t.Errorf("%s", problem)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`, "<", `\x3c`)
	return "'" + r.Replace(s) + "'"
}
