package course

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/telemetry-atlas/atlas/internal/diag"
)

// URL returns the site path of a document: /course/<key>/ or /<key>/, under
// /ru/ for Russian.
func URL(lang string, kind Kind, key string) string {
	p := "/" + key + "/"
	if kind == KindChapter {
		p = "/course/" + key + "/"
	}
	return Localize(lang, p)
}

// Localize points a site path of the English site at the page in lang. Only
// page paths (ending in / before any #fragment) are localised; files such as
// /api/v1/vendors.json exist once for every language.
func Localize(lang, p string) string {
	if lang == "en" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "/"+lang+"/") {
		return p
	}
	pathPart := p
	if i := strings.IndexAny(pathPart, "#?"); i >= 0 {
		pathPart = pathPart[:i]
	}
	if !strings.HasSuffix(pathPart, "/") {
		return p
	}
	return "/" + lang + p
}

// docParser holds what the documents of one load share: the goldmark setup
// of each language, and scratch buffers for the workers, so a document's
// HTML and text are built in buffers that already have their size. It is
// safe for concurrent use.
type docParser struct {
	mds map[string]goldmark.Markdown
	// scratch is a pool of its own: the runtime holds a used pool until
	// the second collection after, and with it what it is part of, here
	// the highlight memo.
	scratch *sync.Pool // *scratch
}

// scratch is what one document is built in before it is copied to the Doc.
type scratch struct {
	html bytes.Buffer
	w    *bufio.Writer // goldmark's buffered writer, over html
	text docText
}

func newDocParser(hl codeWriter, langs []string) *docParser {
	p := &docParser{mds: make(map[string]goldmark.Markdown, len(langs))}
	for _, lang := range langs {
		p.mds[lang] = newMarkdown(lang, hl)
	}
	p.scratch = &sync.Pool{New: func() any {
		s := &scratch{}
		s.w = bufio.NewWriter(&s.html)
		return s
	}}
	return p
}

// parse parses one file with the setup of its language.
func (p *docParser) parse(f SourceFile) (*Doc, diag.Problems) {
	s := p.scratch.Get().(*scratch)
	defer p.scratch.Put(s)
	s.html.Reset()
	s.w.Reset(&s.html)
	s.text.reset()
	return parseDoc(p.mds[f.Lang], s, f.Name, f.Lang, f.Kind, f.Data)
}

// parseDoc turns one Markdown file into a rendered Doc. Problems in the
// file are returned with their places; the Doc is still returned when they
// concern only links, so every problem of the file shows in one run.
func parseDoc(md goldmark.Markdown, s *scratch, file, lang string, kind Kind, src []byte) (*Doc, diag.Problems) {
	fm, body, bodyLine, probs := parseFrontMatter(file, src, kind)
	if fm.Key == "" || fm.Title == "" {
		return nil, probs
	}
	updated, _ := time.Parse(time.DateOnly, fm.Updated)
	d := &Doc{
		File: file, Lang: lang, Kind: kind, Key: fm.Key, Title: fm.Title,
		Summary: fm.Summary, Order: fm.Order, Updated: updated,
	}
	self := URL(lang, kind, fm.Key)

	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	root := md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))

	at := func(n ast.Node) (int, int) { return position(body, bodyLine, n) }
	bad := func(n ast.Node, format string, args ...any) {
		line, col := at(n)
		probs = append(probs, diag.Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
	}

	var (
		unsafe []ast.Node
		text   = &s.text
		heads  []tocHeading // beside d.TOC
	)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id := headingID(n)
			if id != "" {
				d.IDs = append(d.IDs, id)
			}
			if n.Level == 2 || n.Level == 3 {
				d.TOC = append(d.TOC, Heading{Level: n.Level, ID: id})
				heads = append(heads, tocHeading{node: n, text: text.piece(n, body)})
			}
		case *ast.Link:
			dest, ok := checkDest(string(n.Destination), false)
			if !ok {
				bad(n, "link %q: only http, https, mailto and site paths (/…) are allowed", n.Destination)
				unsafe = append(unsafe, n)
				return ast.WalkContinue, nil
			}
			u := localizeDest(lang, self, dest)
			n.Destination = []byte(u)
			if isSite(dest) {
				line, col := at(n)
				d.Links = append(d.Links, Link{URL: u, Line: line, Col: col})
			}
		case *ast.Image:
			dest, ok := checkDest(string(n.Destination), true)
			if !ok {
				bad(n, "image %q: images must be files of this site (/…); nothing is loaded from elsewhere", n.Destination)
				unsafe = append(unsafe, n)
				return ast.WalkContinue, nil
			}
			n.Destination = []byte(dest)
			line, col := at(n)
			d.Links = append(d.Links, Link{URL: dest, Line: line, Col: col})
		case *ast.AutoLink:
			u := string(n.URL(body))
			if _, ok := checkDest(u, false); !ok && n.AutoLinkType == ast.AutoLinkURL {
				bad(n, "link %q: only http, https and mailto are allowed", u)
				unsafe = append(unsafe, n)
			}
		}
		return ast.WalkContinue, nil
	})
	// Unsafe links and images are replaced by their text, so even a build
	// that reports them renders nothing dangerous.
	for _, n := range unsafe {
		replaceWithText(n, body)
	}

	secs := sections(root, body, text, d.TOC, heads)
	all := string(text.out)
	for i, h := range heads {
		// A copy: the sections' text can then go once the search index
		// is built (DropSections), while the pages still show the TOC.
		d.TOC[i].Text = strings.Clone(all[h.text.start:h.text.end])
	}
	d.Sections = make([]Section, len(secs))
	for i, sec := range secs {
		d.Sections[i] = Section{ID: sec.id, Heading: all[sec.heading.start:sec.heading.end], Text: all[sec.text.start:sec.text.end]}
		d.Words += sec.heading.words + sec.text.words
	}

	if err := md.Renderer().Render(s.w, body, root); err != nil {
		probs = append(probs, diag.Problem{File: file, Line: bodyLine + 1, Msg: "cannot render: " + err.Error()})
		return nil, probs
	}
	d.HTML = s.html.String()
	return d, probs
}

