// Package doccache keeps the documents a build parsed in one file beside
// the site (.public.cache for public), so that the next build parses only
// the chapters that changed: a course.Cache.
//
// A document is found by a key: a keyed BLAKE2b hash of its file's name,
// language, kind and bytes. The hash's key is the build's identity
// (Identity): this program's own bytes hashed with a secret of this
// machine's user. A new version of atlas finds nothing of the old one's,
// and a cache file that came from anywhere else (a pull request, say)
// finds nothing at all, so what a cache holds is always what this program
// made of that file here, and is as safe as the page it came from.
//
// The file:
//
//	header   magic (16 bytes), format version (4 bytes)
//	entries  one document after another, as course.Doc.AppendBinary wrote it
//	table    per document: key (32), offset (8), length (4), CRC-32C (4)
//	footer   table offset (8), table entries (8), table CRC-32C (4), "ATLS"
//
// Integers are little-endian. A file that does not add up, or an entry
// whose checksum fails, is a miss: the document is parsed again.
package doccache

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"golang.org/x/crypto/blake2b"
)

// formatVersion changes with the file's layout and with
// course.Doc.AppendBinary's.
const formatVersion = 1

const (
	magic      = "atlas doc cache\x00"
	headerSize = len(magic) + 4
	recordSize = 32 + 8 + 4 + 4
	footerSize = 8 + 8 + 4 + 4
	footerTag  = "ATLS"
	// maxEntry bounds one document's data: a Markdown file is at most
	// 1 MiB, and what it renders to a few times that.
	maxEntry = 64 << 20
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Path is where the cache of the site built into out is kept:
// .public.cache for public.
func Path(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".cache")
}

// Key is what a document is found by.
type Key [32]byte

type entry struct {
	off int64
	n   uint32
	crc uint32
}

// Cache is the cache file of one build: what the last build left, and the
// one this build writes when anything changed. Make it with Open, hand it
// to course.Load, then Save it.
type Cache struct {
	path     string
	identity [32]byte

	old     *os.File // the last build's file, nil when there is none
	entries map[Key]entry

	files []course.SourceFile // from Plan
	keys  []Key

	// next is the file written for the next build, when this one's
	// documents are not exactly the last one's; nil otherwise.
	next *writer

	hits, parsed atomic.Int64
	// unsure is set when an entry planned as a hit could not be read: the
	// file no longer says what it holds, and Save removes it unless it
	// writes a new one.
	unsure atomic.Bool

	buffers sync.Pool // *[]byte
}

// Open opens the cache at path for a build whose identity is identity. A
// missing, older or damaged file is an empty cache; Open fails only when
// path exists and cannot be opened.
func Open(path string, identity [32]byte) (*Cache, error) {
	c := &Cache{path: path, identity: identity}
	c.buffers.New = func() any { return new([]byte) }
	removeAbandoned(path, time.Now())
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open the document cache: %w", err)
	}
	entries, err := readTable(f)
	if err != nil {
		// Damaged or of another version: written over by this build.
		f.Close()
		return c, nil
	}
	c.old, c.entries = f, entries
	return c, nil
}

// abandonedAfter is how old a new cache file must be to be taken for
// the leftover of a build that was stopped: a build writes its cache within
// seconds of starting.
const abandonedAfter = time.Hour

// removeAbandoned removes the new cache files beside path that builds
// stopped halfway (Ctrl-C) left, once they are old enough not to be a
// running build's.
func removeAbandoned(path string, now time.Time) {
	left, _ := filepath.Glob(path + ".new-*")
	for _, f := range left {
		if info, err := os.Lstat(f); err == nil && info.Mode().IsRegular() && now.Sub(info.ModTime()) > abandonedAfter {
			os.Remove(f)
		}
	}
}

