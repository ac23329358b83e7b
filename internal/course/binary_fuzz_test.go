package course_test

import (
	"testing"

	"github.com/telemetry-atlas/atlas/internal/course"
)

// FuzzDecodeDoc feeds DecodeDoc any bytes: it returns a document or an
// error, never panics, and a document it returns encodes back to the same
// bytes.
//
//	go test -run '^$' -fuzz FuzzDecodeDoc -fuzztime 60s ./internal/course/
func FuzzDecodeDoc(f *testing.F) {
	c, probs := course.Parse([]course.SourceFile{{Name: "content/en/course/01-f.md", Lang: "en", Kind: course.KindChapter,
		Data: []byte("---\nkey: f\ntitle: F\nsummary: S.\norder: 1\nupdated: 2026-01-02\n---\nIntro [x](/vendors/x/).\n\n## One {#one}\n\nText.\n\n### Two\n\nMore[^1].\n\n[^1]: Note.\n")}})
	if len(probs) > 0 {
		f.Fatal(probs)
	}
	f.Add(c.Docs[0].AppendBinary(nil))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		src := course.SourceFile{Name: "content/en/course/01-f.md", Lang: "en", Kind: course.KindChapter}
		d, err := course.DecodeDoc(src, data)
		if err != nil {
			return
		}
		if d == nil {
			t.Fatal("neither a document nor an error")
		}
		again, err := course.DecodeDoc(src, d.AppendBinary(nil))
		if err != nil {
			t.Fatalf("a decoded document does not decode again: %v", err)
		}
		if again.HTML != d.HTML || len(again.Sections) != len(d.Sections) || len(again.Links) != len(d.Links) {
			t.Fatal("a decoded document changes through a round trip")
		}
	})
}
