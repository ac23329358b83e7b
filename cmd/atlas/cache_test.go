package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/testsite"
)

// TestMain points the user's cache directory, where atlas build keeps the
// document cache's secret, at a directory of the tests' own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "atlas-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, v := range []string{"XDG_CACHE_HOME", "HOME", "LocalAppData"} {
		os.Setenv(v, dir) // os.UserCacheDir reads one of them
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var cacheLine = regexp.MustCompile(`(?m)^cache: +(\d+) documents as the last build parsed them, (\d+) parsed; (\d+) records as it checked them, (\d+) decoded$`)

// cacheStats reads the cache line of --stats: documents from the cache and
// parsed, records from the cache and decoded.
func cacheStats(t *testing.T, stdout string) (hits, parsed, recHits, decoded int) {
	t.Helper()
	m := cacheLine.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no cache line in --stats:\n%s", stdout)
	}
	hits, _ = strconv.Atoi(m[1])
	parsed, _ = strconv.Atoi(m[2])
	recHits, _ = strconv.Atoi(m[3])
	decoded, _ = strconv.Atoi(m[4])
	return hits, parsed, recHits, decoded
}

func TestBuildReusesParsedChapters(t *testing.T) {
	src := testsite.Make(t, nil)
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build := func(args ...string) string {
		t.Helper()
		code, stdout, errs := atlas(t, append([]string{"build", "--source", src, "--out", out, "--today", "2026-11-22", "--stats"}, args...)...)
		if code != exitOK {
			t.Fatalf("build %v: %d\n%s", args, code, errs)
		}
		return stdout
	}

	// A first build into out keeps no cache: it may be the only one.
	stdout := build()
	if !regexp.MustCompile(`(?m)^cache: +none: a first build into .* keeps none`).MatchString(stdout) {
		t.Errorf("first build: no word of the cache it does not keep in\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, ".public.cache")); !os.IsNotExist(err) {
		t.Fatalf("the first build into out kept a cache: %v", err)
	}
	parsedSite := snapshot(t, out)

	hits, parsed, recHits, decoded := cacheStats(t, build())
	if hits != 0 || parsed == 0 || recHits != 0 || decoded == 0 {
		t.Fatalf("second build: %d documents from the cache, %d parsed, %d records from it, %d decoded", hits, parsed, recHits, decoded)
	}
	docs, records := parsed, decoded
	if _, err := os.Stat(filepath.Join(dir, ".public.cache")); err != nil {
		t.Fatalf("no cache beside the site: %v", err)
	}
	if !reflect.DeepEqual(snapshot(t, out), parsedSite) {
		t.Error("the second build's site differs from the first's")
	}

	hits, parsed, recHits, decoded = cacheStats(t, build())
	if hits != docs || parsed != 0 || recHits != records || decoded != 0 {
		t.Errorf("unchanged: %d documents from the cache, %d parsed, %d records from it, %d decoded; want %d, 0, %d, 0",
			hits, parsed, recHits, decoded, docs, records)
	}
	if !reflect.DeepEqual(snapshot(t, out), parsedSite) {
		t.Error("the site built from the cache differs from the one built by parsing")
	}

	// An edited chapter is parsed again and its new text is published.
	name := "content/en/course/01-first.md"
	data, err := os.ReadFile(filepath.Join(src, name))
	if err != nil {
		t.Fatal(err)
	}
	testsite.Write(t, src, name, string(data)+"\nA sentence added after the cache was made.\n")
	hits, parsed, _, _ = cacheStats(t, build())
	if hits != docs-1 || parsed != 1 {
		t.Errorf("one edited: %d from the cache, %d parsed; want %d and 1", hits, parsed, docs-1)
	}
	page, err := os.ReadFile(filepath.Join(out, "course", "first", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`A sentence added after the cache was made\.`).Match(page) {
		t.Error("the edited chapter's page shows its old text")
	}

	// --cache=false neither reads nor writes it.
	if err := os.RemoveAll(filepath.Join(dir, ".public.cache")); err != nil {
		t.Fatal(err)
	}
	stdout = build("--cache=false")
	if !regexp.MustCompile(`(?m)^cache: +off$`).MatchString(stdout) {
		t.Errorf("--cache=false: no 'cache: off' in\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, ".public.cache")); !os.IsNotExist(err) {
		t.Errorf("--cache=false wrote a cache: %v", err)
	}
}
