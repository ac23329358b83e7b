// Package htmlmin minifies the HTML this site generates, giving the same
// bytes as tdewolff/minify's HTML minifier with the options that
// internal/publish uses (KeepDocumentTags, KeepEndTags, KeepQuotes,
// KeepDefaultAttrVals), several times faster.
//
// It is fast because it is narrow: it reads only the markup the site's
// templates, goldmark and chroma write (lower-case tags and attributes it
// knows, double-quoted values, comments, the HTML5 doctype) in one pass
// over the page, with no general lexer and no token buffer. Anything else
// (inline SVG or MathML, a non-empty script, style, event handlers, a stray
// '<', CDATA, upper-case names, single-quoted or unquoted values...) makes
// Append report that it cannot vouch for the result, and the caller
// minifies that page with tdewolff instead.
package htmlmin

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"

	"github.com/tdewolff/minify/v2"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// maxLookAhead is how many tokens past a text that ends in whitespace
// tdewolff looks for a block tag before it gives up and keeps the space.
const maxLookAhead = 100

// Append appends src, minified, to dst and returns the extended slice. ok
// is false when src has markup this package does not handle; dst then
// comes back as it was (its length unchanged) and the caller should
// minify src another way. src is never modified.
func Append(dst, src []byte) (out []byte, ok bool) {
	n := len(dst)
	m := minifier{src: src, out: slices.Grow(dst, len(src)), omitSpace: true}
	if !m.run() {
		return dst[:n], false
	}
	return m.out, true
}

// attr is one attribute of the start tag being written.
type attr struct {
	name []byte
	val  []byte // without its quotes; nil when the attribute has no value
	info attrInfo
	drop bool // removed by a rule of its tag
	// clean says that no rule can change val: no '&', and no whitespace
	// but single spaces between words.
	clean bool
}

// minifier is the state of one Append. The fields mirror tdewolff's: the
// whitespace rules depend on what came before (omitSpace, inPre).
type minifier struct {
	src []byte
	pos int
	out []byte

	omitSpace bool // the next text's leading whitespace is dropped
	inPre     bool // text is written as it is

	// The attributes of the start tag being written. A fixed array, not a
	// slice of it, so that m does not point into itself and stays on the
	// stack: storing pointers into a heap object costs write barriers
	// while the collector runs, which in a full build it mostly does.
	attrs  [maxAttrs]attr
	nattrs int
	escBuf []byte // for EscapeAttrVal
}

// maxAttrs is the most attributes a start tag may have; the site's
// busiest, the search box, has eleven.
const maxAttrs = 32

func (m *minifier) run() bool {
	for m.pos < len(m.src) {
		if m.src[m.pos] == '<' {
			if !m.markup() {
				return false
			}
			continue
		}
		end := m.textEnd(m.pos)
		if !m.text(m.src[m.pos:end], end) {
			return false
		}
		m.pos = end
	}
	return true
}

// textEnd returns where the text starting at i ends: at the next '<',
// which must start a tag, a comment or the doctype (markup says no to
// anything else), or at the end.
func (m *minifier) textEnd(i int) int {
	if j := bytes.IndexByte(m.src[i:], '<'); j >= 0 {
		return i + j
	}
	return len(m.src)
}

// skipText skips a text that follows, as tdewolff does after <select>,
// <optgroup>, </option> and </optgroup>.
func (m *minifier) skipText() {
	if m.pos < len(m.src) && m.src[m.pos] != '<' {
		m.pos = m.textEnd(m.pos)
	}
}

