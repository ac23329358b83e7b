package search_test

import (
	"fmt"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/search"
)

// BenchmarkIndex times building the search index of 100, 1,000 and 10,000
// English chapters, one document per section as the site indexes them:
// tokenizing, stemming, scoring and writing the shards.
//
//	go test -run '^$' -bench Index -benchtime 1x ./internal/search/
func BenchmarkIndex(b *testing.B) {
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			o := corpus.Options{Chapters: 2 * n} // n English chapters
			var files []course.SourceFile
			for i := 0; i < n; i++ {
				fm, body := corpus.Chapter(o, i, "en")
				src := fmt.Sprintf("---\ntitle: %q\nkey: %s\norder: %d\nsummary: %q\nupdated: %s\n---\n\n%s", fm.Title, fm.Key, fm.Order, fm.Summary, fm.Updated, body)
				files = append(files, course.SourceFile{Name: fmt.Sprintf("content/en/course/%05d.md", i), Lang: "en", Kind: course.KindChapter, Data: []byte(src)})
			}
			c, _ := course.Parse(files)
			var docs []search.Doc
			for _, d := range c.Docs {
				for _, s := range d.Sections {
					docs = append(docs, search.Doc{Type: "chapter", URL: "/course/" + d.Key + "/#" + s.ID, Title: s.Heading, Where: d.Title, Headings: d.Title, Body: s.Text})
				}
			}
			if len(c.Docs) != n {
				b.Fatalf("%d chapters parsed", len(c.Docs))
			}
			for b.Loop() {
				files, _, err := search.Build(docs, search.Options{Lang: "en"})
				if err != nil {
					b.Fatal(err)
				}
				if len(files) == 0 {
					b.Fatal("no index files")
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
