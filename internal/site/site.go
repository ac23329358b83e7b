// Package site turns the loaded content into the files of the site: the
// page model, navigation, template rendering, assets, the sitemap, and the
// check that every internal link resolves. It reads nothing from the disk:
// everything arrives in Input.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"sync"
	"sync/atomic"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// Input is everything a build needs, already loaded and checked.
type Input struct {
	Config    Config
	Course    *course.Course
	Records   []*vendor.Record // sorted by id
	Taxonomy  *vendor.Taxonomy
	Templates *Templates
	Static    publish.Files // files under static/, by path relative to it
	Today     vendor.Date   // the build's clock, for "needs review"
	// Judged, when set, keeps the records' verdicts for the next build of
	// the same content with some records replaced (the preview's).
	Judged *Judged
	// LiveSearch, when set, is given each language's search index as it
	// is built, kept for the preview to update (ReindexRecord, ReindexDoc).
	LiveSearch *LiveSearch
	// Progress, when set, is told how many pages have rendered of how
	// many; it is called from several goroutines at once.
	Progress func(done, total int)
	// Step, when set, is told as each step of Build ends, in this order:
	// "index" (the search index and the list of pages made), "index out"
	// (the index's files emitted), "pages" (every page rendered),
	// "exports" and "exports out". It is called from Build's goroutine.
	Step func(name string)
	// Emit, when set, receives every file as soon as it is made, from
	// several goroutines at once, and Build keeps none of them and returns
	// no files: a large site is never held whole in memory. A file may be
	// emitted twice; the later bytes win. The bytes are Emit's only until
	// it returns (a page's memory is reused for the next page), and Emit
	// may change them meanwhile.
	Emit func(name string, data []byte) error
	// EmitMinified, when set with Emit, receives instead of it the pages
	// that are written minified already (a record's page: see
	// pageWriter), which minifying would give back unchanged. It is
	// called as Emit is. When owned is set, the bytes are the receiver's
	// for good, as with EmitOwned (a page spliced together from its rows,
	// like the matrix); otherwise they are its only until it returns.
	EmitMinified func(name string, data []byte, owned bool) error
	// EmitOwned, when set with Emit, receives instead of it the files
	// that Build makes and then lets go of (the search index, the
	// exports): their bytes are the receiver's for good, so that it need
	// not copy them, but it must not change them (files may share
	// memory). It is called as Emit is.
	EmitOwned func(name string, data []byte) error
	// Consume lets Build drop what only the index or a page needed once
	// it is made: the chapters' sections once the index is built, and a
	// chapter's rendered body and table of contents once its pages are
	// out. The Input cannot be rendered again; a build that writes and
	// exits sets it, the preview does not. At ten thousand chapters that
	// is 200 MB the collector no longer carries through the rest of the
	// build.
	Consume bool
}

