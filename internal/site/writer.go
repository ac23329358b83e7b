package site

import (
	"html/template"
	"strconv"
)

// pageWriter writes one page: markup comes from code as constant strings,
// every value goes through text, attr or url, which escape it as
// html/template would in the same place.
type pageWriter struct {
	b   []byte
	v   view
	err error // the first missing UI string or asset; the page fails
}

// raw writes markup. Only constant strings of this package go here.
func (w *pageWriter) raw(s string) { w.b = append(w.b, s...) }

// text writes a value as HTML text or as a quoted attribute value.
func (w *pageWriter) text(s string) { w.b = appendEscaped(w.b, s) }

// html writes markup that was made safe where it was made: rendered
// Markdown, highlighted code.
func (w *pageWriter) html(h template.HTML) { w.b = append(w.b, h...) }

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

// labels writes the labels of terms, separated by commas.
func (w *pageWriter) labels(terms []labelled) {
	for i, t := range terms {
		if i > 0 {
			w.raw(", ")
		}
		w.text(t.Label)
	}
}

// linkCell writes the content of a cell that says how tied to the person
// data is: the symbol, hidden from screen readers, and the word.
func (w *pageWriter) linkCell(symbol, text string) {
	w.raw("<span class=\"sym\" aria-hidden=\"true\">")
	w.text(symbol)
	w.raw("</span> ")
	w.text(text)
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
	return len(p), nil
}

// execute writes the template's block name into the page.
func (w *pageWriter) execute(t *template.Template, name string) {
	if err := t.ExecuteTemplate(w, name, w.v); err != nil && w.err == nil {
		w.err = err
	}
}
