// Package highlight colours code with chroma using CSS classes only (the
// site's Content-Security-Policy forbids inline styles), and writes the one
// stylesheet with a light and a dark theme that the classes refer to.
package highlight

import (
	"fmt"
	"io"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Light and dark are the chroma styles of the two themes.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// aliases maps the languages writers use to the closest chroma lexer. pf and
// nftables rule files have no lexer of their own; shell highlighting keeps
// their comments and strings apart, which is what a reader needs.
var aliases = map[string]string{
	"nftables": "bash",
	"nft":      "bash",
	"pf":       "bash",
	"hosts":    "plaintext",
	"text":     "plaintext",
	"":         "plaintext",
}

// Highlighter formats code blocks. It holds no mutable state and is safe for
// concurrent use.
type Highlighter struct {
	formatter *chtml.Formatter
	style     *chroma.Style
}

// New returns a Highlighter that writes class-based HTML.
func New() *Highlighter {
	return &Highlighter{
		formatter: chtml.New(chtml.WithClasses(true), chtml.WithPreWrapper(preWrapper{})),
		style:     styles.Get(lightStyle),
	}
}

// Write writes code in lang as a <pre><code> block with token classes. An
// unknown language is written as plain, escaped text.
func (h *Highlighter) Write(w io.Writer, lang, code string) error {
	name := strings.ToLower(strings.TrimSpace(lang))
	if a, ok := aliases[name]; ok {
		name = a
	}
	lexer := lexers.Get(name)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	lexer = chroma.Coalesce(lexer)
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		return fmt.Errorf("highlight %s: %w", lang, err)
	}
	return h.formatter.Format(w, h.style, it)
}

// String is Write into a string.
func (h *Highlighter) String(lang, code string) (string, error) {
	var b strings.Builder
	if err := h.Write(&b, lang, code); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Stylesheet returns the CSS for the token classes: the light theme by
// default and the dark one under prefers-color-scheme: dark.
func Stylesheet() (string, error) {
	// Both themes write a rule for every token class: a class the dark
	// theme leaves to inheritance would otherwise keep its light colour,
	// which can be unreadable on the dark background.
	f := chtml.New(chtml.WithClasses(true), chtml.WithAllClasses(true))
	var b strings.Builder
	if err := f.WriteCSS(&b, styles.Get(lightStyle)); err != nil {
		return "", fmt.Errorf("light code theme: %w", err)
	}
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	lightCSS := b.String()
	var dark strings.Builder
	if err := f.WriteCSS(&dark, styles.Get(darkStyle)); err != nil {
		return "", fmt.Errorf("dark code theme: %w", err)
	}
	b.WriteString(dark.String())
	// Classes the dark style does not colour inherit the dark text colour.
	for _, sel := range coloured(lightCSS) {
		if !strings.Contains(dark.String(), sel+" {") {
			b.WriteString(sel + " { color: inherit }\n")
		}
	}
	b.WriteString("}\n")
	return b.String(), nil
}

// coloured lists the token selectors (".chroma .nb") a stylesheet gives a
// colour.
func coloured(css string) []string {
	var out []string
	for _, line := range strings.Split(css, "\n") {
		i := strings.Index(line, ".chroma .")
		if i < 0 || !strings.Contains(line, "color:") {
			continue
		}
		if j := strings.Index(line[i:], " {"); j > 0 {
			out = append(out, line[i:i+j])
		}
	}
	return out
}

// preWrapper wraps the tokens in <pre class="chroma"><code>, with no style
// attribute (the stylesheet colours the block).
type preWrapper struct{}

func (preWrapper) Start(code bool, _ string) string {
	if code {
		return `<pre class="chroma" tabindex="0"><code>`
	}
	return `<pre class="chroma" tabindex="0">`
}

func (preWrapper) End(code bool) string {
	if code {
		return `</code></pre>`
	}
	return `</pre>`
}
