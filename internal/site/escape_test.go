package site

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// TestEscapeLikeHTMLTemplate holds the page writer to html/template: for
// every hostile string, in every place the writer puts values, the bytes
// must be the ones html/template writes there.
func TestEscapeLikeHTMLTemplate(t *testing.T) {
	values := []string{
		"", "plain", "Fedora’s “quoted” text", "a < b && c > d", `"double" 'single'`, "1+1=2",
		"<script>alert(1)</script>", "</title><script>x</script>", "\x00nul", "tab\tnew\nline",
		"Телеметрия ё", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>",
		"https://example.org/a b?q=1&r=<2>#frag", "mailto:a@b.c", "/ru/vendors/x/", "%41%zz%", "#как-отключить",
		"\xff\xfe invalid utf-8", "x\" onmouseover=\"alert(1)", "ﷰ\ufffe\uffff", "`tick`",
	}
	places := []struct {
		name     string
		template string
		write    func(w *pageWriter, s string)
	}{
		{"text", `<p>{{.}}</p>`, func(w *pageWriter, s string) { w.raw("<p>"); w.text(s); w.raw("</p>") }},
		{"title", `<title>{{.}}</title>`, func(w *pageWriter, s string) { w.raw("<title>"); w.text(s); w.raw("</title>") }},
		{"attribute", `<p class="{{.}}">`, func(w *pageWriter, s string) { w.raw(`<p class="`); w.text(s); w.raw(`">`) }},
		{"data attribute", `<p data-link="{{.}}">`, func(w *pageWriter, s string) { w.raw(`<p data-link="`); w.text(s); w.raw(`">`) }},
		{"url", `<a href="{{.}}">`, func(w *pageWriter, s string) { w.raw(`<a href="`); w.url(s); w.raw(`">`) }},
		{"url path", `<a href="/categories/{{.}}/">`, func(w *pageWriter, s string) {
			w.raw(`<a href="/categories/`)
			w.urlPart(s)
			w.raw(`/">`)
		}},
		{"fragment of the page", `<a href="#{{.}}">`, func(w *pageWriter, s string) {
			w.raw(`<a href="#`)
			w.fragment(s)
			w.raw(`">`)
		}},
		{"fragment", `<a href="/methodology/#rule-{{.}}">`, func(w *pageWriter, s string) {
			w.raw(`<a href="/methodology/#rule-`)
			w.fragment(s)
			w.raw(`">`)
		}},
	}
	for _, p := range places {
		tpl := template.Must(template.New(p.name).Parse(p.template))
		for _, s := range values {
			var want bytes.Buffer
			if err := tpl.Execute(&want, s); err != nil {
				t.Fatal(err)
			}
			w := &pageWriter{}
			p.write(w, s)
			if got := string(w.b); got != want.String() {
				t.Errorf("%s %q:\n got  %s\n want %s", p.name, s, got, want.String())
			}
		}
	}
}

// TestPageWriterMissingUIString: a UI string the catalogue lacks fails
// the page with the key and the file to add it to.
func TestPageWriterMissingUIString(t *testing.T) {
	tpl := &Templates{strings: map[string]map[string]string{"en": {"skip": "Skip"}}}
	w := &pageWriter{v: view{Page: &Page{Lang: "en"}, b: &builder{in: Input{Templates: tpl}}}}
	w.ui("skip")
	w.ui("no.such.key")
	w.ui("also.missing")
	if string(w.b) != "Skip" {
		t.Errorf("wrote %q", w.b)
	}
	if w.err == nil || !strings.Contains(w.err.Error(), `"no.such.key"`) || !strings.Contains(w.err.Error(), "templates/i18n/en.yaml") {
		t.Errorf("err = %v, want the first missing key and its file", w.err)
	}
}
