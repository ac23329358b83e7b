package site

import "strings"

// A record's page and its column of /compare/ are written by code: there
// are two of each per record (one per language), and at 10,000 records the
// template engine spent more time on them than every other stage of the
// build together. The markup is the one the templates had; escaping is
// html/template's (escape.go). The record's page is also written minified,
// as htmlmin would write it (see pageWriter): at 10,000 records, minifying
// these pages was half of all minifying.

// vendorMain writes the part of a record's page that is the record,
// minified as the layout is (see pageWriter): the page is not minified
// again.
func (w *pageWriter) vendorMain(v *vendorView) {
	w.raw("<article class=\"vendor\"")
	if w.v.Fallback() {
		w.mattr("article", "lang", v.ContentLang)
	}
	w.raw("><header><p class=\"kicker\">")
	w.mtext(v.Kind)
	w.raw(" · ")
	w.mtext(strings.Join(v.Platforms, ", "))
	w.raw("</p><h1>")
	w.mtext(v.Name)
	w.raw("</h1>")
	if v.Versions != "" {
		w.raw("<p class=\"meta\">")
		w.mui("vendor.versions")
		w.raw(": ")
		w.mtext(v.Versions)
		w.raw("</p>")
	}
	w.raw("<div class=\"summary\">")
	w.markup(v.Summary)
	w.raw("</div></header>")
	w.vendorVerdict(v)
	w.vendorCollects(v)
	w.vendorWays(v)
	w.vendorEndpoints(v)
	w.vendorIncidents(v)
	w.sectionHead("sources", "vendor.sources")
	w.raw("<ol class=\"sources\">")
	for _, s := range v.Sources {
		w.raw("<li id=\"source-")
		w.int(s.N)
		w.raw("\"><a")
		w.murl("a", "href", s.Source.URL)
		w.raw(" rel=\"nofollow noopener\">")
		w.mtext(s.Source.Title)
		w.raw("</a>, ")
		w.mtext(s.Source.Publisher)
		if s.Published != "" {
			w.raw(", ")
			w.mtext(s.Published)
		}
		w.raw(". <span class=\"muted\">")
		w.mui("vendor.accessed")
		w.raw(" ")
		w.mtext(s.Accessed)
		w.raw("</span></li>")
	}
	w.raw("</ol></section><footer class=\"record-meta\"><p>")
	w.mui("vendor.reviewed")
	w.raw(" <time")
	w.mattr("time", "datetime", v.Reviewed)
	w.raw(">")
	w.mtext(v.Reviewed)
	w.raw("</time>")
	if v.NeedsReview {
		w.raw(" <span class=\"badge needs-review\">")
		w.mui("vendor.needsreview")
		w.raw("</span>")
	}
	w.raw("</p><p>")
	w.mlink(v.EditURL, w.uiText("vendor.edit"))
	w.raw(" · <a")
	w.murl("a", "href", v.JSONURL)
	w.raw(" type=\"application/json\">")
	w.mui("vendor.json")
	w.raw("</a>")
	if v.HostsURL != "" {
		w.raw(" · <a")
		w.murl("a", "href", v.HostsURL)
		w.raw(" type=\"text/plain\">")
		w.mui("vendor.hostsfile")
		w.raw("</a>")
	}
	w.raw("</p></footer></article>")
}

func (w *pageWriter) vendorVerdict(v *vendorView) {
	w.raw("<section")
	w.mattr("section", "class", "verdict verdict-"+string(v.Verdict.Level))
	w.raw(" aria-labelledby=\"verdict\"><h2 id=\"verdict\">")
	w.mui("vendor.verdict")
	w.raw(": <span")
	w.mattr("span", "class", "badge "+string(v.Verdict.Level))
	w.raw(">")
	w.mtext(v.Level.Title)
	w.raw("</span></h2><p>")
	w.mtext(v.Level.Explanation)
	w.raw("</p>")
	if len(v.Reasons) > 0 {
		methodology := w.v.Link("/methodology/")
		w.raw("<ul class=\"reasons\">")
		for _, r := range v.Reasons {
			w.raw("<li")
			w.mattr("li", "class", "reason "+string(r.Level))
			w.raw("><span")
			w.mattr("span", "class", "badge "+string(r.Level))
			w.raw(">")
			w.mtext(r.Label)
			w.raw("</span> ")
			w.mlink(methodology+"#rule-"+string(appendURL(nil, r.Rule, false)), r.Text)
			if r.Alleged {
				w.raw(" <em class=\"alleged\">(")
				w.mui("status.alleged")
				w.raw(")</em>")
			}
			w.raw("</li>")
		}
		w.raw("</ul>")
	}
	w.raw("<p>")
	if v.Verdict.CanTurnOff {
		w.mui("vendor.canoff")
	} else {
		w.mui("vendor.cannotoff")
	}
	w.raw(" ")
	w.mlink(w.v.Link("/methodology/"), w.uiText("vendor.howjudged"))
	w.raw("</p></section>")
}