// text writes the text t, which ends at src[end].
func (m *minifier) text(t []byte, end int) bool {
	if m.inPre {
		m.out = append(m.out, t...)
		return true
	}
	if t[0] <= ' ' {
		if ws, ok := whitespaceOnly(t); ok {
			return m.whitespace(ws, end)
		}
	}
	start := len(m.out)
	if needsRewrite(t) {
		m.out = append(m.out, t...)
		r := parse.ReplaceMultipleWhitespaceAndEntities(m.out[start:], mhtml.EntitiesMap, mhtml.TextRevEntitiesMap)
		m.out = m.out[:start+copy(m.out[start:], r)]
		if len(m.out) == start {
			return false // tdewolff would index an empty text
		}
		if m.omitSpace && parse.IsWhitespace(m.out[start]) {
			m.out = m.out[:start+copy(m.out[start:], m.out[start+1:])]
		}
	} else if m.omitSpace && parse.IsWhitespace(t[0]) {
		m.out = append(m.out, t[1:]...)
	} else {
		m.out = append(m.out, t...)
	}
	m.omitSpace = false
	if len(m.out) == start {
		m.omitSpace = true
		return true
	}
	if !parse.IsWhitespace(m.out[len(m.out)-1]) {
		return true
	}
	return m.trailingSpace(end)
}

// trailingSpace settles the white space m.out ends with, of a text that
// ends at src[end]: tdewolff's look-ahead says whether it goes and whether
// the next text's leading space does.
func (m *minifier) trailingSpace(end int) bool {
	trim, omit, ok := m.lookAhead(end)
	if !ok {
		return false
	}
	if trim {
		m.out = m.out[:len(m.out)-1]
	}
	m.omitSpace = omit
	return true
}

// whitespaceOnly reports whether t is whitespace only, as most texts
// between the site's tags are (a newline and an indent), and the one byte
// ReplaceMultipleWhitespaceAndEntities makes of it: '\n' when it has a
// line break, ' ' otherwise.
func whitespaceOnly(t []byte) (ws byte, ok bool) {
	ws = ' '
	for _, c := range t {
		switch c {
		case '\n', '\r':
			ws = '\n'
		case ' ', '\t', '\f':
		default:
			return 0, false
		}
	}
	return ws, true
}

// whitespace writes a text that is whitespace only, which ends at
// src[end], as text does, without the rewrite: ws is the byte it
// collapses to.
func (m *minifier) whitespace(ws byte, end int) bool {
	if m.omitSpace {
		return true // dropped whole; the next text's space is still omitted
	}
	m.out = append(m.out, ws)
	return m.trailingSpace(end)
}

// Byte classes for scanning text and attribute values, as bits so that
// the scans need no branch per byte: a branch on every space, at random
// places in prose, is mispredicted often enough to cost more than the
// rest of the scan.
const (
	spaceByte = 1 // ' ' (and '\n' in text): left as it is when alone
	otherByte = 2 // '&', and whitespace that is always rewritten
	quoteByte = 4 // '"', which ends a value
)

// textClass and valueClass are lookup tables; they are never written to.
var (
	textClass = [256]uint8{
		' ': spaceByte, '\n': spaceByte,
		'\t': otherByte, '\r': otherByte, '\f': otherByte, '&': otherByte,
	}
	valueClass = [256]uint8{
		' ':  spaceByte,
		'\n': otherByte, '\t': otherByte, '\r': otherByte, '\f': otherByte, '&': otherByte,
		'"': quoteByte,
	}
)

// needsRewrite reports whether ReplaceMultipleWhitespaceAndEntities could
// change t: it has an entity, or whitespace other than a lone space or
// newline.
//
// Text is most of a page's bytes, and most of it is prose: it is read
// eight bytes at a time, and byte by byte only around the rare bytes
// below '\” that are not a space or a newline.
func needsRewrite(t []byte) bool {
	var prev uint8 // 1 when the byte before was a space or a newline
	for len(t) >= 8 {
		x := binary.LittleEndian.Uint64(t)
		space := bytesEqual(x, ' ') | bytesEqual(x, '\n')
		if bytesBelow(x, '&'+1)&^space != 0 {
			// '&', a control byte, or one of !"#$%
			if needsRewriteBytes(t[:8], &prev) {
				return true
			}
		} else {
			if space&(space<<8|uint64(prev)<<7) != 0 {
				return true // two spaces in a row
			}
			prev = uint8(space >> 63)
		}
		t = t[8:]
	}
	return needsRewriteBytes(t, &prev)
}