// readTable reads and checks the header, footer and table of a cache file.
func readTable(f *os.File) (map[Key]entry, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	if size < int64(headerSize+footerSize) {
		return nil, errors.New("too short")
	}
	var head [headerSize]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return nil, err
	}
	if string(head[:len(magic)]) != magic || binary.LittleEndian.Uint32(head[len(magic):]) != formatVersion {
		return nil, errors.New("not a cache of this version")
	}
	var foot [footerSize]byte
	if _, err := f.ReadAt(foot[:], size-footerSize); err != nil {
		return nil, err
	}
	tableOff := binary.LittleEndian.Uint64(foot[0:])
	count := binary.LittleEndian.Uint64(foot[8:])
	if string(foot[20:]) != footerTag || tableOff < uint64(headerSize) ||
		count > uint64(size)/recordSize || tableOff+count*recordSize != uint64(size-footerSize) {
		return nil, errors.New("footer does not add up")
	}
	table := make([]byte, count*recordSize)
	if _, err := f.ReadAt(table, int64(tableOff)); err != nil {
		return nil, err
	}
	if crc32.Checksum(table, castagnoli) != binary.LittleEndian.Uint32(foot[16:]) {
		return nil, errors.New("table checksum")
	}
	entries := make(map[Key]entry, count)
	for rec := table; len(rec) > 0; rec = rec[recordSize:] {
		var k Key
		copy(k[:], rec)
		e := entry{
			off: int64(binary.LittleEndian.Uint64(rec[32:])),
			n:   binary.LittleEndian.Uint32(rec[40:]),
			crc: binary.LittleEndian.Uint32(rec[44:]),
		}
		if e.off < int64(headerSize) || e.n > maxEntry || uint64(e.off)+uint64(e.n) > tableOff {
			return nil, errors.New("entry out of bounds")
		}
		entries[k] = e
	}
	return entries, nil
}

// Plan is course.Cache's: it finds each file's key, and starts the file
// for the next build unless the last one holds exactly these documents.
func (c *Cache) Plan(files []course.SourceFile) {
	c.files = files
	c.keys = make([]Key, len(files))
	parallel.Each(len(files), func(i int) {
		c.keys[i] = c.key(files[i])
	})
	found := 0
	for _, k := range c.keys {
		if _, ok := c.entries[k]; ok {
			found++
		}
	}
	if found == len(files) && found == len(c.entries) {
		return
	}
	c.next = newWriter(c.path, &c.buffers)
}

// key hashes what parsing a file depends on, under the build's identity.
func (c *Cache) key(f course.SourceFile) Key {
	h, _ := blake2b.New256(c.identity[:]) // fails only for a key over 64 bytes
	var n [8]byte
	for _, s := range []string{f.Name, f.Lang, string(f.Kind)} {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	h.Write(f.Data)
	var k Key
	h.Sum(k[:0])
	return k
}

// Get is course.Cache's: the document kept for file i, or nil.
func (c *Cache) Get(i int) *course.Doc {
	e, ok := c.entries[c.keys[i]]
	if !ok {
		return nil
	}
	buf := c.buffers.Get().(*[]byte)
	if cap(*buf) < int(e.n) {
		*buf = make([]byte, e.n)
	}
	data := (*buf)[:e.n]
	d, err := c.read(i, e, data)
	if err != nil {
		c.unsure.Store(true)
		c.release(buf)
		return nil
	}
	c.hits.Add(1)
	if c.next != nil {
		c.next.add(c.keys[i], buf, len(data))
	} else {
		c.release(buf)
	}
	return d
}

func (c *Cache) read(i int, e entry, data []byte) (*course.Doc, error) {
	if _, err := c.old.ReadAt(data, e.off); err != nil {
		return nil, err
	}
	if crc32.Checksum(data, castagnoli) != e.crc {
		return nil, errors.New("checksum")
	}
	return course.DecodeDoc(c.files[i], data)
}

// Put is course.Cache's: file i's document goes into the next build's
// cache. d is written at once, and not kept.
func (c *Cache) Put(i int, d *course.Doc) {
	c.parsed.Add(1)
	if c.next == nil {
		// Only a hit that failed to read brings a document here when
		// the files were all planned as hits; Save removes the file.
		c.unsure.Store(true)
		return
	}
	buf := c.buffers.Get().(*[]byte)
	*buf = d.AppendBinary((*buf)[:0])
	c.next.add(c.keys[i], buf, len(*buf))
}

func (c *Cache) release(buf *[]byte) {
	if cap(*buf) <= 1<<20 {
		c.buffers.Put(buf)
	}
}

// Stats says how many documents came from the cache and how many were
// parsed.
func (c *Cache) Stats() (hits, parsed int) {
	return int(c.hits.Load()), int(c.parsed.Load())
}

// Save finishes the cache for the next build: the new file replaces the
// old one, if this build wrote one. Call it once course.Load has returned,
// whatever became of the build; after it the cache is closed.
func (c *Cache) Save() error {
	var err error
	if c.next != nil {
		// Complete even when an entry failed to read: its file was
		// parsed again and put.
		err = c.next.finish(c.path)
	} else if c.unsure.Load() {
		if rerr := os.Remove(c.path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			err = fmt.Errorf("remove the damaged document cache: %w", rerr)
		}
	}
	if c.old != nil {
		c.old.Close()
		c.old = nil
	}
	return err
}

// writer writes the entries of the next build's cache into a new file
// beside the old one, on a goroutine of its own, as the documents come.
type writer struct {
	in      chan item
	done    chan struct{}
	buffers *sync.Pool

	f     *os.File
	w     *bufio.Writer
	off   int64
	table []byte
	err   error
}

type item struct {
	key Key
	buf *[]byte
	n   int
}

func newWriter(path string, buffers *sync.Pool) *writer {
	w := &writer{in: make(chan item, 64), done: make(chan struct{}), buffers: buffers}
	w.f, w.err = os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".new-*")
	if w.err == nil {
		w.w = bufio.NewWriterSize(w.f, 1<<20)
		var head [headerSize]byte
		copy(head[:], magic)
		binary.LittleEndian.PutUint32(head[len(magic):], formatVersion)
		w.write(head[:])
	}
	go w.run()
	return w
}

