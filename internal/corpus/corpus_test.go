package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// TestCorpusBuilds checks that a generated corpus passes every check of a
// real build: the records pass the strict checker, the chapters' links and
// fragments resolve.
func TestCorpusBuilds(t *testing.T) {
	for _, o := range []Options{{Chapters: 7, Records: 5}, {Chapters: 4, Records: 0}} {
		dir := t.TempDir()
		if err := WriteDir(dir, o, true, testsite.Root(t)); err != nil {
			t.Fatal(err)
		}
		today, _ := vendor.ParseDate(Today)
		res, err := build.Run(build.Options{Source: os.DirFS(dir), Today: today})
		if err != nil {
			if res != nil {
				t.Fatalf("%+v: %v\n%s", o, err, res.Problems.Error())
			}
			t.Fatalf("%+v: %v", o, err)
		}
		if res.Stats.Records != o.Records {
			t.Errorf("%+v: %d records built", o, res.Stats.Records)
		}
		// The chapters (and the two about pages) are all there.
		if got := res.Stats.Chapters; got != o.Chapters+2 {
			t.Errorf("%+v: %d documents, want %d", o, got, o.Chapters+2)
		}
		if _, err := os.Stat(filepath.Join(dir, "hugo", "content", "ru", "course", ChapterKey(0)+".md")); err != nil {
			t.Errorf("%+v: no Hugo chapter: %v", o, err)
		}
	}
}

// TestDeterministicAndSized checks that the same options give the same
// bytes and that chapters are about 8 KB with the promised parts.
func TestDeterministicAndSized(t *testing.T) {
	collect := func() map[string][]byte {
		m := map[string][]byte{}
		if err := Each(Options{Chapters: 6, Records: 4}, true, func(f File) error {
			m[f.Name] = f.Data
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return m
	}
	a, b := collect(), collect()
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("%d and %d files", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Fatalf("%s differs between runs", name)
		}
	}
	for _, lang := range []string{"en", "ru"} {
		_, body := Chapter(Options{Chapters: 6, Records: 4}, 2, lang)
		if n := len(body); n < 7000 || n > 10000 {
			t.Errorf("%s chapter is %d bytes, want about 8 KB", lang, n)
		}
		for _, part := range []string{"## ", "### ", "| --- |", "```", "](/course/", "](/vendors/"} {
			if !strings.Contains(body, part) {
				t.Errorf("%s chapter lacks %q", lang, part)
			}
		}
	}
}