// needsRewriteBytes is needsRewrite one byte at a time; prev says whether
// the byte before t was a space or a newline, and comes back saying it of
// t's last byte.
func needsRewriteBytes(t []byte, prev *uint8) bool {
	var bad uint8
	p := *prev
	for _, c := range t {
		k := textClass[c]
		bad |= k&p | k>>1 // two spaces in a row, or another byte
		p = k & spaceByte
	}
	*prev = p
	return bad != 0
}

// Masks for reading eight bytes at a time: a byte's high bit marks it.
const (
	lowBits  = 0x7f7f7f7f7f7f7f7f
	highBits = 0x8080808080808080
	lsbs     = 0x0101010101010101
)

// bytesEqual marks the bytes of x that are c. It is exact: no carry
// crosses from one byte to the next.
func bytesEqual(x uint64, c byte) uint64 {
	z := x ^ lsbs*uint64(c)
	return ^((z&lowBits + lowBits) | z | lowBits)
}

// bytesBelow marks the bytes of x below n, which is at most 0x80.
func bytesBelow(x uint64, n byte) uint64 {
	return ^((x&lowBits + lsbs*uint64(0x80-n)) | x) & highBits
}

// lookAhead decides, as tdewolff does, the fate of the whitespace that
// ends a text, from the tokens that start at pos: it is trimmed before a
// block tag or the end, kept before other text or a start tag; end tags
// that are not block tags, comments and whitespace are looked past, up to
// maxLookAhead tokens. omit is what omitSpace becomes. ok is false for
// markup this package does not handle.
func (m *minifier) lookAhead(pos int) (trim, omit, ok bool) {
	src := m.src
	for i := 0; ; i++ {
		if i > maxLookAhead {
			return false, false, true
		}
		if pos >= len(src) {
			return true, false, true
		}
		if src[pos] != '<' {
			end := m.textEnd(pos)
			if !parse.IsAllWhitespace(src[pos:end]) {
				return false, true, true
			}
			pos = end
			continue
		}
		if pos+1 >= len(src) {
			return false, false, false
		}
		switch c := src[pos+1]; {
		case 'a' <= c && c <= 'z':
			name, _ := tagName(src, pos+1)
			info, ok := lookupTag(name)
			if !ok {
				return false, false, false
			}
			return info.kind == blockTag, info.kind != blockTag, true
		case c == '/':
			name, next, ok := endTag(src, pos)
			if !ok {
				return false, false, false
			}
			info, ok := lookupTag(name)
			if !ok {
				return false, false, false
			}
			if info.kind == blockTag {
				return true, false, true
			}
			pos = next
		case c == '!':
			next, ok := commentEnd(src, pos)
			if !ok {
				if next, ok = doctypeEnd(src, pos); !ok {
					return false, false, false
				}
			}
			pos = next
		default:
			return false, false, false
		}
	}
}

// markup writes the tag, comment or doctype at src[pos] == '<'.
func (m *minifier) markup() bool {
	src := m.src
	if m.pos+1 >= len(src) {
		return false
	}
	switch c := src[m.pos+1]; {
	case 'a' <= c && c <= 'z':
		return m.startTag()
	case c == '/':
		return m.endTag()
	case c == '!':
		if next, ok := commentEnd(src, m.pos); ok {
			m.pos = next // comments are dropped
			return true
		}
		if next, ok := doctypeEnd(src, m.pos); ok {
			m.out = append(m.out, "<!doctype html>"...)
			m.pos = next
			return true
		}
	}
	return false
}

// setSpace applies what a tag of kind k does to the next text's leading
// whitespace.
func (m *minifier) setSpace(k tagKind) {
	switch k {
	case objectTag:
		m.omitSpace = false
	case blockTag:
		m.omitSpace = true
	}
}

func (m *minifier) endTag() bool {
	name, next, ok := endTag(m.src, m.pos)
	if !ok {
		return false
	}
	info, ok := lookupTag(name)
	if !ok {
		return false
	}
	m.pos = next
	switch info.id {
	case tagPre:
		m.inPre = false
	case tagColgroup:
		return true // tdewolff drops the end tag of a colgroup
	}
	m.setSpace(info.kind)
	m.out = append(m.out, '<', '/')
	m.out = append(m.out, name...)
	m.out = append(m.out, '>')
	if info.id == tagOption || info.id == tagOptgroup {
		m.skipText()
	}
	return true
}

