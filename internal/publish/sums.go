package publish

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"strings"
	"sync"
	"time"
)

// A rebuild leaves a kept file alone when it holds the bytes the build
// made (see overwrite). Finding that out by reading the file costs little
// while the file is in the page cache, but the machine of issue #8 pages
// out file data nobody has read for half a minute, so a rebuild read the
// kept site of 0.9 GB back from the disk, and its writers waited on it:
// 19 s for a rebuild against 10.6 s with the kept site in the cache.
//
// So each build notes, for every file it writes or leaves alone, which
// file it is (device, inode, size and the time of its last change, which
// no one can set back) and a tag of its bytes, and keeps the note beside
// the output with the site it describes (sumsPath). A build that recycles
// that site again takes a file whose inode, size and change time are as
// noted to hold the noted bytes, and compares tags instead of bytes: the
// inventory of the recycled site takes each file's identity with an lstat,
// in the background and many at a time, instead of an open, a read of the
// whole file and a close on the writer's lane. Any
// write, truncation, rename or replacement of the file since changes its
// change time or its inode, and sends it back to the comparison of bytes;
// so does a note that is missing, damaged, or for another directory.
//
// The tag is a GMAC under a random key kept in the note: a keyed tag, so
// that a page crafted to collide with the one before it cannot exist
// without the key, which never leaves the machine. At 6 GB/s it costs a
// build of 0.9 GB about 0.15 s of CPU.

// sumsPath is where the note on the site at out is kept: .public.sums for
// public; prevSumsPath, where the note on the site kept beside it is:
// .public.prev.sums.
func sumsPath(out string) string     { return Beside(out, "sums") }
func prevSumsPath(out string) string { return Beside(out, "prev.sums") }

// fileID is what identifies one version of a file: a file with the same
// device, inode, size and change time has not been written since. A zero
// ino means unknown (on systems where it is not read), and matches nothing.
type fileID struct {
	dev, ino uint64
	ctime    int64 // nanoseconds
	size     int64
}

// sumEntry is the note on one file.
type sumEntry struct {
	id  fileID
	tag [16]byte
}

// sums is the note on one tree: its root directory, its files and its
// directories by slash-separated relative path. A directory's identity
// changes with every name added to it, removed or renamed, so a directory
// still as noted holds the noted names, and the inventory of a recycled
// tree need not read it (see inventory.take). An entry whose identity is
// zero is one whose name is known and its identity not. Its methods are
// safe for concurrent use.
type sums struct {
	key  [16]byte
	root fileID // dev and ino of the tree's directory
	aead sync.Pool

	mu    sync.Mutex
	files map[string]sumEntry
	dirs  map[string]fileID
}

const sumsMagic = "atlas-sums 1\n"

// newSums starts an empty note with a new random key.
func newSums() *sums {
	s := &sums{files: map[string]sumEntry{}, dirs: map[string]fileID{}}
	rand.Read(s.key[:])
	return s
}

// tag returns the keyed tag of data.
func (s *sums) tag(data []byte) [16]byte {
	g, _ := s.aead.Get().(cipher.AEAD)
	if g == nil {
		block, err := aes.NewCipher(s.key[:])
		if err != nil {
			panic(err) // a 16-byte key is always valid
		}
		if g, err = cipher.NewGCM(block); err != nil {
			panic(err)
		}
	}
	var nonce [12]byte
	var out [16]byte
	g.Seal(out[:0], nonce[:], nil, data)
	s.aead.Put(g)
	return out
}

// note records the file name as id, holding bytes of tag.
func (s *sums) note(name string, id fileID, tag [16]byte) {
	s.mu.Lock()
	s.files[name] = sumEntry{id, tag}
	s.mu.Unlock()
}

// noteDir records the directory name as id.
func (s *sums) noteDir(name string, id fileID) {
	s.mu.Lock()
	s.dirs[name] = id
	s.mu.Unlock()
}

// children lists the names the note puts in each directory ("" for the
// root), files and directories alike.
func (s *sums) children() map[string][]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	kids := make(map[string][]string, len(s.dirs)+1)
	add := func(name string) {
		parent := ""
		if i := strings.LastIndexByte(name, '/'); i >= 0 {
			parent = name[:i]
		}
		kids[parent] = append(kids[parent], name)
	}
	for name := range s.files {
		add(name)
	}
	for name := range s.dirs {
		add(name)
	}
	return kids
}

// racyMargin is how long before a note is saved a file must have changed
// for its note to be kept. A file system stamps changes with a clock that
// ticks every few milliseconds (4 ms here), so a file changed again within
// the tick of the build's own write would keep its change time; a note
// saved at least a few ticks after a write cannot be fooled that way by a
// change made after it. Kernels since 6.13 stamp a change after a stat
// (the build's own fstat) finely anyway.
const racyMargin = 20 * time.Millisecond

