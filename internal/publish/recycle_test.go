package publish

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// readTree is every regular file below dir with its bytes, and every
// directory as "name/"; links and other files fail the test.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			got[rel+"/"] = ""
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got[rel] = string(b)
		default:
			t.Errorf("%s: not a file or a directory (%s)", rel, d.Type())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// putAll puts files into tr all at once, as the workers of a build do.
func putAll(t *testing.T, tr *Tree, files map[string]string) {
	t.Helper()
	var wg sync.WaitGroup
	for name, data := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := tr.Put(name, []byte(data)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

// build writes files as one build would, all at once, commits, and says
// what the tree did.
func build(t *testing.T, out string, files map[string]string) TreeStats {
	t.Helper()
	return buildWaiting(t, out, files, 0)
}

// buildWaiting is build that waits between the writes and the commit.
func buildWaiting(t *testing.T, out string, files map[string]string, wait time.Duration) TreeStats {
	t.Helper()
	tr, err := NewTree(out)
	if err != nil {
		t.Fatal(err)
	}
	putAll(t, tr, files)
	time.Sleep(wait)
	if err := tr.Commit(); err != nil {
		t.Fatal(err)
	}
	return tr.Stats()
}

// withDirs adds the directories of files, as readTree lists them.
func withDirs(files map[string]string) map[string]string {
	want := maps.Clone(files)
	for name := range files {
		for d := filepath.ToSlash(filepath.Dir(name)); d != "."; d = filepath.ToSlash(filepath.Dir(d)) {
			want[d+"/"] = ""
		}
	}
	return want
}

// TestTreeRecycles builds sites in a row: each build writes over the site
// before the last one, and what it leaves in out is exactly its own files,
// whatever the old site had in their place.
func TestTreeRecycles(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	outside := filepath.Join(root, "outside.txt")
	if err := os.WriteFile(outside, []byte("not the site's"), 0o644); err != nil {
		t.Fatal(err)
	}
	sites := []map[string]string{
		{
			"index.html":        "first, and longer than what replaces it",
			"gone.html":         "a page the later sites lack",
			"a/b/c.html":        "c",
			"old/deep/x.html":   "x",
			"file-then-dir":     "a file where a directory comes later",
			"dir-then-file/z":   "a directory where a file comes later",
			"same/index.html":   "unchanged",
			"grows/index.html":  "s",
			"shrinks/index.txt": "0123456789",
		},
		{
			"index.html":           "second",
			"a/b/c.html":           "c2",
			"file-then-dir/y.html": "y",
			"dir-then-file":        "now a file",
			"same/index.html":      "unchanged",
			"grows/index.html":     "a good deal longer than before",
			"shrinks/index.txt":    "0",
		},
		{
			"index.html": "third",
			"new/n.html": "n",
		},
		{
			"index.html":        "fourth",
			"gone.html":         "back again",
			"file-then-dir":     "a file again",
			"dir-then-file/z":   "a directory again",
			"shrinks/index.txt": "",
		},
	}
	for i, site := range sites {
		build(t, out, site)
		if got, want := readTree(t, out), withDirs(site); !maps.Equal(got, want) {
			t.Fatalf("site %d: out holds\n%v\nwant\n%v", i+1, got, want)
		}
		if i == 0 {
			continue
		}
		// The site before is kept beside out, as it was built.
		if got, want := readTree(t, prevPath(out)), withDirs(sites[i-1]); !maps.Equal(got, want) {
			t.Fatalf("site %d: the kept site holds\n%v\nwant\n%v", i+1, got, want)
		}
		if i == 1 {
			// Someone leaves a link in the kept site, to a file of the
			// same name the next site writes, and one to a directory.
			prev := prevPath(out)
			os.Remove(filepath.Join(prev, "index.html"))
			if err := os.Symlink(outside, filepath.Join(prev, "index.html")); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			if err := os.Symlink(root, filepath.Join(prev, "new")); err != nil {
				t.Fatal(err)
			}
		}
	}
	if b, _ := os.ReadFile(outside); string(b) != "not the site's" {
		t.Fatalf("a write followed a link out of the tree: %q", b)
	}
	entries, _ := os.ReadDir(root)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{".public.prev", "outside.txt", "public"}
	if lstatID(root).ino != 0 { // and the notes on both sites, where they are kept
		want = []string{".public.prev", ".public.prev.sums", ".public.sums", "outside.txt", "public"}
	}
	if !slices.Equal(names, want) {
		t.Fatalf("beside out: %v, want %v", names, want)
	}
}

// TestTreeAbortKeepsTheOldSite checks that a failed build leaves out as
// it was and its half-written tree to be written over next time.
func TestTreeAbortKeepsTheOldSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"index.html": "one"})
	build(t, out, map[string]string{"index.html": "two"})
	tr, err := NewTree(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Put("index.html", []byte("three, never committed")); err != nil {
		t.Fatal(err)
	}
	tr.Abort()
	if got := readTree(t, out); !maps.Equal(got, map[string]string{"index.html": "two"}) {
		t.Fatalf("out after an aborted build: %v", got)
	}
	build(t, out, map[string]string{"index.html": "four"})
	if got := readTree(t, out); !maps.Equal(got, map[string]string{"index.html": "four"}) {
		t.Fatalf("out after the next build: %v", got)
	}
	if got := readTree(t, prevPath(out)); !maps.Equal(got, map[string]string{"index.html": "two"}) {
		t.Fatalf("kept site: %v", got)
	}
}