func (m *minifier) startTag() bool {
	src := m.src
	start := m.pos
	name, p := tagName(src, m.pos+1)
	info, ok := lookupTag(name)
	if !ok {
		return false
	}
	p, void, spaced, ok := m.readAttrs(p)
	if !ok {
		return false
	}
	m.pos = p
	if !m.tagRules(info) {
		return false
	}
	hasAttrs := m.nattrs > 0
	switch info.id {
	case tagScript:
		// Only a script without content is handled; without attributes
		// tdewolff drops it.
		if void {
			return false
		}
		if !hasAttrs {
			if !hasPrefix(src[p:], "</script>") {
				return false
			}
			m.pos = p + len("</script>")
			return true
		}
		if !hasPrefix(src[p:], "</script") {
			return false
		}
	case tagTitle:
		// The lexer reads a title's content as raw text up to </title.
		j := bytes.IndexByte(src[p:], '<')
		if void || j < 0 || !hasPrefix(src[p+j:], "</title") {
			return false
		}
	case tagColgroup:
		if !hasAttrs {
			return true // tdewolff drops a colgroup start tag without attributes
		}
	case tagPre:
		m.inPre = true
	}
	m.setSpace(info.kind)
	if spaced && m.verbatim(info) {
		// Most of the site's tags are written as tdewolff writes them:
		// one copy instead of a few appends per attribute.
		m.out = append(m.out, src[start:p]...)
	} else {
		m.out = append(m.out, '<')
		m.out = append(m.out, name...)
		for i := range m.nattrs {
			if !m.writeAttr(info, &m.attrs[i]) {
				return false
			}
		}
		m.out = append(m.out, '>')
	}
	if info.id == tagSelect || info.id == tagOptgroup {
		m.skipText()
	}
	// tdewolff keeps the space after an empty phrasing element (<i></i> x).
	if info.kind == normalTag && endTagFollows(src[m.pos:], name) {
		m.omitSpace = false
	}
	return true
}

// readAttrs reads the attributes of a start tag into m.attrs, from p just
// after the tag's name to just after its '>' (next). void says the tag
// ended with "/>". spaced says that the tag is spaced as tdewolff writes
// it: one ' ' before each attribute, none before the '>'.
func (m *minifier) readAttrs(p int) (next int, void, spaced, ok bool) {
	src := m.src
	m.nattrs = 0
	// The lexer ends a name only at whitespace, '>' or "/>".
	if p >= len(src) || !isSpace(src[p]) && src[p] != '>' && !isVoidEnd(src, p) {
		return 0, false, false, false
	}
	spaced = true
	for {
		gap := p
		for p < len(src) && isSpace(src[p]) {
			p++
		}
		if p >= len(src) {
			return 0, false, false, false
		}
		if src[p] == '>' {
			return p + 1, false, spaced && gap == p, true
		}
		if isVoidEnd(src, p) {
			return p + 2, true, false, true
		}
		if m.nattrs == maxAttrs {
			return 0, false, false, false
		}
		spaced = spaced && p == gap+1 && src[gap] == ' '
		q, ok := readAttr(&m.attrs[m.nattrs], src, p)
		if !ok {
			return 0, false, false, false
		}
		m.nattrs++
		p = q
	}
}

// verbatim reports whether writeAttr would write every attribute of the
// start tag tag as it is in the source.
func (m *minifier) verbatim(tag tagInfo) bool {
	for i := range m.nattrs {
		if !m.attrs[i].verbatim(tag) {
			return false
		}
	}
	return true
}

// verbatim reports whether writeAttr writes a, an attribute of the start
// tag tag, as it is in the source: it must take writeAttr's first branch
// and keep the value and its quotes.
func (a *attr) verbatim(tag tagInfo) bool {
	if a.drop || !a.clean || mediaType(tag, a.info.id) || a.info.trait == urlAttr && urlScheme(a.val) {
		return false
	}
	if len(a.val) == 0 {
		// A bare name stays as it is, but name="" loses its value.
		return a.val == nil && !dropsEmpty(tag, a.info.id)
	}
	return a.info.trait != booleanAttr
}

