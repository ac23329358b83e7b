package publish

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// buildNoted is build with its writes made well before the commit, so
// that the note keeps them (see racyMargin).
func buildNoted(t *testing.T, out string, files map[string]string) TreeStats {
	t.Helper()
	return buildWaiting(t, out, files, 2*racyMargin)
}

// TestTreeSums checks that a rebuild takes a kept file as the note on its
// sums says only while the file is the one noted, and that whatever
// happened to it or to the note, the site written is the one given.
func TestTreeSums(t *testing.T) {
	if lstatID(t.TempDir()).ino == 0 {
		t.Skip("files' identities are not read here: a rebuild compares bytes (TestTreeStats)")
	}
	site := map[string]string{"index.html": "home", "a/index.html": "page a", "b/index.html": "page b", "c.json": "{}"}
	tests := []struct {
		name   string
		meddle func(t *testing.T, out string) // to the kept site or its note, before the third build
		files  map[string]string              // the third build's
		noted  int                            // files it should take as noted, unread
		kept   int                            // files it should find in the kept site
		same   int                            // and of those, holding the same bytes
	}{
		{"nothing changed", nil, site, 4, 4, 4},
		{"a page of the new site changed", nil, with(site, "a/index.html", "page A"), 3, 4, 3},
		{"a kept file changed, same length", func(t *testing.T, out string) {
			write(t, filepath.Join(prevPath(out), "b", "index.html"), "page X")
		}, site, 3, 4, 3},
		{"a kept file replaced by another with the same bytes", func(t *testing.T, out string) {
			p := filepath.Join(prevPath(out), "b", "index.html")
			write(t, p+".new", "page b")
			if err := os.Rename(p+".new", p); err != nil {
				t.Fatal(err)
			}
		}, site, 3, 4, 4},
		{"the note damaged", func(t *testing.T, out string) {
			b, err := os.ReadFile(prevSumsPath(out))
			if err != nil {
				t.Fatal(err)
			}
			b[len(b)/2] ^= 1
			write(t, prevSumsPath(out), string(b))
		}, site, 0, 4, 4},
		{"the note cut short", func(t *testing.T, out string) {
			b, _ := os.ReadFile(prevSumsPath(out))
			write(t, prevSumsPath(out), string(b[:len(b)-5]))
		}, site, 0, 4, 4},
		{"the note on the other site", func(t *testing.T, out string) {
			b, _ := os.ReadFile(sumsPath(out))
			write(t, prevSumsPath(out), string(b))
		}, site, 0, 4, 4},
		{"a file added to a kept directory", func(t *testing.T, out string) {
			write(t, filepath.Join(prevPath(out), "a", "extra.html"), "not the site's")
		}, site, 4, 4, 4},
		{"a kept file removed", func(t *testing.T, out string) {
			if err := os.Remove(filepath.Join(prevPath(out), "a", "index.html")); err != nil {
				t.Fatal(err)
			}
		}, site, 3, 3, 3},
		{"a link put in a kept directory", func(t *testing.T, out string) {
			if err := os.Symlink(out, filepath.Join(prevPath(out), "b", "link")); err != nil {
				t.Skip("no symbolic links here:", err)
			}
		}, site, 4, 4, 4},
		{"no note", func(t *testing.T, out string) {
			os.Remove(prevSumsPath(out))
		}, with(site, "c.json", "[]"), 0, 4, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			buildNoted(t, out, site)
			buildNoted(t, out, site) // a new tree: nothing kept yet
			if tt.meddle != nil {
				tt.meddle(t, out)
			}
			got := buildNoted(t, out, tt.files)
			if got.Noted != tt.noted || got.Rewritten != tt.kept || got.Unchanged != tt.same {
				t.Errorf("%+v, want %d noted, %d kept, %d the same", got, tt.noted, tt.kept, tt.same)
			}
			if gotFiles := readTree(t, out); !maps.Equal(gotFiles, withDirs(tt.files)) {
				t.Fatalf("site %v, want %v", gotFiles, tt.files)
			}
			// The note this build left serves the build after next.
			buildNoted(t, out, tt.files)
			again := buildNoted(t, out, tt.files)
			if again.Noted != 4 || again.Unchanged != 4 {
				t.Errorf("the build after next: %+v, want all 4 noted", again)
			}
			if gotFiles := readTree(t, out); !maps.Equal(gotFiles, withDirs(tt.files)) {
				t.Fatalf("site after two more builds %v, want %v", gotFiles, tt.files)
			}
		})
	}
}