func (w *pageWriter) vendorCollects(v *vendorView) {
	w.sectionHead("collects", "vendor.collects")
	w.raw("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"collects\"><table class=\"collects\"><thead><tr>")
	for _, key := range [...]string{"category", "items", "linked", "purposes", "default", "offswitch", "status", "sources"} {
		w.raw("<th scope=\"col\">")
		w.mui("col." + key)
		w.raw("</th>")
	}
	w.raw("</tr></thead><tbody>")
	categories := w.v.Link("/categories/")
	for _, c := range v.Collects {
		w.raw("<tr")
		w.mattr("tr", "class", "level-"+string(c.Level))
		w.raw("><th scope=\"row\">")
		w.mlink(categories+c.Category.ID+"/", c.Category.Label)
		w.raw("</th><td>")
		w.mtext(strings.Join(c.Items, ", "))
		if c.Note != "" {
			w.raw("<p class=\"note\">")
			w.markup(c.Note)
			w.raw("</p>")
		}
		w.raw("</td><td><span")
		w.mattr("span", "class", "link-"+c.Linked.ID)
		w.raw(">")
		w.mtext(c.Linked.Label)
		w.raw("</span></td><td>")
		w.collectionCells(c.Purposes, c.Default, c.OffSwitch, c.Status)
		if c.Disclosed == "undisclosed" {
			w.raw("; ")
			w.mui("disclosed.undisclosed")
		}
		w.raw("</td><td>")
		w.refs(c.Sources)
		w.raw("</td></tr>")
	}
	w.raw("</tbody></table></div></section>")
}

func (w *pageWriter) vendorWays(v *vendorView) {
	if len(v.Ways) == 0 {
		return
	}
	w.sectionHead("stop", "vendor.stop")
	for _, way := range v.Ways {
		w.raw("<h3")
		w.mattr("h3", "id", "way-"+way.Way)
		w.raw(">")
		w.mui("way." + way.Way)
		w.raw("</h3><ul class=\"controls\">")
		for _, c := range way.Controls {
			w.raw("<li><p><strong>")
			w.mtext(c.Kind.Label)
			w.raw(".</strong> ")
			w.markup(c.How)
			w.raw(" <span class=\"stops\">")
			w.mui("stops." + c.Stops)
			w.raw("</span> ")
			w.refs(c.Sources)
			w.raw("</p>")
			w.markup(c.Snippet)
			w.raw("</li>")
		}
		w.raw("</ul>")
	}
	w.raw("</section>")
}

func (w *pageWriter) vendorEndpoints(v *vendorView) {
	if len(v.Endpoints) == 0 {
		return
	}
	w.sectionHead("endpoints", "vendor.endpoints")
	w.raw("<ul class=\"endpoints\">")
	for _, e := range v.Endpoints {
		w.raw("<li><code>")
		w.mtext(e.Host)
		w.raw("</code>")
		if e.Purpose != "" {
			w.raw(" — ")
			w.mtext(e.Purpose)
		}
		w.raw(" ")
		w.refs(e.Sources)
		w.raw("</li>")
	}
	w.raw("</ul>")
	if v.HostsSnippet != "" {
		w.raw("<p>")
		w.mui("vendor.hostslead")
		w.raw(" <a")
		w.murl("a", "href", v.HostsURL)
		w.raw(" type=\"text/plain\">")
		w.mui("vendor.hostsfile")
		w.raw("</a></p>")
		w.markup(v.HostsSnippet)
	}
	w.raw("</section>")
}

func (w *pageWriter) vendorIncidents(v *vendorView) {
	if len(v.Incidents) == 0 {
		return
	}
	w.sectionHead("incidents", "vendor.incidents")
	w.raw("<ol class=\"timeline\">")
	for _, inc := range v.Incidents {
		w.raw("<li")
		w.mattr("li", "id", inc.Anchor)
		w.raw("><time")
		w.mattr("time", "datetime", inc.Date)
		w.raw(">")
		w.mtext(inc.Date)
		w.raw("</time> <strong>")
		w.mtext(inc.Title)
		w.raw("</strong> ")
		w.markup(inc.SummaryHTML)
		w.raw(" ")
		w.refs(inc.Refs)
		w.raw("</li>")
	}
	w.raw("</ol></section>")
}

