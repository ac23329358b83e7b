package readahead

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestReadAheadReads drops a file from the page cache and checks that
// ReadAhead brings its pages back without anything reading them. Where
// the file system keeps files in memory anyway (tmpfs), there is nothing
// to drop, and the test says so.
func TestReadAheadReads(t *testing.T) {
	dir := t.TempDir()
	name := "big.md"
	path := filepath.Join(dir, name)
	const size = 256 << 10
	if err := os.WriteFile(path, make([]byte, size), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	if err := unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED); err != nil {
		t.Fatal(err)
	}
	if n := resident(t, f, size); n > 0 {
		t.Skipf("%d of the file's pages stay in memory after FADV_DONTNEED (tmpfs?): nothing to read ahead", n)
	}
	Start(Dir(dir), []string{name}, 1<<20)()
	// The reads were sent; the pages count once they have come back.
	for deadline := time.Now().Add(10 * time.Second); resident(t, f, size) == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no page of the file came into memory within 10 s of ReadAhead")
		}
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

// resident counts the pages of f's first size bytes that are in the page
// cache.
func resident(t *testing.T, f *os.File, size int) int {
	t.Helper()
	m, err := unix.Mmap(int(f.Fd()), 0, size, unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	vec := make([]byte, (size+os.Getpagesize()-1)/os.Getpagesize())
	if _, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatal(errno)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
}
