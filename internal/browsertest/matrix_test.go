package browsertest

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// visibleRowsJS lists the ids of the matrix rows a reader sees, in order.
const visibleRowsJS = `Array.from(document.querySelectorAll('table[data-matrix] tbody tr'), (r) => r.hidden ? '' : r.dataset.id).filter(Boolean)`

// setSelect picks an option of a select and fires change, as a person
// choosing from the list does.
func setSelect(tb *tab, sel, value string) {
	tb.t.Helper()
	eval[chromedp.Void](tb, `(() => { const s = document.querySelector(`+jsString(sel)+`); s.focus(); s.value = `+jsString(value)+`; s.dispatchEvent(new Event('input', { bubbles: true })); s.dispatchEvent(new Event('change', { bubbles: true })); })()`)
}

// testMatrix checks the vendors matrix on /vendors/ (both languages): it
// sorts by name and by verdict, filters by kind with the filter in the URL,
// keeps filter and sort over a reload, picks rows for /compare/, and at
// 360 px scrolls inside its own box while the page does not.
func testMatrix(t *testing.T, b *browser, s *site) {
	tb := b.tab(t, s)
	for _, root := range []string{"/", "/ru/"} {
		t.Run(langOf(root), func(t *testing.T) {
			tb.t = t
			tb.viewport(1280, 900, false)
			tb.open(root + "vendors/")
			if eval[bool](tb, `document.querySelector('[data-matrix-filters]').hidden`) {
				t.Error("the matrix filters stay hidden: tables.js did not start")
			}
			all := eval[[]string](tb, visibleRowsJS)
			if len(all) < 3 {
				t.Fatalf("the matrix shows %d rows", len(all))
			}

			// Sort by name: ascending, then descending on a second click.
			names := func() []string {
				return eval[[]string](tb, `Array.from(document.querySelectorAll('table[data-matrix] tbody tr:not([hidden]) > th'), (c) => c.dataset.sort)`)
			}
			nameButton := chromedp.CSS(`table[data-matrix] th[data-sort-key=name] button.sort`)
			tb.do(chromedp.Click(nameButton))
			asc := names()
			if !eval[bool](tb, `((a) => a.every((x, i) => i === 0 || a[i - 1].localeCompare(x) <= 0))(`+jsonOf(t, asc)+`)`) {
				t.Errorf("after one click on the name header the rows are not in ascending order: %q", asc)
			}
			if got := eval[string](tb, `document.querySelector('th[data-sort-key=name]').getAttribute('aria-sort')`); got != "ascending" {
				t.Errorf("aria-sort on the name header is %q, want ascending", got)
			}
			tb.do(chromedp.Click(nameButton))
			desc := names()
			if !slices.Equal(desc, reversed(asc)) {
				t.Errorf("a second click does not reverse the order:\n%q\n%q", asc, desc)
			}

			// Sort by verdict: the rank falls row by row.
			tb.do(chromedp.Click(chromedp.CSS(`table[data-matrix] th[data-sort-key=verdict] button.sort`)))
			ranks := eval[[]float64](tb, `Array.from(document.querySelectorAll('table[data-matrix] tbody tr:not([hidden])'), (r) => parseFloat(r.cells[1].dataset.sort))`)
			if !slices.IsSortedFunc(ranks, func(a, b float64) int { return cmp.Compare(b, a) }) {
				t.Errorf("sorted by verdict, the ranks are %v", ranks)
			}

			// Filter by the first kind that narrows the table.
			kinds := eval[[]string](tb, `Array.from(document.querySelectorAll('[data-matrix-filters] select[name=kind] option'), (o) => o.value).filter(Boolean)`)
			var kind string
			var shown []string
			for _, k := range kinds {
				setSelect(tb, `[data-matrix-filters] select[name=kind]`, k)
				shown = eval[[]string](tb, visibleRowsJS)
				if len(shown) > 0 && len(shown) < len(all) {
					kind = k
					break
				}
			}
			if kind == "" {
				t.Fatalf("no kind in %q narrows the matrix", kinds)
			}
			if bad := eval[[]string](tb, `Array.from(document.querySelectorAll('table[data-matrix] tbody tr:not([hidden])')).filter((r) => r.dataset.kind !== `+jsString(kind)+`).map((r) => r.dataset.id)`); len(bad) > 0 {
				t.Errorf("filtered by kind %s, the matrix still shows %q", kind, bad)
			}
			if status := eval[string](tb, `document.querySelector('[data-matrix-status]').textContent`); status == "" {
				t.Error("the matrix status says nothing after filtering")
			}
			addr := tb.path()
			if !strings.Contains(addr, "kind="+kind) || !strings.Contains(addr, "sort=verdict") {
				t.Errorf("the address %s does not hold the filter and the sort", addr)
			}
			before := eval[[]string](tb, visibleRowsJS)
			tb.do(chromedp.Reload())
			tb.settle()
			if got := eval[string](tb, `document.querySelector('[data-matrix-filters] select[name=kind]').value`); got != kind {
				t.Errorf("after a reload the kind filter is %q, want %q", got, kind)
			}
			if after := eval[[]string](tb, visibleRowsJS); !slices.Equal(after, before) {
				t.Errorf("after a reload the matrix shows %q, before %q", after, before)
			}

			// Reset, then pick two rows to compare.
			tb.open(root + "vendors/")
			if got := eval[[]string](tb, visibleRowsJS); len(got) != len(all) {
				t.Errorf("without a query the matrix shows %d of %d rows", len(got), len(all))
			}
			tb.do(
				chromedp.Click(chromedp.CSS(`table[data-matrix] tbody tr[data-id="`+all[0]+`"] input.pick`)),
				chromedp.Click(chromedp.CSS(`table[data-matrix] tbody tr[data-id="`+all[1]+`"] input.pick`)),
			)
			href := eval[string](tb, `(() => { const a = document.querySelector('[data-compare-link]'); return a.hidden ? '' : a.getAttribute('href'); })()`)
			want := root + "compare/?v=" + all[0] + "&v=" + all[1]
			if href != want {
				t.Fatalf("after picking two rows the compare link is %q, want %q", href, want)
			}
			clickAndWait(tb, chromedp.CSS(`[data-compare-link]`))
			if got := waitCompare(tb, all[:2]); !slices.Equal(got, all[:2]) {
				t.Errorf("the compare link shows %q, want %q", got, all[:2])
			}

			// A phone: the table scrolls in its box, the page does not.
			tb.viewport(360, 740, true)
			tb.open(root + "vendors/")
			if o := overflow(tb); len(o) > 0 {
				t.Errorf("/vendors/ scrolls sideways at 360 px: %s", strings.Join(o, "; "))
			}
			box := eval[[]float64](tb, `(() => { const w = document.querySelector('table[data-matrix]').closest('.table-wrap'); const o = getComputedStyle(w).overflowX; return [w.scrollWidth, w.clientWidth, (o === 'auto' || o === 'scroll') ? 1 : 0]; })()`)
			if !(box[0] > box[1] && box[2] == 1) {
				t.Errorf("at 360 px the matrix box is %v px wide inside %v px (scrolling: %v); want a wider table scrolling in its box", box[0], box[1], box[2] == 1)
			}
			for _, problem := range tb.take() {
				t.Error(problem)
			}
		})
	}
}