// sectionHead opens a section of a record's page, labelled by its heading:
// id is the heading's id, key its UI string.
func (w *pageWriter) sectionHead(id, key string) {
	w.raw("<section")
	w.mattr("section", "aria-labelledby", id)
	w.raw("><h2")
	w.mattr("h2", "id", id)
	w.raw(">")
	w.mui(key)
	w.raw("</h2>")
}

// collectionCells writes the cells a collected item has in every table
// that lists it, from inside its purposes cell to inside its status cell:
// what it is used for, whether it is on by default, its off switch and the
// evidence. It writes minified (see pageWriter).
func (w *pageWriter) collectionCells(purposes []labelled, byDefault, offSwitch, status string) {
	for i, t := range purposes {
		if i > 0 {
			w.raw(", ")
		}
		w.mtext(t.Label)
	}
	w.raw("</td><td>")
	w.mui("default." + byDefault)
	w.raw("</td><td>")
	w.mui("offswitch." + offSwitch)
	w.raw("</td><td>")
	w.mui("status." + status)
}

// refs writes the numbered links to a record's sources.
func (w *pageWriter) refs(refs []sourceRef) {
	for _, r := range refs {
		w.raw("<a class=\"ref\" href=\"#source-")
		w.int(r.N)
		w.raw("\">[")
		w.int(r.N)
		w.raw("]</a>")
	}
}

// compareColumns writes the columns of /compare/ of a few records, one
// document that tables.js takes the cells of the chosen ones from: a table
// with a column per record (data-v) and a row per row of /compare/
// (data-row).
func (w *pageWriter) compareColumns(rows []matrixRow) {
	w.raw("<!DOCTYPE html>\n<html lang=\"")
	w.text(w.v.Lang)
	w.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"robots\" content=\"noindex\">\n<title>")
	w.ui("compare.title")
	w.raw("</title>\n</head>\n<body>\n<table>\n  <thead><tr>")
	for i := range rows {
		r := &rows[i]
		w.raw("<th scope=\"col\" data-v=\"")
		w.text(r.Record.ID)
		w.raw("\"><a href=\"")
		w.url(r.URL)
		w.raw("\">")
		w.text(r.Name)
		w.raw("</a></th>")
	}
	w.raw("</tr></thead>\n  <tbody>")
	// row writes one row of the table: a cell per record, its attributes
	// after data-v and its content written by cell.
	row := func(key string, cell func(r *matrixRow)) {
		w.raw("\n    <tr data-row=\"")
		w.text(key)
		w.raw("\">")
		for i := range rows {
			w.raw("<td data-v=\"")
			w.text(rows[i].Record.ID)
			w.raw("\"")
			cell(&rows[i])
			w.raw("</td>")
		}
		w.raw("</tr>")
	}
	row("verdict", func(r *matrixRow) {
		w.raw("><span class=\"badge ")
		w.text(string(r.Verdict.Level))
		w.raw("\">")
		w.text(r.Level.Title)
		w.raw("</span>")
	})
	row("kind", func(r *matrixRow) {
		w.raw(">")
		w.text(r.Kind)
	})
	row("platforms", func(r *matrixRow) {
		w.raw(">")
		w.text(strings.Join(r.Platforms, ", "))
	})
	yes, no := w.uiText("matrix.yes"), w.uiText("matrix.no")
	row("off", func(r *matrixRow) {
		if r.Verdict.CanTurnOff {
			w.raw(" class=\"off-yes\">")
			w.text(yes)
		} else {
			w.raw(" class=\"off-no\">")
			w.text(no)
		}
	})
	if len(rows) == 0 {
		w.raw("\n  </tbody>\n</table>\n</body>\n</html>\n")
		return
	}
	for k, head := range rows[0].Cells {
		row("cat-"+head.Category, func(r *matrixRow) {
			c := &r.Cells[k]
			w.raw(" data-category=\"")
			w.text(c.Category)
			w.raw("\" data-link=\"")
			w.text(c.Link)
			w.raw("\" class=\"cell link-")
			w.text(c.Link)
			w.raw("\">")
			w.linkCell(c.Symbol, c.Text)
			if len(c.Items) > 0 {
				w.raw("<span class=\"items\">")
				w.text(strings.Join(c.Items, ", "))
				w.raw("</span>")
			}
		})
	}
	w.raw("\n  </tbody>\n</table>\n</body>\n</html>\n")
}
