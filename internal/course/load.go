package course

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/highlight"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"github.com/telemetry-atlas/atlas/internal/readahead"
)

// Languages are the site's languages, English first: English is the one
// every other language falls back to.
var Languages = []string{"en", "ru"}

// maxFileSize bounds what is read of one Markdown file.
const maxFileSize = 1 << 20

// Course is every chapter and page of every language.
type Course struct {
	Docs []*Doc // sorted by language (English first), kind, order, key

	// index finds a document by language, kind and key. Parse builds it;
	// a Course made by hand has none and Find looks through Docs.
	index map[docKey]*Doc
}

type docKey struct {
	lang string
	kind Kind
	key  string
}

// Chapters returns the chapters of lang in course order.
func (c *Course) Chapters(lang string) []*Doc {
	var out []*Doc
	for _, d := range c.Docs {
		if d.Lang == lang && d.Kind == KindChapter {
			out = append(out, d)
		}
	}
	return out
}

// Pages returns the standalone pages of lang, by key.
func (c *Course) Pages(lang string) []*Doc {
	var out []*Doc
	for _, d := range c.Docs {
		if d.Lang == lang && d.Kind == KindPage {
			out = append(out, d)
		}
	}
	return out
}

// Find returns the document of kind and key in lang, if it exists.
func (c *Course) Find(lang string, kind Kind, key string) *Doc {
	if c.index != nil {
		return c.index[docKey{lang, kind, key}]
	}
	for _, d := range c.Docs {
		if d.Lang == lang && d.Kind == kind && d.Key == key {
			return d
		}
	}
	return nil
}

// SourceFile is one Markdown file as read from the disk.
type SourceFile struct {
	Name string // path relative to the source root
	Lang string
	Kind Kind
	Data []byte
}

// Load reads content/<lang>/course/*.md and content/<lang>/pages/*.md from
// fsys under dir, and parses them in parallel, taking from cache, when it
// is not nil, the documents of files it parsed before. Every problem of
// every file is returned, sorted; err is only for failures to read.
func Load(fsys fs.FS, dir string, cache Cache) (*Course, diag.Problems, error) {
	var list []found
	for _, lang := range Languages {
		for _, sub := range []struct {
			dir  string
			kind Kind
		}{{"course", KindChapter}, {"pages", KindPage}} {
			d := path.Join(dir, lang, sub.dir)
			entries, err := fs.ReadDir(fsys, d)
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					continue
				}
				return nil, nil, fmt.Errorf("read %s: %w", d, err)
			}
			for _, e := range entries {
				if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
					continue
				}
				list = append(list, found{entry: e, file: SourceFile{Name: path.Join(d, e.Name()), Lang: lang, Kind: sub.kind}})
			}
		}
	}
	files, probs, err := readAll(fsys, list)
	if err != nil {
		return nil, nil, err
	}
	c, more := parse(files, cache)
	probs = append(probs, more...)
	probs.Sort()
	return c, probs, nil
}

// found is a Markdown file listed in a directory, not yet read.
type found struct {
	entry fs.DirEntry
	file  SourceFile // without its Data
}

// readAll reads the files on every CPU and returns those it read in the
// order given. With one reader for the chapters and one for the records,
// the load kept 1.45 – 1.5 of two CPUs busy in a quarter of the builds
// measured, each open and read a system call that the other reader could
// not fill. The files are asked for all at once first (readahead), so
// that a corpus the kernel has paged out comes back in large reads while
// these go on. A file over maxFileSize is a problem, not read; the first
// failure to read, in the order given, is the error.
func readAll(fsys fs.FS, list []found) ([]SourceFile, diag.Problems, error) {
	type result struct {
		tooBig int64 // the file's size, when over maxFileSize
		err    error
	}
	results := make([]result, len(list))
	names := make([]string, 0, len(list))
	for _, f := range list {
		if f.entry.Type().IsRegular() {
			names = append(names, f.file.Name)
		}
	}
	defer readahead.Start(fsys, names, maxFileSize)()
	parallel.Each(len(list), func(i int) {
		f := &list[i]
		info, err := f.entry.Info()
		if err != nil {
			results[i].err = fmt.Errorf("stat %s: %w", f.file.Name, err)
			return
		}
		if info.Size() > maxFileSize {
			results[i].tooBig = info.Size()
			return
		}
		if f.file.Data, err = fs.ReadFile(fsys, f.file.Name); err != nil {
			results[i].err = fmt.Errorf("read %s: %w", f.file.Name, err)
		}
	})
	files := make([]SourceFile, 0, len(list))
	var probs diag.Problems
	for i, r := range results {
		switch {
		case r.err != nil:
			return nil, nil, r.err
		case r.tooBig > 0:
			probs = append(probs, diag.Problem{File: list[i].file.Name, Msg: fmt.Sprintf("file is %d bytes; the limit is %d: split the chapter", r.tooBig, maxFileSize)})
		default:
			files = append(files, list[i].file)
		}
	}
	return files, probs, nil
}