// checkDest accepts http, https and mailto URLs (not for images), site paths
// and #fragments, and returns the destination to use.
func checkDest(dest string, image bool) (string, bool) {
	dest = strings.TrimSpace(dest)
	if dest == "" {
		return "", false
	}
	if strings.HasPrefix(dest, "#") {
		return dest, !image
	}
	if strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") && !strings.HasPrefix(dest, "/\\") {
		return dest, true
	}
	if image {
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return dest, u.Host != ""
	case "mailto":
		return dest, u.Opaque != ""
	}
	return "", false
}

func isSite(dest string) bool { return strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") }

// localizeDest makes a #fragment absolute to the document and points site
// paths at the document's language.
func localizeDest(lang, self, dest string) string {
	if strings.HasPrefix(dest, "#") {
		return self + dest
	}
	return Localize(lang, dest)
}

func headingID(h *ast.Heading) string {
	if v, ok := h.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return ""
}

// replaceWithText puts a link's or image's text in its place.
func replaceWithText(n ast.Node, source []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	t := ast.NewString([]byte(plainText(n, source)))
	parent.ReplaceChild(parent, n, t)
}

// position maps a node's offset in the body to a 1-based line and column of
// the file.
func position(body []byte, bodyLine int, n ast.Node) (int, int) {
	pos := n.Pos()
	for p := n; pos < 0 && p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			pos = p.Lines().At(0).Start
		}
		if pos < 0 {
			pos = p.Pos()
		}
	}
	if pos < 0 || pos > len(body) {
		return bodyLine + 1, 0
	}
	line := bodyLine + 1 + bytes.Count(body[:pos], []byte("\n"))
	col := pos - bytes.LastIndexByte(body[:pos], '\n')
	return line, col
}

// plainText collects the text of a node's descendants.
func plainText(n ast.Node, source []byte) string {
	var raw []byte
	writeText(&raw, n, source)
	out, _ := collapse(nil, raw)
	return string(out)
}

// docText collects the plain text a Doc keeps (table of contents, section
// headings and texts) in one buffer, to make one string of it at the end:
// the pieces are slices of that string. Each piece has its white space
// collapsed as strings.Join(strings.Fields(s), " ") would, and its words
// counted on the way.
type docText struct {
	raw []byte // the piece being written, as writeText writes it
	out []byte // the finished pieces
}

func (t *docText) reset() {
	t.raw = t.raw[:0]
	t.out = t.out[:0]
}

// span is a finished piece of a docText and its number of words.
type span struct{ start, end, words int }

// piece writes the text of n as a piece of its own.
func (t *docText) piece(n ast.Node, source []byte) span {
	writeText(&t.raw, n, source)
	return t.end()
}

// end finishes the piece written into t.raw.
func (t *docText) end() span {
	start := len(t.out)
	var words int
	t.out, words = collapse(t.out, t.raw)
	t.raw = t.raw[:0]
	return span{start, len(t.out), words}
}

// same reports whether two pieces have the same text.
func (t *docText) same(a, b span) bool {
	return bytes.Equal(t.out[a.start:a.end], t.out[b.start:b.end])
}

// drop forgets the last piece, p, to use an equal earlier one instead.
func (t *docText) drop(p span) { t.out = t.out[:p.start] }

