package course

import (
	"strings"
	"testing"
)

func parseOne(t *testing.T, lang string, src string) (*Doc, []string) {
	t.Helper()
	files := []SourceFile{{Name: "content/" + lang + "/course/01-x.md", Lang: lang, Kind: KindChapter, Data: []byte(src)}}
	if lang != "en" { // a translation needs its English original
		files = append(files, SourceFile{Name: "content/en/course/01-x.md", Lang: "en", Kind: KindChapter, Data: []byte(head)})
	}
	c, probs := Parse(files)
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.String())
	}
	if d := c.Find(lang, KindChapter, "x"); d != nil {
		return d, msgs
	}
	return nil, msgs
}

const head = "---\ntitle: T\nkey: x\norder: 1\nsummary: S\nupdated: 2026-11-22\n---\n"

func TestHeadingIDs(t *testing.T) {
	d, probs := parseOne(t, "ru", head+"## Что отправляет Windows\n\ntext\n\n## Что отправляет Windows\n\n## Заблокировать {#block-it}\n\n### Ёлка\n")
	if d == nil {
		t.Fatal(probs)
	}
	want := []string{"что-отправляет-windows", "что-отправляет-windows-1", "block-it", "елка"}
	if strings.Join(d.IDs, ",") != strings.Join(want, ",") {
		t.Fatalf("ids = %q, want %q", d.IDs, want)
	}
	if len(d.TOC) != 4 || d.TOC[3].Level != 3 || d.TOC[2].Text != "Заблокировать" {
		t.Fatalf("toc = %+v", d.TOC)
	}
}

func TestHostileMarkdownIsEscaped(t *testing.T) {
	src := head + "<script>alert(1)</script>\n\nHello <img src=x onerror=alert(2)> world\n\n" +
		"[click](javascript:alert(3)) and ![i](https://evil.example/x.png) and [ok](https://example.org/)\n"
	d, probs := parseOne(t, "en", src)
	if d == nil {
		t.Fatal(probs)
	}
	for _, bad := range []string{"<script", "<img", "javascript:", "evil.example", "onerror=alert"} {
		if strings.Contains(d.HTML, bad) && !strings.Contains(d.HTML, "&lt;") {
			t.Errorf("HTML contains %q:\n%s", bad, d.HTML)
		}
	}
	if strings.Contains(d.HTML, "<script") || strings.Contains(d.HTML, "<img ") || strings.Contains(d.HTML, `href="javascript`) {
		t.Errorf("markup got through:\n%s", d.HTML)
	}
	if !strings.Contains(d.HTML, "&lt;script&gt;") {
		t.Errorf("raw HTML should show as text:\n%s", d.HTML)
	}
	if !strings.Contains(d.HTML, `href="https://example.org/"`) {
		t.Errorf("a good link was lost:\n%s", d.HTML)
	}
	joined := strings.Join(probs, "\n")
	for _, want := range []string{`01-x.md:12:1:`, `link "javascript:alert(3)"`, `image "https://evil.example/x.png"`} {
		if !strings.Contains(joined, want) {
			t.Errorf("problems lack %q:\n%s", want, joined)
		}
	}
}

func TestLinksAreLocalisedAndPlaced(t *testing.T) {
	d, probs := parseOne(t, "ru", head+"Text\n\nSee [OnePlus](/vendors/oneplus-oxygenos/), [data](/api/v1/vendors.json) and [below](#b).\n\n## B {#b}\n")
	if d == nil || len(probs) > 0 {
		t.Fatal(probs)
	}
	got := []string{}
	for _, l := range d.Links {
		got = append(got, l.URL)
		if l.Line != 10 {
			t.Errorf("link %s at line %d, want 10", l.URL, l.Line)
		}
	}
	want := []string{"/ru/vendors/oneplus-oxygenos/", "/api/v1/vendors.json", "/ru/course/x/#b"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("links = %q, want %q", got, want)
	}
}

func TestRussianQuotesAndFeatures(t *testing.T) {
	d, _ := parseOne(t, "ru", head+"Он сказал \"привет\".\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nТермин\n: определение\n\nСноска[^1].\n\n[^1]: https://example.org/\n\n```powershell\nGet-Process\n```\n")
	if d == nil {
		t.Fatal("no doc")
	}
	for _, want := range []string{"«привет»", "<table>", "<dl>", "footnote", `class="chroma"`} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("HTML lacks %q:\n%s", want, d.HTML)
		}
	}
	if strings.Contains(d.HTML, "style=") {
		t.Errorf("inline style in HTML:\n%s", d.HTML)
	}
}

func TestFrontMatterProblems(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"none", "# Title\n", "01-x.md:1:1: no front matter"},
		{"no title", "---\nkey: x\norder: 1\nsummary: S\nupdated: 2026-11-22\n---\n", "title: missing"},
		{"bad date", "---\ntitle: T\nkey: x\norder: 1\nsummary: S\nupdated: 2026-13-01\n---\n", `updated: "2026-13-01" is not a date`},
		{"unknown field", "---\ntitle: T\nkey: x\norder: 1\nsummary: S\nupdated: 2026-11-22\nauthor: me\n---\n", "01-x.md:7:1: front matter:"},
		{"bad key", "---\ntitle: T\nkey: Bad Key\norder: 1\nsummary: S\nupdated: 2026-11-22\n---\n", "is not a slug"},
		{"no order", "---\ntitle: T\nkey: x\nsummary: S\nupdated: 2026-11-22\n---\n", "order: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := parseOne(t, "en", tt.src)
			if !strings.Contains(strings.Join(probs, "\n"), tt.want) {
				t.Fatalf("problems %q lack %q", probs, tt.want)
			}
		})
	}
}

func TestTranslationNeedsEnglish(t *testing.T) {
	_, probs := Parse([]SourceFile{{Name: "content/ru/course/01-x.md", Lang: "ru", Kind: KindChapter, Data: []byte(head)}})
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "English original") {
		t.Fatalf("problems = %v", probs)
	}
}

func TestOutlineNestsLevelThree(t *testing.T) {
	d, probs := parseOne(t, "en", head+"### Lone\n\n## A\n\n### A1\n\n### A2\n\n## B\n")
	if d == nil {
		t.Fatal(probs)
	}
	o := d.Outline()
	got := ""
	for _, e := range o {
		got += e.Text + "("
		for _, c := range e.Children {
			got += c.Text + " "
		}
		got += ")"
	}
	if got != "Lone()A(A1 A2 )B()" {
		t.Fatalf("outline = %s", got)
	}
}

func TestSectionTextHasNoEntities(t *testing.T) {
	d, _ := parseOne(t, "en", head+"## The phone's serial {#s}\n\nIt's \"quoted\" -- and... done.\n")
	if d == nil {
		t.Fatal("no doc")
	}
	for _, s := range d.Sections {
		if strings.Contains(s.Heading+s.Text, "&") {
			t.Fatalf("section text has an entity: %q %q", s.Heading, s.Text)
		}
	}
	if got := d.Sections[0].Text; !strings.Contains(got, "It’s “quoted” – and… done.") {
		t.Fatalf("section text = %q", got)
	}
}
