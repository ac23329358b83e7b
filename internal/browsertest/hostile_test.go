package browsertest

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/telemetry-atlas/atlas/internal/testsite"
)

// The payloads of the hostile site. Each one that ran would leave a trace:
// a dialog, a console message with "PWNED", or window.__pwned.
const (
	pScript  = `<script>alert("PWNED-script");window.__pwned="script"</script>`
	pImg     = `<img src=x onerror="window.__pwned='img';alert('PWNED-img')">`
	pSVG     = `<svg/onload=alert('PWNED-svg')><animate onbegin="window.__pwned='svg'" attributeName=x dur=1s>`
	pAttr    = `"><script>console.log('PWNED-attr')</script><a href="javascript:alert('PWNED-js')">x</a>`
	pJSURL   = `javascript:alert('PWNED-link')`
	pEntity  = `&lt;script&gt;alert('PWNED-entity')&lt;/script&gt; &#x3C;b&#x3E; &amp &unknown; &#0; &#xD800; &`
	pRTL     = "\u202Etxt.exe\u202C and \u2067RTL\u2069 \u200F"
	pTmpl    = `{{.Secret}} {{template "x"}} </title></textarea></style><style>*{display:none}</style>`
	pIframe  = `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe><object data="javascript:alert('PWNED-object')"></object>`
	pMXSS    = `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`
	pComment = `<!-- --!><script>window.__pwned='comment'</script> <![CDATA[ ]]>`
)

// longWord is one word far wider than a phone.
var longWord = strings.Repeat("Telemetry", 40)

// yq quotes s as a YAML double-quoted scalar.
func yq(s string) string { return strconv.Quote(s) }

// rq quotes a payload for a record's text field. The checker refuses raw HTML
// and invisible characters in records and tells the writer to escape a
// literal < as \<, so the payloads go in that way: the escape must give text,
// never markup.
func rq(s string) string {
	s = strings.NewReplacer("<", `\<`, "\u202E", "", "\u202C", "", "\u2067", "", "\u2069", "", "\u200F", "").Replace(s)
	return yq(s)
}

// hostileRecord is a valid record whose free-text fields carry the payloads.
// The checker refuses raw HTML in records, so the payloads come escaped as it
// suggests (\<); a code snippet takes them raw.
func hostileRecord(id string) string {
	return `# yaml-language-server: $schema=schema.json
id: ` + id + `
vendor: ` + rq("Evil <b>Corp</b> "+pRTL) + `
product: ` + rq(pImg+" "+longWord) + `
kind: app
platforms: [android]
versions: ` + rq(pTmpl) + `
summary: ` + rq("Sends the "+longWord+" &amp; broken &entities; "+pRTL+" as *telemetry* — `"+pScript+"`.") + `
collects:
  - category: device-identifiers
    items: [` + rq(pScript) + `, ` + rq(pAttr) + `, ` + rq(longWord) + `]
    linked: identified
    purposes: [analytics]
    default: "on"
    off_switch: none
    disclosed: undisclosed
    status: confirmed
    note: ` + rq(pIframe) + `
    sources: [evil-2017]
endpoints:
  - host: telemetry.evil.test
    purpose: ` + rq(pSVG) + `
    sources: [evil-2017]
controls:
  - kind: hosts
    how: ` + rq(pMXSS+" "+pJSURL) + `
    snippet: ` + yq("0.0.0.0 telemetry.evil.test # "+pScript+"\n"+pEntity) + `
    lang: hosts
    stops: unknown
    sources: [evil-2017]
incidents:
  - date: 2017-10-10
    title: ` + rq(pScript+" "+pTmpl) + `
    summary: ` + rq("Found "+longWord+" in the stream "+pRTL+".") + `
    sources: [evil-2017]
sources:
  - id: evil-2017
    title: ` + rq(pAttr) + `
    url: https://example.org/report?q=%3Cscript%3E
    publisher: ` + rq(pSVG) + `
    published: 2017-10-10
    accessed: 2026-11-01
translations:
  ru:
    summary: ` + rq("Отправляет "+longWord+" "+pRTL+".") + `
reviewed: 2026-11-01
`
}

// hostileChapter is a chapter whose title and body carry every payload:
// raw HTML in Markdown shows as text, and unsafe links are not links.
func hostileChapter(lang string) string {
	return "---\ntitle: " + yq(pImg+" "+pRTL) + "\nkey: hostile\norder: 3\nsummary: " + yq(pScript+" "+longWord) + "\nupdated: 2026-11-01\n---\n\n" +
		pScript + "\n\n" + pImg + "\n\n" + pSVG + "\n\n" + pAttr + "\n\n" + pIframe + "\n\n" + pMXSS + "\n\n" + pComment + "\n\n" +
		"Entities: " + pEntity + "\n\n" +
		"Direction: " + pRTL + "\n\n" +
		"A long word: " + longWord + "\n\n" +
		"Templates: " + pTmpl + "\n\n" +
		"## " + longWord + " " + pRTL + " {#long}\n\n" +
		"Inline `" + pScript + "` code and a table:\n\n" +
		"| a | b |\n| --- | --- |\n| " + longWord + " | " + strings.ReplaceAll(pImg, "|", "") + " |\n\n" +
		"```html\n" + pScript + "\n" + pImg + "\n" + longWord + longWord + "\n```\n\n" +
		"See [the record](/vendors/evil-app/).\n"
}

