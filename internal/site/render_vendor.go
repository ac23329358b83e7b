package site

import "strings"

// A record's page and its column of /compare/ are written by code: there
// are two of each per record (one per language), and at 10,000 records the
// template engine spent more time on them than every other stage of the
// build together. The markup is the one the templates had; escaping is
// html/template's (escape.go).

// vendorMain writes the part of a record's page that is the record.
func (w *pageWriter) vendorMain(v *vendorView) {
	w.raw("\n<article class=\"vendor\"")
	if w.v.Fallback() {
		w.attr("lang", v.ContentLang)
	}
	w.raw(">\n<header>\n  <p class=\"kicker\">")
	w.text(v.Kind)
	w.raw(" · ")
	w.text(strings.Join(v.Platforms, ", "))
	w.raw("</p>\n  <h1>")
	w.text(v.Name)
	w.raw("</h1>")
	if v.Versions != "" {
		w.raw("<p class=\"meta\">")
		w.ui("vendor.versions")
		w.raw(": ")
		w.text(v.Versions)
		w.raw("</p>")
	}
	w.raw("\n  <div class=\"summary\">")
	w.html(v.Summary)
	w.raw("</div>\n</header>\n\n")
	w.vendorVerdict(v)
	w.raw("\n\n")
	w.vendorCollects(v)
	w.vendorWays(v)
	w.vendorEndpoints(v)
	w.vendorIncidents(v)
	w.raw("\n\n")
	w.sectionHead("sources", "vendor.sources")
	w.raw("\n  <ol class=\"sources\">")
	for _, s := range v.Sources {
		w.raw("\n    <li id=\"source-")
		w.int(s.N)
		w.raw("\"><a href=\"")
		w.url(s.Source.URL)
		w.raw("\" rel=\"nofollow noopener\">")
		w.text(s.Source.Title)
		w.raw("</a>, ")
		w.text(s.Source.Publisher)
		if s.Published != "" {
			w.raw(", ")
			w.text(s.Published)
		}
		w.raw(". <span class=\"muted\">")
		w.ui("vendor.accessed")
		w.raw(" ")
		w.text(s.Accessed)
		w.raw("</span></li>")
	}
	w.raw("\n  </ol>\n</section>\n\n<footer class=\"record-meta\">\n  <p>")
	w.ui("vendor.reviewed")
	w.raw(" <time datetime=\"")
	w.text(v.Reviewed)
	w.raw("\">")
	w.text(v.Reviewed)
	w.raw("</time>")
	if v.NeedsReview {
		w.raw(" <span class=\"badge needs-review\">")
		w.ui("vendor.needsreview")
		w.raw("</span>")
	}
	w.raw("</p>\n  <p><a href=\"")
	w.url(v.EditURL)
	w.raw("\">")
	w.ui("vendor.edit")
	w.raw("</a> · <a href=\"")
	w.url(v.JSONURL)
	w.raw("\" type=\"application/json\">")
	w.ui("vendor.json")
	w.raw("</a>")
	if v.HostsURL != "" {
		w.raw(" · <a href=\"")
		w.url(v.HostsURL)
		w.raw("\" type=\"text/plain\">")
		w.ui("vendor.hostsfile")
		w.raw("</a>")
	}
	w.raw("</p>\n</footer>\n</article>\n")
}

func (w *pageWriter) vendorVerdict(v *vendorView) {
	w.raw("<section class=\"verdict verdict-")
	w.text(string(v.Verdict.Level))
	w.raw("\" aria-labelledby=\"verdict\">\n  <h2 id=\"verdict\">")
	w.ui("vendor.verdict")
	w.raw(": <span class=\"badge ")
	w.text(string(v.Verdict.Level))
	w.raw("\">")
	w.text(v.Level.Title)
	w.raw("</span></h2>\n  <p>")
	w.text(v.Level.Explanation)
	w.raw("</p>")
	if len(v.Reasons) > 0 {
		methodology := w.v.Link("/methodology/")
		w.raw("\n  <ul class=\"reasons\">")
		for _, r := range v.Reasons {
			w.raw("\n    <li class=\"reason ")
			w.text(string(r.Level))
			w.raw("\"><span class=\"badge ")
			w.text(string(r.Level))
			w.raw("\">")
			w.text(r.Label)
			w.raw("</span> <a href=\"")
			w.url(methodology)
			w.raw("#rule-")
			w.fragment(r.Rule)
			w.raw("\">")
			w.text(r.Text)
			w.raw("</a>")
			if r.Alleged {
				w.raw(" <em class=\"alleged\">(")
				w.ui("status.alleged")
				w.raw(")</em>")
			}
			w.raw("</li>")
		}
		w.raw("\n  </ul>")
	}
	w.raw("\n  <p>")
	if v.Verdict.CanTurnOff {
		w.ui("vendor.canoff")
	} else {
		w.ui("vendor.cannotoff")
	}
	w.raw(" <a href=\"")
	w.url(w.v.Link("/methodology/"))
	w.raw("\">")
	w.ui("vendor.howjudged")
	w.raw("</a></p>\n</section>")
}

