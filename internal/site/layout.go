package site

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
func (w *pageWriter) layout(head, main func(*pageWriter)) {
	v := w.v
	w.raw("<!DOCTYPE html>\n<html lang=\"")
	w.text(v.Lang)
	w.raw("\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"" +
		contentSecurityPolicy + "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<title>")
	if v.Title != "" {
		w.text(v.Title)
		w.raw(" · ")
	}
	w.text(v.SiteTitle())
	w.raw("</title>")
	if v.Description != "" {
		w.raw("\n<meta name=\"description\" content=\"")
		w.text(v.Description)
		w.raw("\">")
	}
	if v.NoIndex {
		w.raw("\n<meta name=\"robots\" content=\"noindex\">")
	} else {
		w.raw("\n<link rel=\"canonical\" href=\"")
		w.url(v.Canonical())
		w.raw("\">")
		for _, a := range v.Alternates {
			w.alternate(a.Lang, a.URL)
		}
		if len(v.Alternates) > 0 {
			w.alternate("x-default", v.Alternates[0].URL)
		}
	}
	for _, css := range [...]string{"css/site.css", "css/code.css", "css/search.css"} {
		w.raw("\n<link rel=\"stylesheet\" href=\"")
		w.url(w.asset(css))
		w.raw("\">")
	}
	w.raw("\n<link rel=\"icon\" href=\"")
	w.url(w.asset("favicon.svg"))
	w.raw("\" type=\"image/svg+xml\">\n<script src=\"")
	w.url(w.asset("js/search.js"))
	w.raw("\" defer></script>")
	if head != nil {
		head(w)
	}
	w.raw("\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
	w.ui("skip")
	w.raw("</a>\n<header class=\"site-header\">\n  <div class=\"bar\">\n    <a class=\"brand\" href=\"")
	w.url(v.Link("/"))
	w.raw("\">")
	w.text(v.SiteTitle())
	w.raw("</a>\n    <nav class=\"nav\" aria-label=\"")
	w.ui("nav.label")
	w.raw("\">\n      <ul>")
	for _, section := range navEntries {
		w.raw("\n        <li><a href=\"")
		w.url(v.Link("/" + section + "/"))
		w.raw("\"")
		if v.Section == section {
			w.raw(" aria-current=\"page\"")
		}
		w.raw(">")
		w.ui("nav." + section)
		w.raw("</a></li>")
	}
	w.raw("\n      </ul>\n    </nav>\n    <nav class=\"langs\" aria-label=\"")
	w.ui("lang.label")
	w.raw("\">\n      <ul>")
	for _, a := range v.Alternates {
		w.raw("\n        <li><a href=\"")
		w.url(a.URL)
		w.raw("\" hreflang=\"")
		w.text(a.Lang)
		w.raw("\" lang=\"")
		w.text(a.Lang)
		w.raw("\"")
		if a.Lang == v.Lang {
			w.raw(" aria-current=\"true\"")
		}
		w.raw(">")
		w.text(v.LangName(a.Lang))
		w.raw("</a></li>")
	}
	w.raw("\n      </ul>\n    </nav>\n  </div>\n  ")
	w.searchBox()
	w.raw("\n</header>\n<main id=\"main\" tabindex=\"-1\">")
	if v.Fallback() {
		w.raw("\n<p class=\"notice\" role=\"note\">")
		w.ui("fallback")
		w.raw("</p>")
	}
	w.raw("\n")
	main(w)
	w.raw("\n</main>\n<footer class=\"site-footer\">\n  <p>")
	w.ui("footer.license")
	w.raw(" <a href=\"")
	w.url(v.Repository())
	w.raw("\">")
	w.ui("footer.source")
	w.raw("</a></p>\n  <p>")
	w.ui("footer.privacy")
	w.raw("</p>\n</footer>\n</body>\n</html>\n")
}

// alternate writes one hreflang link of the head.
func (w *pageWriter) alternate(lang, url string) {
	w.raw("\n<link rel=\"alternate\" hreflang=\"")
	w.text(lang)
	w.raw("\" href=\"")
	w.url(w.v.Absolute(url))
	w.raw("\">")
}

// searchBox is the search form of the header: a plain GET form to /search/
// that search.js turns into a combobox.
func (w *pageWriter) searchBox() {
	v := w.v
	w.raw("\n<form class=\"search\" role=\"search\" action=\"")
	w.url(v.Link("/search/"))
	w.raw("\" method=\"get\" data-search-index=\"")
	w.text(v.SearchIndex())
	w.raw("\" data-search-lang=\"")
	w.text(v.Lang)
	w.raw("\">\n  <label class=\"visually-hidden\" for=\"search-q\">")
	w.ui("search.label")
	w.raw("</label>\n  <input id=\"search-q\" type=\"text\" enterkeyhint=\"search\" name=\"q\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"")
	w.ui("search.placeholder")
	w.raw("\" role=\"combobox\" aria-expanded=\"false\" aria-controls=\"search-results\" aria-autocomplete=\"list\">\n  <button type=\"submit\">")
	w.ui("search.button")
	w.raw("</button>\n  <div class=\"search-results\" id=\"search-results\" role=\"listbox\" aria-label=\"")
	w.ui("search.results")
	w.raw("\" hidden></div>\n  <p class=\"search-status visually-hidden\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n")
}
