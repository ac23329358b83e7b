package site_test

import (
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/site"
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