// TestTreeStats counts a build's files: all new at first, then written
// over the kept site's (or left as they were when they held the same
// bytes), created, and removed.
func TestTreeStats(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	tests := []struct {
		files map[string]string
		want  TreeStats
	}{
		{map[string]string{"a.html": "1", "b/index.html": "1"}, TreeStats{Created: 2}},
		{map[string]string{"a.html": "2", "b/index.html": "2"}, TreeStats{Created: 2}}, // nothing kept yet
		{map[string]string{"a.html": "3", "c.html": "3", "d.html": "3"}, TreeStats{Rewritten: 1, Created: 2, Removed: 1}},
		{map[string]string{"a.html": "3", "c.html": "3", "d.html": "4"}, TreeStats{Rewritten: 1, Created: 2, Removed: 1}}, // over the second build's site
		{map[string]string{"a.html": "3", "c.html": "3", "d.html": "4"}, TreeStats{Rewritten: 3, Unchanged: 2}},           // over the third's: only d.html differs
	}
	for i, tt := range tests {
		got := build(t, out, tt.files)
		got.Noted = 0 // whether a build this short notes its files is TestTreeSums's
		if got != tt.want {
			t.Errorf("build %d: %+v, want %+v", i+1, got, tt.want)
		}
	}
}

func TestBeside(t *testing.T) {
	for _, tt := range []struct{ out, what, want string }{
		{"public", "prev", ".public.prev"},
		{"site/public", "cache", "site/.public.cache"},
		{"/srv/www/public", "cache", "/srv/www/.public.cache"},
	} {
		if got := Beside(filepath.FromSlash(tt.out), tt.what); got != filepath.FromSlash(tt.want) {
			t.Errorf("Beside(%q, %q) = %q, want %q", tt.out, tt.what, got, tt.want)
		}
	}
}

// TestInventoryTakesEveryEntry holds the inventory, read on many
// goroutines, to what one walk of the tree finds: every directory, every
// regular file with its identity when asked, and no link left.
func TestInventoryTakesEveryEntry(t *testing.T) {
	root := t.TempDir()
	wantFiles, wantDirs := map[string]bool{}, map[string]bool{}
	for i := range 40 { // more directories than readers, three deep
		for j := range 3 {
			dir := fmt.Sprintf("d%02d/e%d", i, j)
			wantDirs[fmt.Sprintf("d%02d", i)], wantDirs[dir] = true, true
			for k := range 5 {
				name := fmt.Sprintf("%s/f%d.html", dir, k)
				if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(dir)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), []byte(name), 0o644); err != nil {
					t.Fatal(err)
				}
				wantFiles[name] = true
			}
		}
	}
	if err := os.WriteFile(filepath.Join(root, "top.html"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	wantFiles["top.html"] = true
	link := filepath.Join(root, "d07", "e1", "link")
	linked := os.Symlink(root, link) == nil

	for _, ids := range []bool{false, true} {
		inv := &inventory{files: map[string]*oldFile{}, dirs: map[string]bool{}}
		var note *sums // an empty note: identities taken, every directory read
		if ids {
			note = newSums()
		}
		if err := inv.take(root, note); err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(inv.dirs, wantDirs) {
			t.Errorf("ids %v: directories %v, want %v", ids, inv.dirs, wantDirs)
		}
		for name := range wantFiles {
			f, ok := inv.files[name]
			switch {
			case !ok:
				t.Errorf("ids %v: %s missing", ids, name)
			case ids && f.id != lstatID(filepath.Join(root, filepath.FromSlash(name))):
				t.Errorf("ids %v: %s has identity %+v, want %+v", ids, name, f.id, lstatID(filepath.Join(root, filepath.FromSlash(name))))
			case !ids && f.id != (fileID{}):
				t.Errorf("ids %v: %s has an identity", ids, name)
			}
		}
		if len(inv.files) != len(wantFiles) {
			t.Errorf("ids %v: %d files, want %d", ids, len(inv.files), len(wantFiles))
		}
	}
	if _, err := os.Lstat(link); linked && err == nil {
		t.Error("the link is still there")
	}
}
