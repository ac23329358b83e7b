package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// TestStreamedBuildMatchesInMemory: atlas build writes each page as it
// renders; the tree it writes is byte for byte the site built in memory
// (as atlas serve does), and a link problem found after pages were written
// still leaves the previous site alone.
func TestStreamedBuildMatchesInMemory(t *testing.T) {
	src := testsite.Make(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errs := atlas(t, "build", "--source", src, "--out", out, "--today", "2026-11-22"); code != exitOK {
		t.Fatalf("build: %d\n%s", code, errs)
	}
	res, err := build.Run(build.Options{Source: os.DirFS(src), Today: vendor.NewDate(2026, 11, 22)})
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if want, ok := res.Files[filepath.ToSlash(rel)]; !ok || !bytes.Equal(data, want) {
			t.Errorf("%s: written file differs from the in-memory build (present there: %v)", rel, ok)
		}
		written++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if written != len(res.Files) {
		t.Fatalf("wrote %d files, the in-memory build has %d", written, len(res.Files))
	}

	before := snapshot(t, out)
	testsite.Write(t, src, "content/en/course/02-second.md", "---\ntitle: Second chapter\nkey: second\norder: 2\nsummary: S.\nupdated: 2026-11-02\n---\n\n## Block it {#block-it}\n\nSee [nothing](/course/nope/).\n")
	if code, _, _ := atlas(t, "build", "--source", src, "--out", out, "--today", "2026-11-22"); code != exitContent {
		t.Fatalf("build with a broken link exited %d, want %d", code, exitContent)
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Fatalf("failed build changed the file count: %d → %d", len(before), len(after))
	}
	for name, sum := range before {
		if after[name] != sum {
			t.Fatalf("failed build changed %s", name)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Fatalf("the failed build left files beside out: %v", entries)
	}
}
