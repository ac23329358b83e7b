package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/telemetry-atlas/atlas/internal/parallel"
)

// Write puts files into the directory out, atomically as far as the file
// system allows: everything is written into a fresh directory beside out,
// and only when all of it is written is that directory renamed into place.
// Files of the previous build that the new one lacks are gone; a failure at
// any point leaves the previous out exactly as it was.
func Write(out string, files Files) error { return WriteProgress(out, files, nil) }

// WriteProgress is Write that tells progress, when set, how many files are
// written of how many; it is called from several goroutines at once.
func WriteProgress(out string, files Files, progress func(done, total int)) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return fmt.Errorf("create a temporary directory beside %s: %w", out, err)
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(tmp)
		}
	}()
	if err := writeTree(tmp, files, progress); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("chmod %s: %w", tmp, err)
	}
	old := tmp + ".old"
	if err := swap(out, tmp, old); err != nil {
		return err
	}
	committed = true
	os.Remove(sumsPath(out)) // a note on the site just removed
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("remove the previous site at %s: %w", old, err)
	}
	return nil
}

// writeTree writes every file below dir: the folders first, then the files
// in parallel (a build writes tens of thousands of small files, and the
// system calls overlap).
func writeTree(dir string, files Files, progress func(done, total int)) error {
	paths := files.Paths()
	made := map[string]bool{}
	for _, p := range paths {
		if !fs.ValidPath(p) || strings.Contains(p, "\\") {
			return fmt.Errorf("refusing to write %q: not a clean relative path", p)
		}
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(p)))
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("create %s: %w", d, err)
			}
			made[d] = true
		}
	}
	errs := make([]error, len(paths))
	var done atomic.Int64
	parallel.Each(len(paths), func(i int) {
		p := paths[i]
		if _, err := createFile(filepath.Join(dir, filepath.FromSlash(p)), files[p]); err != nil {
			errs[i] = fmt.Errorf("write %s: %w", p, err)
		}
		if progress != nil {
			progress(int(done.Add(1)), len(paths))
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// swap moves out, when there is one, to aside and tmp to out; when the
// second move fails, the first is undone.
func swap(out, tmp, aside string) error {
	moved := false
	if _, err := os.Lstat(out); err == nil {
		if err := os.Rename(out, aside); err != nil {
			return fmt.Errorf("move the previous %s aside: %w", out, err)
		}
		moved = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("stat %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		if moved {
			if rerr := os.Rename(aside, out); rerr != nil {
				return fmt.Errorf("put %s in place: %w (and restoring the previous site from %s failed: %v)", out, err, aside, rerr)
			}
		}
		return fmt.Errorf("put %s in place: %w", out, err)
	}
	return nil
}