// mediaType reports whether the attribute id of the tag tag is a media
// type, which tdewolff minifies.
func mediaType(tag tagInfo, id attrID) bool {
	return id == attrAccept || id == attrType && (tag.id == tagA || tag.id == tagMediaType || tag.id == tagScript)
}

// dropsEmpty reports whether the attribute id of the tag tag is dropped
// when its value is empty.
func dropsEmpty(tag tagInfo, id attrID) bool {
	return id == attrClass || id == attrID_ || id == attrName || id == attrAction && tag.id == tagForm
}

// readAttr reads the attribute at src[p] into a: a lower-case name, bare
// or with a double-quoted value.
func readAttr(a *attr, src []byte, p int) (next int, ok bool) {
	start := p
	if c := src[p]; c < 'a' || 'z' < c {
		return 0, false
	}
	for p < len(src) && (isNameChar(src[p]) || src[p] == '-') {
		p++
	}
	*a = attr{name: src[start:p]}
	if a.info, ok = lookupAttr(a.name); !ok || p >= len(src) {
		return 0, false
	}
	switch c := src[p]; {
	case c == '=':
		if p+1 >= len(src) || src[p+1] != '"' {
			return 0, false
		}
		q, clean := scanValue(src[p+2:])
		if q < 0 {
			return 0, false
		}
		a.val, a.clean = src[p+2:p+2+q], clean
		return p + 3 + q, true
	case isSpace(c):
		a.clean = true
		// The lexer also reads name = "value": not handled.
		q := p
		for q < len(src) && isSpace(src[q]) {
			q++
		}
		if q < len(src) && src[q] == '=' {
			return 0, false
		}
		return p, true
	case c == '>' || isVoidEnd(src, p):
		a.clean = true
		return p, true
	}
	return 0, false
}

// scanValue returns the length of the double-quoted value at the start of
// s, up to its closing quote (-1 when there is none), and whether it is
// clean (see attr).
//
// It reads eight bytes at a time, as needsRewrite does, and byte by byte
// from the first byte below '\” that is neither a space nor the quote.
func scanValue(s []byte) (n int, clean bool) {
	var bad, prev uint8
	i := 0
	for ; len(s)-i >= 8; i += 8 {
		x := binary.LittleEndian.Uint64(s[i:])
		quote := bytesEqual(x, '"')
		before := ^uint64(0) // the bytes before the first quote
		if quote != 0 {
			before = quote&-quote - 1
		}
		space := bytesEqual(x, ' ') & before
		if bytesBelow(x, '&'+1)&before&^space&^quote != 0 {
			break
		}
		if space&(space<<8|uint64(prev)<<7) != 0 {
			bad = 1 // two spaces in a row
		}
		prev = uint8(space >> 63)
		if quote != 0 {
			n = i + bits.TrailingZeros64(quote)/8
			return n, cleanValue(s[:n], bad)
		}
	}
	for ; i < len(s); i++ {
		k := valueClass[s[i]]
		if k&quoteByte != 0 {
			return i, cleanValue(s[:i], bad)
		}
		bad |= k&prev | k>>1 // two spaces in a row, or another byte
		prev = k & spaceByte
	}
	return -1, false
}

// cleanValue says whether the value v, in which scanValue found bad bytes
// or not, is clean: none, and no space at either end.
func cleanValue(v []byte, bad uint8) bool {
	return bad == 0 && (len(v) == 0 || v[0] != ' ' && v[len(v)-1] != ' ')
}

