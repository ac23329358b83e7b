// Package doccache keeps what a build parsed, beside the site
// (.public.cache/ for public), so that the next build parses only the
// files that changed: the chapters (a course.Cache) and the records,
// decoded and checked (a vendor.Cache), each kind in a file of its own.
//
// An entry is found by a key: a keyed BLAKE2b hash of what parsing the
// file depends on (its name and bytes; a chapter's language and kind; the
// day a record was checked against). The hash's key is the build's identity
// (Identity): this program's own bytes hashed with a secret of this
// machine's user. A new version of atlas finds nothing of the old one's,
// and a cache file that came from anywhere else (a pull request, say) finds
// nothing at all, so what a cache holds is always what this program made
// of that file here, and is as safe as the page it came from.
package doccache

import (
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// Cache is the cache directory of one build. Make it with Open, hand
// Chapters and Records to the loaders, then Save it.
type Cache struct {
	chapters chapters
	records  records
}

// Open opens the cache in dir for a build whose identity is identity.
// Missing, older or damaged files are empty caches; Open fails only when a
// file exists and cannot be opened.
func Open(dir string, identity [32]byte) (*Cache, error) {
	buffers := &sync.Pool{New: func() any { return new([]byte) }}
	c := &Cache{}
	if info, err := os.Lstat(dir); err == nil && !info.IsDir() {
		os.Remove(dir) // a file where the directory goes: the first layout, one file
	}
	var err error
	if c.chapters.s, err = openStore(filepath.Join(dir, "chapters"), "chapter", identity, buffers); err != nil {
		return nil, err
	}
	if c.records.s, err = openStore(filepath.Join(dir, "records"), "record", identity, buffers); err != nil {
		c.chapters.s.save()
		return nil, err
	}
	return c, nil
}

// Chapters is the cache of parsed chapters and pages.
func (c *Cache) Chapters() course.Cache { return &c.chapters }

// Records is the cache of decoded and checked records.
func (c *Cache) Records() vendor.Cache { return &c.records }

// Stats say how much came from the cache.
type Stats struct {
	Chapters, ChaptersParsed int // documents from the cache, and parsed
	Records, RecordsDecoded  int // records from the cache, and decoded
}

// Stats says how much came from the cache and how much was parsed.
func (c *Cache) Stats() Stats {
	return Stats{
		Chapters: int(c.chapters.s.hits.Load()), ChaptersParsed: int(c.chapters.s.misses.Load()),
		Records: int(c.records.s.hits.Load()), RecordsDecoded: int(c.records.s.misses.Load()),
	}
}

// Save finishes the cache for the next build: each new file replaces the
// old one, if this build wrote one. Call it once the loaders have returned,
// whatever became of the build; after it the cache is closed.
func (c *Cache) Save() error {
	return errors.Join(c.chapters.s.save(), c.records.s.save())
}

// chapters is the course.Cache of a Cache.
type chapters struct {
	s     *store
	files []course.SourceFile
}

func (c *chapters) Plan(files []course.SourceFile) {
	// What DecodeDoc needs of each file, without its bytes: the cache
	// lives as long as the build, the sources need not.
	c.files = make([]course.SourceFile, len(files))
	for i, f := range files {
		c.files[i] = course.SourceFile{Name: f.Name, Lang: f.Lang, Kind: f.Kind}
	}
	c.s.plan(len(files), func(i int, h *keyHash) {
		f := files[i]
		h.add(f.Name)
		h.add(f.Lang)
		h.add(string(f.Kind))
		h.addBytes(f.Data)
	})
}

func (c *chapters) Get(i int) *course.Doc {
	var d *course.Doc
	c.s.get(i, func(b []byte) (err error) {
		d, err = course.DecodeDoc(c.files[i], b)
		return err
	})
	return d
}

func (c *chapters) Put(i int, d *course.Doc) {
	c.s.put(i, func(b []byte) ([]byte, error) { return d.AppendBinary(b), nil })
}

// records is the vendor.Cache of a Cache.
type records struct{ s *store }

func (c *records) Plan(files []vendor.SourceFile, today vendor.Date) {
	c.s.plan(len(files), func(i int, h *keyHash) {
		h.add(files[i].Name)
		h.add(today.String())
		h.addBytes(files[i].Data)
	})
}

func (c *records) Get(i int) *vendor.Record {
	var r *vendor.Record
	c.s.get(i, func(b []byte) (err error) {
		r, err = vendor.DecodeRecord(b)
		return err
	})
	return r
}

func (c *records) Put(i int, r *vendor.Record) {
	c.s.put(i, r.AppendBinary)
}
