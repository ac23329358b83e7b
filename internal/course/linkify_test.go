package course

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"

	"github.com/telemetry-atlas/atlas/internal/corpus"
)

// linkify must make what goldmark's GFM makes, on the places where a link
// starts and where one almost does.
func TestLinkifyAsGFM(t *testing.T) {
	local64 := strings.Repeat("a", 64)
	docs := map[string]string{
		"url":             "See https://example.com/path?q=1 and http://a.org.",
		"ftp and www":     "Get ftp://files.example.com/x or www.example.com/a_(b).",
		"after triggers":  "*https://a.org* _www.b.org_ ~ftp://c.org~ (http://d.org/x)",
		"line head":       "https://a.org\nwww.b.org\nme@c.org",
		"email":           "Mail privacy@example.com, or a.b+c@x.y.z. Not a@b, not @x.org, not a@b.c_d.",
		"long local part": local64 + "@example.com and a" + local64 + "@example.com",
		"emphasis":        "**www.example.com** and ***x@y.org***",
		"not links":       "hxxp://a.org, hello world, fine@, wwwx.org, f(x) = y, (nothing)",
		"russian":         "Пишите на почта@пример.рф или privacy@example.ru — https://пример.рф/путь",
		"in a link":       "[https://a.org](https://b.org) and [me@x.org](mailto:y@z.org)",
		"code":            "`https://a.org` and\n\n    https://b.org\n",
		"table":           "| a | b |\n| --- | --- |\n| https://a.org | x@y.org |\n",
	}
	withShippedChapters(t, docs)
	gfm := goldmark.New(goldmark.WithExtensions(extension.GFM))
	ours := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList),
		goldmark.WithParserOptions(newLinkify()))
	html := sameHTML(t, gfm, ours, docs)
	if !strings.Contains(html["url"], `<a href="https://example.com/path?q=1">`) {
		t.Errorf("url: no link in %s", html["url"])
	}
}

// gfmLinkify is goldmark's own Linkify, registered as its extension does.
func gfmLinkify() parser.Option {
	return parser.WithInlineParsers(util.Prioritized(extension.NewLinkifyParser(), 999))
}

// plainCode writes code blocks escaped, without highlighting: the tests
// below compare two setups that share it.
type plainCode struct{}

func (plainCode) Write(w io.Writer, lang, code string) error {
	_, err := io.WriteString(w, html.EscapeString(code))
	return err
}

// linkifyCases are places where plainRun must stop, or must not start:
// each is a way the text it takes could have been read otherwise.
var linkifyCases = map[string]string{
	"trailing spaces":      "one two   \nthree  \nfour\t\nfive \\\nsix",
	"hard break in a list": "- a b  \n  c d\n- e\tf g",
	"escaped space":        "a\\ b c \\ www.a.org d\\*e* f\\ \\*g*",
	"escaped link":         "x\\ www.a.org y\\*z* \\ me@x.org w\\[q](r)",
	"escape past nodes":    "\\ www.0.a'A\\\"00 and \\ www.b.org(www.c.org x\\*y*\nz\\ www.d.org\n\\*w*",
	"entities":             "a &amp; b &copy c&#169; d &nbsp;e",
	"punctuation":          "a, b. c; d: e! f? (g) [h] {i} 'j' \"k\" l--m n...o",
	"emphasis":             "a *b c* d _e f_ g **h i** j ~~k l~~ m*n*o",
	"links in runs":        "see [a b](https://x.org) and <https://y.org> and www.z.org and http://w.org/a_b_",
	"after text nodes":     "`code` and www.a.org, *em* www.b.org _x_ me@c.org",
	"tabs":                 "a\tb\t\twww.x.org\tc\t me@y.org",
	"tab padding":          "- a\n\n\tb c www.d.org\n\n>\tq r s",
	"almost links":         "hxxp://a.org httpx wwwx ftpx http ftp www fine@ @x.org a@b",
	"line heads":           "www.a.org b\nhttps://c.org d\nme@e.org f\nword g",
	"unicode":              "Пишите: почта@пример.рф — или www.пример.рф; «кавычки» и ‘такие’ тоже",
	"typographer":          "He said \"it's\" -- twice... and 'then' - once",
	"headings":             "# A b www.c.org\n\n## D e {#f}\n\nG h\n===",
	"table":                "| a b | www.c.org |\n| --- | --- |\n| d e | f@g.org h |",
	"footnotes":            "A b[^1] c.\n\n[^1]: d e www.f.org",
	"definition list":      "Term a\n: def b www.c.org\n: def d",
	"task list":            "- [ ] a b\n- [x] c www.d.org",
	"html":                 "a <b>c d</b> e <!-- f g --> h",
	"crlf":                 "a b  \r\nc d\r\ne f",
	"long local part":      strings.Repeat("a", 64) + "@b.org " + strings.Repeat("a", 65) + "@b.org",
}

// TestLinkifyInSetup compares the site's goldmark setup with linkify and
// with goldmark's Linkify, in both languages, on the cases above, the
// shipped chapters and a synthetic corpus: their HTML must be the same.
func TestLinkifyInSetup(t *testing.T) {
	docs := map[string]string{}
	for name, src := range linkifyCases {
		docs[name] = src
	}
	withShippedChapters(t, docs)
	o := corpus.Options{Chapters: 60, Records: 10}
	for i := range o.Chapters {
		for _, lang := range []string{"en", "ru"} {
			_, body := corpus.Chapter(o, i, lang)
			docs[corpus.ChapterFile(i, lang)] = body
		}
	}
	for _, lang := range []string{"en", "ru"} {
		sameHTML(t, markdownWith(lang, plainCode{}, gfmLinkify()), newMarkdown(lang, plainCode{}), docs)
	}
}

// TestLinkifyRandomDocs does the same on documents made at random of the
// pieces plainRun has to mind: spaces, tabs, line ends, escapes, every
// trigger and link start.
func TestLinkifyRandomDocs(t *testing.T) {
	pieces := []string{
		"a", "word", "hello", "w", "h", "f", "ф", "слово", " ", " ", "  ", "\t", "\n", "\n\n", "  \n", "\\\n",
		"\r\n", "\\", "\\ ", "*", "**", "_", "~", "~~", "(", ")", "[", "]", "`", "&", "&amp;", "&copy", ";", "'",
		"\"", "-", "--", ".", "...", ",", ":", "!", "?", "<", ">", "@", "www.", "www.a.org", "http://a.b/c_d",
		"https:", "ftp://x.y", "me@x.org", "a.b+c@d.e", "- ", "> ", "1. ", "# ", "[^1]", "\n\n[^1]: n\n",
		"|", "\n: ", "{#i}", "<b>", "\t- ", "    ",
	}
	docs := map[string]string{}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		docs[fmt.Sprintf("random %d: %q", i, b.String())] = b.String()
	}
	sameHTML(t, markdownWith("en", plainCode{}, gfmLinkify()), newMarkdown("en", plainCode{}), docs)
}

// FuzzLinkify compares the two on any input: go test -fuzz Linkify
// ./internal/course/ (the cases above are its seeds).
func FuzzLinkify(f *testing.F) {
	for _, src := range linkifyCases {
		f.Add(src)
	}
	theirs, ours := markdownWith("en", plainCode{}, gfmLinkify()), newMarkdown("en", plainCode{})
	f.Fuzz(func(t *testing.T, src string) {
		var want, got bytes.Buffer
		if err := theirs.Convert([]byte(src), &want); err != nil {
			t.Skip()
		}
		if err := ours.Convert([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", src, got.String(), want.String())
		}
	})
}
