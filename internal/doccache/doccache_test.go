package doccache

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// chapters is a small synthetic course, as files.
func synthetic(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys, err := corpus.FS(corpus.Options{Chapters: 30}, testsite.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// load loads the course in fsys through the cache in dir, saves the cache
// and returns the course and the cache's figures.
func load(t *testing.T, fsys fstest.MapFS, dir string, id [32]byte) (*course.Course, int, int) {
	t.Helper()
	c, err := Open(dir, id)
	if err != nil {
		t.Fatal(err)
	}
	co, probs, err := course.Load(fsys, "content", c.Chapters())
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	st := c.Stats()
	return co, st.Chapters, st.ChaptersParsed
}

func same(t *testing.T, got, want *course.Course) {
	t.Helper()
	if len(got.Docs) != len(want.Docs) {
		t.Fatalf("%d documents, want %d", len(got.Docs), len(want.Docs))
	}
	for i := range got.Docs {
		if !reflect.DeepEqual(got.Docs[i], want.Docs[i]) {
			t.Errorf("%s: the document from the cache differs from the parsed one", want.Docs[i].File)
		}
	}
}

func TestCacheKeepsWhatDidNotChange(t *testing.T) {
	fsys := synthetic(t)
	path := filepath.Join(t.TempDir(), ".public.cache")
	file := filepath.Join(path, "chapters")
	id := [32]byte{1}
	want, probs, err := course.Load(fsys, "content", nil)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	n := len(want.Docs)

	got, hits, parsed := load(t, fsys, path, id)
	if hits != 0 || parsed != n {
		t.Errorf("first build: %d hits, %d parsed; want 0 and %d", hits, parsed, n)
	}
	same(t, got, want)
	before, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}

	got, hits, parsed = load(t, fsys, path, id)
	if hits != n || parsed != 0 {
		t.Errorf("unchanged: %d hits, %d parsed; want %d and 0", hits, parsed, n)
	}
	same(t, got, want)
	after, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("the cache was written again although nothing changed")
	}

	// One chapter changes: it alone is parsed, and its new text shows.
	name := "content/en/course/" + filepath.Base(corpus.ChapterFile(3, "en"))
	if fsys[name] == nil {
		t.Fatalf("no %s in the corpus", name)
	}
	changed := fstest.MapFS{}
	for k, v := range fsys {
		changed[k] = v
	}
	changed[name] = &fstest.MapFile{Data: bytes.Replace(fsys[name].Data, []byte("\n## "), []byte("\nA sentence added.\n\n## "), 1)}
	want, _, _ = course.Load(changed, "content", nil)
	got, hits, parsed = load(t, changed, path, id)
	if hits != n-1 || parsed != 1 {
		t.Errorf("one changed: %d hits, %d parsed; want %d and 1", hits, parsed, n-1)
	}
	same(t, got, want)
	if !bytes.Contains([]byte(got.Find("en", course.KindChapter, corpus.ChapterKey(3)).HTML), []byte("A sentence added.")) {
		t.Error("the changed chapter shows its old text")
	}
	_, hits, parsed = load(t, changed, path, id)
	if hits != n || parsed != 0 {
		t.Errorf("after the change was kept: %d hits, %d parsed; want %d and 0", hits, parsed, n)
	}

	// A chapter goes, with its translation: the cache is written again
	// without them.
	gone := 0
	for _, lang := range course.Languages {
		f := "content/" + lang + "/course/" + filepath.Base(corpus.ChapterFile(3, lang))
		if changed[f] != nil {
			delete(changed, f)
			gone++
		}
	}
	_, hits, parsed = load(t, changed, path, id)
	if hits != n-gone || parsed != 0 {
		t.Errorf("%d removed: %d hits, %d parsed; want %d and 0", gone, hits, parsed, n-gone)
	}
	c, err := Open(path, id)
	if err != nil {
		t.Fatal(err)
	}
	if k := len(c.chapters.s.entries); k != n-gone {
		t.Errorf("the cache keeps %d documents, want %d", k, n-gone)
	}
	c.Save()

	// Another program, or another user, finds nothing.
	_, hits, _ = load(t, changed, path, [32]byte{2})
	if hits != 0 {
		t.Errorf("another identity found %d documents", hits)
	}
	leftovers, _ := filepath.Glob(file + ".new-*")
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestDamagedCacheIsAMiss damages the cache file in several ways: every
// document still comes out as Parse makes it.
func TestDamagedCacheIsAMiss(t *testing.T) {
	fsys := synthetic(t)
	want, _, _ := course.Load(fsys, "content", nil)
	n := len(want.Docs)
	id := [32]byte{3}
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	load(t, fsys, good, id)
	data, err := os.ReadFile(filepath.Join(good, "chapters"))
	if err != nil {
		t.Fatal(err)
	}
	entryByte := headerSize + 10 // inside the first document
	tests := []struct {
		name    string
		damage  func([]byte) []byte
		hits    int
		removed bool // Save removes the file, as nothing else is written
	}{
		{"a flipped bit in a document", func(b []byte) []byte { b[entryByte] ^= 0x10; return b }, n - 1, true},
		{"a flipped bit in the table", func(b []byte) []byte { b[len(b)-footerSize-5] ^= 0x10; return b }, 0, false},
		{"cut short", func(b []byte) []byte { return b[:len(b)/2] }, 0, false},
		{"another format version", func(b []byte) []byte { b[len(magic)]++; return b }, 0, false},
		{"empty", func([]byte) []byte { return nil }, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			file := filepath.Join(path, "chapters")
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, tt.damage(append([]byte(nil), data...)), 0o600); err != nil {
				t.Fatal(err)
			}
			got, hits, parsed := load(t, fsys, path, id)
			same(t, got, want)
			if hits != tt.hits || hits+parsed != n {
				t.Errorf("%d hits and %d parsed; want %d hits of %d", hits, parsed, tt.hits, n)
			}
			if _, err := os.Stat(file); tt.removed != os.IsNotExist(err) {
				t.Errorf("removed: %v, want %v", os.IsNotExist(err), tt.removed)
			}
			if tt.removed {
				load(t, fsys, path, id)
			}
			// Whatever was damaged, the next build finds every document.
			_, hits, _ = load(t, fsys, path, id)
			if hits != n {
				t.Errorf("the build after found %d of %d documents", hits, n)
			}
		})
	}
}

