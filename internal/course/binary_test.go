package course_test

import (
	"errors"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/testsite"
)

// source is the file a document was parsed from, as far as DecodeDoc
// needs it.
func source(d *course.Doc) course.SourceFile {
	return course.SourceFile{Name: d.File, Lang: d.Lang, Kind: d.Kind}
}

// TestDocBinaryRoundTrip holds DecodeDoc to giving back exactly what Parse
// made, over the shipped chapters and a synthetic course.
func TestDocBinaryRoundTrip(t *testing.T) {
	shipped, probs, err := course.Load(os.DirFS(testsite.Root(t)), "content", nil)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	fsys, err := corpus.FS(corpus.Options{Chapters: 40}, testsite.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	synthetic, probs, err := course.Load(fsys, "content", nil)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	docs := append(shipped.Docs, synthetic.Docs...)
	if len(docs) < 40 {
		t.Fatalf("only %d documents", len(docs))
	}
	for _, d := range docs {
		got, err := course.DecodeDoc(source(d), d.AppendBinary(nil))
		if err != nil {
			t.Fatalf("%s: %v", d.File, err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("%s: decoded document differs from the parsed one", d.File)
		}
	}
}

// TestDocBinaryCoversEveryField fills every field of a Doc, by reflection,
// so that a field added to Doc and forgotten by AppendBinary fails here.
func TestDocBinaryCoversEveryField(t *testing.T) {
	d := &course.Doc{}
	n := 0
	fill(t, reflect.ValueOf(d).Elem(), &n)
	d.Updated = time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	got, err := course.DecodeDoc(source(d), d.AppendBinary(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("round trip lost fields:\n got %+v\nwant %+v", got, d)
	}
}

// fill gives v and everything in it a value of its own (n counts them).
func fill(t *testing.T, v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("v" + string(rune('a'+*n%26)) + "…" + string(rune('0'+*n%10)))
	case reflect.Int:
		v.SetInt(int64(*n))
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(t, v.Index(i), n)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			return // set by the caller: a Doc's date is a day
		}
		for i := range v.NumField() {
			fill(t, v.Field(i), n)
		}
	default:
		t.Fatalf("fill: a field of kind %s: teach AppendBinary, DecodeDoc and this test about it", v.Kind())
	}
}

// TestDecodeDocRefusesDamage cuts and flips a document's data: DecodeDoc
// returns an error or a document, and never panics or reads past the end.
func TestDecodeDocRefusesDamage(t *testing.T) {
	src := `---
key: damaged
title: "A title"
summary: "What this chapter is about."
order: 1
updated: 2026-01-02
---
Intro with [a link](/vendors/x/) and ![an image](/img/a.png).

## One {#one}

Text *one*.

### Deeper

Text two[^1].

[^1]: A note.
`
	c, probs := course.Parse([]course.SourceFile{{Name: "content/en/course/01-d.md", Lang: "en", Kind: course.KindChapter, Data: []byte(src)}})
	if len(probs) > 0 || len(c.Docs) != 1 {
		t.Fatal(probs)
	}
	d := c.Docs[0]
	if len(d.TOC) == 0 || len(d.Links) == 0 || len(d.IDs) == 0 {
		t.Fatalf("the document should have headings, links and ids: %+v", d)
	}
	data := d.AppendBinary(nil)
	for n := range len(data) {
		if _, err := course.DecodeDoc(source(d), data[:n]); err == nil {
			t.Errorf("data cut to %d of %d bytes decoded without an error", n, len(data))
		}
	}
	if _, err := course.DecodeDoc(source(d), append(data[:len(data):len(data)], 0)); err == nil {
		t.Error("a byte too many decoded without an error")
	}
	for i := range data {
		for _, bit := range []byte{0x01, 0x80} {
			damaged := append([]byte(nil), data...)
			damaged[i] ^= bit
			if got, err := course.DecodeDoc(source(d), damaged); err == nil && got == nil {
				t.Fatal("neither a document nor an error")
			}
		}
	}
	if _, err := course.DecodeDoc(source(d), nil); !errors.Is(err, course.ErrDocData) {
		t.Errorf("empty data: %v", err)
	}
}