func (w *writer) add(k Key, buf *[]byte, n int) {
	w.in <- item{k, buf, n}
}

func (w *writer) run() {
	defer close(w.done)
	for it := range w.in {
		data := (*it.buf)[:it.n]
		var rec [recordSize]byte
		copy(rec[:], it.key[:])
		binary.LittleEndian.PutUint64(rec[32:], uint64(w.off))
		binary.LittleEndian.PutUint32(rec[40:], uint32(len(data)))
		binary.LittleEndian.PutUint32(rec[44:], crc32.Checksum(data, castagnoli))
		if len(data) <= maxEntry && w.write(data) {
			w.table = append(w.table, rec[:]...)
		}
		if cap(*it.buf) <= 1<<20 {
			w.buffers.Put(it.buf)
		}
	}
}

// write writes b at the end of the file, and reports whether it did.
func (w *writer) write(b []byte) bool {
	if w.err != nil {
		return false
	}
	if _, err := w.w.Write(b); err != nil {
		w.err = err
		return false
	}
	w.off += int64(len(b))
	return true
}

// finish writes the table and footer and, when all went well, puts the new
// file in place of the old.
func (w *writer) finish(path string) error {
	close(w.in)
	<-w.done
	if w.f == nil {
		return fmt.Errorf("write the document cache: %w", w.err)
	}
	tableOff := w.off
	w.write(w.table)
	var foot [footerSize]byte
	binary.LittleEndian.PutUint64(foot[0:], uint64(tableOff))
	binary.LittleEndian.PutUint64(foot[8:], uint64(len(w.table)/recordSize))
	binary.LittleEndian.PutUint32(foot[16:], crc32.Checksum(w.table, castagnoli))
	copy(foot[20:], footerTag)
	w.write(foot[:])
	if w.err == nil {
		w.err = w.w.Flush()
	}
	if err := w.f.Close(); w.err == nil {
		w.err = err
	}
	if w.err == nil {
		w.err = os.Rename(w.f.Name(), path)
	}
	if w.err != nil {
		os.Remove(w.f.Name())
	}
	if w.err != nil {
		return fmt.Errorf("write the document cache %s: %w", path, w.err)
	}
	return nil
}
