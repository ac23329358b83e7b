package site

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/highlight"
	"github.com/telemetry-atlas/atlas/internal/publish"
)

// RenderDoc re-renders what one edited chapter or page shows on, for the
// preview server: the document's page in every language that shows it (a
// translation's fallback included) and, for a chapter, the course index of
// every language (it shows reading times). in holds the course with d in
// old's place; prev is the site built before the edit, minified or not. The
// links written in d are checked against prev with the new pages in it.
//
// It reports false, rendering nothing, when the edit reaches further: a new
// title or summary shows on the neighbours' previous/next links, the home
// page and the search index, so the caller builds the whole site.
//
// The search index is not rebuilt: the pages point at prev's index, which
// still lists d's sections as they were until the next whole build.
func RenderDoc(in Input, prev publish.Files, old, d *course.Doc) (publish.Files, diag.Problems, bool, error) {
	if old.Title != d.Title || old.Summary != d.Summary || old.Key != d.Key || old.Kind != d.Kind || old.Lang != d.Lang {
		return nil, nil, false, nil
	}
	b := &builder{
		buffers:        sync.Pool{New: func() any { return new(bytes.Buffer) }},
		in:             in,
		text:           course.NewTextRenderer(),
		highlighter:    highlight.New(),
		assetFiles:     publish.Files{},
		assetURLs:      map[string]string{},
		searchManifest: map[string]string{},
	}
	if err := b.assets(); err != nil {
		return nil, nil, false, err
	}
	for name := range prev {
		lang, rest, _ := strings.Cut(strings.TrimPrefix(name, "search/"), "/")
		if strings.HasPrefix(name, "search/") && strings.HasPrefix(rest, "manifest.") {
			b.searchManifest[lang] = "/" + name
		}
	}
	want := map[string]bool{}
	for _, lang := range course.Languages {
		if b.docIn(lang, d.Kind, d.Key) == d {
			want[course.URL(lang, d.Kind, d.Key)] = true
		}
		if d.Kind == course.KindChapter {
			want[course.Localize(lang, "/course/")] = true
		}
	}
	out := publish.Files{}
	for _, p := range b.coursePages() {
		if !want[p.URL] {
			continue
		}
		data, err := b.render(p)
		if err != nil {
			return nil, nil, false, fmt.Errorf("render %s: %w", p.URL, err)
		}
		out[p.File()] = data
	}
	lc := &linkChecker{scanned: map[string]htmlRefs{}, get: func(name string) ([]byte, bool) {
		if data, ok := out[name]; ok {
			return data, true
		}
		data, ok := prev[name]
		return data, ok
	}}
	probs, _ := lc.docLinks([]*course.Doc{d})
	probs.Sort()
	return out, probs, true, nil
}
