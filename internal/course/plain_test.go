package course

import (
	"io/fs"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// TestPlainParagraphLikeGoldmark: every text that plainParagraph lets
// through renders exactly as goldmark renders it, in every language; the
// texts are every string of the shipped records, of a synthetic atlas and
// hand cases, the last with what it must refuse.
func TestPlainParagraphLikeGoldmark(t *testing.T) {
	cases := []struct {
		src   string
		plain bool
	}{
		{"Sends a device ID with every crash report.", true},
		{"Отправляет идентификатор устройства вместе с отчётом.", true},
		{"Counts (roughly) 40% of users / day; then stops!", true},
		{"Opt-out works", true},
		{"", false},
		{"1. a list", false},
		{"- a list", false},
		{"# heading", false},
		{"> quote", false},
		{"It's quoted", false},
		{`Say "hi"`, false},
		{"Wait...", false},
		{"a -- b", false},
		{"see www.example.com", false},
		{"see WWW.example.com", false},
		{"mail a@b.example", false},
		{"https://example.com", false},
		{"a <b> c", false},
		{"a & b", false},
		{"*bold*", false},
		{"under_score", false},
		{"two  spaces", false},
		{"trailing ", false},
		{"line\nbreak", false},
		{"tab\there", false},
		{"a\u00a0b", false},
		{"back\\slash", false},
		{"[link](x)", false},
		{"code `x`", false},
		{"a: b", false},
		{"caf\xe9", false},
	}
	var texts []string
	for _, c := range cases {
		if got := plainParagraph(c.src); got != c.plain {
			t.Errorf("plainParagraph(%q) = %v, want %v", c.src, got, c.plain)
		}
		texts = append(texts, c.src)
	}
	texts = append(texts, recordStrings(t, os.DirFS(testsite.Root(t)))...)
	fsys, err := corpus.FS(corpus.Options{Records: 200}, testsite.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, recordStrings(t, fsys)...)
	r := NewTextRenderer()
	plain := 0
	for _, src := range texts {
		if !plainParagraph(src) {
			continue
		}
		plain++
		for _, lang := range Languages {
			if got, want := r.render(lang, src), r.renderNew(lang, src); got != want {
				t.Errorf("%s %q: %q, goldmark %q", lang, src, got, want)
			}
		}
	}
	t.Logf("%d of %d texts are plain paragraphs", plain, len(texts))
	if plain < 100 {
		t.Errorf("only %d plain texts: the test checks too little", plain)
	}
}

// FuzzPlainParagraph: whatever plainParagraph lets through renders as
// goldmark renders it.
func FuzzPlainParagraph(f *testing.F) {
	for _, s := range []string{"Plain words here.", "A (b) c; d/e 5% f-g!", "Слова и 12 цифр?", "a www.b", "x..y"} {
		f.Add(s)
	}
	r := NewTextRenderer()
	f.Fuzz(func(t *testing.T, src string) {
		if !plainParagraph(src) {
			return
		}
		for _, lang := range Languages {
			if got, want := r.render(lang, src), r.renderNew(lang, src); got != want {
				t.Fatalf("%s %q: %q, goldmark %q", lang, src, got, want)
			}
		}
	})
}

// recordStrings returns every string of every record under vendors/.
func recordStrings(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	today := vendor.NewDate(2100, time.January, 1) // every record's dates are past
	records, probs, err := vendor.LoadDir(fsys, "vendors", tx, today, nil)
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", err, probs)
	}
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		}
	}
	for _, r := range records {
		walk(reflect.ValueOf(r))
	}
	return out
}
