package site

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/course"
)

// The rows of the tables that list every record (the matrix on /vendors/,
// the collectors on each /categories/<id>/) are written by code and handed
// to their templates as markup: at 10,000 records a matrix has 340,000
// cells, and the template engine spent seconds on each language's. The
// frame of each table stays in its template.

// rowWriter writes rows for a template page in lang, into a buffer of
// about size bytes: a table of every record is tens of MB, and growing to
// it by doubling would allocate it twice over.
func (b *builder) rowWriter(lang string, size int) *pageWriter {
	return &pageWriter{b: make([]byte, 0, size), v: view{Page: &Page{Lang: lang}, b: b}}
}

// minifiedRowWriter is rowWriter for rows written minified (see
// pageWriter), which their page splices in (view.Spliced).
func (b *builder) minifiedRowWriter(lang string, size int) *pageWriter {
	w := b.rowWriter(lang, size)
	w.minimal = true
	return w
}

// matrixRowsHTML writes the body rows of the matrix, minified.
func (b *builder) matrixRowsHTML(lang string, rows []matrixRow) (minifiedHTML, error) {
	// A row takes about 600 bytes and 150 – 170 a cell (3.2 – 3.4 kB at
	// 17 categories): sized with a little to spare, the buffer of a
	// table of 30 MB is made once and not copied as it grows.
	w := b.minifiedRowWriter(lang, len(rows)*(700+180*len(b.in.Taxonomy.Categories)))
	yes, no := w.uiText("matrix.yes"), w.uiText("matrix.no")
	for i := range rows {
		r := &rows[i]
		off, sort, text := "no", "0", no
		if r.Verdict.CanTurnOff {
			off, sort, text = "yes", "1", yes
		}
		w.raw("<tr")
		w.mattr("tr", "data-id", r.Record.ID)
		w.mattr("tr", "data-kind", r.KindID)
		w.mattr("tr", "data-platforms", r.PlatformIDs)
		w.mattr("tr", "data-verdict", string(r.Verdict.Level))
		w.raw(" data-off=\"" + off + "\"><th scope=\"row\" class=\"name\"")
		w.mattr("th", "data-sort", r.SortName)
		w.raw(">")
		w.mlink(r.URL, r.Name)
		w.raw(" <span class=\"muted kind\">")
		w.mtext(r.Kind)
		if len(r.Platforms) > 0 {
			w.raw(" · ")
			w.mtext(strings.Join(r.Platforms, ", "))
		}
		w.raw("</span></th><td data-sort=\"")
		w.int(r.LevelRank)
		w.raw("\"><span")
		w.mattr("span", "class", "badge "+string(r.Verdict.Level))
		w.raw(">")
		w.mtext(r.Level.Title)
		w.raw("</span></td><td data-sort=\"" + sort + "\" class=\"off-" + off + "\">")
		w.mtext(text)
		w.raw("</td>")
		for _, c := range r.Cells {
			w.raw("<td")
			w.mattr("td", "class", "cell link-"+c.Link)
			w.mattr("td", "data-category", c.Category)
			w.mattr("td", "data-link", c.Link)
			w.raw(" data-sort=\"")
			w.int(c.Rank)
			w.raw("\"")
			if len(c.Items) > 0 {
				w.mattr("td", "title", strings.Join(c.Items, ", "))
			}
			w.raw(">")
			w.linkCell(c.Symbol, c.Text)
			w.raw("</td>")
		}
		w.raw("</tr>")
	}
	return w.rows()
}

// collectorsHTML writes the body rows of a category's table of
// collectors, minified.
func (b *builder) collectorsHTML(lang string, entries []categoryEntry) (minifiedHTML, error) {
	w := b.minifiedRowWriter(lang, len(entries)*400)
	for i := range entries {
		e := &entries[i]
		w.raw("<tr><th scope=\"row\">")
		w.mlink(e.URL, e.Name)
		w.raw("</th><td>")
		w.mtext(strings.Join(e.Items, ", "))
		w.raw("</td><td")
		w.mattr("td", "class", "cell link-"+e.Link)
		w.raw(">")
		w.linkCell(e.Symbol, e.LinkText)
		w.raw("</td><td>")
		w.collectionCells(e.Purposes, e.Default, e.OffSwitch, e.Status)
		w.raw("</td><td>")
		if e.Level != "" {
			w.raw("<span")
			w.mattr("span", "class", "badge "+string(e.Level))
			w.raw(">")
			w.mtext(e.LevelText)
			w.raw("</span>")
		}
		w.raw("</td></tr>")
	}
	return w.rows()
}

