package htmlmin_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"slices"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/htmlmin"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// reference minifies src with tdewolff's HTML minifier configured as
// publish.NewMinifier configures it: the bytes htmlmin must give.
func reference(t testing.TB, src []byte) []byte {
	t.Helper()
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	out, err := m.Bytes("text/html", src)
	if err != nil {
		t.Fatalf("tdewolff: %v", err)
	}
	return out
}

// pages returns the unminified HTML pages of the site in fsys, by name, as
// the render stage hands them to publish.
func pages(t testing.TB, fsys fs.FS, today vendor.Date) map[string][]byte {
	t.Helper()
	in, probs, err := build.Load(build.Options{Source: fsys, Today: today})
	if err != nil || len(probs) > 0 {
		t.Fatalf("load: %v %v", err, probs)
	}
	files, probs, err := site.Build(*in)
	if err != nil || len(probs) > 0 {
		t.Fatalf("render: %v %v", err, probs)
	}
	out := map[string][]byte{}
	for name, data := range files {
		if path.Ext(name) == ".html" {
			out[name] = data
		}
	}
	return out
}

func shippedPages(t testing.TB) map[string][]byte {
	return pages(t, os.DirFS(testsite.Root(t)), vendor.NewDate(2026, 11, 22))
}

func syntheticPages(t testing.TB) map[string][]byte {
	today, err := vendor.ParseDate(corpus.Today)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := corpus.FS(corpus.Options{Chapters: 60, Records: 60}, testsite.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	return pages(t, fsys, today)
}

// compareSite checks every page against tdewolff and returns the names
// of the pages htmlmin left to it, logging why.
func compareSite(t *testing.T, files map[string][]byte) []string {
	t.Helper()
	var fallbacks []string
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range files {
			if !yield(name) {
				return
			}
		}
	})
	prefix := []byte("prefix")
	for _, name := range names {
		src := files[name]
		orig := bytes.Clone(src)
		want := reference(t, bytes.Clone(src))
		got, ok := htmlmin.Append(bytes.Clone(prefix), src)
		if !bytes.Equal(src, orig) {
			t.Errorf("%s: Append changed its input", name)
		}
		if !ok {
			if !bytes.Equal(got, prefix) {
				t.Errorf("%s: refused, but dst is %q", name, got)
			}
			fallbacks = append(fallbacks, name)
			t.Logf("falls back: %s: %s", name, htmlmin.Refusal(src))
			continue
		}
		if !bytes.HasPrefix(got, prefix) {
			t.Errorf("%s: dst's bytes were lost", name)
			continue
		}
		if got = got[len(prefix):]; !bytes.Equal(got, want) {
			i := firstDiff(got, want)
			t.Errorf("%s: differs from tdewolff at byte %d:\n got %q\nwant %q", name, i, around(got, i), around(want, i))
		}
	}
	return fallbacks
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(b []byte, i int) []byte {
	return b[max(0, i-60):min(len(b), i+60)]
}

// TestShippedSite minifies every page of the site this repository ships.
func TestShippedSite(t *testing.T) {
	files := shippedPages(t)
	if len(files) < 40 {
		t.Fatalf("only %d pages", len(files))
	}
	if fb := compareSite(t, files); len(fb) != 0 {
		t.Errorf("%d of %d pages fall back to tdewolff, want 0: %v", len(fb), len(files), fb)
	}
}

// TestSyntheticSite minifies every page of a generated site of 60
// chapters and 60 records: the kind of site the benchmarks build.
func TestSyntheticSite(t *testing.T) {
	files := syntheticPages(t)
	if len(files) < 200 {
		t.Fatalf("only %d pages", len(files))
	}
	if fb := compareSite(t, files); len(fb) != 0 {
		t.Errorf("%d of %d pages fall back to tdewolff, want 0: %v", len(fb), len(files), fb)
	}
}
