package site_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// corpusFS is a synthetic atlas of the repository's templates.
func corpusFS(t testing.TB, o corpus.Options) fstest.MapFS {
	t.Helper()
	fsys, err := corpus.FS(o, testsite.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// loadCorpus loads a synthetic atlas as a build would, on the corpus's day.
func loadCorpus(t testing.TB, fsys fs.FS) *site.Input {
	t.Helper()
	today, _ := vendor.ParseDate(corpus.Today)
	in, probs, err := build.Load(build.Options{Source: fsys, Today: today})
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", err, probs)
	}
	return in
}
