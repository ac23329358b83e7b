package readahead

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
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

// TestReadAheadSkipsWhatItCannotRead gives ReadAhead names that are not
// regular files, or not there, or not valid: it must return, without
// blocking on the FIFO (a plain open would wait for a writer) and without
// following the link out of the tree.
func TestReadAheadSkipsWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "real.md"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	names := []string{"real.md", "sub", "missing.md", "../escape.md", "/abs.md", ""}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644); err == nil {
		names = append(names, "fifo.md")
	}
	if err := os.Symlink(filepath.Join(dir, "real.md"), filepath.Join(dir, "link.md")); err == nil {
		names = append(names, "link.md")
	}
	wait := Start(Dir(dir), names, 1<<20)
	done := make(chan struct{})
	go func() { wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("ReadAhead did not return: it is blocked on one of the names")
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
