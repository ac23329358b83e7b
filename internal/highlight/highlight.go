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
//
// It writes what chroma's lexers and HTML formatter write, byte for byte,
// but lexes the common shapes of bash and PowerShell itself, and plain text
// without lexing at all: chroma's regular expressions were most of the
// cost of highlighting a site. A block the scanners do not fully model is
// lexed by chroma; chromaWrite, the plain chroma path, is what the tests
// compare against.
type Highlighter struct {
	formatter *chtml.Formatter
	style     *chroma.Style
	// classes is the CSS class of each standard token type.
	classes map[chroma.TokenType]string
	// bash, powerShell and plain are the lexers the fast paths stand in
	// for; a language is theirs when lexers.Get resolves it to them.
	bash, powerShell, plain chroma.Lexer
}

// New returns a Highlighter that writes class-based HTML.
func New() *Highlighter {
	return &Highlighter{
		formatter:  chtml.New(chtml.WithClasses(true), chtml.WithPreWrapper(preWrapper{})),
		style:      styles.Get(lightStyle),
		classes:    classes(),
		bash:       lexers.Get("bash"),
		powerShell: lexers.Get("powershell"),
		plain:      lexers.Get("plaintext"),
	}
}

// lexer returns chroma's lexer for lang, or nil for plain text.
func lexer(lang string) chroma.Lexer {
	name := strings.ToLower(strings.TrimSpace(lang))
	if a, ok := aliases[name]; ok {
		name = a
	}
	return lexers.Get(name)
}

// Write writes code in lang as a <pre><code> block with token classes. An
// unknown language is written as plain, escaped text.
func (h *Highlighter) Write(w io.Writer, lang, code string) error {
	lx := lexer(lang)
	var toks []chroma.Token
	ok := false
	switch lx {
	case nil, h.plain: // lexers.Fallback has the plaintext rules
		_, err := w.Write(appendPlain(make([]byte, 0, len(code)+128), ensureLF(code)))
		return err
	case h.bash:
		toks, ok = scanBash([]rune(ensureLF(code)))
	case h.powerShell:
		toks, ok = scanPowerShell([]rune(ensureLF(code)))
	}
	if ok {
		toks = coalesce(toks)
	} else {
		it, err := chroma.Coalesce(lx).Tokenise(nil, code)
		if err != nil {
			return fmt.Errorf("highlight %s: %w", lang, err)
		}
		toks = it.Tokens()
	}
	_, err := w.Write(h.appendHTML(make([]byte, 0, 2*len(code)+256), toks))
	return err
}

// chromaWrite is Write as chroma alone does it: the reference the fast
// paths must match byte for byte.
func (h *Highlighter) chromaWrite(w io.Writer, lang, code string) error {
	lx := lexer(lang)
	if lx == nil {
		lx = lexers.Fallback
	}
	it, err := chroma.Coalesce(lx).Tokenise(nil, code)
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
