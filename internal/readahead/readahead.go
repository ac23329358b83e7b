// Package readahead lets a loader ask for the files it is about to read to
// be read from the disk ahead of it, all at once.
//
// A build reads 20,000 small files. When they are not in the page cache
// (on this project's benchmark machine, anything not read for half a
// minute is paged out), reading them one by one, even on sixteen
// goroutines, waits on the disk for each: 0.73 - 1.0 s for 112 MB here,
// and twice that when the CPUs are busy parsing what was read before (a
// reader whose read has returned waits for a CPU before it sends the next).
// Told first which files will be read (posix_fadvise POSIX_FADV_WILLNEED,
// which returns without waiting), the kernel has all their reads at once,
// while the loader goes on: the same files were in memory after 0.40 -
// 0.48 s, with half the system time (docs/performance.md, "The fifteenth
// pass").
package readahead

import (
	"io/fs"
	"os"
	"path/filepath"
)

// FS is a file system that can be asked to read files ahead.
type FS interface {
	fs.FS
	// ReadAhead asks for the first limit bytes of each named file to be
	// read into memory, and returns once it has asked: the reads go on
	// without it. Names that are not regular files are skipped, and so
	// are failures: reading ahead only ever saves time.
	ReadAhead(names []string, limit int64)
}

// Start asks fsys, when it is an FS, to read the named files ahead, in the
// background; the returned wait returns when it has asked for all of them.
// A loader calls it before reading names and waits before it returns, so
// nothing it started outlives it. Any other fs.FS (a test's fstest.MapFS)
// is left as it is.
func Start(fsys fs.FS, names []string, limit int64) (wait func()) {
	ra, ok := fsys.(FS)
	if !ok || len(names) == 0 {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		ra.ReadAhead(names, limit)
	}()
	return func() { <-done }
}

// Dir is os.DirFS(root) that can read ahead.
func Dir(root string) FS {
	return dirFS{FS: os.DirFS(root), root: root}
}

type dirFS struct {
	fs.FS // os.DirFS(root)
	root  string
}

// ReadFile, ReadDir and Stat keep os.DirFS's own, which fs.ReadFile and
// the others would not find through the embedded interface.
func (d dirFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(d.FS, name) }

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }

func (d dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.FS, name) }

func (d dirFS) ReadAhead(names []string, limit int64) {
	for _, name := range names {
		if !fs.ValidPath(name) {
			continue
		}
		readAhead(filepath.Join(d.root, filepath.FromSlash(name)), limit)
	}
}