// memoBytes bounds the highlighted code one load remembers. Parse takes a
// document's translations one after the other, so the memo only has to
// span a few documents to serve a translation the blocks of its original.
const memoBytes = 8 << 20

// Parse parses already-read files; it is Load without the disk, for tests
// and for the preview server's incremental rebuilds.
func Parse(files []SourceFile) (*Course, diag.Problems) {
	return parse(files, nil)
}

func parse(files []SourceFile, cache Cache) (*Course, diag.Problems) {
	p := newDocParser(highlight.NewMemo(highlight.New(), memoBytes), Languages)
	docs := make([]*Doc, len(files))
	fileProbs := make([]diag.Problems, len(files))
	order := translationsTogether(files)
	if cache != nil {
		cache.Plan(files)
	}
	parallel.Each(len(files), func(k int) {
		i := order[k]
		if cache != nil {
			if d := cache.Get(i); d != nil {
				docs[i] = d
				return
			}
		}
		docs[i], fileProbs[i] = p.parse(files[i])
		if cache != nil && docs[i] != nil && len(fileProbs[i]) == 0 {
			cache.Put(i, docs[i])
		}
	})

	var probs diag.Problems
	for _, p := range fileProbs {
		probs = append(probs, p...)
	}
	c := &Course{}
	for _, d := range docs {
		if d != nil {
			c.Docs = append(c.Docs, d)
		}
	}
	sort.Slice(c.Docs, func(i, j int) bool {
		a, b := c.Docs[i], c.Docs[j]
		if a.Lang != b.Lang {
			return langIndex(a.Lang) < langIndex(b.Lang)
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		return a.File < b.File
	})
	probs = append(probs, c.consistency()...)
	c.index = make(map[docKey]*Doc, len(c.Docs))
	for _, d := range c.Docs {
		k := docKey{d.Lang, d.Kind, d.Key}
		if _, dup := c.index[k]; !dup { // the first, as the scan would find
			c.index[k] = d
		}
	}
	return c, probs
}

// translationsTogether returns the indexes of files with the translations
// of one file next to each other (content/en/course/x.md, then
// content/ru/course/x.md), so the code blocks a translation repeats are
// still in the highlight memo. Results go into slots by index: the order
// of the work changes nothing in the output.
func translationsTogether(files []SourceFile) []int {
	keys := make([]string, len(files))
	order := make([]int, len(files))
	for i, f := range files {
		keys[i] = strings.Replace(f.Name, "/"+f.Lang+"/", "/", 1)
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })
	return order
}

// consistency checks what involves several files: keys are unique per
// language, orders do not repeat, and every translation has an English
// original to fall back to.
func (c *Course) consistency() diag.Problems {
	var probs diag.Problems
	type slot struct {
		lang string
		kind Kind
		key  string
	}
	seen := map[slot]*Doc{}
	orders := map[string]*Doc{}
	for _, d := range c.Docs {
		s := slot{d.Lang, d.Kind, d.Key}
		if first, ok := seen[s]; ok {
			probs = append(probs, diag.Problem{File: d.File, Line: 2, Path: "key", Msg: fmt.Sprintf("key %q is already used by %s: keys are unique per language", d.Key, first.File)})
			continue
		}
		seen[s] = d
		if d.Kind == KindChapter {
			o := fmt.Sprintf("%s/%d", d.Lang, d.Order)
			if first, ok := orders[o]; ok {
				probs = append(probs, diag.Problem{File: d.File, Line: 2, Path: "order", Msg: fmt.Sprintf("order %d is already used by %s: give each chapter its own position", d.Order, first.File)})
			}
			orders[o] = d
		}
	}
	for _, d := range c.Docs {
		if d.Lang != Languages[0] && seen[slot{Languages[0], d.Kind, d.Key}] == nil {
			probs = append(probs, diag.Problem{File: d.File, Line: 2, Path: "key", Msg: fmt.Sprintf("no English document has key %q: every translation needs an English original with the same key", d.Key)})
		}
	}
	return probs
}

func langIndex(lang string) int {
	for i, l := range Languages {
		if l == lang {
			return i
		}
	}
	return len(Languages)
}
