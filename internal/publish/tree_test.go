package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestTree(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, Files{"index.html": []byte("old"), "stale.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		commit bool
		want   string // index.html afterwards
	}{
		{"abort leaves the previous site", false, "old"},
		{"commit replaces it", true, "new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := NewTree(out)
			if err != nil {
				t.Fatal(err)
			}
			putAll(t, tr, map[string]string{"index.html": "new", "a/b/c.html": "new", "a/b/d.html": "new", "ru/index.html": "new"})
			if err := tr.Put("../escape", nil); err == nil {
				t.Error("an escaping path was written")
			}
			if tt.commit {
				if err := tr.Commit(); err != nil {
					t.Fatal(err)
				}
			} else {
				tr.Abort()
			}
			if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != tt.want {
				t.Fatalf("index.html = %q, want %q", b, tt.want)
			}
			// Beside out: out, and the site kept for the next build,
			// with the notes on their files' sums.
			var beside []string
			entries, _ := os.ReadDir(filepath.Dir(out))
			for _, e := range entries {
				if !strings.HasSuffix(e.Name(), ".sums") {
					beside = append(beside, e.Name())
				}
			}
			if !slices.Equal(beside, []string{".public.prev", "public"}) {
				t.Fatalf("leftovers beside out: %v", entries)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Fatal("a stale file survived the commit")
	}
}

// TestTreeDirectories puts many files of deep, shared directories at once:
// every directory is made once, before its files, whichever file comes
// first; a file in the way of a directory is an error with its name.
func TestTreeDirectories(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	tr, err := NewTree(out)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Abort()
	files := map[string]string{}
	for i := range 200 {
		name := fmt.Sprintf("v/%d/x/%d/index.html", i%7, i)
		files[name] = name
	}
	putAll(t, tr, files)
	for name := range files {
		if b, err := os.ReadFile(filepath.Join(tr.tmp, filepath.FromSlash(name))); err != nil || string(b) != name {
			t.Fatalf("%s: %q, %v", name, b, err)
		}
	}
	if err := tr.Put("file", nil); err != nil {
		t.Fatal(err)
	}
	err = tr.Put("file/below/index.html", nil)
	if err == nil || !strings.Contains(err.Error(), "file") {
		t.Fatalf("a file in the way of a directory: %v", err)
	}
}

func TestCreatedIn(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"index.html", "."},
		{"robots.txt", "."},
		{"vendors/index.html", "."},
		{"vendors/acme/index.html", "vendors"},
		{"ru/vendors/acme/index.html", "ru/vendors"},
		{"api/v1/vendors/acme.json", "api/v1/vendors"},
		{"search/en/d/0001.json", "search/en/d"},
	} {
		if got := CreatedIn(tc.name); got != tc.want {
			t.Errorf("CreatedIn(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
