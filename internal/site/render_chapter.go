package site

import (
	"fmt"

	"github.com/telemetry-atlas/atlas/internal/course"
)

// chapterMain writes a chapter of the course: its header, the table of
// contents, the rendered text and the links to the chapters either side.
// It is code for the same reason record pages are (render_vendor.go): a
// course can have thousands of chapters in every language. It writes
// minified, as the layout does (see pageWriter); the rendered text is
// minified on its own, between two block tags.
func (w *pageWriter) chapterMain(c *chapterView) {
	d := c.Doc
	w.raw("<article class=\"chapter\"")
	if w.v.Fallback() {
		w.mattr("article", "lang", d.Lang)
	}
	w.raw("><header><p class=\"kicker\">")
	w.mtext(fmt.Sprintf(w.uiText("chapter.number"), c.Number))
	w.raw("</p><h1>")
	w.mtext(d.Title)
	w.raw("</h1><p class=\"meta\">")
	w.mtext(fmt.Sprintf(w.uiText("reading"), d.ReadingMinutes()))
	w.raw(" · ")
	w.mui("updated")
	updated := d.Updated.Format("2006-01-02")
	w.raw(" <time")
	w.mattr("time", "datetime", updated)
	w.raw(">")
	w.mtext(updated)
	w.raw("</time></p></header>")
	if len(d.TOC) > 0 {
		w.raw("<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">")
		w.mui("toc")
		w.raw("</h2><ol>")
		for _, e := range d.Outline() {
			w.raw("<li>")
			w.mlink("#"+string(appendURL(nil, e.ID, false)), e.Text)
			if len(e.Children) > 0 {
				w.raw("<ol>")
				for _, h := range e.Children {
					w.raw("<li>")
					w.mlink("#"+string(appendURL(nil, h.ID, false)), h.Text)
					w.raw("</li>")
				}
				w.raw("</ol>")
			}
			w.raw("</li>")
		}
		w.raw("</ol></nav>")
	}
	w.raw("<div class=\"prose\">")
	w.markup(c.HTML)
	w.raw("</div></article><nav class=\"pager\"")
	w.mattr("nav", "aria-label", w.uiText("pager"))
	w.raw(">")
	w.pagerLink("prev", c.Prev)
	w.pagerLink("next", c.Next)
	w.raw("</nav>")
}

// pagerLink writes the link to the chapter before or after (rel "prev" or
// "next", also its UI string), if there is one.
func (w *pageWriter) pagerLink(rel string, d *course.Doc) {
	if d == nil {
		return
	}
	w.raw("<a rel=\"" + rel + "\"")
	w.murl("a", "href", w.v.Link("/course/")+d.Key+"/")
	w.raw("><span>")
	w.mui(rel)
	w.raw("</span> ")
	w.mtext(d.Title)
	w.raw("</a>")
}
