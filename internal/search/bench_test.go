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
			docs := chapterDocs(b, n)
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

// chapterDocs returns the documents of n English chapters of the synthetic
// corpus, one per section as the site indexes them.
func chapterDocs(b *testing.B, n int) []search.Doc {
	o := corpus.Options{Chapters: 2 * n} // n English chapters
	var files []course.SourceFile
	for i := 0; i < n; i++ {
		fm, body := corpus.Chapter(o, i, "en")
		src := fmt.Sprintf("---\ntitle: %q\nkey: %s\norder: %d\nsummary: %q\nupdated: %s\n---\n\n%s", fm.Title, fm.Key, fm.Order, fm.Summary, fm.Updated, body)
		files = append(files, course.SourceFile{Name: fmt.Sprintf("content/en/course/%05d.md", i), Lang: "en", Kind: course.KindChapter, Data: []byte(src)})
	}
	c, _ := course.Parse(files)
	if len(c.Docs) != n {
		b.Fatalf("%d chapters parsed", len(c.Docs))
	}
	var docs []search.Doc
	for _, d := range c.Docs {
		for _, s := range d.Sections {
			docs = append(docs, search.Doc{Type: "chapter", URL: "/course/" + d.Key + "/#" + s.ID, Title: s.Heading, Where: d.Title, Headings: d.Title, Body: s.Text})
		}
	}
	return docs
}

// BenchmarkLiveUpdate times the preview's update of the index of 100, 1,000
// and 10,000 English chapters after a sentence is added to one section:
// the files it rewrites, and their bytes, are reported per update.
//
//	go test -run '^$' -bench LiveUpdate ./internal/search/
func BenchmarkLiveUpdate(b *testing.B) {
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			docs := chapterDocs(b, n)
			x, _, _, err := search.BuildLive(docs, search.Options{Lang: "en"})
			if err != nil {
				b.Fatal(err)
			}
			d := docs[len(docs)/2]
			var files, bytes int
			edit := 0
			for b.Loop() {
				edit++
				e := d
				e.Body += fmt.Sprintf(" Edited paragraph number %d.", edit)
				ch, err := x.Update([]search.Doc{e})
				if err != nil {
					b.Fatal(err)
				}
				files += len(ch.Files)
				for _, data := range ch.Files {
					bytes += len(data)
				}
			}
			b.ReportMetric(float64(files)/float64(b.N), "files/op")
			b.ReportMetric(float64(bytes)/float64(b.N), "bytes/op")
		})
	}
}
