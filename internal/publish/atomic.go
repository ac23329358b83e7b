package publish

import (
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to a new file beside name (name.new-*) and
// renames it into place, so that a reader finds the whole file or the one
// before it, never half of one; of two writers at once, the last rename
// wins. The file gets mode perm. On failure the new file is removed.
func WriteFileAtomic(name string, data []byte, perm fs.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+".new-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
