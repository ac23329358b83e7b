package htmlmin_test

import (
	"slices"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2/buffer"

	"github.com/telemetry-atlas/atlas/internal/htmlmin"
)

// BenchmarkAppend times htmlmin against tdewolff on a record page and a
// chapter page of the synthetic site, minified into a reused buffer as
// publish.Minifier.Append does.
//
//	go test -run '^$' -bench Append -benchmem ./internal/htmlmin/
func BenchmarkAppend(b *testing.B) {
	files := syntheticPages(b)
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	for _, page := range []struct{ kind, name string }{
		{"record", "vendors/synth-00001/index.html"},
		{"chapter", "course/chapter-00001/index.html"},
	} {
		src, ok := files[page.name]
		if !ok {
			b.Fatalf("no page %s", page.name)
		}
		b.Run(page.kind+"/htmlmin", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			var dst []byte
			for b.Loop() {
				var ok bool
				if dst, ok = htmlmin.Append(dst[:0], src); !ok {
					b.Fatal("refused")
				}
			}
		})
		b.Run(page.kind+"/tdewolff", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			var dst []byte
			in := make([]byte, len(src))
			for b.Loop() {
				// tdewolff rewrites the bytes it reads: give it a fresh copy.
				copy(in, src)
				w := buffer.NewWriter(dst[:0])
				if err := m.Minify("text/html", w, buffer.NewReader(in)); err != nil {
					b.Fatal(err)
				}
				dst = w.Bytes()
			}
		})
	}
}

// BenchmarkAppendSite minifies every page of the synthetic site (60
// chapters, 60 records) in turn into one reused buffer: the mix of pages
// a full build minifies.
//
//	go test -run '^$' -bench AppendSite -benchmem ./internal/htmlmin/
func BenchmarkAppendSite(b *testing.B) {
	files := syntheticPages(b)
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range files {
			if !yield(name) {
				return
			}
		}
	})
	size := 0
	for _, name := range names {
		size += len(files[name])
	}
	b.SetBytes(int64(size))
	var dst []byte
	for b.Loop() {
		for _, name := range names {
			var ok bool
			if dst, ok = htmlmin.Append(dst[:0], files[name]); !ok {
				b.Fatalf("%s: refused", name)
			}
		}
	}
}
