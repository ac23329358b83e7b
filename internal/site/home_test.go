package site_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// TestHomeListsAFewAndLinksToAll: on a large atlas the home page lists 24
// vendors and 24 chapters, and links to the matrix and the course index
// with how many there are.
func TestHomeListsAFewAndLinksToAll(t *testing.T) {
	in := loadCorpus(t, corpusFS(t, corpus.Options{Chapters: 60, Records: 30}))
	files, probs, err := site.Build(*in)
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", err, probs)
	}
	for _, tt := range []struct{ page, vendors, chapters string }{
		{"index.html", `<a href="/vendors/#matrix">All 30 products, in the table</a>`, `<a href="/course/">All 30 chapters of the course</a>`},
		{"ru/index.html", `<a href="/ru/vendors/#matrix">Все продукты (30) — в таблице</a>`, `<a href="/ru/course/">Все главы курса (30)</a>`},
	} {
		home := string(files[tt.page])
		if n := strings.Count(home, `<li class="card `); n != 24 {
			t.Errorf("%s: %d vendor cards, want 24", tt.page, n)
		}
		chapters := home[strings.Index(home, `id="h-course"`):]
		if n := strings.Count(chapters, "<li>"); n != 24 {
			t.Errorf("%s: %d chapters listed, want 24", tt.page, n)
		}
		for _, link := range []string{tt.vendors, tt.chapters} {
			if !strings.Contains(home, link) {
				t.Errorf("%s: no %s", tt.page, link)
			}
		}
	}
}

// corpusFS is a synthetic atlas of the repository's templates.
func corpusFS(t *testing.T, o corpus.Options) fstest.MapFS {
	t.Helper()
	fsys, err := corpus.FS(o, testsite.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// loadCorpus loads a synthetic atlas as a build would, on the corpus's day.
func loadCorpus(t *testing.T, fsys fs.FS) *site.Input {
	t.Helper()
	today, _ := vendor.ParseDate(corpus.Today)
	in, probs, err := build.Load(build.Options{Source: fsys, Today: today})
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", err, probs)
	}
	return in
}
