package site

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/util"

	"github.com/telemetry-atlas/atlas/internal/htmlmin"
)

// pageWriter writes one page: markup comes from code as constant strings,
// every value goes through text, attr or url, which escape it as
// html/template would in the same place.
//
// The layout, chapters, record pages and the rows of the tables of every
// record are written minified: their markup strings are written as htmlmin
// writes them, and their values go through the m-methods (mtext, mattr,
// murl, mlink, markup), which escape a value and then respell it as
// htmlmin would. A page written that way from end to end is
// left as it is by htmlmin, so the build need not minify it (minimal).
type pageWriter struct {
	b   []byte
	v   view
	err error // the first missing UI string or asset; the page fails
	// minimal says that the page so far is written as htmlmin would
	// write it. It starts as the page says (Page.minimal) and is
	// cleared by anything written that htmlmin could still change.
	minimal bool
	scratch []byte         // a value being escaped by the m-methods
	spliced []minifiedHTML // markup put in after minifying (see Spliced)
}

// raw writes markup. Only constant strings of this package go here.
func (w *pageWriter) raw(s string) { w.b = append(w.b, s...) }

// text writes a value as HTML text or as a quoted attribute value.
func (w *pageWriter) text(s string) { w.b = appendEscaped(w.b, s) }

// html writes markup that was made safe where it was made: rendered
// Markdown, highlighted code.
func (w *pageWriter) html(h template.HTML) {
	w.b = append(w.b, h...)
	w.minimal = false
}

// mtext writes a value as HTML text, minified: without whitespace at its
// ends (htmlmin drops it next to a block tag, and collapses it with the
// markup's own space elsewhere), runs of whitespace collapsed, entities
// spelled as htmlmin spells them.
func (w *pageWriter) mtext(s string) {
	w.scratch = appendEscaped(w.scratch[:0], strings.Trim(s, htmlWhitespace))
	w.b = htmlmin.AppendText(w.b, w.scratch)
}

// htmlWhitespace is the whitespace of HTML, which htmlmin collapses; other
// spaces (a no-break space) are text.
const htmlWhitespace = " \t\n\f\r"

// mui writes the UI string key of the page's language as mtext does.
func (w *pageWriter) mui(key string) { w.mtext(w.uiText(key)) }

// mattr writes the attribute name="value" of a start tag named tag,
// minified, or nothing when value is empty.
func (w *pageWriter) mattr(tag, name, value string) {
	if value == "" {
		return
	}
	w.scratch = appendEscaped(w.scratch[:0], value)
	w.minAttr(tag, name, w.scratch)
}

// murl writes the attribute name, a whole URL, of a start tag named tag,
// minified: as url does, then respelled as htmlmin would.
func (w *pageWriter) murl(tag, name, u string) {
	if !safeURL(u) {
		u = urlUnsafe
	}
	w.scratch = appendURL(w.scratch[:0], u, true)
	w.minAttr(tag, name, w.scratch)
}

// minAttr writes the attribute name="val", val escaped already, as htmlmin
// would write it. A value htmlmin would leave to tdewolff, or put in
// single quotes (it has double ones), is written as it is, and the page is
// then minified as a whole: the site's own readers of its pages (htmlmin,
// the link scan) read double quotes only.
func (w *pageWriter) minAttr(tag, name string, val []byte) {
	out, ok := htmlmin.AppendAttr(w.b, tag, name, val)
	if !ok || out[len(out)-1] == '\'' {
		out = append(append(append(append(w.b, ' '), name...), "=\""...), val...)
		out = append(out, '"')
		w.minimal = false
	}
	w.b = out
}

// mlink writes a link to href with the text text, minified.
func (w *pageWriter) mlink(href, text string) {
	w.raw("<a")
	w.murl("a", "href", href)
	w.raw(">")
	w.mtext(text)
	w.raw("</a>")
}

// markup writes markup that was made safe where it was made (rendered
// Markdown, highlighted code) minified on its own, without whitespace at
// its ends: what htmlmin makes of it in the page, for markup that starts
// and ends next to tags or the markup's own spaces. Markup htmlmin does
// not handle is written as it is, and the page is minified as a whole.
func (w *pageWriter) markup(h template.HTML) {
	t := strings.Trim(string(h), htmlWhitespace)
	// htmlmin only reads its source: a chapter's body (100 MB at 10,000
	// chapters) is not copied to be minified.
	out, ok := htmlmin.Append(w.b, util.StringToReadOnlyBytes(t))
	if !ok {
		out = append(w.b, t...)
		w.minimal = false
	}
	w.b = out
}

// int writes a number.
func (w *pageWriter) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// url writes a whole URL as an attribute value: an unsafe scheme is
// replaced, the rest is percent-encoded where needed and escaped.
func (w *pageWriter) url(s string) {
	if !safeURL(s) {
		s = urlUnsafe
	}
	w.urlPart(s)
}

// urlPart writes the path of a URL that follows a constant prefix.
func (w *pageWriter) urlPart(s string) { w.b = appendURL(w.b, s, true) }

// fragment writes a value after a constant "#" or "?q=": everything but
// the unreserved characters is percent-encoded.
func (w *pageWriter) fragment(s string) { w.b = appendURL(w.b, s, false) }

// attr writes ` name="value"`, or nothing when value is empty.
func (w *pageWriter) attr(name, value string) {
	if value == "" {
		return
	}
	w.raw(" " + name + "=\"")
	w.text(value)
	w.raw("\"")
}

// linkCell writes the content of a cell that says how tied to the person
// data is: the symbol, hidden from screen readers, and the word.
func (w *pageWriter) linkCell(symbol, text string) {
	w.raw("<span class=\"sym\" aria-hidden=\"true\">")
	w.mtext(symbol)
	w.raw("</span> ")
	w.mtext(text)
}

// ui writes the UI string key of the page's language.
func (w *pageWriter) ui(key string) { w.text(w.uiText(key)) }

// uiText returns the UI string key of the page's language.
func (w *pageWriter) uiText(key string) string {
	s, err := w.v.T(key)
	if err != nil && w.err == nil {
		w.err = err
	}
	return s
}

// asset returns the fingerprinted URL of a file under static/.
func (w *pageWriter) asset(name string) string {
	u, err := w.v.Asset(name)
	if err != nil && w.err == nil {
		w.err = err
	}
	return u
}

// appendURL percent-encodes s into b as html/template does for a URL in an
// attribute, then escapes the two characters normalizing keeps that an
// attribute value cannot hold as they are.
func appendURL(b []byte, s string, normalize bool) []byte {
	start := len(b)
	b = appendURLBytes(b, s, normalize)
	for i := start; i < len(b); i++ {
		if b[i] == '&' || b[i] == '+' {
			return append(b[:start], appendEscaped(nil, string(b[start:]))...)
		}
	}
	return b
}

// Write lets a template execute into the page.
func (w *pageWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	w.minimal = false
	return len(p), nil
}

// execute writes the template's block name into the page.
func (w *pageWriter) execute(t *template.Template, name string) {
	if err := t.ExecuteTemplate(w, name, w.v); err != nil && w.err == nil {
		w.err = err
	}
}
