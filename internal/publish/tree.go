package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Tree is a site written file by file as it is built, into a fresh
// directory beside out; Commit swaps it into place and Abort removes it, so
// the previous site is untouched until the whole new one is there. Put is
// safe for concurrent use.
type Tree struct {
	out, tmp string

	mu   sync.Mutex
	dirs map[string]*treeDir // by slash-separated relative path
}

// treeDir is one directory of a tree, made once however many files of it
// are put at the same time.
type treeDir struct {
	once sync.Once
	err  error
}

// NewTree starts a new tree for out.
func NewTree(out string) (*Tree, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return nil, fmt.Errorf("create a temporary directory beside %s: %w", out, err)
	}
	return &Tree{out: out, tmp: tmp, dirs: map[string]*treeDir{}}, nil
}

// Put writes one file of the site; name is slash-separated and relative.
func (t *Tree) Put(name string, data []byte) error {
	if !fs.ValidPath(name) || strings.Contains(name, "\\") {
		return fmt.Errorf("refusing to write %q: not a clean relative path", name)
	}
	if err := t.mkdir(path.Dir(name)); err != nil {
		return err
	}
	full := filepath.Join(t.tmp, filepath.FromSlash(name))
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// mkdir makes dir (slash-separated, relative) and its parents in the tree,
// each with one mkdir call: the tree starts empty, so there is nothing to
// look up first, and a site of ten thousand records has thirty thousand
// directories. Writers of different directories do not wait for each other.
func (t *Tree) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	t.mu.Lock()
	d, ok := t.dirs[dir]
	if !ok {
		d = &treeDir{}
		t.dirs[dir] = d
	}
	t.mu.Unlock()
	d.once.Do(func() {
		if d.err = t.mkdir(path.Dir(dir)); d.err != nil {
			return
		}
		full := filepath.Join(t.tmp, filepath.FromSlash(dir))
		if err := os.Mkdir(full, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			d.err = fmt.Errorf("create %s: %w", full, err)
		}
	})
	return d.err
}

// Commit puts the tree in place of out.
func (t *Tree) Commit() error {
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(t.tmp)
		}
	}()
	if err := os.Chmod(t.tmp, 0o755); err != nil {
		return fmt.Errorf("chmod %s: %w", t.tmp, err)
	}
	return swap(t.out, t.tmp, &committed)
}

// Abort removes the tree; out stays as it was.
func (t *Tree) Abort() { os.RemoveAll(t.tmp) }
