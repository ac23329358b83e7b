package site_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/site"
)

// TestConsumeKeepsTheOutput: a build that consumes its input writes the
// same files as one that does not, including a chapter shown in two
// languages because it has no translation, and drops each chapter's body
// only in the first.
func TestConsumeKeepsTheOutput(t *testing.T) {
	fsys := corpusFS(t, corpus.Options{Chapters: 20, Records: 10})
	untranslated := ""
	for name := range fsys {
		if strings.HasPrefix(name, "content/ru/course/") {
			untranslated = strings.TrimPrefix(name, "content/ru/course/")
			delete(fsys, name)
			break
		}
	}
	if untranslated == "" {
		t.Fatal("the corpus has no Russian chapter")
	}
	render := func(consume bool) (map[string][]byte, *site.Input) {
		in := loadCorpus(t, fsys)
		files := map[string][]byte{}
		in.Consume = consume
		mu := new(sync.Mutex)
		save := keep(mu, files)
		in.Emit = func(name string, data []byte) error {
			// The index goes out before any page renders: a consuming
			// build has let the sections' text go by then, but not the
			// tables of contents the pages still show. The search page
			// (search/index.html) is a page like the others, rendered
			// while chapters are let go on other CPUs, so only the
			// index's own files are checked.
			if consume && strings.HasPrefix(name, "search/") && !strings.HasSuffix(name, ".html") {
				mu.Lock()
				for _, d := range in.Course.Docs {
					if d.Sections != nil {
						t.Errorf("%s: the sections are held after the index is built", d.File)
					}
					if d.Kind == course.KindChapter && len(d.TOC) == 0 {
						t.Errorf("%s: the table of contents went with the sections", d.File)
					}
				}
				mu.Unlock()
			}
			return save(name, data)
		}
		if _, probs, err := site.Build(*in); err != nil || len(probs) > 0 {
			t.Fatalf("%v %v", err, probs)
		}
		return files, in
	}
	kept, keptIn := render(false)
	consumed, consumedIn := render(true)
	if len(kept) != len(consumed) {
		t.Fatalf("%d files consuming, %d not", len(consumed), len(kept))
	}
	for name, data := range kept {
		if !bytes.Equal(consumed[name], data) {
			t.Errorf("%s differs when the input is consumed", name)
		}
	}
	for i, d := range consumedIn.Course.Chapters("en") {
		if d.HTML != "" || d.Sections != nil {
			t.Errorf("consumed: %s still holds its body", d.File)
		}
		if keptIn.Course.Chapters("en")[i].HTML == "" {
			t.Errorf("kept: %s lost its body", d.File)
		}
	}
}

// keep returns an Input.Emit that copies each file into files, under mu:
// Build emits from several goroutines at once.
func keep(mu *sync.Mutex, files map[string][]byte) func(name string, data []byte) error {
	return func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[name] = bytes.Clone(data)
		return nil
	}
}
