package site

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/publish"
)

// RenderDoc re-renders what one edited chapter or page shows on, for the
// preview server: the document's page in every language that shows it (a
// translation's fallback included) and, for a chapter whose reading time
// changed, the course index of every language. in holds the course with d in
// old's place; prev is the site built before the edit, minified or not. The
// pages are minified, as a build writes them. The links written in d are
// checked against prev with the new pages in it.
//
// It reports false, rendering nothing, when the edit reaches further: a new
// title or summary shows on the neighbours' previous/next links, the home
// page and the search index, so the caller builds the whole site.
//
// The search index is not made here: the pages point at prev's, which
// ReindexDoc updates in place.
func RenderDoc(in Input, prev publish.Files, old, d *course.Doc) (publish.Files, diag.Problems, bool, error) {
	if old.Title != d.Title || old.Summary != d.Summary || old.Key != d.Key || old.Kind != d.Kind || old.Lang != d.Lang {
		return nil, nil, false, nil
	}
	b, err := previewBuilder(in, prev)
	if err != nil {
		return nil, nil, false, err
	}
	want := map[string]bool{}
	for _, lang := range course.Languages {
		if b.docIn(lang, d.Kind, d.Key) == d {
			want[course.URL(lang, d.Kind, d.Key)] = true
		}
		// The course index shows each chapter's reading time (its title
		// and summary are unchanged here).
		if d.Kind == course.KindChapter && d.ReadingMinutes() != old.ReadingMinutes() {
			want[course.Localize(lang, "/course/")] = true
		}
	}
	// Only the pages that can show d are made, not the whole course's.
	var candidates []*Page
	if d.Kind == course.KindChapter {
		candidates = b.courseIndexPages()
		for i, c := range b.chapters(course.Languages[0]) {
			if c.Key == d.Key {
				candidates = append(candidates, b.chapterPages(i, d.Key)...)
			}
		}
	} else if b.docIn(course.Languages[0], d.Kind, d.Key) != nil {
		candidates = b.standalonePages(d.Key)
	}
	out := publish.Files{}
	mn := publish.NewMinifier()
	for _, p := range candidates {
		if !want[p.URL] {
			continue
		}
		data, err := b.renderMinified(p, mn)
		if err != nil {
			return nil, nil, false, fmt.Errorf("render %s: %w", p.URL, err)
		}
		out[p.File()] = data
	}
	lc := lazyLinkChecker(overlay(out, prev))
	probs, _ := lc.docLinks([]*course.Doc{d})
	probs.Sort()
	return out, probs, true, nil
}

// previewBuilder returns a builder that renders pages for prev, the site
// built before an edit: the assets and the search index are prev's, found
// by their names in it rather than made again.
func previewBuilder(in Input, prev publish.Files) (*builder, error) {
	b := emptyBuilder(in)
	hashed := map[string]string{} // css/site.css → css/site.<hash>.css
	for name := range prev {
		if strings.HasPrefix(name, "search/") {
			lang, rest, _ := strings.Cut(strings.TrimPrefix(name, "search/"), "/")
			if strings.HasPrefix(rest, "manifest.") {
				b.searchManifest[lang] = "/" + name
			}
			continue
		}
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			stem := strings.TrimSuffix(name, ext)
			if i := strings.LastIndexByte(stem, '.'); i > 0 && len(stem)-i-1 == 10 {
				hashed[stem[:i]+ext] = name
			}
		}
	}
	for name := range in.Static {
		b.assetURLs[name] = "/" + name
	}
	b.assetURLs["css/code.css"] = "/css/code.css"
	for name := range b.assetURLs {
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			h, ok := hashed[name]
			if !ok {
				b.assetURLs = map[string]string{}
				if err := b.assets(); err != nil {
					return nil, err
				}
				break
			}
			b.assetURLs[name] = "/" + h
		}
	}
	return b, nil
}

// renderMinified renders p minified, as a build writes it: as the page
// writer wrote it when it wrote it minified (a record's page, the tables
// spliced from their rows), through mn otherwise.
func (b *builder) renderMinified(p *Page, mn *publish.Minifier) ([]byte, error) {
	var out []byte
	err := b.renderTo(p, func(data []byte, minimal, owned bool) error {
		if !minimal {
			var err error
			out, err = mn.Append(nil, p.File(), data)
			return err
		}
		if !owned {
			data = bytes.Clone(data)
		}
		out = data
		return nil
	})
	return out, err
}
