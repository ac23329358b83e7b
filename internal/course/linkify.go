package course

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkify turns bare URLs and e-mail addresses into links, as GFM's
// Linkify does, and gives the same HTML.
//
// goldmark calls Linkify at every space of every paragraph and at the
// head of every line. Each call costs goldmark a text segment merged, a
// position saved and restored, and Linkify an e-mail scan: together a
// tenth of the time a chapter takes to load. Two things make it cheap:
//
//   - A link can only start with http:, https:, ftp: or www., or hold an
//     @ within the 65 bytes an e-mail's local part and its @ may take;
//     everywhere else linkify knows at once there is none (mayLink).
//   - Where there is none, linkify takes the plain text that follows, up
//     to the next place where goldmark or Linkify might act (see
//     plainRun), so that goldmark does not stop at each of its spaces.
type linkify struct{ parser.InlineParser }

// newLinkify returns linkify as goldmark's Linkify extension registers
// it.
func newLinkify() parser.Option {
	return parser.WithInlineParsers(util.Prioritized(linkify{extension.NewLinkifyParser()}, 999))
}

// escapeCarries is set, in a parse's context, to the block in which
// Linkify made a link at a space after a backslash. goldmark had read that
// space as escaped, and the escape stays with it past the nodes that
// follow at once, until it reads a byte on its own: a plain run there
// would move that byte, and with it what the escape applies to (a
// backslash after the run would be taken as escaped). So no plain runs in
// that block.
var escapeCarries = parser.NewContextKey()

func (l linkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	if mayLink(afterTrigger(line)) {
		escapedSpace := line[0] == ' ' && block.PrecendingCharacter() == '\\'
		n := l.InlineParser.Parse(parent, block, pc)
		if n != nil && escapedSpace {
			pc.Set(escapeCarries, parent)
		}
		return n
	}
	if pc.Get(escapeCarries) == parent {
		return nil
	}
	return plainRun(parent, block, line, seg)
}

// afterTrigger is line without the character Linkify skips at its start
// (the space or delimiter it was called at).
func afterTrigger(line []byte) []byte {
	if len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			return line[1:]
		}
	}
	return line
}

// mayLink reports whether Linkify could find a link at the start of s:
// s starts as Linkify's URLs do, or has an @ where an e-mail address
// starting there would have it.
func mayLink(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	switch s[0] {
	case 'h':
		if bytes.HasPrefix(s, []byte("http:")) || bytes.HasPrefix(s, []byte("https:")) {
			return true
		}
	case 'f':
		if bytes.HasPrefix(s, []byte("ftp:")) {
			return true
		}
	case 'w':
		if bytes.HasPrefix(s, []byte("www.")) {
			return true
		}
	}
	return bytes.IndexByte(s[:min(len(s), 65)], '@') >= 0
}

// The bytes of a plain run, by what plainRun does at them.
const (
	runText  = iota // a letter, a digit, any byte of a multi-byte character: taken
	runSpace        // a space or a tab: taken unless the line ends or a link may start after it
	runStop         // ASCII punctuation, a line end: the run ends before it
)

// runClass is plainRun's table of byte classes; it is never written to.
var runClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t':
			t[c] = runSpace
		case c == '\n' || c == '\r' || util.IsPunct(byte(c)):
			t[c] = runStop
		}
	}
	return t
}()

// plainRun is called where no link starts. It returns a text node of the
// letters, digits and spaces from there up to, not including, the first
// of:
//
//   - ASCII punctuation, which other inline parsers act on;
//   - the end of the line, and the spaces before it (goldmark trims them
//     and reads hard line breaks from them);
//   - a space at which Linkify might find a link.
//
// Goldmark would have made the same text of those bytes, a space at a
// time. The node is the text node before it, made longer, when that ends
// where the run starts, as goldmark's MergeOrAppendTextSegment does. It
// returns nil, and goldmark goes on a byte at a time, where the bytes
// before could change how goldmark reads the next ones: after a
// backslash (and, as Parse sees to, anywhere in a block after a link
// Linkify made at an escaped space); and where the line starts with a
// tab's padding.
func plainRun(parent ast.Node, block text.Reader, line []byte, seg text.Segment) ast.Node {
	if seg.Padding != 0 || block.PrecendingCharacter() == '\\' {
		return nil // punctuation at line[0] ends the run before it starts
	}
	n := 0
scan:
	for n < len(line) {
		switch runClass[line[n]] {
		case runText:
			n++
		case runSpace:
			end := n + 1
			for end < len(line) && runClass[line[end]] == runSpace {
				end++
			}
			if end == len(line) || line[end] == '\n' || line[end] == '\r' {
				break scan
			}
			for ; n < end; n++ {
				if n > 0 && mayLink(afterTrigger(line[n:])) {
					break scan
				}
			}
		default:
			break scan
		}
	}
	if n == 0 {
		return nil
	}
	block.Advance(n)
	if t, ok := parent.LastChild().(*ast.Text); ok && t.Segment.Stop == seg.Start && !t.SoftLineBreak() {
		t.Segment = t.Segment.WithStop(seg.Start + n)
		return t
	}
	return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+n))
}
