package readahead

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestDirIsDirFS holds Dir to everything os.DirFS offers: fstest.TestFS
// opens, reads, lists and stats every file through each interface.
func TestDirIsDirFS(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.md": "# A\n", "content/en/course/b.md": "b", "vendors/c.yaml": "id: c\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := fstest.TestFS(Dir(dir), "a.md", "content/en/course/b.md", "vendors/c.yaml"); err != nil {
		t.Fatal(err)
	}
}

// TestStartLeavesOtherFS checks that an fs.FS that cannot read ahead is
// left alone: Start returns a wait that returns at once.
func TestStartLeavesOtherFS(t *testing.T) {
	fsys := fstest.MapFS{"a.md": {Data: []byte("a")}}
	Start(fsys, []string{"a.md"}, 1<<20)()
	if _, ok := any(fsys).(FS); ok {
		t.Fatal("fstest.MapFS should not be an FS")
	}
}
