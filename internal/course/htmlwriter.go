package course

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textWriter is goldmark's HTML writer with a quicker path for text that
// has nothing to escape, unescape or resolve: no backslash, NUL, '&', '<',
// '>' or '"'. Most of a chapter's text is such, and goldmark's writer
// looks at it byte by byte, then again to escape it; for it, both of its
// writes give the text back as it is, so textWriter copies it at once.
type textWriter struct{ html.Writer }

// nothingToEscape reports whether goldmark's Write and RawWrite write t as it
// is.
func nothingToEscape(t []byte) bool {
	for _, c := range t {
		if writerSpecial[c] {
			return false
		}
	}
	return true
}

// writerSpecial marks the bytes goldmark's writer escapes (NUL, '"', '&',
// '<', '>') or treats as the start of an escape ('\\'); it is never
// written to.
var writerSpecial = [256]bool{0: true, '"': true, '&': true, '<': true, '>': true, '\\': true}

func (w textWriter) Write(out util.BufWriter, source []byte) {
	if nothingToEscape(source) {
		_, _ = out.Write(source)
		return
	}
	w.Writer.Write(out, source)
}

func (w textWriter) RawWrite(out util.BufWriter, source []byte) {
	if nothingToEscape(source) {
		_, _ = out.Write(source)
		return
	}
	w.Writer.RawWrite(out, source)
}