// compareShown lists the products the compare table shows, in column order.
func compareShown(tb *tab) []string {
	tb.t.Helper()
	return eval[[]string](tb, `document.querySelector('[data-compare-result]').hidden ? [] : Array.from(document.querySelectorAll('table[data-compare] thead th[data-v]'), (h) => h.hidden ? '' : h.dataset.v).filter(Boolean)`)
}

// waitCompare waits until the compare table shows the products (its columns
// load from files), and returns what it shows in the end.
func waitCompare(tb *tab, want []string) []string {
	tb.t.Helper()
	evalPoll(tb, `(() => { const w = `+jsonOf(tb.t, want)+`, r = document.querySelector('[data-compare-result]');
  const got = Array.from(document.querySelectorAll('table[data-compare] thead th[data-v]'), (h) => h.dataset.v);
  return !r.hidden && got.length === w.length && got.every((v, i) => v === w[i]); })()`)
	return compareShown(tb)
}

// testCompare picks products on /compare/ (both languages): nothing shows
// until a product is picked, then their columns show in the order picked,
// with a cell in every row; the status names them, the address holds them, a
// reload keeps them, and no more than the maximum can be picked.
func testCompare(t *testing.T, b *browser, s *site) {
	tb := b.tab(t, s)
	tb.viewport(1280, 900, false)
	for _, root := range []string{"/", "/ru/"} {
		t.Run(langOf(root), func(t *testing.T) {
			tb.t = t
			tb.open(root + "compare/")
			if eval[bool](tb, `document.querySelector('form[data-compare-form]').hidden`) {
				t.Fatal("the compare form stays hidden: tables.js did not start")
			}
			ids := eval[[]string](tb, `Array.from(document.querySelectorAll('form[data-compare-form] input[name=v]'), (b) => b.value)`)
			max := eval[int](tb, `parseInt(document.querySelector('form[data-compare-form]').dataset.compareMax, 10)`)
			if len(ids) < max+1 || max < 2 {
				t.Fatalf("%d products to pick with at most %d at once", len(ids), max)
			}
			if got := compareShown(tb); len(got) != 0 {
				t.Errorf("with nothing picked the table shows %q", got)
			}
			box := func(id string) chromedp.CSS {
				return chromedp.CSS(`form[data-compare-form] input[name=v][value="` + id + `"]`)
			}
			tb.do(chromedp.Click(box(ids[2])), chromedp.Click(box(ids[0])))
			want := []string{ids[2], ids[0]} // in the order picked
			if got := waitCompare(tb, want); !slices.Equal(got, want) {
				t.Fatalf("after picking %s and %s the table shows %q", ids[2], ids[0], got)
			}
			if short := eval[[]string](tb, `Array.from(document.querySelectorAll('table[data-compare] tbody tr')).filter((r) => r.querySelectorAll('[data-v]').length !== 2).map((r) => r.dataset.row)`); len(short) > 0 {
				t.Errorf("rows without a cell for each product: %q", short)
			}
			status := eval[string](tb, `document.querySelector('[data-compare-status]').textContent`)
			name := eval[string](tb, `document.querySelector('thead th[data-v="`+ids[0]+`"]').textContent.trim()`)
			if name == "" || !strings.Contains(status, name) {
				t.Errorf("the status %q does not name %q", status, name)
			}
			if addr := tb.path(); addr != root+"compare/?v="+ids[2]+"&v="+ids[0] {
				t.Errorf("the address is %s", addr)
			}
			tb.do(chromedp.Reload())
			tb.settle()
			if got := waitCompare(tb, want); !slices.Equal(got, want) {
				t.Errorf("after a reload the table shows %q, want %q", got, want)
			}
			for _, id := range ids {
				if len(eval[[]string](tb, `Array.from(document.querySelectorAll('form[data-compare-form] input[name=v]:checked'), (b) => b.value)`)) >= max {
					break
				}
				if !eval[bool](tb, `document.querySelector('form[data-compare-form] input[value="`+id+`"]').checked`) {
					tb.do(chromedp.Click(box(id)))
				}
			}
			if free := eval[int](tb, `document.querySelectorAll('form[data-compare-form] input[name=v]:not(:checked):not(:disabled)').length`); free != 0 {
				t.Errorf("with %d picked, %d more boxes can still be ticked", max, free)
			}
			picked := eval[[]string](tb, `Array.from(document.querySelectorAll('form[data-compare-form] input[name=v]:checked'), (b) => b.value)`)
			if got := waitCompare(tb, orderPicked(want, picked)); len(got) != max {
				t.Errorf("with %d picked the table shows %q", max, got)
			}
			for _, problem := range tb.take() {
				t.Error(problem)
			}
		})
	}
}

// orderPicked is first followed by the rest of picked, in its order.
func orderPicked(first, picked []string) []string {
	out := slices.Clone(first)
	for _, p := range picked {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// jsonOf is v as JSON, to pass into JavaScript.
func jsonOf(t testing.TB, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func reversed(xs []string) []string {
	out := slices.Clone(xs)
	slices.Reverse(out)
	return out
}

// langOf names the language of a root path: "/" is en, "/ru/" is ru.
func langOf(root string) string {
	if root == "/" {
		return "en"
	}
	return strings.Trim(root, "/")
}
