package site

import (
	"fmt"

	"github.com/telemetry-atlas/atlas/internal/course"
)

// chapterMain writes a chapter of the course: its header, the table of
// contents, the rendered text and the links to the chapters either side.
// It is code for the same reason record pages are (render_vendor.go): a
// course can have thousands of chapters in every language.
func (w *pageWriter) chapterMain(c *chapterView) {
	d := c.Doc
	w.raw("\n<article class=\"chapter\"")
	if w.v.Fallback() {
		w.attr("lang", d.Lang)
	}
	w.raw(">\n  <header>\n    <p class=\"kicker\">")
	w.text(fmt.Sprintf(w.uiText("chapter.number"), c.Number))
	w.raw("</p>\n    <h1>")
	w.text(d.Title)
	w.raw("</h1>\n    <p class=\"meta\">")
	w.text(fmt.Sprintf(w.uiText("reading"), d.ReadingMinutes()))
	w.raw(" · ")
	w.ui("updated")
	updated := d.Updated.Format("2006-01-02")
	w.raw(" <time datetime=\"")
	w.text(updated)
	w.raw("\">")
	w.text(updated)
	w.raw("</time></p>\n  </header>")
	if len(d.TOC) > 0 {
		w.raw("\n  <nav class=\"toc\" aria-labelledby=\"toc-title\">\n    <h2 id=\"toc-title\">")
		w.ui("toc")
		w.raw("</h2>\n    <ol>")
		for _, e := range d.Outline() {
			w.raw("\n      <li><a href=\"#")
			w.fragment(e.ID)
			w.raw("\">")
			w.text(e.Text)
			w.raw("</a>")
			if len(e.Children) > 0 {
				w.raw("\n        <ol>")
				for _, h := range e.Children {
					w.raw("\n          <li><a href=\"#")
					w.fragment(h.ID)
					w.raw("\">")
					w.text(h.Text)
					w.raw("</a></li>")
				}
				w.raw("\n        </ol>")
			}
			w.raw("\n      </li>")
		}
		w.raw("\n    </ol>\n  </nav>")
	}
	w.raw("\n  <div class=\"prose\">\n")
	w.html(c.HTML)
	w.raw("\n  </div>\n</article>\n<nav class=\"pager\" aria-label=\"")
	w.ui("pager")
	w.raw("\">")
	w.pagerLink("prev", c.Prev)
	w.pagerLink("next", c.Next)
	w.raw("\n</nav>\n")
}

// pagerLink writes the link to the chapter before or after (rel "prev" or
// "next", also its UI string), if there is one.
func (w *pageWriter) pagerLink(rel string, d *course.Doc) {
	if d == nil {
		return
	}
	w.raw("<a rel=\"" + rel + "\" href=\"")
	w.url(w.v.Link("/course/"))
	w.urlPart(d.Key)
	w.raw("/\"><span>")
	w.ui(rel)
	w.raw("</span> ")
	w.text(d.Title)
	w.raw("</a>")
}
