package doccache

// The file of one store:
//
//	header   magic (16 bytes), format version (4 bytes)
//	entries  one after another, as the caller encoded them
//	table    per entry: key (32), offset (8), length (4), CRC-32C (4)
//	footer   table offset (8), table entries (8), table CRC-32C (4), "ATLS"
//
// Integers are little-endian. A file that does not add up, or an entry
// whose checksum fails, is a miss: the file is parsed again.

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/telemetry-atlas/atlas/internal/parallel"
	"golang.org/x/crypto/blake2b"
)

// formatVersion changes with the file's layout and with the layout of
// what is in it: course.Doc.AppendBinary's and vendor.Record.AppendBinary's.
const formatVersion = 1

const (
	magic      = "atlas doc cache\x00"
	headerSize = len(magic) + 4
	recordSize = 32 + 8 + 4 + 4
	footerSize = 8 + 8 + 4 + 4
	footerTag  = "ATLS"
	// maxEntry bounds one entry: a Markdown or YAML file is at most 1 MiB,
	// and what it makes a few times that.
	maxEntry = 64 << 20
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Key is what an entry is found by.
type Key [32]byte

type entry struct {
	off int64
	n   uint32
	crc uint32
}

// store is one cache file: what the last build left, and the one this
// build writes when anything changed. What an entry holds is up to the
// caller: store deals in keys and bytes.
type store struct {
	path     string
	identity [32]byte
	domain   string // hashed first into every key: "chapter", "record"

	old     *os.File // the last build's file, nil when there is none
	entries map[Key]entry

	keys []Key // from plan

	// next is the file written for the next build, when this one's
	// entries are not exactly the last one's; nil otherwise.
	next *writer

	hits, misses atomic.Int64
	// unsure is set when an entry planned as a hit could not be read: the
	// file no longer says what it holds, and save removes it unless it
	// writes a new one.
	unsure atomic.Bool

	buffers *sync.Pool // *[]byte
}

// openStore opens the cache file at path. A missing, older or damaged
// file is an empty store; openStore fails only when path exists and cannot
// be opened.
func openStore(path, domain string, identity [32]byte, buffers *sync.Pool) (*store, error) {
	c := &store{path: path, domain: domain, identity: identity, buffers: buffers}
	removeAbandoned(path, time.Now())
	if _, err := os.Lstat(path); err != nil {
		return c, nil // none, or not where one could be: written anew
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open the cache: %w", err)
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

// plan finds the key of each of n entries, hashing what write(i) writes,
// and starts the file for the next build unless the last one holds exactly
// these keys.
func (c *store) plan(n int, write func(i int, h *keyHash)) {
	c.keys = make([]Key, n)
	parallel.Each(n, func(i int) {
		h := c.newHash()
		write(i, h)
		h.h.Sum(c.keys[i][:0])
	})
	found := 0
	for _, k := range c.keys {
		if _, ok := c.entries[k]; ok {
			found++
		}
	}
	if found == n && found == len(c.entries) {
		return
	}
	c.next = newWriter(c.path, c.buffers)
}

// keyHash is what a key is made with.
type keyHash struct{ h hash.Hash }

// add hashes s with its length, so that no two lists of strings hash as
// one.
func (k *keyHash) add(s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	k.h.Write(n[:])
	k.h.Write([]byte(s))
}

// addBytes hashes b with its length.
func (k *keyHash) addBytes(b []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	k.h.Write(n[:])
	k.h.Write(b)
}

func (c *store) newHash() *keyHash {
	h, _ := blake2b.New256(c.identity[:]) // fails only for a key over 64 bytes
	k := &keyHash{h}
	k.add(c.domain)
	return k
}

// get hands entry i's bytes, if the last build left it, to decode, and
// reports whether decode took them.
func (c *store) get(i int, decode func([]byte) error) bool {
	e, ok := c.entries[c.keys[i]]
	if !ok {
		c.misses.Add(1)
		return false
	}
	buf := c.buffers.Get().(*[]byte)
	if cap(*buf) < int(e.n) {
		*buf = make([]byte, e.n)
	}
	data := (*buf)[:e.n]
	if err := c.read(e, data, decode); err != nil {
		c.unsure.Store(true)
		c.misses.Add(1)
		release(c.buffers, buf)
		return false
	}
	c.hits.Add(1)
	if c.next != nil {
		c.next.add(c.keys[i], buf, len(data))
	} else {
		release(c.buffers, buf)
	}
	return true
}

func (c *store) read(e entry, data []byte, decode func([]byte) error) error {
	if _, err := c.old.ReadAt(data, e.off); err != nil {
		return err
	}
	if crc32.Checksum(data, castagnoli) != e.crc {
		return errors.New("checksum")
	}
	return decode(data)
}

// put writes entry i for the next build: encode appends it to the buffer
// it is given.
func (c *store) put(i int, encode func([]byte) ([]byte, error)) {
	if c.next == nil {
		// Only a hit that failed to read brings an entry here when the
		// entries were all planned as hits; save removes the file.
		c.unsure.Store(true)
		return
	}
	buf := c.buffers.Get().(*[]byte)
	b, err := encode((*buf)[:0])
	*buf = b
	if err != nil {
		release(c.buffers, buf)
		return
	}
	c.next.add(c.keys[i], buf, len(b))
}

func release(buffers *sync.Pool, buf *[]byte) {
	if cap(*buf) <= 1<<20 {
		buffers.Put(buf)
	}
}

// save finishes the file for the next build: the new file replaces the
// old one, if this build wrote one. After it the store is closed.
func (c *store) save() error {
	var err error
	if c.next != nil {
		// Complete even when an entry failed to read: its file was
		// parsed again and put.
		err = c.next.finish(c.path)
	} else if c.unsure.Load() {
		if rerr := os.Remove(c.path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			err = fmt.Errorf("remove the damaged cache: %w", rerr)
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
	if w.err = os.MkdirAll(filepath.Dir(path), 0o755); w.err == nil {
		w.f, w.err = os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".new-*")
	}
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
		release(w.buffers, it.buf)
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
		return fmt.Errorf("write the cache: %w", w.err)
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
		return fmt.Errorf("write the cache %s: %w", path, w.err)
	}
	return nil
}
