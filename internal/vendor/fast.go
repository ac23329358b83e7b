package vendor

import (
	"strings"
	"unicode/utf8"
)

// fastParse reads the plain shape nearly every record has, without the
// YAML library, which costs far more than the checks that follow: a block
// mapping at the left edge whose values are block mappings and lists
// indented under their key, one-line scalars, one-line flow lists of
// scalars, and folded or literal text with every line at one indent.
//
// It gives up (false) on anything else, and on anything near a limit of
// the strict path (tokens, depth), and the caller then runs that path on
// the same bytes: so it needs to be right only about what it accepts, where
// its tree must equal the YAML library's (fast_test.go compares the two).
// Giving up is never an error, only slower.
func fastParse(data []byte) (*node, bool) {
	if len(data) > maxFastSize {
		return nil, false
	}
	p := fastParser{src: string(data)}
	if !p.split() || len(p.lines) == 0 {
		return nil, false
	}
	root, ok := p.mapping(0, 0)
	if !ok || p.i != len(p.lines) || p.tokens > MaxTokens/2 {
		return nil, false
	}
	return root, true
}

// Bounds of the fast path, far inside the strict path's limits so that
// whatever it accepts the strict path would also have accepted.
const (
	maxFastSize  = 256 << 10
	maxFastDepth = MaxDepth / 2
)

// fastLine is one non-blank line of the source.
type fastLine struct {
	text   string // the line without its \n
	indent int    // leading spaces
	num    int    // 1-based line number
}

type fastParser struct {
	src    string
	lines  []fastLine
	i      int // the next line to read
	tokens int // an upper bound of the YAML library's tokens so far

	// The tree is cut from a few large allocations rather than one per
	// node: nodes from slabs, and each mapping's entries and each list's
	// items gathered on a stack, then copied to a slab of their own size.
	nodes []node
	pairs []pair
	items []*node
}

// node returns a new node, cut from a slab.
func (p *fastParser) node(kind nodeKind, at place, text string) *node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]node, 0, max(64, len(p.lines)))
	}
	p.nodes = append(p.nodes, node{kind: kind, at: at, text: text})
	return &p.nodes[len(p.nodes)-1]
}

// popPairs moves the entries from start up off the stack into a slice of
// their own.
func (p *fastParser) popPairs(start int) []pair {
	out := make([]pair, len(p.pairs)-start)
	copy(out, p.pairs[start:])
	p.pairs = p.pairs[:start]
	return out
}

// popItems is popPairs for list items.
func (p *fastParser) popItems(start int) []*node {
	out := make([]*node, len(p.items)-start)
	copy(out, p.items[start:])
	p.items = p.items[:start]
	return out
}

// split cuts the source into lines, dropping comments at the left edge and
// blank lines at the end, and refusing what the fast path does not read:
// tabs, trailing spaces, blank lines between fields, indented comments.
func (p *fastParser) split() bool {
	p.lines = make([]fastLine, 0, strings.Count(p.src, "\n")+1)
	blank := false
	num := 0
	for rest := p.src; rest != ""; {
		num++
		text := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			text, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if text == "" {
			blank = true
			continue
		}
		if blank || text[len(text)-1] == ' ' || strings.IndexByte(text, '\t') >= 0 {
			return false
		}
		if text[0] == '#' {
			p.tokens++
			continue
		}
		indent := 0
		for text[indent] == ' ' {
			indent++
		}
		if text[indent] == '#' {
			return false
		}
		p.lines = append(p.lines, fastLine{text: text, indent: indent, num: num})
	}
	return true
}

// next returns the indent of the next line, or -1 at the end.
func (p *fastParser) next() int {
	if p.i >= len(p.lines) {
		return -1
	}
	return p.lines[p.i].indent
}

// mapping reads a block mapping whose first key starts at byte off of the
// current line; the rest of its keys are on lines indented by off.
func (p *fastParser) mapping(off, depth int) (*node, bool) {
	if depth > maxFastDepth {
		return nil, false
	}
	l := p.lines[p.i]
	n := p.node(mapNode, place{l.num, off + 1}, "")
	start := len(p.pairs)
	for {
		pr, ok := p.pair(off, depth)
		if !ok {
			return nil, false
		}
		p.pairs = append(p.pairs, pr)
		ind := p.next()
		if ind < off {
			n.pairs = p.popPairs(start)
			return n, true
		}
		if ind > off {
			return nil, false
		}
	}
}

