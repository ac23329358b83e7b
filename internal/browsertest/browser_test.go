package browsertest

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

// TestBrowser builds the repository's site, serves it on 127.0.0.1 and runs
// every browser check against it in one shared Chromium. Subtests can be run
// alone: go test ./internal/browsertest -run 'TestBrowser/search'.
func TestBrowser(t *testing.T) {
	t.Parallel() // beside TestNuHTMLChecker, which needs a core for Java
	b := startBrowser(t)
	s := serve(t, buildRepo(t))

	t.Run("detectors", func(t *testing.T) { testDetectors(t, b) })
	t.Run("every-page", func(t *testing.T) { testEveryPage(t, b, s) })
	t.Run("kinds", func(t *testing.T) { testKinds(t, b, s) })
	t.Run("search", func(t *testing.T) { testSearch(t, b, s) })
	t.Run("matrix", func(t *testing.T) { testMatrix(t, b, s) })
	t.Run("compare", func(t *testing.T) { testCompare(t, b, s) })
	t.Run("keyboard", func(t *testing.T) { testKeyboard(t, b, s) })
	t.Run("axe", func(t *testing.T) { testAxe(t, b, s) })
	t.Run("hostile", func(t *testing.T) { testHostile(t, b) })
}

// testDetectors proves the recorders can fail: a page that breaks each rule
// must be caught, or a quiet suite would prove nothing.
func testDetectors(t *testing.T, b *browser) {
	csp := `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`
	bad := serve(t, publish.Files{
		"csp/index.html":     []byte(`<!DOCTYPE html><html lang="en"><head>` + csp + `<title>x</title><script>window.ran = 1</script></head><body><p style="color:red">x</p></body></html>`),
		"foreign/index.html": []byte(`<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><img src="http://127.0.0.2:9/x.png" alt=""><script>console.error("boom"); alert("hi")</script></body></html>`),
		"wide/index.html":    []byte(`<!DOCTYPE html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>x</title></head><body><div style="width:1000px">wide</div></body></html>`),
		"xss/index.html":     []byte(`<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main><img src="x" onerror="window.__pwned = 'img'"></main></body></html>`),
		"missing/index.html": []byte(`<!DOCTYPE html><html lang="en"><head><title>x</title><link rel="stylesheet" href="/gone.css"></head><body></body></html>`),
	})
	tb := b.tab(t, bad)
	cases := []struct{ path, want string }{
		{"/csp/", "Content-Security-Policy violation: script-src-elem"},
		{"/csp/", "Content-Security-Policy violation: style-src-attr"},
		{"/foreign/", "request to another origin: GET http://127.0.0.2:9/x.png"},
		{"/foreign/", "console.error: boom"},
		{"/foreign/", `a alert dialog opened: "hi"`},
		{"/missing/", "/gone.css answered 404"},
	}
	got := map[string]string{}
	for _, c := range cases {
		if _, done := got[c.path]; !done {
			tb.open(c.path)
			got[c.path] = strings.Join(tb.take(), "\n")
		}
		if !strings.Contains(got[c.path], c.want) {
			t.Errorf("%s: the recorder missed %q; it saw:\n%s", c.path, c.want, got[c.path])
		}
	}
	tb.openStatus("/xss/")
	if traces := eval[[]string](tb, domTracesJS); len(traces) < 2 {
		t.Errorf("the DOM trace check missed an onerror handler that ran: %q", traces)
	}
	tb.take()
	tb.viewport(360, 740, true)
	tb.open("/wide/")
	if o := overflow(tb); len(o) == 0 {
		t.Error("the overflow check missed a 1000 px wide block at 360 px")
	}
}

// overflowJS lists why the page scrolls sideways, or nothing.
const overflowJS = `(() => {
  const de = document.documentElement, w = de.clientWidth;
  if (de.scrollWidth <= w) return [];
  const out = ['scrollWidth ' + de.scrollWidth + ' > clientWidth ' + w];
  const clips = (e) => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o !== 'visible') return true; } return false; };
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if ((r.right > w + 1 || r.left < -1) && r.width > 0 && !clips(e)) {
      out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className == 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
        ' from ' + Math.round(r.left) + ' to ' + Math.round(r.right) + ': ' + JSON.stringify((e.textContent || '').trim().slice(0, 50)));
      if (out.length > 6) break;
    }
  }
  return out;
})()`

func overflow(tb *tab) []string {
	tb.t.Helper()
	return eval[[]string](tb, overflowJS)
}

// testEveryPage loads every page of the build, both languages, as a phone
// 360 px wide: no console message, no CSP violation, no request elsewhere,
// no failed load, and no sideways scrolling.
func testEveryPage(t *testing.T, b *browser, s *site) {
	tb := b.tab(t, s)
	tb.viewport(360, 740, true)
	pages := append(s.pages(), "/no-such-page/", "/ru/no-such-page/")
	for _, p := range pages {
		want := int64(200)
		if strings.Contains(p, "no-such-page") {
			want = 404
		}
		if got := tb.openStatus(p); got != want {
			t.Errorf("%s: HTTP status %d, want %d", p, got, want)
		}
		for _, problem := range tb.take() {
			t.Errorf("%s: %s", p, problem)
		}
		if o := overflow(tb); len(o) > 0 {
			t.Errorf("%s scrolls sideways at 360 px: %s", p, strings.Join(o, "; "))
		}
	}
	t.Logf("%d pages loaded at 360 px", len(pages))
}

