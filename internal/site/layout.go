package site

import "bytes"

// The layout every page shares: the head with its CSP and alternates, the
// header with the navigation, the language switcher and the search box, and
// the footer. It is code rather than a template because it is written
// 30,000 times for a site of 10,000 records; a page's own part is a
// template (templates/<name>.html, "head" and "main") or, for the pages
// that exist once per record, code too (render_vendor.go).

// contentSecurityPolicy is the policy of every page: nothing from another
// origin, no inline script or style.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// navEntries are the sections of the main navigation, in order.
var navEntries = [...]string{"course", "vendors", "compare", "incidents", "methodology", "about"}

// layout writes the page around main; head adds to the page's <head>.
// It writes minified (see pageWriter): whitespace only where htmlmin keeps
// it, between two phrasing elements of the search form.
func (w *pageWriter) layout(head, main func(*pageWriter)) {
	v := w.v
	w.raw("<!doctype html><html")
	w.mattr("html", "lang", v.Lang)
	w.raw(" dir=\"ltr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta http-equiv=\"Content-Security-Policy\" content=\"" +
		contentSecurityPolicy + "\"><meta name=\"referrer\" content=\"no-referrer\"><meta name=\"color-scheme\" content=\"light dark\"><title>")
	if v.Title != "" {
		w.mtext(v.Title)
		w.raw(" · ")
	}
	w.mtext(v.SiteTitle())
	w.raw("</title>")
	if v.Description != "" {
		w.raw("<meta name=\"description\"")
		w.mattr("meta", "content", v.Description)
		w.raw(">")
	}
	if v.NoIndex {
		w.raw("<meta name=\"robots\" content=\"noindex\">")
	} else {
		w.raw("<link rel=\"canonical\"")
		w.murl("link", "href", v.Canonical())
		w.raw(">")
		for _, a := range v.Alternates {
			w.alternate(a.Lang, a.URL)
		}
		if len(v.Alternates) > 0 {
			w.alternate("x-default", v.Alternates[0].URL)
		}
	}
	w.shared(layoutKey{part: assetsPart}, (*pageWriter).assetLinks)
	if head != nil {
		head(w)
	}
	w.shared(layoutKey{part: topPart, lang: v.Lang, section: v.Section}, (*pageWriter).top)
	for _, a := range v.Alternates {
		w.raw("<li><a")
		w.murl("a", "href", a.URL)
		w.mattr("a", "hreflang", a.Lang)
		w.mattr("a", "lang", a.Lang)
		if a.Lang == v.Lang {
			w.raw(" aria-current=\"true\"")
		}
		w.raw(">")
		w.mtext(v.LangName(a.Lang))
		w.raw("</a></li>")
	}
	w.shared(layoutKey{part: searchPart, lang: v.Lang}, (*pageWriter).search)
	if v.Fallback() {
		w.raw("<p class=\"notice\" role=\"note\">")
		w.mui("fallback")
		w.raw("</p>")
	}
	main(w)
	w.shared(layoutKey{part: footerPart, lang: v.Lang}, (*pageWriter).footer)
}

// The parts of the layout that are the same on every page of a language
// (and, for the navigation, of a section) are written once per build and
// copied after that: they are most of the values a page writes.
type layoutKey struct {
	part          layoutPart
	lang, section string
}

type layoutPart uint8

const (
	assetsPart layoutPart = iota // the stylesheets, icon and script of <head>
	topPart                      // from </head> to the list of languages
	searchPart                   // from the end of that list to <main>
	footerPart                   // from </main> to the end
)

// written is a part of the layout as it was written once.
type written struct {
	b       []byte
	minimal bool
}

// shared writes the part key of the layout with write the first time, and
// copies what it wrote after that. A part whose writing failed (a missing
// UI string) is written again by the next page, which fails too.
func (w *pageWriter) shared(key layoutKey, write func(*pageWriter)) {
	if p, ok := w.v.b.layout.Load(key); ok {
		p := p.(written)
		w.b = append(w.b, p.b...)
		w.minimal = w.minimal && p.minimal
		return
	}
	start, minimal := len(w.b), w.minimal
	w.minimal = true
	write(w)
	if w.err == nil {
		w.v.b.layout.Store(key, written{b: bytes.Clone(w.b[start:]), minimal: w.minimal})
	}
	w.minimal = minimal && w.minimal
}

