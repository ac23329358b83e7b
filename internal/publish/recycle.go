package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// A build does not delete the site it replaces: Commit moves it aside, to
// a hidden directory beside the output (prevPath), and the next NewTree
// takes that directory as its own and writes over its files. Creating a
// file costs far more than rewriting one: the file system must find and
// fill a free inode and a directory entry, and on ext4 without a journal
// (the machine of issue #8) it steps over every inode freed in the last
// one to six minutes to do so. At 10,000 chapters and 10,000 records, a build over the
// previous site took 30 s (10 s of them deleting the old site) and the
// next one 46 s, with 20 and 32 s of system time; writing over the kept
// site, builds take 11 - 12 s, with 3 s of system time.
//
// Files of the old site that the new one lacks are removed at Commit, so
// the result is the same as writing a fresh tree.

// Beside is the hidden sibling of out that a build keeps for the next
// one, named for what it holds: .public.prev for public and "prev".
func Beside(out, what string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"."+what)
}

// prevPath is where the site before out is kept: .public.prev for public.
func prevPath(out string) string { return Beside(out, "prev") }

// inventory is what a recycled tree held when the build took it: its
// regular files and directories, by slash-separated relative path. It is
// taken in the background while the build loads its content, and read
// only after ready is closed.
type inventory struct {
	ready chan struct{}
	err   error
	files map[string]*oldFile
	dirs  map[string]bool

	notedDirs atomic.Int64 // directories taken as noted, unread
}

// oldFile is a file of the recycled tree: its identity when the inventory
// was asked for identities (else zero), and kept, set once the new build
// has written it, or has put a directory in its place.
type oldFile struct {
	id   fileID
	kept atomic.Bool
}

// recycle moves the kept previous site, if there is one, into the empty
// directory tmp and starts taking its inventory, with each file's identity
// when there is a note on the site; it returns nil when there is nothing
// to reuse.
func recycle(prev, tmp string, note *sums) *inventory {
	fi, err := os.Lstat(prev)
	if err != nil || !fi.IsDir() {
		return nil
	}
	// os.Rename refuses to replace a directory, even an empty one.
	if err := os.Remove(tmp); err != nil {
		return nil
	}
	if err := os.Rename(prev, tmp); err != nil {
		os.Mkdir(tmp, 0o700)
		return nil
	}
	inv := &inventory{ready: make(chan struct{}), files: map[string]*oldFile{}, dirs: map[string]bool{}}
	go func() {
		defer close(inv.ready)
		if err := inv.take(tmp, note); err != nil {
			inv.err = fmt.Errorf("reuse the previous site: %w (delete %s and build again)", err, prev)
		}
	}()
	return inv
}

// inventoryReaders is how many directories the inventory reads at once.
// The machine of issue #8 pages out file-system data no one has used for
// half a minute, directories and inodes included, so a rebuild's
// inventory reads much of it back from the disk: read one directory after
// the other, each read waited alone, and the inventory of 30,000
// directories was not done when the first files came to be written.
const inventoryReaders = 16

// take lists root on inventoryReaders goroutines. Anything that is neither
// a directory nor a regular file (a link someone put in the old site, say)
// is removed, so that no write of the new build can follow it out of the
// tree. Names are taken in the order the directories give them: the
// inventory is a set, and sorting each of 30,000 directories, two of them
// 10,000 names long, was most of its cost (docs/performance.md, "The
// thirteenth pass").
//
// With a note on the tree (else nil), each file's identity is taken too,
// and a directory other than the root whose identity is as noted is not
// read: no name was added to it, removed or renamed since, so it holds
// the noted names, of the noted kinds. Reading ext4's directories of
// 10,000 names, which it sorts by hash for every reader, was 8 % of a
// rebuild's CPU. The root is always read: renaming the tree changes its
// identity.
func (inv *inventory) take(root string, note *sums) error {
	var kids map[string][]string
	if note != nil {
		kids = note.children()
	}
	var (
		mu      sync.Mutex
		cond    = sync.NewCond(&mu)
		todo    = []string{""} // directories to list, relative to root
		pending = 1            // listed or being listed
		failed  error
		wg      sync.WaitGroup
	)
	for range inventoryReaders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				for len(todo) == 0 && pending > 0 && failed == nil {
					cond.Wait()
				}
				if len(todo) == 0 || failed != nil {
					mu.Unlock()
					return
				}
				rel := todo[len(todo)-1]
				todo = todo[:len(todo)-1]
				mu.Unlock()

				var subdirs []string
				var err error
				if id, ok := note.dir(rel); ok && id == lstatID(filepath.Join(root, filepath.FromSlash(rel))) {
					subdirs = inv.takeNoted(root, kids[rel], note, &mu)
				} else {
					subdirs, err = inv.takeDir(root, rel, note != nil, &mu)
				}

				mu.Lock()
				if err != nil && failed == nil {
					failed = err
				}
				todo = append(todo, subdirs...)
				pending += len(subdirs) - 1
				cond.Broadcast()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return failed
}