// collapse appends the white-space separated fields of src to dst, joined
// by single spaces (white space as unicode.IsSpace, like strings.Fields,
// which it replaces without allocating every field), and returns the
// number of fields.
//
// Prose is mostly words with one ASCII space between them, which collapse
// leaves as it is: such a run of fields is found in one pass and copied in
// one append; only other white space ends it.
func collapse(dst, src []byte) ([]byte, int) {
	words := 0
	for i := 0; i < len(src); {
		if sp, size := spaceAt(src, i); sp {
			i += size
			continue
		}
		j, fields := i, 1 // the run is src[i:j], of fields fields
		for j < len(src) {
			// Bytes that never start white space (letters, digits, the
			// bytes of a Cyrillic letter) are stepped over without a call.
			for j < len(src) && !mayStartSpace[src[j]] {
				j++
			}
			if j == len(src) {
				break
			}
			if src[j] == ' ' && j+1 < len(src) && !mayStartSpace[src[j+1]] {
				j++ // one space between two fields: the run goes on
				fields++
				continue
			}
			sp, size := spaceAt(src, j)
			if sp {
				break
			}
			j += size
		}
		if words > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, src[i:j]...)
		words += fields
		i = j
	}
	return dst, words
}

// mayStartSpace marks the bytes that spaceAt has to look at: ASCII white
// space and the lead bytes of the other white-space characters.
var mayStartSpace = func() (t [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\v', '\f', '\r', 0xc2, 0xe1, 0xe2, 0xe3} {
		t[c] = true
	}
	return t
}()

// spaceAt reports whether the character at b[i] is white space, and the
// number of bytes to step over. Only the lead bytes C2, E1, E2 and E3 start
// white space beyond ASCII, so any other byte is stepped over on its own
// without decoding: a continuation byte is never one of them, so the
// characters found are those strings.Fields finds (an invalid byte counts
// as one character, and not as white space).
func spaceAt(b []byte, i int) (bool, int) {
	switch c := b[i]; {
	case c < utf8.RuneSelf:
		return c == ' ' || '\t' <= c && c <= '\r', 1
	case c == 0xc2 || 0xe1 <= c && c <= 0xe3:
		r, size := utf8.DecodeRune(b[i:])
		return isSpace(r), size
	}
	return false, 1
}

// isSpace is unicode.IsSpace for non-ASCII runes, without the table search
// for every letter of a Cyrillic text. TestIsSpace checks every rune.
func isSpace(r rune) bool {
	switch {
	case r < 0x85:
		return false
	case r <= 0xff:
		return r == 0x85 || r == 0xa0
	case r < 0x1680:
		return false
	}
	return r == 0x1680 || 0x2000 <= r && r <= 0x200a || r == 0x2028 || r == 0x2029 ||
		r == 0x202f || r == 0x205f || r == 0x3000
}

func writeText(b *[]byte, n ast.Node, source []byte) {
	switch n := n.(type) {
	case *ast.Text:
		*b = append(*b, n.Value(source)...)
		if n.SoftLineBreak() || n.HardLineBreak() {
			*b = append(*b, ' ')
		}
		return
	case *ast.String:
		// The typographer's strings are HTML (&rsquo;): text wants characters.
		if bytes.IndexByte(n.Value, '&') < 0 {
			*b = append(*b, n.Value...)
		} else {
			*b = append(*b, html.UnescapeString(string(n.Value))...)
		}
		return
	case *ast.AutoLink:
		*b = append(*b, n.Label(source)...)
		return
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			*b = append(*b, seg.Value(source)...)
		}
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			*b = append(*b, seg.Value(source)...)
		}
		*b = append(*b, ' ')
		return
	case *east.FootnoteLink, *east.FootnoteBacklink:
		return
	case *east.TableCell:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			writeText(b, c, source)
		}
		*b = append(*b, " · "...) // cells must not run together in snippets
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, c, source)
	}
	if n.Type() == ast.TypeBlock {
		*b = append(*b, ' ')
	}
}

// tocHeading is the node and text of an entry of a Doc's table of contents.
type tocHeading struct {
	node *ast.Heading
	text span
}

// section is a Section as pieces of a docText.
type section struct {
	id            string
	heading, text span
}

// sections splits the body at level-2 headings. A heading that has an
// entry in the table of contents (toc, with heads beside it) shares its id
// and, when equal, its text with the entry. (The text differs when the
// heading held a link that was replaced by its text after the entry was
// made.)
func sections(root ast.Node, source []byte, t *docText, toc []Heading, heads []tocHeading) []section {
	out := []section{{}}
	next := 0 // the first entry of heads not yet matched
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level != 2 {
			writeText(&t.raw, n, source)
			continue
		}
		out[len(out)-1].text = t.end()
		s := section{heading: t.piece(h, source)}
		i := next
		for i < len(heads) && heads[i].node != h {
			i++
		}
		if i < len(heads) {
			next = i + 1
			s.id = toc[i].ID
			if t.same(heads[i].text, s.heading) {
				t.drop(s.heading)
				s.heading = heads[i].text
			}
		} else {
			s.id = headingID(h)
		}
		out = append(out, s)
	}
	out[len(out)-1].text = t.end()
	if out[0].text.start == out[0].text.end && len(out) > 1 {
		out = out[1:]
	}
	return out
}
