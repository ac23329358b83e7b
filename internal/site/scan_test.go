package site_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// TestScanQuotedMatchesTokenizer: the link check's fast scanner finds the
// same ids and links as a full HTML tokenizer on every page of the shipped
// site and of a synthetic one, and accepts every one of them (so the fast
// path is the one taken).
func TestScanQuotedMatchesTokenizer(t *testing.T) {
	today, _ := vendor.ParseDate(corpus.Today)
	now := time.Now()
	synthetic, err := corpus.FS(corpus.Options{Chapters: 20, Records: 20}, testsite.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]build.Options{
		"shipped":   {Source: os.DirFS(testsite.Root(t)), Today: vendor.NewDate(now.Year(), now.Month(), now.Day())},
		"synthetic": {Source: synthetic, Today: today},
	} {
		t.Run(name, func(t *testing.T) {
			in, probs, err := build.Load(src)
			if err != nil || len(probs) > 0 {
				t.Fatalf("%v %v", err, probs)
			}
			files, probs, err := site.Build(*in)
			if err != nil || len(probs) > 0 {
				t.Fatalf("%v %v", err, probs)
			}
			pages := 0
			for _, name := range files.Paths() {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				pages++
				fast, tokens, ok := site.ScanBoth(files[name])
				if !ok {
					t.Errorf("%s: the fast scanner gave up", name)
				}
				if !slices.Equal(fast, tokens) {
					t.Errorf("%s: fast scan\n%s\ntokenizer\n%s", name, strings.Join(fast, "\n"), strings.Join(tokens, "\n"))
				}
			}
			if pages < 40 {
				t.Fatalf("only %d pages", pages)
			}
		})
	}
}

// TestScanQuotedGivesUp: HTML the page writers never produce is left to
// the tokenizer, which still finds its links.
func TestScanQuotedGivesUp(t *testing.T) {
	for _, page := range []string{
		`<p><a href='/single/'>x</a></p>`,
		`<p><a href=/unquoted/>x</a></p>`,
		`<p>1 < 2 <a href="/x/">x</a></p>`,
		`<p><a href="/unterminated/>x</a></p>`,
	} {
		fast, tokens, ok := site.ScanBoth([]byte(page))
		if ok {
			t.Errorf("%s: accepted, found %v", page, fast)
		}
		if len(tokens) == 0 && !strings.Contains(page, "unterminated") {
			t.Errorf("%s: the tokenizer found nothing", page)
		}
	}
}

// BenchmarkLinkScan times the link check's pass over every file of the
// synthetic site (60 chapters, 60 records): "scan" reads the pages' ids
// and links, "index" also merges them into the build's link index, as
// Build does for every file it makes.
//
//	go test -run '^$' -bench LinkScan -benchmem ./internal/site/
func BenchmarkLinkScan(b *testing.B) {
	in := loadCorpus(b, corpusFS(b, corpus.Options{Chapters: 60, Records: 60}))
	files, probs, err := site.Build(*in)
	if err != nil || len(probs) > 0 {
		b.Fatalf("%v %v", err, probs)
	}
	names := files.Paths()
	size := 0
	for _, name := range names {
		if strings.HasSuffix(name, ".html") {
			size += len(files[name])
		}
	}
	b.Run("scan", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			site.ScanPages(files, names)
		}
	})
	b.Run("index", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			site.IndexPages(files, names)
		}
	})
}

// TestScanQuotedValueLengths: values shorter and longer than the bytes the
// fast scanner looks at one by one, and pages cut off anywhere, are read
// as the tokenizer reads them, or left to it.
func TestScanQuotedValueLengths(t *testing.T) {
	for n := 0; n <= 40; n++ {
		page := `<p class="x"><a href="/` + strings.Repeat("x", n) + `/" id="` + strings.Repeat("y", n+1) + `">t</a><img src="/` + strings.Repeat("z", n) + `"></p>`
		fast, tokens, ok := site.ScanBoth([]byte(page))
		if !ok {
			t.Errorf("value length %d: the fast scanner gave up on %q", n, page)
		}
		if !slices.Equal(fast, tokens) {
			t.Errorf("value length %d: fast scan %q, tokenizer %q", n, fast, tokens)
		}
		for cut := range len(page) {
			fast, tokens, ok := site.ScanBoth([]byte(page[:cut]))
			if ok && !slices.Equal(fast, tokens) {
				t.Errorf("%q: fast scan %q, tokenizer %q", page[:cut], fast, tokens)
			}
		}
	}
}