// takeNoted puts the names a directory holds as noted in the inventory
// under mu, files with their identities, and returns its directories for
// the readers to list.
func (inv *inventory) takeNoted(root string, names []string, note *sums, mu *sync.Mutex) []string {
	inv.notedDirs.Add(1)
	files := make([]oldFile, len(names))
	var subdirs []string
	isDir := make([]bool, len(names))
	for i, r := range names {
		if note.knowsDir(r) {
			isDir[i] = true
			subdirs = append(subdirs, r)
			continue
		}
		files[i].id = lstatID(filepath.Join(root, filepath.FromSlash(r)))
	}
	inv.add(mu, names, isDir, files)
	return subdirs
}

// add puts one directory's entries in the inventory under mu: names[i] is
// a directory when isDir[i], else the file files[i]; an empty name is an
// entry not taken.
func (inv *inventory) add(mu *sync.Mutex, names []string, isDir []bool, files []oldFile) {
	mu.Lock()
	defer mu.Unlock()
	for i, r := range names {
		switch {
		case r == "":
		case isDir[i]:
			inv.dirs[r] = true
		default:
			inv.files[r] = &files[i]
		}
	}
}

// takeDir lists the directory rel under root ("" for root itself), puts
// its files and directories in the inventory under mu, and returns its
// directories for the readers to list.
func (inv *inventory) takeDir(root, rel string, ids bool, mu *sync.Mutex) ([]string, error) {
	p := filepath.Join(root, filepath.FromSlash(rel))
	d, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	entries, err := d.ReadDir(-1)
	d.Close()
	if err != nil {
		return nil, err
	}
	files := make([]oldFile, len(entries)) // the directory's records, in one allocation
	var subdirs []string
	names := make([]string, len(entries))
	isDir := make([]bool, len(entries))
	for i, e := range entries {
		name := e.Name()
		r := name
		if rel != "" {
			r = rel + "/" + name
		}
		switch {
		case e.IsDir():
			isDir[i] = true
			subdirs = append(subdirs, r)
		case e.Type().IsRegular():
			if ids {
				files[i].id = lstatID(filepath.Join(p, name))
			}
		default:
			if err := os.Remove(filepath.Join(p, name)); err != nil {
				return nil, err
			}
			continue // not taken
		}
		names[i] = r
	}
	inv.add(mu, names, isDir, files)
	return subdirs, nil
}

// wait returns once the inventory is taken, with its error.
func (inv *inventory) wait() error {
	<-inv.ready
	return inv.err
}

// sweep removes what the old site had and the new one lacks: files the
// build did not write, then directories it did not use, deepest first. It
// counts the files it removes in removed.
func (inv *inventory) sweep(root string, used func(dir string) bool, removed *atomic.Int64) error {
	for name, f := range inv.files {
		if f.kept.Load() {
			continue
		}
		// Gone with its directory, or its directory is a file now.
		err := os.Remove(filepath.Join(root, filepath.FromSlash(name)))
		if err == nil {
			removed.Add(1)
		} else if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			return fmt.Errorf("remove %s of the previous site, which the new one lacks: %w", name, err)
		}
	}
	var stale []string
	for dir := range inv.dirs {
		if !used(dir) {
			stale = append(stale, dir)
		}
	}
	sort.Slice(stale, func(i, j int) bool { return strings.Count(stale[i], "/") > strings.Count(stale[j], "/") })
	for _, dir := range stale {
		full := filepath.Join(root, filepath.FromSlash(dir))
		if fi, err := os.Lstat(full); err != nil || !fi.IsDir() {
			continue // gone with a parent, or a file of the new site now
		}
		if err := os.RemoveAll(full); err != nil {
			return fmt.Errorf("remove %s of the previous site, which the new one lacks: %w", dir, err)
		}
	}
	return nil
}
