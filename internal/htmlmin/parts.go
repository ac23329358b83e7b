package htmlmin

import (
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
)

// The functions of this file let a writer of HTML write a page the way
// Append would write it, so that the page need not be minified at all:
// the site's record pages are written by code, and most of what Append
// does to them is undo the escaping and spacing of that code.

// AppendText appends the text t, escaped as html/template escapes it, as
// Append writes a text between two tags: entities respelled, runs of
// whitespace collapsed to one space or line break. Whitespace at either
// end is the caller's: Append drops it next to a block tag, so a writer
// that wants its page left as it is trims the text first.
func AppendText(dst, t []byte) []byte {
	if !needsRewrite(t) {
		return append(dst, t...)
	}
	start := len(dst)
	dst = append(dst, t...)
	r := parse.ReplaceMultipleWhitespaceAndEntities(dst[start:], mhtml.EntitiesMap, mhtml.TextRevEntitiesMap)
	return dst[:start+copy(dst[start:], r)]
}

// AppendAttr appends the attribute name="val" of a start tag named tag,
// val escaped as html/template escapes attribute values, as Append writes
// it: with the space before it, the value respelled and quoted as Append
// quotes it, or nothing when Append drops it (an empty class or id). It
// does not apply the rules that look at a tag's other attributes (a
// meta's content by its name, an input's value by its type). ok is false
// for a tag or attribute Append does not handle, and for a value that
// Append hands to tdewolff (a data: URL); dst then comes back as it was.
func AppendAttr(dst []byte, tag, name string, val []byte) (out []byte, ok bool) {
	ti, ok := lookupTag([]byte(tag))
	if !ok {
		return dst, false
	}
	a := attr{name: []byte(name), val: val, clean: cleanText(val)}
	if a.info, ok = lookupAttr(a.name); !ok {
		return dst, false
	}
	if a.verbatim(ti) {
		dst = append(dst, ' ')
		dst = append(dst, name...)
		dst = append(dst, '=', '"')
		dst = append(dst, val...)
		return append(dst, '"'), true
	}
	m := minifier{out: dst}
	if !m.writeAttr(ti, &a) {
		return dst, false
	}
	return m.out, true
}

// cleanText reports whether v is clean, as scanValue says of a value in
// quotes (see attr).
func cleanText(v []byte) bool {
	var bad, prev uint8
	for _, c := range v {
		k := valueClass[c]
		bad |= k&prev | k>>1 | k&quoteByte
		prev = k & spaceByte
	}
	return cleanValue(v, bad)
}
