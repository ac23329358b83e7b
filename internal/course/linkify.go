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
// Linkify does, and gives the same nodes.
//
// goldmark calls Linkify at every space of every paragraph, and there it
// looks for an e-mail address before it says no: a tenth of the time a
// chapter takes to parse. A link can only start with h (http:, https:),
// f (ftp:) or w (www.), or hold an @ within the 65 bytes an e-mail's local
// part and its @ may take; everywhere else linkify says no at once.
type linkify struct{ parser.InlineParser }

// newLinkify returns linkify as goldmark's Linkify extension registers
// it.
func newLinkify() parser.Option {
	return parser.WithInlineParsers(util.Prioritized(linkify{extension.NewLinkifyParser()}, 999))
}

func (l linkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 {
		switch line[0] { // the trigger, as Linkify skips it
		case ' ', '*', '_', '~', '(':
			line = line[1:]
		}
	}
	if len(line) == 0 {
		return nil
	}
	switch line[0] {
	case 'h', 'f', 'w':
		return l.InlineParser.Parse(parent, block, pc)
	}
	if bytes.IndexByte(line[:min(len(line), 65)], '@') < 0 {
		return nil
	}
	return l.InlineParser.Parse(parent, block, pc)
}
