package course_test

import (
	"fmt"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/testsite"
)

// BenchmarkLoad times the load stage of the chapters: reading, front
// matter, goldmark parsing and rendering with highlighted code, sections
// for search, at 100, 1,000 and 10,000 chapters (about 8 KB each).
//
//	go test -run '^$' -bench Load -benchtime 1x ./internal/course/
func BenchmarkLoad(b *testing.B) {
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fsys, err := corpus.FS(corpus.Options{Chapters: n}, testsite.Root(b))
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				c, probs, err := course.Load(fsys, "content", nil)
				if err != nil || len(probs) > 0 {
					b.Fatalf("%v %v", err, probs)
				}
				if len(c.Docs) != n+2 {
					b.Fatalf("%d documents", len(c.Docs))
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