// pair reads "key: value" starting at byte off of the current line, and
// the lines under it that belong to the value.
func (p *fastParser) pair(off, depth int) (pair, bool) {
	l := p.lines[p.i]
	key, rest, ok := splitKey(l.text[off:])
	if !ok {
		return pair{}, false
	}
	p.tokens += 2
	pr := pair{key: key, at: place{l.num, off + 1}}
	voff := len(l.text) - len(rest)
	if strings.HasPrefix(rest, "#") {
		rest = "" // "key:  # comment", before a block value
		p.tokens++
	}
	p.i++
	switch {
	case rest == "":
		v, ok := p.block(off, depth+1)
		if !ok {
			return pair{}, false
		}
		pr.value = v
	case rest == ">-" || rest == ">" || rest == "|" || rest == "|-":
		v, ok := p.text(l, voff, off)
		if !ok {
			return pair{}, false
		}
		pr.value = v
	default:
		v, ok := p.inline(l, voff, depth+1)
		if !ok || p.next() > off {
			return pair{}, false
		}
		pr.value = v
	}
	return pr, true
}

// splitKey splits "key: value" or "key:" into the key and the value. A key
// is a plain word that starts with a letter.
func splitKey(s string) (key, rest string, ok bool) {
	i := 0
	for i < len(s) && (isLetter(s[i]) || (i > 0 && (isDigit(s[i]) || s[i] == '_' || s[i] == '-'))) {
		i++
	}
	if i == 0 || i == len(s) || s[i] != ':' {
		return "", "", false
	}
	key = s[:i]
	switch key {
	case "null", "Null", "NULL":
		return "", "", false
	}
	rest = s[i+1:]
	if rest == "" {
		return key, "", true
	}
	if rest[0] != ' ' {
		return "", "", false
	}
	return key, strings.TrimLeft(rest, " "), true
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// block reads the value of a key at indent keyIndent that ends its line:
// a mapping or a list on the lines under it, indented further.
func (p *fastParser) block(keyIndent, depth int) (*node, bool) {
	ind := p.next()
	if ind <= keyIndent {
		return nil, false // an empty value
	}
	if depth > maxFastDepth {
		return nil, false
	}
	l := p.lines[p.i]
	if strings.HasPrefix(l.text[ind:], "- ") {
		return p.list(ind, depth)
	}
	return p.mapping(ind, depth)
}

// list reads a block list whose "- " are at indent ind.
func (p *fastParser) list(ind, depth int) (*node, bool) {
	n := p.node(seqNode, place{p.lines[p.i].num, ind + 1}, "")
	start := len(p.items)
	for {
		l := p.lines[p.i]
		if !strings.HasPrefix(l.text[ind:], "- ") || depth+1 > maxFastDepth {
			return nil, false
		}
		p.tokens++
		off := ind + 2
		var item *node
		if _, _, isKey := splitKey(l.text[off:]); isKey {
			m, ok := p.mapping(off, depth+1)
			if !ok {
				return nil, false
			}
			item = m
		} else {
			v, ok := p.inline(l, off, depth+1)
			if !ok {
				return nil, false
			}
			p.i++
			item = v
		}
		p.items = append(p.items, item)
		next := p.next()
		if next < ind {
			n.items = p.popItems(start)
			return n, true
		}
		if next > ind {
			return nil, false
		}
	}
}

// text reads folded (>, >-) or literal (|, |-) text under a key at indent
// keyIndent; its header is at byte off of line l. Every line of the text
// must have the same indent.
func (p *fastParser) text(l fastLine, off, keyIndent int) (*node, bool) {
	ind := p.next()
	if ind <= keyIndent {
		return nil, false // empty text
	}
	header := l.text[off:]
	sep := " "
	if header[0] == '|' {
		sep = "\n"
	}
	var b strings.Builder
	for first := true; p.i < len(p.lines); first = false {
		t := p.lines[p.i]
		if t.indent < ind && t.indent > keyIndent || t.indent > ind {
			return nil, false
		}
		if t.indent <= keyIndent {
			break
		}
		if !first {
			b.WriteString(sep)
		}
		b.WriteString(t.text[ind:])
		p.i++
	}
	if p.i == len(p.lines) && !strings.HasSuffix(p.src, "\n") {
		return nil, false // the library ends such text without its line break
	}
	if !strings.HasSuffix(header, "-") {
		b.WriteByte('\n')
	}
	p.tokens += 2
	return p.node(scalarNode, place{l.num, runeCol(l.text, off)}, b.String()), true
}

// inline reads a value that starts at byte off of line l and ends with it:
// a flow list or a scalar.
func (p *fastParser) inline(l fastLine, off, depth int) (*node, bool) {
	s := l.text[off:]
	if s[0] == '[' {
		return p.flow(l, off, depth)
	}
	v, rest, ok := scalarAt(s, false)
	if !ok || rest != "" {
		return nil, false
	}
	p.tokens++
	return p.node(scalarNode, place{l.num, runeCol(l.text, off)}, v), true
}

// flow reads a one-line flow list of scalars starting at byte off of l.
func (p *fastParser) flow(l fastLine, off, depth int) (*node, bool) {
	if depth > maxFastDepth {
		return nil, false
	}
	n := p.node(seqNode, place{l.num, runeCol(l.text, off)}, "")
	s := l.text[off+1:]
	p.tokens += 2
	if s == "]" {
		return n, true
	}
	start := len(p.items)
	for {
		trimmed := strings.TrimLeft(s, " ")
		at := len(l.text) - len(trimmed)
		v, rest, ok := scalarAt(trimmed, true)
		if !ok {
			return nil, false
		}
		p.tokens += 2
		p.items = append(p.items, p.node(scalarNode, place{l.num, runeCol(l.text, at)}, v))
		switch {
		case rest == "]":
			n.items = p.popItems(start)
			return n, true
		case strings.HasPrefix(rest, ","):
			s = rest[1:]
		default:
			return nil, false
		}
	}
}

// scalarAt reads a quoted or plain scalar at the start of s, returning its
// text and what follows it (in a flow list, after any spaces).
func scalarAt(s string, inFlow bool) (text, rest string, ok bool) {
	if s == "" {
		return "", "", false
	}
	switch s[0] {
	case '"':
		text, rest, ok = doubleQuoted(s)
	case '\'':
		text, rest, ok = singleQuoted(s)
	default:
		text, rest, ok = plain(s, inFlow)
	}
	if !ok {
		return "", "", false
	}
	if inFlow {
		rest = strings.TrimLeft(rest, " ")
	}
	return text, rest, true
}

// doubleQuoted reads "text", allowing only the escapes \" and \\.
func doubleQuoted(s string) (text, rest string, ok bool) {
	escapes := false
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '"':
			if !escapes {
				return s[1:i], s[i+1:], true
			}
			return unescape(s[1:i]), s[i+1:], true
		case '\\':
			if i+1 >= len(s) || (s[i+1] != '"' && s[i+1] != '\\') {
				return "", "", false
			}
			escapes = true
			i++
		}
	}
	return "", "", false
}

