package site

import (
	"html/template"
	"strings"
)

// The rows of the tables that list every record (the matrix on /vendors/,
// the collectors on each /categories/<id>/) are written by code and handed
// to their templates as markup: at 10,000 records a matrix has 340,000
// cells, and the template engine spent seconds on each language's. The
// frame of each table stays in its template.

// matrixRowsHTML writes the body rows of the matrix.
func (b *builder) matrixRowsHTML(lang string, rows []matrixRow) (template.HTML, error) {
	w := &pageWriter{v: view{Page: &Page{Lang: lang}, b: b}}
	yes, no := w.uiText("matrix.yes"), w.uiText("matrix.no")
	for i := range rows {
		r := &rows[i]
		off, sort, text := "no", "0", no
		if r.Verdict.CanTurnOff {
			off, sort, text = "yes", "1", yes
		}
		w.raw("\n    <tr data-id=\"")
		w.text(r.Record.ID)
		w.raw("\" data-kind=\"")
		w.text(r.KindID)
		w.raw("\" data-platforms=\"")
		w.text(r.PlatformIDs)
		w.raw("\" data-verdict=\"")
		w.text(string(r.Verdict.Level))
		w.raw("\" data-off=\"" + off + "\">\n      <th scope=\"row\" class=\"name\" data-sort=\"")
		w.text(r.SortName)
		w.raw("\"><a href=\"")
		w.url(r.URL)
		w.raw("\">")
		w.text(r.Name)
		w.raw("</a> <span class=\"muted kind\">")
		w.text(r.Kind)
		if len(r.Platforms) > 0 {
			w.raw(" · ")
			w.text(strings.Join(r.Platforms, ", "))
		}
		w.raw("</span></th>\n      <td data-sort=\"")
		w.int(r.LevelRank)
		w.raw("\"><span class=\"badge ")
		w.text(string(r.Verdict.Level))
		w.raw("\">")
		w.text(r.Level.Title)
		w.raw("</span></td>\n      <td data-sort=\"" + sort + "\" class=\"off-" + off + "\">")
		w.text(text)
		w.raw("</td>")
		for _, c := range r.Cells {
			w.raw("\n      <td class=\"cell link-")
			w.text(c.Link)
			w.raw("\" data-category=\"")
			w.text(c.Category)
			w.raw("\" data-link=\"")
			w.text(c.Link)
			w.raw("\" data-sort=\"")
			w.int(c.Rank)
			w.raw("\"")
			if len(c.Items) > 0 {
				w.raw(" title=\"")
				w.text(strings.Join(c.Items, ", "))
				w.raw("\"")
			}
			w.raw("><span class=\"sym\" aria-hidden=\"true\">")
			w.text(c.Symbol)
			w.raw("</span> ")
			w.text(c.Text)
			w.raw("</td>")
		}
		w.raw("\n    </tr>")
	}
	return template.HTML(w.b), w.err
}

// collectorsHTML writes the body rows of a category's table of collectors.
func (b *builder) collectorsHTML(lang string, entries []categoryEntry) (template.HTML, error) {
	w := &pageWriter{v: view{Page: &Page{Lang: lang}, b: b}}
	for i := range entries {
		e := &entries[i]
		w.raw("\n      <tr>\n        <th scope=\"row\"><a href=\"")
		w.url(e.URL)
		w.raw("\">")
		w.text(e.Name)
		w.raw("</a></th>\n        <td>")
		w.text(strings.Join(e.Items, ", "))
		w.raw("</td>\n        <td class=\"cell link-")
		w.text(e.Link)
		w.raw("\"><span class=\"sym\" aria-hidden=\"true\">")
		w.text(e.Symbol)
		w.raw("</span> ")
		w.text(e.LinkText)
		w.raw("</td>\n        <td>")
		for i, p := range e.Purposes {
			if i > 0 {
				w.raw(", ")
			}
			w.text(p.Label)
		}
		w.raw("</td>\n        <td>")
		w.ui("default." + e.Default)
		w.raw("</td>\n        <td>")
		w.ui("offswitch." + e.OffSwitch)
		w.raw("</td>\n        <td>")
		w.ui("status." + e.Status)
		w.raw("</td>\n        <td>")
		if e.Level != "" {
			w.raw("<span class=\"badge ")
			w.text(string(e.Level))
			w.raw("\">")
			w.text(e.LevelText)
			w.raw("</span>")
		}
		w.raw("</td>\n      </tr>")
	}
	return template.HTML(w.b), w.err
}