// testHostile builds a site whose records and chapters are full of
// injection attempts with the project's own pipeline, serves it, and loads
// every page as a phone: no payload runs (no dialog, no console message, no
// trace in window), the payloads show as text, and nothing scrolls sideways.
func testHostile(t *testing.T, b *browser) {
	dir := testsite.Make(t, map[string]string{
		"vendors/evil-app.yaml":           hostileRecord("evil-app"),
		"content/en/course/03-hostile.md": hostileChapter("en"),
		"content/ru/course/03-hostile.md": hostileChapter("ru"),
		"content/en/pages/about.md":       "---\ntitle: " + yq(pSVG) + "\nkey: about\nsummary: " + yq(pAttr) + "\nupdated: 2026-11-01\n---\n\n" + pScript + " " + longWord + "\n",
		"content/ru/pages/about.md":       "---\ntitle: " + yq(pTmpl) + "\nkey: about\nsummary: " + yq(pRTL) + "\nupdated: 2026-11-01\n---\n\n" + pImg + "\n",
	})
	s := serve(t, buildSite(t, os.DirFS(dir)))
	tb := b.tab(t, s)
	tb.viewport(360, 740, true)

	checkPage := func(p string) {
		t.Helper()
		for _, problem := range tb.take() {
			t.Errorf("%s: %s", p, problem)
		}
		if o := overflow(tb); len(o) > 0 {
			t.Errorf("%s scrolls sideways at 360 px: %s", p, strings.Join(o, "; "))
		}
		if bad := eval[[]string](tb, domTracesJS); len(bad) > 0 {
			t.Errorf("%s: a payload reached the DOM as markup:\n\t%s", p, strings.Join(bad, "\n\t"))
		}
	}
	pages := append(s.pages(), "/no-such-"+url404(pScript))
	for _, p := range pages {
		tb.openStatus(p)
		checkPage(p)
	}

	// The payloads show as text where they were written.
	shows := []struct{ path, text string }{
		{"/course/hostile/", pScript},
		{"/course/hostile/", pImg},
		{"/course/hostile/", pIframe},
		{"/course/hostile/", longWord},
		{"/vendors/evil-app/", pImg},
		{"/vendors/evil-app/", pAttr},
		{"/vendors/evil-app/", pMXSS + " " + pJSURL},
		{"/vendors/evil-app/", "Evil <b>Corp</b>"},
	}
	for _, c := range shows {
		tb.open(c.path)
		// Plain-text record fields show the checker's \< escape as typed (see
		// the report of issue 7), and Markdown fields curl the quotes; either
		// way it must be text.
		if !eval[bool](tb, `document.body.textContent.replace(/\s+/g, ' ').replace(/\\</g, '<').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').includes(`+jsString(strings.Join(strings.Fields(c.text), " "))+`)`) {
			t.Errorf("%s does not show %.60q as text", c.path, c.text)
		}
		tb.take()
	}

	// Search: the payloads come back from the index as text.
	for _, root := range []string{"/", "/ru/"} {
		tb.open(root)
		tb.do(chromedp.Click(chromedp.ID("search-q")), chromedp.KeyEvent("pwned script"))
		waitFor(tb, `document.querySelector('#search-results a.search-option')`, "search results for the payloads")
		tb.settle()
		if text := eval[string](tb, `document.getElementById('search-results').textContent`); !strings.Contains(text, "<script>") && !strings.Contains(text, "<img") {
			t.Errorf("%s: the results for the payloads do not show them as text: %.200q", root, text)
		}
		checkPage(root + " (searching for the payloads)")
	}
	tb.open("/search/?q=telemetry+img+onerror")
	waitFor(tb, `document.querySelector('#search-page-results a.search-option')`, "search page results for the payloads")
	checkPage("/search/?q=telemetry+img+onerror")

	// Compare inserts the hostile record's column from its file.
	for _, root := range []string{"/", "/ru/"} {
		tb.open(root + "compare/?v=evil-app&v=acme-phone")
		if got := waitCompare(tb, []string{"evil-app", "acme-phone"}); len(got) != 2 {
			t.Errorf("%scompare/ with the hostile record shows %q", root, got)
		}
		checkPage(root + "compare/?v=evil-app&v=acme-phone")
	}

	if c := tb.consoleText(); strings.Contains(c, "PWNED") {
		t.Errorf("a payload wrote to the console or opened a dialog:\n%s", c)
	}
	t.Logf("%d hostile pages loaded at 360 px", len(pages))
}

// url404 makes a payload safe to put in a request path.
func url404(s string) string {
	return strings.NewReplacer("<", "%3C", ">", "%3E", `"`, "%22", " ", "%20").Replace(s)
}

// domTracesJS lists traces of a payload in the live DOM: a global it set,
// inline or foreign scripts, event-handler attributes, javascript: URLs,
// frames and objects, or markup inside the main content that a payload
// would bring (b, svg, style, math).
const domTracesJS = `(() => {
  const out = [];
  if (window.__pwned !== undefined) out.push('window.__pwned = ' + String(window.__pwned));
  for (const s of document.scripts) {
    const src = s.getAttribute('src');
    if (!src || !new URL(src, location.href).href.startsWith(location.origin + '/')) out.push('script ' + (src || 'inline: ' + s.textContent.slice(0, 60)));
  }
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (/^on/i.test(a.name)) out.push(e.tagName.toLowerCase() + ' has ' + a.name + '=' + a.value.slice(0, 60));
      if (/^\s*javascript:/i.test(a.value) && /^(href|src|action|formaction|data|xlink:href)$/i.test(a.name)) out.push(e.tagName.toLowerCase() + ' ' + a.name + '=' + a.value.slice(0, 60));
    }
  }
  for (const e of document.querySelectorAll('iframe, object, embed, base, meta[http-equiv=refresh], main svg, main math, main b, body style, main img[src=x]')) out.push('element ' + e.outerHTML.slice(0, 80));
  return out;
})()`