// assetLinks writes the stylesheets, the icon and the script of <head>.
func (w *pageWriter) assetLinks() {
	for _, css := range [...]string{"css/site.css", "css/code.css", "css/search.css"} {
		w.raw("<link rel=\"stylesheet\"")
		w.murl("link", "href", w.asset(css))
		w.raw(">")
	}
	w.raw("<link rel=\"icon\"")
	w.murl("link", "href", w.asset("favicon.svg"))
	w.raw(" type=\"image/svg+xml\"><script")
	w.murl("script", "src", w.asset("js/search.js"))
	w.raw(" defer></script>")
}

// top writes the layout from the end of <head> to the list of languages:
// the skip link, the brand, the navigation with the page's section marked.
func (w *pageWriter) top() {
	v := w.v
	w.raw("</head><body><a class=\"skip\" href=\"#main\">")
	w.mui("skip")
	w.raw("</a><header class=\"site-header\"><div class=\"bar\"><a class=\"brand\"")
	w.murl("a", "href", v.Link("/"))
	w.raw(">")
	w.mtext(v.SiteTitle())
	w.raw("</a><nav class=\"nav\"")
	w.mattr("nav", "aria-label", w.uiText("nav.label"))
	w.raw("><ul>")
	for _, section := range navEntries {
		w.raw("<li><a")
		w.murl("a", "href", v.Link("/"+section+"/"))
		if v.Section == section {
			w.raw(" aria-current=\"page\"")
		}
		w.raw(">")
		w.mui("nav." + section)
		w.raw("</a></li>")
	}
	w.raw("</ul></nav><nav class=\"langs\"")
	w.mattr("nav", "aria-label", w.uiText("lang.label"))
	w.raw("><ul>")
}

// search writes the layout from the end of the list of languages to the
// start of <main>: the search box.
func (w *pageWriter) search() {
	w.raw("</ul></nav></div>")
	w.searchBox()
	w.raw("</header><main id=\"main\" tabindex=\"-1\">")
}

// footer writes the layout from the end of <main> to the end.
func (w *pageWriter) footer() {
	v := w.v
	w.raw("</main><footer class=\"site-footer\"><p>")
	w.mui("footer.license")
	w.raw(" ")
	w.mlink(v.Repository(), w.uiText("footer.source"))
	w.raw("</p><p>")
	w.mui("footer.privacy")
	w.raw("</p></footer></body></html>")
}

// alternate writes one hreflang link of the head.
func (w *pageWriter) alternate(lang, url string) {
	w.raw("<link rel=\"alternate\"")
	w.mattr("link", "hreflang", lang)
	w.murl("link", "href", w.v.Absolute(url))
	w.raw(">")
}

// searchBox is the search form of the header: a plain GET form to /search/
// that search.js turns into a combobox.
func (w *pageWriter) searchBox() {
	v := w.v
	w.raw("<form class=\"search\" role=\"search\"")
	w.murl("form", "action", v.Link("/search/"))
	w.raw(" method=\"get\"")
	w.mattr("form", "data-search-index", v.SearchIndex())
	w.mattr("form", "data-search-lang", v.Lang)
	w.raw("><label class=\"visually-hidden\" for=\"search-q\">")
	w.mui("search.label")
	w.raw("</label>\n<input id=\"search-q\" type=\"text\" enterkeyhint=\"search\" name=\"q\" autocomplete=\"off\" spellcheck=\"false\"")
	w.mattr("input", "placeholder", w.uiText("search.placeholder"))
	w.raw(" role=\"combobox\" aria-expanded=\"false\" aria-controls=\"search-results\" aria-autocomplete=\"list\">\n<button type=\"submit\">")
	w.mui("search.button")
	w.raw("</button><div class=\"search-results\" id=\"search-results\" role=\"listbox\"")
	w.mattr("div", "aria-label", w.uiText("search.results"))
	w.raw(" hidden></div><p class=\"search-status visually-hidden\" role=\"status\" aria-live=\"polite\"></p></form>")
}