// unescape undoes the escapes doubleQuoted allows.
func unescape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// singleQuoted reads 'text', where a doubled quote stands for one.
func singleQuoted(s string) (text, rest string, ok bool) {
	for i := 1; i < len(s); i++ {
		if s[i] != '\'' {
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			i++
			continue
		}
		return strings.ReplaceAll(s[1:i], "''", "'"), s[i+1:], true
	}
	return "", "", false
}

// plain reads a plain scalar: to the end of s, or in a flow list to the
// next , or ]. It refuses anything that could make it something else: a
// leading indicator, ": ", " #", a trailing colon, brackets and braces,
// and the words that read as null.
func plain(s string, inFlow bool) (text, rest string, ok bool) {
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '~', ' ':
		return "", "", false
	}
	end := -1
	for i := 0; i < len(s) && end < 0; i++ {
		switch s[i] {
		case ',':
			if inFlow {
				end = i
			}
		case ']':
			if !inFlow {
				return "", "", false
			}
			end = i
		case '[', '{', '}':
			return "", "", false
		case ':':
			if inFlow || i+1 == len(s) || s[i+1] == ' ' {
				return "", "", false
			}
		case '#':
			if inFlow || s[i-1] == ' ' {
				return "", "", false
			}
		}
	}
	if end < 0 {
		if inFlow {
			return "", "", false
		}
		end = len(s)
	}
	text = strings.TrimRight(s[:end], " ")
	switch text {
	case "null", "Null", "NULL":
		return "", "", false
	}
	return text, s[end:], true
}

// runeCol is the 1-based column of byte off of line, in characters.
func runeCol(line string, off int) int {
	return utf8.RuneCountInString(line[:off]) + 1
}
