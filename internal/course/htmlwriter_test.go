package course

import (
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// textWriter must write what goldmark's own writer writes: on text with
// and without what it escapes or resolves, in every construct that writes
// text, and on every shipped chapter.
func TestTextWriterAsGoldmarks(t *testing.T) {
	docs := map[string]string{
		"plain":      "Just words, and more words: nothing to escape here.\n\nA second paragraph.",
		"escapes":    `Quotes "like this", a < b > c, fish & chips, a \*star\*, a NUL` + "\x00" + ` here.`,
		"entities":   "&amp; &copy; &#34; &#x22; &nosuch; &#99999999; AT&T",
		"backslash":  `C:\path\to\file, \\ and \` + "`" + ` and a trailing \`,
		"code":       "`a < b && \"c\"` and\n\n```\nx := \"<tag>\" & y\n```\n\n    indented <b>\n",
		"headings":   "# Title \"quoted\" & <b>\n\n## Plain heading {#custom}\n",
		"links":      `[a "link" & more](https://example.com/?a=1&b=2 "title & \"q\"") ![alt <x>](/img.png)`,
		"table":      "| a & b | \"c\" |\n| --- | --- |\n| <x> | plain |\n",
		"footnote":   "Text[^1].\n\n[^1]: A note with \"quotes\" & more.\n",
		"definition": "Term & more\n: Definition <with> \"quotes\".\n",
		"html":       "<div class=\"x\">raw</div>\n\nInline <span>html</span> & text.",
		"typography": `"Quoted" -- dashes --- and... 'single' quotes`,
		"nul":        "a\x00b, and c\x00d",
	}
	withShippedChapters(t, docs)
	md := func(w html.Writer) goldmark.Markdown {
		return goldmark.New(
			goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.Typographer),
			goldmark.WithRendererOptions(html.WithXHTML(), html.WithWriter(w)),
		)
	}
	theirs, ours := md(html.NewWriter()), md(textWriter{html.NewWriter()})
	sameHTML(t, theirs, ours, docs)
}

func TestNothingToEscape(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"", true},
		{"plain words, commas: and 'single' quotes — and Кириллица", true},
		{`a "quote"`, false},
		{"a & b", false},
		{"a < b", false},
		{"a > b", false},
		{`a \* b`, false},
		{"a \x00 b", false},
	} {
		if got := nothingToEscape([]byte(tc.text)); got != tc.want {
			t.Errorf("nothingToEscape(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
