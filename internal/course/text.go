package course

import (
	"bufio"
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/telemetry-atlas/atlas/internal/highlight"
)

// TextRenderer renders the short Markdown fields of records (summaries,
// notes, how-to steps) with the same rules as chapters: no raw HTML, links
// only to http(s), mailto and site paths. It is safe for concurrent use.
type TextRenderer struct {
	mds map[string]goldmark.Markdown
	// done keeps what was rendered, by language and source: a record's
	// notes show on its page, in the search index and in the tables.
	done sync.Map // textKey → string
	// writers are goldmark's buffered writers, reused: goldmark makes a
	// 4 KB one for every text it renders into anything else, and a build
	// of 10,000 records renders about 100,000 texts.
	writers sync.Pool // *bufio.Writer
}

type textKey struct{ lang, src string }

// NewTextRenderer returns a renderer for every site language.
func NewTextRenderer() *TextRenderer {
	hl := highlight.New()
	r := &TextRenderer{mds: map[string]goldmark.Markdown{}}
	r.writers.New = func() any { return bufio.NewWriter(nil) }
	for _, lang := range Languages {
		r.mds[lang] = newMarkdown(lang, hl)
	}
	return r
}

// Block renders src as block content (paragraphs, lists).
func (r *TextRenderer) Block(lang, src string) template.HTML {
	return template.HTML(r.render(lang, src))
}

// Inline renders src and unwraps a single paragraph, for table cells.
func (r *TextRenderer) Inline(lang, src string) template.HTML {
	s := strings.TrimSpace(r.render(lang, src))
	if strings.HasPrefix(s, "<p>") && strings.HasSuffix(s, "</p>") && strings.Count(s, "<p>") == 1 {
		s = s[3 : len(s)-4]
	}
	return template.HTML(s)
}

func (r *TextRenderer) render(lang, src string) string {
	if plainParagraph(src) {
		return "<p>" + src + "</p>\n"
	}
	if html, ok := r.done.Load(textKey{lang, src}); ok {
		return html.(string)
	}
	html := r.renderNew(lang, src)
	r.done.Store(textKey{lang, src}, html)
	return html
}

func (r *TextRenderer) renderNew(lang, src string) string {
	md, ok := r.mds[lang]
	if !ok {
		md = r.mds[Languages[0]]
	}
	body := []byte(src)
	root := md.Parser().Parse(text.NewReader(body))
	var unsafe []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			dest, ok := checkDest(string(n.Destination), false)
			if !ok {
				unsafe = append(unsafe, n)
			} else {
				n.Destination = []byte(Localize(lang, dest))
			}
		case *ast.Image:
			unsafe = append(unsafe, n) // records carry no pictures
		case *ast.Heading:
			n.Level = 4 // a record's text never outranks the page's headings
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafe {
		replaceWithText(n, body)
	}
	var buf bytes.Buffer
	w := r.writers.Get().(*bufio.Writer)
	w.Reset(&buf)
	defer func() {
		w.Reset(nil) // let buf go with this text
		r.writers.Put(w)
	}()
	if err := md.Renderer().Render(w, body, root); err != nil { // Render flushes w
		return template.HTMLEscapeString(src)
	}
	return buf.String()
}
