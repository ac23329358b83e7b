package course

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
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
