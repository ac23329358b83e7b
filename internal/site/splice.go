package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"

	"github.com/telemetry-atlas/atlas/internal/htmlmin"
)

// A table of every record (the matrix: 30 MB a language at 10,000
// records) is written by code, minified already (render_tables.go), and
// put into its template page with Spliced. The template's own markup is
// then minified on its own, a few kB, and the rows are put in after: they
// are neither minified again nor copied through the template engine.

// minifiedHTML is markup written minified by a pageWriter: minimal says
// that htmlmin would leave it as it is (see pageWriter). It stays bytes
// (a string of it would copy a table of 30 MB): a template only ever
// sees its marker.
type minifiedHTML struct {
	html    []byte
	minimal bool
}

// rows returns what w wrote as minifiedHTML; w is done with.
func (w *pageWriter) rows() (minifiedHTML, error) {
	return minifiedHTML{w.b, w.minimal}, w.err
}

// Spliced puts markup written minified already into the page being
// written, as HTML text: in the page it is a marker until the page around
// it is minified.
func (v view) Spliced(m minifiedHTML) template.HTML {
	if v.w == nil {
		return template.HTML(m.html)
	}
	v.w.spliced = append(v.w.spliced, m)
	return template.HTML(spliceMarker(len(v.w.spliced) - 1))
}

// spliceMarker is what stands in a page for its i-th spliced markup: a
// NUL cannot come from a template's values (html/template writes it as
// U+FFFD) and htmlmin leaves it in text as it is.
func spliceMarker(i int) string { return "\x00" + strconv.Itoa(i) + "\x00" }

// splice minifies the page w wrote around its spliced markup and puts the
// markup in. minimal is false when htmlmin does not handle the page, or a
// spliced markup could still change: the page is then to be minified
// whole.
func splice(w *pageWriter) (page []byte, minimal bool, err error) {
	frame, minimal := htmlmin.Append(nil, w.b)
	if !minimal {
		frame = w.b
	}
	n := len(frame)
	for _, m := range w.spliced {
		n += len(m.html)
		minimal = minimal && m.minimal
	}
	if len(w.spliced) == 1 {
		if page, ok := spliceInPlace(frame, w.spliced[0].html); ok {
			return page, minimal, nil
		}
	}
	page = make([]byte, 0, n)
	for i, m := range w.spliced {
		marker := spliceMarker(i)
		at := bytes.Index(frame, []byte(marker))
		if at < 0 {
			return nil, false, fmt.Errorf("the markup of .Spliced call %d is missing from the page: .Spliced writes HTML text, so call it where text goes (inside <tbody>), not in an attribute", i+1)
		}
		page = append(append(page, frame[:at]...), m.html...)
		frame = frame[at+len(marker):]
	}
	return append(page, frame...), minimal, nil
}

// spliceInPlace puts the page together in the memory of its one spliced
// markup, when that has room for the frame around it (a table's rows are
// written into a buffer sized with some to spare): the 30 MB of the
// matrix are moved along, not copied into a new page. The markup's
// memory is the page's after this; a markup spliced once is the page's
// alone.
func spliceInPlace(frame, html []byte) ([]byte, bool) {
	marker := []byte(spliceMarker(0))
	at := bytes.Index(frame, marker)
	if at < 0 || cap(html) < len(frame)-len(marker)+len(html) {
		return nil, false
	}
	before, after := frame[:at], frame[at+len(marker):]
	page := html[:len(before)+len(html)]
	copy(page[len(before):], html) // moves right, overlapping: copy is a memmove
	copy(page, before)
	return append(page, after...), true
}
