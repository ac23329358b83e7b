package publish_test

import (
	"fmt"
	"maps"
	"path/filepath"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// rendered returns the unminified files of a corpus of n chapters and n
// records, as the render stage hands them to publish.
func rendered(b *testing.B, n int) publish.Files {
	b.Helper()
	today, _ := vendor.ParseDate(corpus.Today)
	fsys, err := corpus.FS(corpus.Options{Chapters: n, Records: n}, testsite.Root(b))
	if err != nil {
		b.Fatal(err)
	}
	in, probs, err := build.Load(build.Options{Source: fsys, Today: today})
	if err != nil || len(probs) > 0 {
		b.Fatalf("%v %v", err, probs)
	}
	files, probs, err := site.Build(*in)
	if err != nil || len(probs) > 0 {
		b.Fatalf("%v %v", err, probs)
	}
	return files
}

func size(files publish.Files) int64 {
	var n int64
	for _, d := range files {
		n += int64(len(d))
	}
	return n
}

// BenchmarkMinify times minifying every output file of 100, 1,000 and
// 10,000 chapters plus as many records.
//
//	go test -run '^$' -bench Minify -benchtime 1x ./internal/publish/
func BenchmarkMinify(b *testing.B) {
	mn := publish.NewMinifier()
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			files := rendered(b, n)
			b.SetBytes(size(files))
			for b.Loop() {
				if err := mn.All(maps.Clone(files)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWrite times writing the minified site of 100, 1,000 and 10,000
// chapters plus as many records into a fresh directory and swapping it in.
//
//	go test -run '^$' -bench Write -benchtime 1x ./internal/publish/
func BenchmarkWrite(b *testing.B) {
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			files := rendered(b, n)
			if err := publish.NewMinifier().All(files); err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(b.TempDir(), "public")
			b.SetBytes(size(files))
			for b.Loop() {
				if err := publish.Write(out, files); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