// tagRules applies what tdewolff does to the attributes of a meta, script,
// input or a tag before it writes them. The last of several attributes of
// one name is the one it looks at. ok is false for what is not handled.
func (m *minifier) tagRules(tag tagInfo) bool {
	if m.nattrs == 0 {
		return true
	}
	find := func(id attrID) *attr {
		var found *attr
		for i := range m.nattrs {
			if m.attrs[i].info.id == id {
				found = &m.attrs[i]
			}
		}
		return found
	}
	switch tag.id {
	case tagMeta:
		content := find(attrContent)
		if content == nil {
			return true
		}
		content.clean = false
		if equiv := find(attrHTTPEquiv); equiv != nil {
			equiv.val, equiv.clean = parse.TrimWhitespace(equiv.val), false
			if find(attrCharset) == nil && parse.EqualFold(equiv.val, []byte("content-type")) {
				return false // the content type rewrite is not handled
			}
		}
		if name := find(attrName); name != nil {
			name.val, name.clean = parse.TrimWhitespace(name.val), false
			if parse.EqualFold(name.val, []byte("keywords")) {
				content.val = bytes.ReplaceAll(content.val, []byte(", "), []byte(","))
			} else if parse.EqualFold(name.val, []byte("viewport")) {
				content.val = viewport(content.val)
			}
		}
	case tagScript:
		if src, charset := find(attrSrc), find(attrCharset); src != nil && charset != nil {
			charset.drop = true
		}
	case tagInput:
		if typ, value := find(attrType), find(attrValue); typ != nil && value != nil {
			isRadio := parse.EqualFold(typ.val, []byte("radio"))
			if !isRadio && len(value.val) == 0 || isRadio && parse.EqualFold(value.val, []byte("on")) {
				value.drop = true
			}
		}
	case tagA:
		if id, name := find(attrID_), find(attrName); id != nil && name != nil && bytes.Equal(id.val, name.val) {
			name.drop = true
		}
	}
	return true
}

// viewport is tdewolff's rewrite of a viewport meta's content: spaces
// dropped, numbers after '=' minified. It works on a copy.
func viewport(v []byte) []byte {
	v = bytes.ReplaceAll(v, []byte(" "), []byte(""))
	for i := 0; i < len(v); i++ {
		if v[i] == '=' && i+2 < len(v) {
			i++
			if n := parse.Number(v[i:]); 0 < n {
				minNum := minify.Number(v[i:i+n], -1)
				if len(minNum) < n {
					copy(v[i:i+len(minNum)], minNum)
					copy(v[i+len(minNum):], v[i+n:])
					v = v[:len(v)+len(minNum)-n]
				}
				i += len(minNum)
			}
			i-- // the loop's i++
		}
	}
	return v
}

// writeAttr writes one attribute of the start tag tag as tdewolff does:
// the value is respelled in place at the end of m.out. ok is false for a
// data: URL, which tdewolff minifies.
func (m *minifier) writeAttr(tag tagInfo, a *attr) bool {
	if a.drop {
		return true
	}
	id := a.info.id
	mediatype := mediaType(tag, id)
	if a.clean && !mediatype && (a.info.trait != urlAttr || !urlScheme(a.val)) {
		// Nothing to respell.
		if len(a.val) == 0 && dropsEmpty(tag, id) {
			return true
		}
		m.out = append(m.out, ' ')
		m.out = append(m.out, a.name...)
		if len(a.val) > 0 && a.info.trait != booleanAttr {
			m.out = append(m.out, '=', '"')
			m.out = append(m.out, a.val...)
			m.out = append(m.out, '"')
		}
		return true
	}
	mark := len(m.out)
	m.out = append(m.out, ' ')
	m.out = append(m.out, a.name...)
	nameEnd := len(m.out)
	m.out = append(m.out, '=', '"')
	start := len(m.out)
	m.out = append(m.out, a.val...)
	v := m.out[start:]

	if a.info.trait == trimAttr {
		if needsRewrite(v) {
			v = parse.ReplaceMultipleWhitespaceAndEntities(v, mhtml.EntitiesMap, nil)
		}
		v = parse.TrimWhitespace(v)
	} else if bytes.IndexByte(v, '&') >= 0 {
		v = parse.ReplaceEntities(v, mhtml.EntitiesMap, nil)
	}
	if len(v) == 0 && dropsEmpty(tag, id) {
		m.out = m.out[:mark] // empty class, dir, id, name and form action are dropped
		return true
	}
	if mediatype {
		v = minify.Mediatype(v)
	}
	if a.info.trait == urlAttr {
		v = parse.TrimWhitespace(v)
		if 5 < len(v) {
			if parse.EqualFold(v[:4], []byte("http")) {
				if v[4] == ':' {
					parse.ToLower(v[:4])
				} else if (v[4] == 's' || v[4] == 'S') && v[5] == ':' {
					parse.ToLower(v[:5])
				}
			} else if parse.EqualFold(v[:5], []byte("data:")) {
				return false // tdewolff minifies data URLs
			}
		}
	}
	if len(v) == 0 || a.info.trait == booleanAttr {
		m.out = m.out[:nameEnd]
		return true
	}
	m.out = m.out[:start+copy(m.out[start:], v)]
	if bytes.IndexByte(m.out[start:], '"') < 0 {
		m.out = append(m.out, '"')
		return true
	}
	// An entity gave a quote: tdewolff picks the quote to use.
	esc := phtml.EscapeAttrVal(&m.escBuf, m.out[start:], '"', true)
	m.out = append(m.out[:start-1], esc...)
	return true
}

