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
	"sync/atomic"
	"time"

	"github.com/telemetry-atlas/atlas/internal/parallel"
)

// Tree is a site written file by file as it is built, into a directory
// beside out; Commit swaps it into place and Abort sets it aside, so the
// previous site is untouched until the whole new one is there. The
// directory is the site before the previous one when a build kept it (see
// recycle.go), its files written over, or else a new one. Put is safe for
// concurrent use.
type Tree struct {
	out, tmp string
	old      *inventory // nil for a new, empty tree
	oldSums  *sums      // the note on the recycled tree's files, if it has a good one
	sums     *sums      // the note on this tree's files (see sums.go)

	mu   sync.Mutex
	dirs map[string]*treeDir // by slash-separated relative path

	rewritten, unchanged, noted, created, removed atomic.Int64
}

// CreatedIn returns the directory that writing the file name (slash-
// separated, relative) adds an entry to, the directory whose lock in the
// kernel the write takes: the file's own directory, but for a page (a
// directory of its own with an index.html) the directory its directory is
// made in. Files of different such directories can be written at once
// without waiting on each other.
func CreatedIn(name string) string {
	dir := path.Dir(name)
	if path.Base(name) == "index.html" {
		dir = path.Dir(dir)
	}
	return dir
}

// TreeStats counts the files a tree wrote over the kept site's (and of
// those, the ones that held the same bytes and were left unwritten, and of
// these the ones known by the note on their sums, unread), the files it
// created, and the kept site's files it removed because the new site lacks
// them.
type TreeStats struct {
	Rewritten, Unchanged, Noted, Created, Removed int
}

// Stats tells what the tree has done so far.
func (t *Tree) Stats() TreeStats {
	return TreeStats{int(t.rewritten.Load()), int(t.unchanged.Load()), int(t.noted.Load()), int(t.created.Load()), int(t.removed.Load())}
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
	t := &Tree{out: out, tmp: tmp, sums: newSums(), dirs: map[string]*treeDir{}}
	t.oldSums = takeSums(prevSumsPath(out), lstatID(prevPath(out)))
	if t.old = recycle(prevPath(out), tmp, t.oldSums); t.old == nil {
		t.oldSums = nil
	}
	if t.oldSums != nil {
		// Under the same key a file left alone is tagged once.
		t.sums.key = t.oldSums.key
	}
	return t, nil
}

// Put writes one file of the site; name is slash-separated and relative.
func (t *Tree) Put(name string, data []byte) error {
	if !fs.ValidPath(name) || strings.Contains(name, "\\") {
		return fmt.Errorf("refusing to write %q: not a clean relative path", name)
	}
	if t.old != nil {
		if err := t.old.wait(); err != nil {
			return err
		}
	}
	if err := t.mkdir(path.Dir(name)); err != nil {
		return err
	}
	full := filepath.Join(t.tmp, filepath.FromSlash(name))
	if err := t.write(name, full, data); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// write puts one file at full: over the old site's file of that name when
// there is one, else as a new file (after removing a directory of the old
// site in its way; no other file of this build can be below it). It notes
// the file's identity and tag for the build after next.
func (t *Tree) write(name, full string, data []byte) error {
	tag := t.sums.tag(data)
	id, err := t.put(name, full, data, tag)
	if err == nil {
		t.sums.note(name, id, tag)
	}
	return err
}

func (t *Tree) put(name, full string, data []byte, tag [16]byte) (fileID, error) {
	if t.old != nil {
		if f, ok := t.old.files[name]; ok {
			f.kept.Store(true)
			t.rewritten.Add(1)
			if e, ok := t.asNoted(name, f); ok {
				// Its bytes are the noted ones, and the tags (under one
				// key) tell whether they are data.
				if tag != e.tag {
					return rewrite(full, data)
				}
				t.unchanged.Add(1)
				t.noted.Add(1)
				return e.id, nil
			}
			same, id, err := overwrite(full, data)
			if same {
				t.unchanged.Add(1)
			}
			return id, err
		}
		if t.old.dirs[name] {
			if err := os.RemoveAll(full); err != nil {
				return fileID{}, err
			}
		}
	}
	t.created.Add(1)
	return createFile(full, data)
}

// asNoted returns the note on the kept file f of name when the file is
// still as noted: the inventory took its identity when the build began,
// and the tree has been this build's own since.
func (t *Tree) asNoted(name string, f *oldFile) (sumEntry, bool) {
	if t.oldSums == nil || f.id.ino == 0 {
		return sumEntry{}, false
	}
	e, ok := t.oldSums.lookup(name)
	return e, ok && e.id == f.id
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
		if t.old != nil {
			if t.old.dirs[dir] {
				return // the old site's directory, taken as it is
			}
			if f, ok := t.old.files[dir]; ok { // the old site's file in the way
				f.kept.Store(true)
				if err := os.Remove(full); err != nil {
					d.err = fmt.Errorf("create %s: %w", full, err)
					return
				}
			}
		}
		if err := os.Mkdir(full, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			d.err = fmt.Errorf("create %s: %w", full, err)
		}
	})
	return d.err
}