// kind is one kind of page and the path that stands for it (English).
type kind struct{ name, path string }

// kinds picks one page of every kind from the build; a kind the build lacks
// is an error, since every kind is part of the site's design.
func kinds(t *testing.T, s *site) []kind {
	t.Helper()
	pick := func(prefix string, prefer ...string) string {
		for _, p := range prefer {
			if s.has(prefix + p + "/") {
				return prefix + p + "/"
			}
		}
		for _, p := range s.pages() {
			rest, ok := strings.CutPrefix(p, prefix)
			if ok && strings.Count(rest, "/") == 1 && rest != "/" && rest != "" {
				return p
			}
		}
		return ""
	}
	all := []kind{
		{"home", "/"},
		{"course", "/course/"},
		{"chapter", pick("/course/", "protecting-yourself")},
		{"about", "/about/"},
		{"vendors", "/vendors/"},
		{"vendor", pick("/vendors/", "oneplus-oxygenos")},
		{"categories", "/categories/"},
		{"category", pick("/categories/", "device-identifiers")},
		{"compare", "/compare/"},
		{"methodology", "/methodology/"},
		{"incidents", "/incidents/"},
		{"api", "/api/"},
		{"search", "/search/"},
		{"404", "/no-such-page/"},
	}
	var out []kind
	for _, k := range all {
		if k.name != "404" && (k.path == "" || !s.has(k.path) || !s.has("/ru"+k.path)) {
			t.Errorf("the build has no %s page in both languages (%q)", k.name, k.path)
			continue
		}
		out = append(out, k)
	}
	return out
}

// both returns the English and the Russian path of a kind.
func both(k kind) [2]string { return [2]string{k.path, "/ru" + k.path} }

// testKinds checks, on every kind of page in both languages at 1280 px: the
// dark theme applies, and the language switcher lands on the same page in
// the other language.
func testKinds(t *testing.T, b *browser, s *site) {
	tb := b.tab(t, s)
	tb.viewport(1280, 900, false)
	for _, k := range kinds(t, s) {
		for i, p := range both(k) {
			t.Run(k.name+"/"+[]string{"en", "ru"}[i], func(t *testing.T) {
				tb.t = t
				tb.scheme(false)
				if want := map[bool]int64{true: 404, false: 200}[k.name == "404"]; tb.openStatus(p) != want {
					t.Errorf("%s: want HTTP status %d", p, want)
				}
				light := colours(tb)
				tb.scheme(true)
				tb.settle()
				dark := colours(tb)
				tb.scheme(false)
				if !(dark.bg < 0.2 && light.bg > 0.6) {
					t.Errorf("dark theme: background luminance %.2f in light, %.2f in dark (want light > 0.6, dark < 0.2)", light.bg, dark.bg)
				}
				if !(dark.fg > dark.bg+0.3) {
					t.Errorf("dark theme: text luminance %.2f on background %.2f", dark.fg, dark.bg)
				}
				if k.name != "404" {
					switchLanguage(t, tb, p)
				}
				for _, problem := range tb.take() {
					t.Errorf("%s: %s", p, problem)
				}
			})
		}
	}
}

// switchLanguage clicks the other language in the switcher and checks the
// landing page is the same page in that language.
func switchLanguage(t *testing.T, tb *tab, from string) {
	t.Helper()
	want, lang := "/ru"+from, "ru"
	if rest, ok := strings.CutPrefix(from, "/ru/"); ok {
		want, lang = "/"+rest, "en"
	}
	sel := `nav.langs a[hreflang="` + lang + `"]`
	if n := eval[int](tb, `document.querySelectorAll('`+sel+`').length`); n != 1 {
		t.Errorf("%s: %d links to %s in the language switcher, want 1", from, n, lang)
		return
	}
	clickAndWait(tb, chromedp.CSS(sel))
	tb.settle()
	if got := tb.path(); got != want {
		t.Errorf("%s: the language switcher landed on %s, want %s", from, got, want)
	}
	if got := eval[string](tb, `document.documentElement.lang`); got != lang {
		t.Errorf("%s: after switching, <html lang=%q>, want %q", from, got, lang)
	}
}

// luminance of the page's background (body, else html) and text colour.
type luma struct{ bg, fg float64 }

func colours(tb *tab) luma {
	tb.t.Helper()
	c := eval[[]string](tb, `(() => {
  const cs = (e) => getComputedStyle(e);
  const clear = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  let bg = cs(document.body).backgroundColor;
  if (clear(bg)) bg = cs(document.documentElement).backgroundColor;
  return [bg, cs(document.body).color];
})()`)
	return luma{relLuminance(tb.t, c[0]), relLuminance(tb.t, c[1])}
}

// relLuminance is the WCAG relative luminance of a CSS rgb()/rgba() colour.
func relLuminance(t testing.TB, css string) float64 {
	t.Helper()
	open := strings.IndexByte(css, '(')
	if open < 0 || !strings.HasSuffix(css, ")") {
		t.Fatalf("cannot read colour %q", css)
	}
	parts := strings.FieldsFunc(css[open+1:len(css)-1], func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
	if len(parts) < 3 {
		t.Fatalf("cannot read colour %q", css)
	}
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseFloat(parts[i], 64)
		if err != nil {
			t.Fatalf("cannot read colour %q: %v", css, err)
		}
		v /= 255
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		l += w * v
	}
	return l
}
