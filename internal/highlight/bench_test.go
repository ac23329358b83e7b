package highlight_test

import (
	"fmt"
	"io"
	"regexp"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/highlight"
)

// fence finds the fenced code blocks of a chapter.
var fence = regexp.MustCompile("(?s)```([a-z]+)\n(.*?)```")

// BenchmarkHighlight times highlighting the code blocks of 100, 1,000 and
// 10,000 chapters (bash, PowerShell and hosts files, as the corpus has).
//
//	go test -run '^$' -bench Highlight -benchtime 1x ./internal/highlight/
func BenchmarkHighlight(b *testing.B) {
	h := highlight.New()
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			o := corpus.Options{Chapters: n}
			var blocks [][2]string
			for i := 0; i < o.Keys(); i++ {
				for _, lang := range []string{"en", "ru"} {
					_, body := corpus.Chapter(o, i, lang)
					for _, m := range fence.FindAllStringSubmatch(body, -1) {
						blocks = append(blocks, [2]string{m[1], m[2]})
					}
				}
			}
			if len(blocks) < n/2 {
				b.Fatalf("only %d code blocks", len(blocks))
			}
			for b.Loop() {
				for _, bl := range blocks {
					if err := h.Write(io.Discard, bl[0], bl[1]); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(blocks))*float64(b.N)/b.Elapsed().Seconds(), "blocks/s")
		})
	}
}
