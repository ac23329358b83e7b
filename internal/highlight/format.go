package highlight

import (
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// What chroma's HTML formatter writes around a block and each line with the
// options New gives it (classes, preWrapper, no line numbers).
const (
	lineStart = `<span class="line"><span class="cl">`
	lineEnd   = `</span></span>`
)

// coalesce merges runs of tokens of one type as chroma.Coalesce does: empty
// tokens are dropped, and a token joins the one before it while that one
// is shorter than 8192 bytes (so long runs split at the same places).
func coalesce(toks []chroma.Token) []chroma.Token {
	out := toks[:0]
	for _, t := range toks {
		if t.Value == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Type == t.Type && len(out[n-1].Value) < 8192 {
			out[n-1].Value += t.Value
			continue
		}
		out = append(out, t)
	}
	return out
}

// appendHTML appends what chroma's HTML formatter writes for toks: the
// tokens split into lines after each "\n", each line in a line span, each
// token escaped and in a span of its class unless the class is empty.
func (h *Highlighter) appendHTML(b []byte, toks []chroma.Token) []byte {
	b = append(b, preWrapper{}.Start(true, "")...)
	open := false
	for _, t := range toks {
		cls := h.class(t.Type)
		v := t.Value
		for {
			i := strings.IndexByte(v, '\n')
			if i < 0 {
				break
			}
			if !open {
				b = append(b, lineStart...)
			}
			b = appendToken(b, cls, v[:i+1])
			b = append(b, lineEnd...)
			open = false
			v = v[i+1:]
		}
		if v == "" {
			continue
		}
		if !open {
			b = append(b, lineStart...)
			open = true
		}
		b = appendToken(b, cls, v)
	}
	if open {
		b = append(b, lineEnd...)
	}
	return append(b, preWrapper{}.End(true)...)
}

// appendPlain appends what chroma writes for text lexed as plain text:
// every line escaped, in a line span, with no token spans.
func appendPlain(b []byte, text string) []byte {
	if !utf8.ValidString(text) {
		text = string([]rune(text)) // as chroma's lexers see it
	}
	b = append(b, preWrapper{}.Start(true, "")...)
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line = text[:i+1]
		}
		b = append(b, lineStart...)
		b = appendEscaped(b, line)
		b = append(b, lineEnd...)
		text = text[len(line):]
	}
	return append(b, preWrapper{}.End(true)...)
}

func appendToken(b []byte, cls, v string) []byte {
	if cls == "" {
		return appendEscaped(b, v)
	}
	b = append(b, `<span class="`...)
	b = append(b, cls...)
	b = append(b, `">`...)
	b = appendEscaped(b, v)
	return append(b, `</span>`...)
}

// appendEscaped escapes as html.EscapeString, which chroma's formatter
// uses.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// classOf is the CSS class chroma's formatter gives a token type: the
// type's own, or its nearest ancestor's.
func classOf(t chroma.TokenType) string {
	for t != 0 {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
		t = t.Parent()
	}
	return chroma.StandardTypes[t]
}

// classes maps every standard token type to its class.
func classes() map[chroma.TokenType]string {
	m := make(map[chroma.TokenType]string, len(chroma.StandardTypes))
	for t := range chroma.StandardTypes {
		m[t] = classOf(t)
	}
	return m
}

func (h *Highlighter) class(t chroma.TokenType) string {
	if cls, ok := h.classes[t]; ok {
		return cls
	}
	return classOf(t)
}

// ensureLF replaces "\r\n" and "\r" with "\n", as chroma's lexers do
// before lexing.
func ensureLF(text string) string {
	if strings.IndexByte(text, '\r') < 0 {
		return text
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
}
