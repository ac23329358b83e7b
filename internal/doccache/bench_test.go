package doccache

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/testsite"
)

// BenchmarkLoad times loading 1,000 chapters three ways: parsed without a
// cache, parsed into an empty cache that is then saved (a fresh build),
// and taken from the cache the build before left (a rebuild).
//
//	go test -run '^$' -bench Load -benchtime 5x ./internal/doccache/
func BenchmarkLoad(b *testing.B) {
	const n = 1000
	fsys, err := corpus.FS(corpus.Options{Chapters: n}, testsite.Root(b))
	if err != nil {
		b.Fatal(err)
	}
	id := [32]byte{9}
	// load loads the chapters through the cache at path ("" for none).
	load := func(b *testing.B, path string) {
		var cache course.Cache
		var c *Cache
		if path != "" {
			if c, err = Open(path, id); err != nil {
				b.Fatal(err)
			}
			cache = c.Chapters()
		}
		co, probs, err := course.Load(fsys, "content", cache)
		if err != nil || len(probs) > 0 || len(co.Docs) != n+2 {
			b.Fatal(err, probs)
		}
		if c != nil {
			if err := c.Save(); err != nil {
				b.Fatal(err)
			}
		}
	}
	docsPerSecond := func(b *testing.B) {
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	}
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			load(b, "")
		}
		docsPerSecond(b)
	})
	b.Run("parse+write", func(b *testing.B) {
		dir := b.TempDir()
		k := 0
		for b.Loop() {
			k++ // a new file each time: an empty cache
			load(b, filepath.Join(dir, fmt.Sprint(k)))
		}
		docsPerSecond(b)
	})
	b.Run("cached", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "cache")
		load(b, path)
		for b.Loop() {
			load(b, path)
		}
		docsPerSecond(b)
	})
}