// dropRacy forgets the identities of the files and directories that
// changed less than racyMargin before now, keeping their names: the next
// build that recycles them compares those files' bytes and reads those
// directories.
func (s *sums) dropRacy(now time.Time) {
	limit := now.Add(-racyMargin).UnixNano()
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, e := range s.files {
		if e.id.ctime >= limit {
			s.files[name] = sumEntry{tag: e.tag}
		}
	}
	for name, id := range s.dirs {
		if id.ctime >= limit {
			s.dirs[name] = fileID{}
		}
	}
}

// dir returns the noted identity of the directory name, other than the
// root, when it is known; a nil note knows none.
func (s *sums) dir(name string) (fileID, bool) {
	if s == nil || name == "" {
		return fileID{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.dirs[name]
	return id, ok && id.ino != 0
}

// knowsDir reports whether the note has name for a directory, its
// identity known or not.
func (s *sums) knowsDir(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.dirs[name]
	return ok
}

// lookup returns the note on name.
func (s *sums) lookup(name string) (sumEntry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.files[name]
	return e, ok
}

// encode returns the note as bytes: the magic line, the key, the root,
// the files, and a CRC-32C of all of it.
func (s *sums) encode() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := make([]byte, 0, 64+len(s.files)*48)
	b = append(b, sumsMagic...)
	b = append(b, s.key[:]...)
	b = binary.AppendUvarint(b, s.root.dev)
	b = binary.AppendUvarint(b, s.root.ino)
	b = binary.AppendUvarint(b, uint64(len(s.files)))
	for name, e := range s.files {
		b = appendEntry(b, name, e.id)
		b = append(b, e.tag[:]...)
	}
	b = binary.AppendUvarint(b, uint64(len(s.dirs)))
	for name, id := range s.dirs {
		b = appendEntry(b, name, id)
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

func appendEntry(b []byte, name string, id fileID) []byte {
	b = binary.AppendUvarint(b, uint64(len(name)))
	b = append(b, name...)
	b = binary.AppendUvarint(b, id.dev)
	b = binary.AppendUvarint(b, id.ino)
	b = binary.AppendVarint(b, id.ctime)
	return binary.AppendVarint(b, id.size)
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

var errBadSums = errors.New("not a note of sums, or a damaged one")

// decodeSums reads a note that encode made. Anything else, cut short or
// changed, is an error.
func decodeSums(b []byte) (*sums, error) {
	if len(b) < len(sumsMagic)+16+4 || !bytes.HasPrefix(b, []byte(sumsMagic)) {
		return nil, errBadSums
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, errBadSums
	}
	r := sumsReader{b: body[len(sumsMagic):]}
	s := &sums{}
	copy(s.key[:], r.bytes(16))
	s.root.dev, s.root.ino = r.uvarint(), r.uvarint()
	n := r.count()
	s.files = make(map[string]sumEntry, n)
	for range n {
		name, id := r.entry()
		var e sumEntry
		e.id = id
		copy(e.tag[:], r.bytes(16))
		if r.bad {
			return nil, errBadSums
		}
		s.files[name] = e
	}
	n = r.count()
	s.dirs = make(map[string]fileID, n)
	for range n {
		name, id := r.entry()
		if r.bad {
			return nil, errBadSums
		}
		s.dirs[name] = id
	}
	if r.bad || len(r.b) != 0 {
		return nil, errBadSums
	}
	return s, nil
}

// count reads a number of entries, each of which takes more than a byte.
func (r *sumsReader) count() uint64 {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.bad = true
		return 0
	}
	return n
}

// entry reads a name and an identity.
func (r *sumsReader) entry() (string, fileID) {
	name := string(r.bytes(int(min(r.uvarint(), uint64(len(r.b)+1)))))
	var id fileID
	id.dev, id.ino = r.uvarint(), r.uvarint()
	id.ctime, id.size = r.varint(), r.varint()
	return name, id
}

// sumsReader takes values off the front of b; once one does not fit, bad
// is set and every value after it is zero.
type sumsReader struct {
	b   []byte
	bad bool
}

func (r *sumsReader) bytes(n int) []byte {
	if r.bad || n < 0 || n > len(r.b) {
		r.bad = true
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *sumsReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if !r.skip(n) {
		return 0
	}
	return v
}

func (r *sumsReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if !r.skip(n) {
		return 0
	}
	return v
}

// skip takes the n bytes a varint was read from, and reports whether it
// was read whole (n > 0, as encoding/binary says) and nothing before it
// failed.
func (r *sumsReader) skip(n int) bool {
	if r.bad || n <= 0 {
		r.bad = true
		return false
	}
	r.b = r.b[n:]
	return true
}

// takeSums reads and removes the note at path, and returns it if it is
// the note on the directory whose identity is root; else nil. The note is
// removed whatever it says: the build that takes the tree will write over
// its files, and leaves a note of its own.
func takeSums(path string, root fileID) *sums {
	b, err := os.ReadFile(path)
	os.Remove(path)
	if err != nil || root.ino == 0 {
		return nil
	}
	s, err := decodeSums(b)
	if err != nil || s.root.dev != root.dev || s.root.ino != root.ino {
		return nil
	}
	return s
}
