package course

import (
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/telemetry-atlas/atlas/internal/highlight"
)

// newMarkdown returns the goldmark setup for one language: GFM, footnotes,
// definition lists, typographic quotes in the language's style, {#id}
// attributes on headings, highlighted code, and raw HTML shown as text.
//
// Raw HTML is never passed through (html.WithUnsafe is not set, and the
// escaping renderer below writes it as visible text), so a chapter cannot
// inject markup.
func newMarkdown(lang string, hl codeWriter) goldmark.Markdown {
	return markdownWith(lang, hl, newLinkify())
}

// markdownWith is newMarkdown with link as the parser of bare links: the
// tests compare linkify with goldmark's own in the whole setup.
func markdownWith(lang string, hl codeWriter, link parser.Option) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			// GFM, with its Linkify replaced by linkify.
			extension.Table,
			extension.Strikethrough,
			extension.TaskList,
			extension.Footnote,
			extension.DefinitionList,
			extension.NewTypographer(extension.WithTypographicSubstitutions(quotes(lang))),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			link,
		),
		goldmark.WithRendererOptions(
			html.WithXHTML(),
			html.WithWriter(textWriter{html.NewWriter()}),
			renderer.WithNodeRenderers(
				util.Prioritized(&codeRenderer{hl: hl}, 100),
				util.Prioritized(rawHTMLAsText{}, 100),
			),
		),
	)
}

// quotes returns the typographic quotes of lang: « » and „ “ in Russian,
// curly quotes in English.
func quotes(lang string) map[extension.TypographicPunctuation]string {
	if lang == "ru" {
		return map[extension.TypographicPunctuation]string{
			extension.LeftDoubleQuote:  "«",
			extension.RightDoubleQuote: "»",
			extension.LeftSingleQuote:  "„",
			extension.RightSingleQuote: "“",
			extension.Apostrophe:       "’",
			extension.EnDash:           "–",
			extension.EmDash:           "—",
			extension.Ellipsis:         "…",
		}
	}
	return map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote:  "“",
		extension.RightDoubleQuote: "”",
		extension.LeftSingleQuote:  "‘",
		extension.RightSingleQuote: "’",
		extension.Apostrophe:       "’",
		extension.EnDash:           "–",
		extension.EmDash:           "—",
		extension.Ellipsis:         "…",
	}
}

// codeWriter writes a highlighted code block: a *highlight.Highlighter, or
// the *highlight.Memo of one load in front of it.
type codeWriter interface {
	Write(w io.Writer, lang, code string) error
}

var (
	_ codeWriter = (*highlight.Highlighter)(nil)
	_ codeWriter = (*highlight.Memo)(nil)
)

// codeRenderer highlights fenced and indented code blocks with chroma.
type codeRenderer struct {
	hl codeWriter
}

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
	reg.Register(ast.KindCodeBlock, r.render)
}

func (r *codeRenderer) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	lang := ""
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		lang = string(f.Language(source))
	}
	if err := r.hl.Write(w, lang, string(linesOf(n, source))); err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, nil
}

// rawHTMLAsText writes raw HTML, inline or as a block, as escaped text: the
// reader sees what the writer typed, and nothing of it becomes markup.
type rawHTMLAsText struct{}

func (rawHTMLAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				s := segs.At(i)
				_, _ = w.Write(util.EscapeHTML(s.Value(source)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			b := n.(*ast.HTMLBlock)
			_, _ = w.WriteString("<p>")
			_, _ = w.Write(util.EscapeHTML(linesOf(b, source)))
			if b.HasClosure() {
				_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(source)))
			}
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkSkipChildren, nil
	})
}

// linesOf joins the source lines of a block node.
func linesOf(n ast.Node, source []byte) []byte {
	var out []byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		out = append(out, seg.Value(source)...)
	}
	return out
}
