package htmlmin_test

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	. "github.com/telemetry-atlas/atlas/internal/htmlmin"
)

// hostileValues are texts and attribute values a record could hold.
var hostileValues = []string{
	"", "plain", "two  spaces", " edges ", "line\nbreak", "tab\tand\r\nCRLF", "form\ffeed",
	`a&b`, `AT&T`, `&amp;`, `&copy`, `&#39;`, `x<y>z`, `"quoted"`, `it's`, `"both" 'quotes'`,
	`1+1`, `a & b`, `Tom & Jerry's "best"`, "nul\x00byte", "ünïcödé — “typographic”",
	"HTTP://EXAMPLE.COM/a?b=1&c=2", "https://example.com/?q=a&amp=1", "data:text/html,x",
	"javascript:alert(1)", "  ", "\n",
}

// TestAppendTextIsAppend: a text written by AppendText is what Append
// makes of the same text, escaped, between two tags that keep it.
func TestAppendTextIsAppend(t *testing.T) {
	for _, v := range hostileValues {
		e := template.HTMLEscapeString(v)
		want, ok := Append(nil, []byte("<p>["+e+"]</p>"))
		if !ok {
			t.Fatalf("Append refused the text %q", v)
		}
		got := append(AppendText([]byte("<p>["), []byte(e)), "]</p>"...)
		if string(got) != string(want) {
			t.Errorf("AppendText(%q) gives\n%s\nAppend gives\n%s", v, got, want)
		}
	}
}

// TestAppendAttrIsAppend: an attribute written by AppendAttr is what
// Append makes of the same attribute, its value escaped, and a start tag
// made of such attributes is left as it is by Append.
func TestAppendAttrIsAppend(t *testing.T) {
	for _, at := range []struct{ tag, name string }{
		{"p", "title"}, {"p", "class"}, {"p", "id"}, {"a", "href"}, {"img", "src"},
		{"a", "hreflang"}, {"time", "datetime"}, {"html", "lang"}, {"form", "action"},
		{"input", "placeholder"}, {"meta", "content"}, {"a", "type"}, {"li", "data-v"},
	} {
		for _, v := range hostileValues {
			e := template.HTMLEscapeString(v)
			want, ok := Append(nil, []byte("<"+at.tag+" "+at.name+"=\""+e+"\">"))
			got, gotOK := AppendAttr([]byte("<"+at.tag), at.tag, at.name, []byte(e))
			if !gotOK {
				if ok {
					t.Errorf("AppendAttr(%s %s=%q) refused what Append takes", at.tag, at.name, v)
				}
				continue
			}
			got = append(got, '>')
			if !ok {
				t.Errorf("AppendAttr(%s %s=%q) took what Append refuses", at.tag, at.name, v)
				continue
			}
			if string(got) != string(want) {
				t.Errorf("AppendAttr(%s %s=%q) gives\n%s\nAppend gives\n%s", at.tag, at.name, v, got, want)
			}
			// Minified again, the tag stays as it is: by Append, or by
			// tdewolff for a value in single quotes, which Append leaves
			// to it. (A writer leaves out empty values: tdewolff writes
			// an action="" or an action=" " as a bare action, and drops
			// a bare action.)
			if strings.TrimSpace(v) == "" {
				continue
			}
			again, ok := Append(nil, got)
			if !ok {
				again = reference(t, bytes.Clone(got)) // tdewolff writes over its input
			}
			if string(again) != string(got) {
				t.Errorf("minifying what AppendAttr wrote changes it: %s -> %s", got, again)
			}
		}
	}
	if _, ok := AppendAttr(nil, "blink", "title", []byte("x")); ok {
		t.Error("AppendAttr took a tag Append does not know")
	}
}