func (w *pageWriter) vendorCollects(v *vendorView) {
	w.sectionHead("collects", "vendor.collects")
	w.raw("\n  <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"collects\">\n  <table class=\"collects\">\n    <thead><tr>\n      ")
	for i, key := range [...]string{"category", "items", "linked", "purposes", "default", "offswitch", "status", "sources"} {
		if i == 3 {
			w.raw("\n      ")
		}
		w.raw("<th scope=\"col\">")
		w.ui("col." + key)
		w.raw("</th>")
	}
	w.raw("\n    </tr></thead>\n    <tbody>")
	categories := w.v.Link("/categories/")
	for _, c := range v.Collects {
		w.raw("\n      <tr class=\"level-")
		w.text(string(c.Level))
		w.raw("\">\n        <th scope=\"row\"><a href=\"")
		w.url(categories)
		w.urlPart(c.Category.ID)
		w.raw("/\">")
		w.text(c.Category.Label)
		w.raw("</a></th>\n        <td>")
		w.text(strings.Join(c.Items, ", "))
		if c.Note != "" {
			w.raw("<p class=\"note\">")
			w.html(c.Note)
			w.raw("</p>")
		}
		w.raw("</td>\n        <td><span class=\"link-")
		w.text(c.Linked.ID)
		w.raw("\">")
		w.text(c.Linked.Label)
		w.raw("</span></td>\n        <td>")
		w.collectionCells(c.Purposes, c.Default, c.OffSwitch, c.Status)
		if c.Disclosed == "undisclosed" {
			w.raw("; ")
			w.ui("disclosed.undisclosed")
		}
		w.raw("</td>\n        <td>")
		w.refs(c.Sources)
		w.raw("</td>\n      </tr>")
	}
	w.raw("\n    </tbody>\n  </table>\n  </div>\n</section>")
}

func (w *pageWriter) vendorWays(v *vendorView) {
	if len(v.Ways) == 0 {
		return
	}
	w.raw("\n")
	w.sectionHead("stop", "vendor.stop")
	for _, way := range v.Ways {
		w.raw("\n  <h3 id=\"way-")
		w.text(way.Way)
		w.raw("\">")
		w.ui("way." + way.Way)
		w.raw("</h3>\n  <ul class=\"controls\">")
		for _, c := range way.Controls {
			w.raw("\n    <li><p><strong>")
			w.text(c.Kind.Label)
			w.raw(".</strong> ")
			w.html(c.How)
			w.raw(" <span class=\"stops\">")
			w.ui("stops." + c.Stops)
			w.raw("</span> ")
			w.refs(c.Sources)
			w.raw("</p>")
			w.html(c.Snippet)
			w.raw("</li>")
		}
		w.raw("\n  </ul>")
	}
	w.raw("\n</section>")
}

func (w *pageWriter) vendorEndpoints(v *vendorView) {
	if len(v.Endpoints) == 0 {
		return
	}
	w.raw("\n")
	w.sectionHead("endpoints", "vendor.endpoints")
	w.raw("\n\n  <ul class=\"endpoints\">")
	for _, e := range v.Endpoints {
		w.raw("\n    <li><code>")
		w.text(e.Host)
		w.raw("</code>")
		if e.Purpose != "" {
			w.raw(" — ")
			w.text(e.Purpose)
		}
		w.raw(" ")
		w.refs(e.Sources)
		w.raw("</li>")
	}
	w.raw("\n  </ul>")
	if v.HostsSnippet != "" {
		w.raw("\n  <p>")
		w.ui("vendor.hostslead")
		w.raw(" <a href=\"")
		w.url(v.HostsURL)
		w.raw("\" type=\"text/plain\">")
		w.ui("vendor.hostsfile")
		w.raw("</a></p>\n  ")
		w.html(v.HostsSnippet)
	}
	w.raw("\n</section>")
}

func (w *pageWriter) vendorIncidents(v *vendorView) {
	if len(v.Incidents) == 0 {
		return
	}
	w.raw("\n")
	w.sectionHead("incidents", "vendor.incidents")
	w.raw("\n  <ol class=\"timeline\">")
	for _, inc := range v.Incidents {
		w.raw("\n    <li id=\"")
		w.text(inc.Anchor)
		w.raw("\"><time datetime=\"")
		w.text(inc.Date)
		w.raw("\">")
		w.text(inc.Date)
		w.raw("</time> <strong>")
		w.text(inc.Title)
		w.raw("</strong> ")
		w.html(inc.SummaryHTML)
		w.raw(" ")
		w.refs(inc.Refs)
		w.raw("</li>")
	}
	w.raw("\n  </ol>\n</section>")
}

// sectionHead opens a section of a record's page, labelled by its heading:
// id is the heading's id, key its UI string.
func (w *pageWriter) sectionHead(id, key string) {
	w.raw("<section aria-labelledby=\"")
	w.text(id)
	w.raw("\">\n  <h2 id=\"")
	w.text(id)
	w.raw("\">")
	w.ui(key)
	w.raw("</h2>")
}

// collectionCells writes the cells a collected item has in every table
// that lists it, from inside its purposes cell to inside its status cell:
// what it is used for, whether it is on by default, its off switch and the
// evidence.
func (w *pageWriter) collectionCells(purposes []labelled, byDefault, offSwitch, status string) {
	w.labels(purposes)
	w.raw("</td>\n        <td>")
	w.ui("default." + byDefault)
	w.raw("</td>\n        <td>")
	w.ui("offswitch." + offSwitch)
	w.raw("</td>\n        <td>")
	w.ui("status." + status)
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