// Build renders the whole site. Problems are content problems with a place
// (a broken link in a chapter); err is a failure of the build itself (a
// template that does not execute).
func Build(in Input) (publish.Files, diag.Problems, error) {
	b, err := newBuilder(in)
	if err != nil {
		return nil, nil, err
	}
	// The search index and the page list are independent: make them side
	// by side. Only rendering reads the index's manifest URLs.
	indexed := make(chan error, 1)
	go func() { indexed <- b.searchIndex() }()
	step := in.Step
	if step == nil {
		step = func(string) {}
	}
	pages := b.pages()
	if err := <-indexed; err != nil {
		return nil, nil, err
	}
	if in.Consume && in.Course != nil {
		// Only the index read the sections' text.
		for _, d := range in.Course.Docs {
			d.DropSections()
		}
	}
	step("index")
	var out publish.Files
	emit := in.Emit
	if emit == nil {
		out = publish.Files{}
		var mu sync.Mutex
		emit = func(name string, data []byte) error {
			mu.Lock()
			defer mu.Unlock()
			out[name] = data
			return nil
		}
	}
	// The link check keeps what it needs of every file as it is made.
	links := newLinkIndex()
	put := func(name string, data []byte) error {
		links.add(name, data)
		return emit(name, data)
	}
	if err := emitAll(b.assetFiles, put); err != nil {
		return nil, nil, err
	}
	// The index and the exports are made for this build alone and let go
	// as they are emitted: they can be handed over without a copy.
	putOwned := put
	if in.Emit != nil && in.EmitOwned != nil {
		putOwned = func(name string, data []byte) error {
			links.add(name, data)
			return in.EmitOwned(name, data)
		}
	}
	// The index goes out before the pages render, so that it is not held
	// while they do.
	search := b.searchFiles
	b.searchFiles = nil
	if err := emitAll(search, putOwned); err != nil {
		return nil, nil, err
	}
	step("index out")
	var rendered [][]byte // kept only when nothing is emitted
	if in.Emit == nil {
		rendered = make([][]byte, len(pages))
	}
	errs := make([]error, len(pages))
	var done atomic.Int64
	order := renderOrder(pages)
	parallel.Each(len(pages), func(k int) {
		i := order[k]
		err := b.renderTo(pages[i], func(data []byte, minimal, owned bool) error {
			links.add(pages[i].File(), data)
			if minimal && in.Emit != nil && in.EmitMinified != nil {
				return in.EmitMinified(pages[i].File(), data, owned)
			}
			if in.Emit != nil {
				return in.Emit(pages[i].File(), data)
			}
			if !owned {
				data = bytes.Clone(data)
			}
			rendered[i] = data
			return nil
		})
		if err != nil {
			errs[i] = fmt.Errorf("render %s: %w", pages[i].URL, err)
			return
		}
		if in.Consume {
			pages[i].release()
		}
		if in.Progress != nil {
			in.Progress(int(done.Add(1)), len(pages))
		}
	})
	for i, p := range pages {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		if rendered != nil {
			out[p.File()] = rendered[i]
		}
	}
	step("pages")
	extra, err := b.extraFiles(pages)
	if err != nil {
		return nil, nil, err
	}
	step("exports")
	if err := emitAll(extra, putOwned); err != nil {
		return nil, nil, err
	}
	step("exports out")
	return out, links.check(in.Course), nil
}

// renderOrder is the order in which pages are rendered (the list stays
// sorted by URL for the sitemap): the pages of templates first, because a
// few of them (the matrix, the category tables) are large and would
// otherwise keep one CPU busy alone at the end; then the chapters, so that
// with Input.Consume their bodies are let go early; then the rest. Within
// each, the pages of different directories come by turns (see spread).
func renderOrder(pages []*Page) []int {
	order := make([]int, 0, len(pages))
	for _, pass := range []func(p *Page) bool{
		func(p *Page) bool { return p.Main == nil },
		func(p *Page) bool { return p.Main != nil && p.done != nil },
		func(p *Page) bool { return p.Main != nil && p.done == nil },
	} {
		var in []int
		var files []string
		for i, p := range pages {
			if pass(p) {
				in = append(in, i)
				files = append(files, p.File())
			}
		}
		for _, j := range spread(files) {
			order = append(order, in[j])
		}
	}
	return order
}

// emitAll puts every file on every CPU, the files of different
// directories by turns (see spread), and empties files as it goes, so that
// each file's bytes can be freed once they are out.
func emitAll(files publish.Files, put func(name string, data []byte) error) error {
	sorted := files.Paths()
	names := make([]string, len(sorted))
	data := make([][]byte, len(sorted))
	for j, i := range spread(sorted) {
		names[j] = sorted[i]
		data[j] = files[names[j]]
	}
	clear(files)
	errs := make([]error, len(names))
	parallel.Each(len(names), func(i int) {
		errs[i] = put(names[i], data[i])
		data[i] = nil
	})
	return errors.Join(errs...)
}
