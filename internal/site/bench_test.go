package site_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/site"
)

// BenchmarkRender times the render stage (every page in both languages,
// the search index, the exports, the sitemap and the link check) for 100,
// 1,000 and 10,000 chapters plus as many records, from already loaded
// content.
//
//	go test -run '^$' -bench Render -benchtime 1x ./internal/site/
func BenchmarkRender(b *testing.B) {
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			in := loadCorpus(b, corpusFS(b, corpus.Options{Chapters: n, Records: n}))
			for b.Loop() {
				files, probs, err := site.Build(*in)
				if err != nil || len(probs) > 0 {
					b.Fatalf("%v %v", err, probs)
				}
				if len(files) < 2*n {
					b.Fatalf("%d files", len(files))
				}
			}
			b.ReportMetric(float64(2*n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkRenderRecord times what the preview does after one record is
// edited (site.RenderRecord: its pages, the tables, the exports, and the
// links on them checked) for 100, 1,000 and 10,000 chapters plus as many
// records.
//
//	go test -run '^$' -bench RenderRecord -benchtime 3x ./internal/site/
func BenchmarkRenderRecord(b *testing.B) { benchmarkRenderRecord(b, false) }

// BenchmarkRenderRecordPages times the first of the preview's two steps
// after a record's edit, its own pages (site.RenderRecordPages), which the
// page open in the browser waits for.
//
//	go test -run '^$' -bench RenderRecordPages ./internal/site/
func BenchmarkRenderRecordPages(b *testing.B) { benchmarkRenderRecord(b, true) }

func benchmarkRenderRecord(b *testing.B, pagesOnly bool) {
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			in := loadCorpus(b, corpusFS(b, corpus.Options{Chapters: n, Records: n}))
			in.Judged = new(site.Judged) // as the preview's
			prev, probs, err := site.Build(*in)
			if err != nil || len(probs) > 0 {
				b.Fatalf("%v %v", err, probs)
			}
			old := in.Records[n/4]
			edited := *old
			edited.Summary = "An edited summary."
			next := *in
			next.Records = slices.Clone(in.Records)
			next.Records[n/4] = &edited
			render := site.RenderRecord
			if pagesOnly {
				render = site.RenderRecordPages
			}
			for b.Loop() {
				files, probs, ok, err := render(next, prev, old, &edited)
				if err != nil || !ok || len(probs) > 0 {
					b.Fatalf("ok=%v %v %v", ok, err, probs)
				}
				if len(files) < 2 {
					b.Fatalf("%d files", len(files))
				}
			}
		})
	}
}

// BenchmarkReindexRecord times putting one edited record into the search
// index of both languages, as the preview does after re-rendering it
// (site.ReindexRecord), for 100, 1,000 and 10,000 chapters plus as many
// records; each edit changes the record's summary.
//
//	go test -run '^$' -bench ReindexRecord ./internal/site/
func BenchmarkReindexRecord(b *testing.B) {
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			in := loadCorpus(b, corpusFS(b, corpus.Options{Chapters: n, Records: n}))
			in.LiveSearch = new(site.LiveSearch) // as the preview's
			if _, probs, err := site.Build(*in); err != nil || len(probs) > 0 {
				b.Fatalf("%v %v", err, probs)
			}
			edited := *in.Records[n/4]
			next := *in
			next.Records = slices.Clone(in.Records)
			next.Records[n/4] = &edited
			files := 0
			for b.Loop() {
				edited.Summary = fmt.Sprintf("An edited summary, number %d.", files)
				ch, ok, err := site.ReindexRecord(next, &edited)
				if err != nil || !ok {
					b.Fatalf("ok=%v %v", ok, err)
				}
				files += len(ch.Files)
			}
			b.ReportMetric(float64(files)/float64(b.N), "files/op")
		})
	}
}
