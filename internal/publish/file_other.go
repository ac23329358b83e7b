//go:build !unix

package publish

import (
	"bytes"
	"os"
)

// Here no file's identity is read (fileID{} is unknown): a rebuild
// compares a kept file's bytes.

// createFile writes data to a new file at name (a file already there is
// cut to nothing first).
func createFile(name string, data []byte) (fileID, error) {
	return fileID{}, os.WriteFile(name, data, 0o644)
}

// overwrite writes data over the regular file at name, which exists: the
// file keeps its inode and whatever blocks it had, and is cut to the new
// length. A file that holds data already is left as it is, and same says
// so. There is no flag here to refuse a symbolic link; the inventory of a
// recycled tree removes links before any file is written.
func overwrite(name string, data []byte) (same bool, id fileID, err error) {
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return true, fileID{}, nil
	}
	id, err = rewrite(name, data)
	return false, id, err
}

// rewrite writes data over the regular file at name, as overwrite does,
// without reading it first.
func rewrite(name string, data []byte) (fileID, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return fileID{}, err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Truncate(int64(len(data)))
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return fileID{}, err
}