// used reports whether the new site has the directory dir.
func (t *Tree) used(dir string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, ok := t.dirs[dir]
	return ok
}

// Commit puts the tree in place of out, and keeps the site it replaces
// for the next build to write over. On failure the tree is set aside as
// Abort does.
func (t *Tree) Commit() (err error) {
	defer func() {
		if err != nil {
			t.Abort()
		}
	}()
	prev := prevPath(t.out)
	if t.old != nil {
		if err := t.old.wait(); err != nil {
			return err
		}
		if err := t.old.sweep(t.tmp, t.used, &t.removed); err != nil {
			return fmt.Errorf("%w (delete %s and build again)", err, prev)
		}
	}
	if err := os.Chmod(t.tmp, 0o755); err != nil {
		return fmt.Errorf("chmod %s: %w", t.tmp, err)
	}
	t.noteDirs()
	if _, err := os.Lstat(prev); err == nil {
		// Another build kept a site meanwhile: one is enough.
		if err := os.RemoveAll(prev); err != nil {
			return fmt.Errorf("remove %s: %w", prev, err)
		}
	}
	if err := swap(t.out, t.tmp, prev); err != nil {
		return err
	}
	// The notes follow their sites: the one on the site now kept, then
	// this tree's. A note that cannot be written only costs the build
	// after next a comparison of bytes.
	os.Rename(sumsPath(t.out), prevSumsPath(t.out))
	t.sums.root = lstatID(t.out)
	t.sums.dropRacy(time.Now())
	if t.sums.root.ino != 0 {
		WriteFileAtomic(sumsPath(t.out), t.sums.encode(), 0o600) // whole or absent
	}
	return nil
}

// noteDirs notes the identity of every directory of the tree, once no
// name will be added to any of them or removed.
func (t *Tree) noteDirs() {
	t.mu.Lock()
	dirs := make([]string, 0, len(t.dirs))
	for dir := range t.dirs {
		dirs = append(dirs, dir)
	}
	t.mu.Unlock()
	parallel.Each(len(dirs), func(i int) {
		t.sums.noteDir(dirs[i], lstatID(filepath.Join(t.tmp, filepath.FromSlash(dirs[i]))))
	})
}

// Abort sets the tree aside for the next build to write over (or removes
// it, when a site is kept already); out stays as it was.
func (t *Tree) Abort() {
	if t.old != nil {
		t.old.wait()
	}
	prev := prevPath(t.out)
	if _, err := os.Lstat(prev); errors.Is(err, fs.ErrNotExist) && os.Rename(t.tmp, prev) == nil {
		return
	}
	os.RemoveAll(t.tmp)
}