// urlScheme reports whether the URL rule could change the clean value v:
// it starts with an http(s) scheme not in lower case, or is a data URL.
func urlScheme(v []byte) bool {
	if len(v) <= 5 {
		return false
	}
	if parse.EqualFold(v[:4], []byte("http")) {
		return string(v[:4]) != "http" || v[4] == 'S'
	}
	return parse.EqualFold(v[:5], []byte("data:"))
}

// tagName returns the lower-case name that starts at src[p] and where it
// ends.
func tagName(src []byte, p int) ([]byte, int) {
	start := p
	for p < len(src) && isNameChar(src[p]) {
		p++
	}
	return src[start:p], p
}

// endTag reads the end tag at src[pos:] ("</name>", whitespace allowed
// before the '>'), and returns its name and where it ends.
func endTag(src []byte, pos int) (name []byte, next int, ok bool) {
	p := pos + 2
	if p >= len(src) || src[p] < 'a' || 'z' < src[p] {
		return nil, 0, false
	}
	name, p = tagName(src, p)
	for p < len(src) && (src[p] == ' ' || src[p] == '\t' || src[p] == '\n' || src[p] == '\r') {
		p++
	}
	if p >= len(src) || src[p] != '>' {
		return nil, 0, false
	}
	return name, p + 1, true
}

// endTagFollows reports whether s starts with the end tag of name.
func endTagFollows(s, name []byte) bool {
	if len(s) < len(name)+3 || s[0] != '<' || s[1] != '/' || !bytes.Equal(s[2:2+len(name)], name) {
		return false
	}
	switch s[2+len(name)] {
	case '>', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

// commentEnd returns where the comment at src[pos:] ends: the lexer ends
// it at the first "-->" or "--!>". An unterminated comment is not handled.
func commentEnd(src []byte, pos int) (int, bool) {
	if !hasPrefix(src[pos:], "<!--") {
		return 0, false
	}
	for i := pos + 4; ; {
		k := bytes.Index(src[i:], []byte("--"))
		if k < 0 {
			return 0, false
		}
		at := i + k
		if hasPrefix(src[at:], "-->") {
			return at + 3, true
		}
		if hasPrefix(src[at:], "--!>") {
			return at + 4, true
		}
		i = at + 1
	}
}

// doctypeEnd returns where the HTML5 doctype at src[pos:] ends.
func doctypeEnd(src []byte, pos int) (int, bool) {
	const doctype = "<!doctype html>"
	if len(src)-pos < len(doctype) || !parse.EqualFold(src[pos:pos+len(doctype)], []byte(doctype)) {
		return 0, false
	}
	if s := src[pos+2 : pos+9]; string(s) != "DOCTYPE" && string(s) != "doctype" || string(src[pos+10:pos+14]) != "html" {
		return 0, false // only the spellings the site writes
	}
	return pos + len(doctype), true
}

func isNameChar(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// isSpace is the whitespace the lexer skips inside a tag.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isVoidEnd(src []byte, p int) bool { return p+1 < len(src) && src[p] == '/' && src[p+1] == '>' }