// incidentsHTML writes the items of one year of /incidents/.
func (b *builder) incidentsHTML(lang string, incidents []incidentView) (template.HTML, error) {
	w := b.rowWriter(lang, len(incidents)*600)
	vendors := w.v.Link("/vendors/")
	untranslated := w.uiText("untranslated")
	for i := range incidents {
		inc := &incidents[i]
		w.raw("\n    <li id=\"")
		w.text(inc.Anchor)
		w.raw("\"><time datetime=\"")
		w.text(inc.Date)
		w.raw("\">")
		w.text(inc.Date)
		w.raw("</time> <a href=\"")
		w.url(vendors)
		w.urlPart(inc.Record.ID)
		w.raw("/#")
		w.fragment(inc.Anchor)
		w.raw("\"")
		w.attr("hreflang", inc.ContentLang)
		w.raw("><strong")
		w.attr("lang", inc.ContentLang)
		w.raw(">")
		w.text(inc.Title)
		w.raw("</strong></a> <span class=\"muted\">— ")
		w.text(inc.Name)
		if inc.ContentLang != "" {
			w.raw(" · ")
			w.text(untranslated)
		}
		w.raw("</span>\n      <p")
		w.attr("lang", inc.ContentLang)
		w.raw(">")
		w.html(inc.SummaryHTML)
		w.raw("</p></li>")
	}
	return template.HTML(w.b), w.err
}

// apiVendorsHTML writes the rows of the table of every record's files on
// /api/.
func (b *builder) apiVendorsHTML(lang string, vendors []apiVendor) (template.HTML, error) {
	w := b.rowWriter(lang, len(vendors)*300)
	noHosts := w.uiText("api.nohosts")
	for i := range vendors {
		v := &vendors[i]
		w.raw("\n      <tr><th scope=\"row\"><a href=\"")
		w.url(v.URL)
		w.raw("\">")
		w.text(v.Name)
		w.raw("</a></th><td><a href=\"")
		w.url(v.JSON)
		w.raw("\"><code>")
		w.text(v.ID)
		w.raw(".json</code></a></td><td>")
		if v.HasHosts {
			w.raw("<a href=\"")
			w.url(v.Hosts)
			w.raw("\"><code>")
			w.text(v.ID)
			w.raw(".txt</code></a>")
		} else {
			w.raw("<span class=\"muted\">")
			w.text(noHosts)
			w.raw("</span>")
		}
		w.raw("</td></tr>")
	}
	return template.HTML(w.b), w.err
}

// chaptersHTML writes the items of the course index: every chapter in
// lang, its English original where it is not translated.
func (b *builder) chaptersHTML(lang string, chapters []*course.Doc) (template.HTML, error) {
	w := b.rowWriter(lang, len(chapters)*500)
	index := w.v.Link("/course/")
	reading, untranslated := w.uiText("reading"), w.uiText("untranslated")
	for _, d := range chapters {
		w.raw("\n  <li>\n    <h2><a href=\"")
		w.url(index)
		w.urlPart(d.Key)
		other := ""
		if d.Lang != lang {
			other = d.Lang
		}
		w.raw("/\"")
		w.attr("hreflang", other)
		w.raw(">")
		w.text(d.Title)
		w.raw("</a></h2>\n    <p")
		w.attr("lang", other)
		w.raw(">")
		w.text(d.Summary)
		w.raw("</p>\n    <p class=\"meta\">")
		w.text(fmt.Sprintf(reading, d.ReadingMinutes()))
		if other != "" {
			w.raw(" · ")
			w.text(untranslated)
		}
		w.raw("</p>\n  </li>")
	}
	return template.HTML(w.b), w.err
}

// choicesHTML writes the checkboxes of /compare/.
func (b *builder) choicesHTML(lang string, choices []compareChoice) (template.HTML, error) {
	w := b.rowWriter(lang, len(choices)*150)
	for i := range choices {
		c := &choices[i]
		w.raw("\n      <li><label><input type=\"checkbox\" name=\"v\" value=\"")
		w.text(c.ID)
		w.raw("\" data-group=\"")
		w.int(c.Group)
		w.raw("\"> ")
		w.text(c.Label)
		w.raw("</label></li>")
	}
	return template.HTML(w.b), w.err
}
