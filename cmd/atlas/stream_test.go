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
// still leaves the previous site alone. Later builds write over the site
// kept from the one before, and still give exactly the site in memory.
func TestStreamedBuildMatchesInMemory(t *testing.T) {
	src := testsite.Make(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	build := func() int {
		code, _, _ := atlas(t, "build", "--source", src, "--out", out, "--today", "2026-11-22")
		return code
	}
	if code := build(); code != exitOK {
		t.Fatalf("build: %d", code)
	}
	sameAsInMemory(t, src, out)

	before := snapshot(t, out)
	chapter := "content/en/course/02-second.md"
	good, err := os.ReadFile(filepath.Join(src, chapter))
	if err != nil {
		t.Fatal(err)
	}
	testsite.Write(t, src, chapter, "---\ntitle: Second chapter\nkey: second\norder: 2\nsummary: S.\nupdated: 2026-11-02\n---\n\n## Block it {#block-it}\n\nSee [nothing](/course/nope/).\n")
	if code := build(); code != exitContent {
		t.Fatalf("build with a broken link exited %d, want %d", code, exitContent)
	}
	leftAlone(t, out, before)

	// Two more builds: the first writes over the failed build's tree, the
	// second over the first site, with one record gone meanwhile (its
	// pages, exports and directories must go too).
	testsite.Write(t, src, chapter, string(good))
	if code := build(); code != exitOK {
		t.Fatalf("build after the fix: %d", code)
	}
	sameAsInMemory(t, src, out)
	if err := os.Remove(filepath.Join(src, "vendors/zeta-browser.yaml")); err != nil {
		t.Fatal(err)
	}
	if code := build(); code != exitOK {
		t.Fatalf("build without the record: %d", code)
	}
	if _, err := os.Stat(filepath.Join(out, "vendors", "zeta-browser")); err == nil {
		t.Fatal("the removed record's directory is still there")
	}
	sameAsInMemory(t, src, out)
}

// sameAsInMemory checks that out holds exactly the files of the site that
// src builds in memory, byte for byte.
func sameAsInMemory(t *testing.T, src, out string) {
	t.Helper()
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
}
