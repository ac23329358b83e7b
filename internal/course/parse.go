package course

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"

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

// parseDoc turns one Markdown file into a rendered Doc. Problems in the
// file are returned with their places; the Doc is still returned when they
// concern only links, so every problem of the file shows in one run.
func parseDoc(md goldmark.Markdown, file, lang string, kind Kind, src []byte) (*Doc, diag.Problems) {
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

	var unsafe []ast.Node
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
				d.TOC = append(d.TOC, Heading{Level: n.Level, ID: id, Text: plainText(n, body)})
			}
		case *ast.Link:
			dest, ok := checkDest(string(n.Destination), false)
			if !ok {
				bad(n, "link %q: only http, https, mailto and site paths (/…) are allowed", n.Destination)
				unsafe = append(unsafe, n)
				return ast.WalkContinue, nil
			}
			n.Destination = []byte(localizeDest(lang, self, dest))
			if isSite(dest) {
				line, col := at(n)
				d.Links = append(d.Links, Link{URL: string(n.Destination), Line: line, Col: col})
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

	d.Sections = sections(root, body)
	for _, s := range d.Sections {
		d.Words += len(strings.Fields(s.Heading)) + len(strings.Fields(s.Text))
	}

	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, body, root); err != nil {
		probs = append(probs, diag.Problem{File: file, Line: bodyLine + 1, Msg: "cannot render: " + err.Error()})
		return nil, probs
	}
	d.HTML = buf.String()
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
	var b strings.Builder
	writeText(&b, n, source)
	return strings.Join(strings.Fields(b.String()), " ")
}

func writeText(b *strings.Builder, n ast.Node, source []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(n.Value(source))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		// The typographer's strings are HTML (&rsquo;): text wants characters.
		b.WriteString(html.UnescapeString(string(n.Value)))
		return
	case *ast.AutoLink:
		b.Write(n.Label(source))
		return
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(source))
		}
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		b.Write(linesOf(n, source))
		b.WriteByte(' ')
		return
	case *east.FootnoteLink, *east.FootnoteBacklink:
		return
	case *east.TableCell:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			writeText(b, c, source)
		}
		b.WriteString(" · ") // cells must not run together in snippets
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, c, source)
	}
	if n.Type() == ast.TypeBlock {
		b.WriteByte(' ')
	}
}

// sections splits the body at level-2 headings.
func sections(root ast.Node, source []byte) []Section {
	out := []Section{{}}
	var b strings.Builder
	flush := func() {
		out[len(out)-1].Text = strings.Join(strings.Fields(b.String()), " ")
		b.Reset()
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			flush()
			out = append(out, Section{ID: headingID(h), Heading: plainText(h, source)})
			continue
		}
		writeText(&b, n, source)
	}
	flush()
	if out[0].Text == "" && len(out) > 1 {
		out = out[1:]
	}
	return out
}
