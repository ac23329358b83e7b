package htmlmin_test

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/htmlmin"
)

// pieces are the fragments random documents are made of: the markup the
// site writes, with the whitespace, entities and nesting that the rules
// turn on, in any order.
var pieces = []string{
	"<p>", "</p>", "<div class=\"a  b\">", "</div>", "<span>", "</span>", "<em>", "</em>",
	"<a href=\" HTTPS://x.org/ \" id=\"i\" name=\"i\">", "<a href=\"#x\">", "</a>", "<label>", "</label>",
	"<pre>", "</pre>", "<code>", "</code>", "<br>", "<br/>", "<hr />", "<li>", "</li>", "<ul>", "</ul>",
	"<td>", "</td>", "<button type=\"submit\">", "</button>", "<img src=\"/a.png\" alt=\"\">",
	"<input type=\"text\" value=\"\" hidden>", "<input type=\"radio\" value=\"on\" checked=\"\">",
	"<select name=\"s\">", "</select>", "<option value=\"1\" selected>", "</option>", "<optgroup label=\"g\">", "</optgroup>",
	"<colgroup>", "</colgroup>", "<colgroup span=\"2\">", "<title>t  &amp; u </title>", "<script src=\"/a.js\" defer></script>",
	"<script></script>", "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">",
	"<meta name=\"keywords\" content=\"a, b\">", "<link rel=\"icon\" href=\"/f.svg\" type=\"image/SVG+xml\">",
	"<!-- c -->", "<!DOCTYPE html>", "<time datetime=\" 2026-01-01 \">", "</time>", "<main>", "</main>",
	"<p class=\"\" id=\"\" title=\"&quot;q&quot; 'a'\" data-x=\"a&amp;b\">", "<form action=\"\" method=\"get\">", "</form>",
	"<i></i>", "<i class=\"x\"></i>", "</p >", "</span\n>",
	" ", "  ", "\n", " \n ", "\t", "\r\n", "\u00a0", "x", "word", "two words", "&amp;", "&lt;", "&gt;", "&quot;",
	"&#60;", "&amp;lt;", "&nbsp;", "&#x20;", "&Tab;", "&bogus;", "&", " & ", "é", ">",
}

// TestRandomDocuments compares htmlmin with tdewolff on random sequences
// of pieces: most are accepted, so every rule meets many neighbours.
func TestRandomDocuments(t *testing.T) {
	n := 4000
	if testing.Short() {
		n = 400
	}
	r := rand.New(rand.NewPCG(1, 2))
	accepted := 0
	for i := range n {
		var b strings.Builder
		for range 1 + r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := []byte(b.String())
		got, ok := htmlmin.Append(nil, src)
		if !ok {
			continue
		}
		accepted++
		if want := reference(t, bytes.Clone(src)); !bytes.Equal(got, want) {
			t.Fatalf("document %d: %q\n got %q\nwant %q", i, src, got, want)
		}
	}
	if accepted < n*9/10 {
		t.Errorf("only %d of %d documents accepted", accepted, n)
	}
}