// TestInventoryTakesNotedDirectories checks that the inventory of a tree
// with a note reads only the directories that changed since, and finds
// in them what changed.
func TestInventoryTakesNotedDirectories(t *testing.T) {
	if lstatID(t.TempDir()).ino == 0 {
		t.Skip("files' identities are not read here")
	}
	out := filepath.Join(t.TempDir(), "public")
	site := map[string]string{"index.html": "1", "a/index.html": "2", "a/b/index.html": "3", "c/index.html": "4", "c/d.json": "5"}
	buildNoted(t, out, site)
	buildNoted(t, out, site) // .public.prev.sums is the note on the first
	write(t, filepath.Join(prevPath(out), "c", "new.html"), "added")
	note := takeSums(prevSumsPath(out), lstatID(prevPath(out)))
	if note == nil {
		t.Fatal("no note on the kept site")
	}
	inv := &inventory{files: map[string]*oldFile{}, dirs: map[string]bool{}}
	if err := inv.take(prevPath(out), note); err != nil {
		t.Fatal(err)
	}
	if n := inv.notedDirs.Load(); n != 2 { // a and a/b; c changed, and the root is always read
		t.Errorf("%d directories taken as noted, want 2", n)
	}
	if inv.files["c/new.html"] == nil || inv.files["a/b/index.html"] == nil || !inv.dirs["a/b"] {
		t.Errorf("files %v, directories %v", inv.files, inv.dirs)
	}
	for name, f := range inv.files {
		if f.id != lstatID(filepath.Join(prevPath(out), filepath.FromSlash(name))) {
			t.Errorf("%s: identity %+v, not the file's", name, f.id)
		}
	}
}

// TestSumsRacy checks that a note forgets the identities of files and
// directories changed too shortly before it is saved for their change
// time to tell a later change, and keeps their names.
func TestSumsRacy(t *testing.T) {
	s := newSums()
	now := time.Now()
	old, recent := now.Add(-time.Second).UnixNano(), now.Add(-racyMargin/2).UnixNano()
	s.note("old.html", fileID{dev: 1, ino: 2, ctime: old, size: 1}, s.tag([]byte("x")))
	s.note("new.html", fileID{dev: 1, ino: 3, ctime: recent, size: 1}, s.tag([]byte("y")))
	s.noteDir("old", fileID{dev: 1, ino: 4, ctime: old})
	s.noteDir("new", fileID{dev: 1, ino: 5, ctime: recent})
	s.dropRacy(now)
	if e, ok := s.lookup("old.html"); !ok || e.id.ino != 2 {
		t.Error("a file changed a second before was forgotten")
	}
	if e, ok := s.lookup("new.html"); !ok || e.id != (fileID{}) {
		t.Errorf("a file changed within the margin: %+v, %v; want its name with no identity", e, ok)
	}
	if _, ok := s.dir("old"); !ok {
		t.Error("a directory changed a second before was forgotten")
	}
	if _, ok := s.dir("new"); ok || !s.knowsDir("new") {
		t.Error("a directory changed within the margin kept its identity, or lost its name")
	}
}

// TestSumsEncoding checks that a note reads back as written, that its tag
// depends on its key and bytes alone, and that any change to the encoded
// note, or any cut, is refused.
func TestSumsEncoding(t *testing.T) {
	s := newSums()
	s.root = fileID{dev: 7, ino: 99}
	for i, name := range []string{"index.html", "ru/vendors/x/index.html", "api/v1/vendors.json"} {
		s.note(name, fileID{dev: 7, ino: uint64(100 + i), ctime: 1795410767123456789 + int64(i), size: int64(i * 1000)}, s.tag([]byte(name)))
	}
	b := s.encode()
	back, err := decodeSums(b)
	if err != nil {
		t.Fatal(err)
	}
	if back.key != s.key || back.root != s.root || !maps.Equal(back.files, s.files) {
		t.Fatalf("read back %+v, want %+v", back.files, s.files)
	}
	if back.tag([]byte("index.html")) != s.tag([]byte("index.html")) {
		t.Error("the same key and bytes gave another tag")
	}
	if s.tag([]byte("index.html")) == s.tag([]byte("index.htm!")) {
		t.Error("other bytes gave the same tag")
	}
	if newSums().tag([]byte("index.html")) == s.tag([]byte("index.html")) {
		t.Error("another key gave the same tag")
	}
	for i := range b {
		changed := bytes.Clone(b)
		changed[i] ^= 0x10
		if _, err := decodeSums(changed); err == nil {
			t.Fatalf("a note changed at byte %d was read", i)
		}
		if _, err := decodeSums(b[:i]); err == nil {
			t.Fatalf("a note cut to %d bytes was read", i)
		}
	}
}

func with(files map[string]string, name, data string) map[string]string {
	files = maps.Clone(files)
	files[name] = data
	return files
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
