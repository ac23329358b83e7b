package course

import (
	"strings"
	"testing"
)

func TestReplace(t *testing.T) {
	src := func(order, body string) []byte {
		return []byte("---\ntitle: One\nkey: one\norder: " + order + "\nsummary: S.\nupdated: 2026-11-01\n---\n\n" + body + "\n")
	}
	files := []SourceFile{
		{Name: "content/en/course/01-one.md", Lang: "en", Kind: KindChapter, Data: src("1", "Old text.")},
		{Name: "content/en/course/02-two.md", Lang: "en", Kind: KindChapter, Data: []byte("---\ntitle: Two\nkey: two\norder: 2\nsummary: S.\nupdated: 2026-11-01\n---\n\nTwo.\n")},
	}
	c, probs := Parse(files)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	tests := []struct {
		name   string
		file   SourceFile
		ok     bool
		inHTML string
	}{
		{"body edit", SourceFile{Name: files[0].Name, Lang: "en", Kind: KindChapter, Data: src("1", "New text.")}, true, "New text."},
		{"order change", SourceFile{Name: files[0].Name, Lang: "en", Kind: KindChapter, Data: src("3", "New text.")}, false, ""},
		{"new file", SourceFile{Name: "content/en/course/03-one.md", Lang: "en", Kind: KindChapter, Data: src("1", "x")}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, probs := ParseFile(tt.file)
			if d == nil || len(probs) > 0 {
				t.Fatalf("parse: %v", probs)
			}
			got, ok := c.Replace(d)
			if ok != tt.ok {
				t.Fatalf("Replace ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if f := got.Find("en", KindChapter, "one"); f != d || !strings.Contains(f.HTML, tt.inHTML) {
				t.Fatalf("Find gives %v", f)
			}
			if len(got.Docs) != len(c.Docs) || got.Docs[1] != c.Docs[1] {
				t.Fatal("other documents not shared")
			}
			if strings.Contains(c.Find("en", KindChapter, "one").HTML, tt.inHTML) {
				t.Fatal("the original course changed")
			}
		})
	}
}