// TestSaveReportsFailure: a cache that cannot be written fails to save,
// and the build's course is unharmed.
func TestSaveReportsFailure(t *testing.T) {
	fsys := synthetic(t)
	parent := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(parent, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Open(filepath.Join(parent, ".public.cache"), [32]byte{4})
	if err != nil {
		t.Fatal(err)
	}
	co, probs, err := course.Load(fsys, "content", c.Chapters())
	if err != nil || len(probs) > 0 || len(co.Docs) == 0 {
		t.Fatal(err, probs)
	}
	if err := c.Save(); err == nil {
		t.Error("Save of a cache below a file did not fail")
	}
}

func TestOpenRemovesAbandonedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".public.cache")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "chapters")
	old := path + ".new-111"
	recent := path + ".new-222"
	other := filepath.Join(dir, "other.new-333")
	for _, f := range []string{old, recent, other} {
		if err := os.WriteFile(f, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * abandonedAfter)
	for _, f := range []string{old, other} {
		if err := os.Chtimes(f, long, long); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Open(dir, [32]byte{5})
	if err != nil {
		t.Fatal(err)
	}
	c.Save()
	for f, want := range map[string]bool{old: false, recent: true, other: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s: kept %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
}

// TestCacheKeepsCheckedRecords: records come from the cache only for the
// same file on the same day, and equal to what decoding makes.
func TestCacheKeepsCheckedRecords(t *testing.T) {
	fsys, err := corpus.FS(corpus.Options{Records: 40}, testsite.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), ".public.cache")
	id := [32]byte{6}
	load := func(fsys fstest.MapFS, today vendor.Date) ([]*vendor.Record, Stats) {
		t.Helper()
		c, err := Open(dir, id)
		if err != nil {
			t.Fatal(err)
		}
		recs, probs, err := vendor.LoadDir(fsys, "vendors", tx, today, c.Records())
		if err != nil || len(probs) > 0 {
			t.Fatal(err, probs)
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		return recs, c.Stats()
	}
	day := vendor.NewDate(2026, 11, 1)
	want, _, err := vendor.LoadDir(fsys, "vendors", tx, day, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := len(want)

	if _, st := load(fsys, day); st.Records != 0 || st.RecordsDecoded != n {
		t.Errorf("first build: %+v", st)
	}
	got, st := load(fsys, day)
	if st.Records != n || st.RecordsDecoded != 0 {
		t.Errorf("unchanged: %+v, want %d from the cache", st, n)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("records from the cache differ from the decoded ones")
	}
	// Another day checks every record again.
	if _, st := load(fsys, vendor.NewDate(2026, 11, 2)); st.Records != 0 {
		t.Errorf("another day found %d records in the cache", st.Records)
	}
	// A changed record is decoded again, and its change shows.
	name := "vendors/" + corpus.RecordID(2) + ".yaml"
	if fsys[name] == nil {
		t.Fatalf("no %s in the corpus", name)
	}
	changed := fstest.MapFS{}
	for k, v := range fsys {
		changed[k] = v
	}
	changed[name] = &fstest.MapFile{Data: bytes.Replace(fsys[name].Data, []byte("\nvendor: "), []byte("\nvendor: Renamed "), 1)}
	load(changed, day)
	got, st = load(changed, day)
	if st.Records != n {
		t.Errorf("after the change was kept: %+v", st)
	}
	want, _, _ = vendor.LoadDir(changed, "vendors", tx, day, nil)
	if !reflect.DeepEqual(got, want) {
		t.Error("records from the cache differ from the decoded ones after a change")
	}
	found := false
	for _, r := range got {
		found = found || strings.HasPrefix(r.Vendor, "Renamed ")
	}
	if !found {
		t.Error("the changed record shows its old vendor")
	}
}
