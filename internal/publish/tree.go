package publish

import (
	"fmt"
	"io/fs"
	"os"
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
	dirs map[string]bool
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
	return &Tree{out: out, tmp: tmp, dirs: map[string]bool{}}, nil
}

// Put writes one file of the site; name is slash-separated and relative.
func (t *Tree) Put(name string, data []byte) error {
	if !fs.ValidPath(name) || strings.Contains(name, "\\") {
		return fmt.Errorf("refusing to write %q: not a clean relative path", name)
	}
	full := filepath.Join(t.tmp, filepath.FromSlash(name))
	d := filepath.Dir(full)
	t.mu.Lock()
	if !t.dirs[d] {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.mu.Unlock()
			return fmt.Errorf("create %s: %w", d, err)
		}
		t.dirs[d] = true
	}
	t.mu.Unlock()
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
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
