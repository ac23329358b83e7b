package site

import (
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/search"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// LiveSearch keeps each language's search index from a whole build, for
// the preview to put an edited record or chapter in at once (ReindexRecord,
// ReindexDoc) instead of waiting for the next whole build. It is safe for
// concurrent use.
type LiveSearch struct {
	mu     sync.Mutex
	byLang map[string]*search.Live
}

func (l *LiveSearch) set(lang string, x *search.Live) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.byLang == nil {
		l.byLang = map[string]*search.Live{}
	}
	l.byLang[lang] = x
}

func (l *LiveSearch) get(lang string) *search.Live {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.byLang[lang]
}

// ReindexRecord puts the edited record r's entries into the search index
// of every language in in.LiveSearch, for the preview, and returns the
// files that changed (see search.Live for what stays as the whole build
// made it until the next one). It reports false, changing nothing, when
// in holds no index to update.
func ReindexRecord(in Input, r *vendor.Record) (search.Changes, bool, error) {
	b := emptyBuilder(in)
	docs := map[string][]search.Doc{}
	for _, lang := range course.Languages {
		label, err := b.in.Templates.text(lang, "search.type.vendor")
		if err != nil {
			return search.Changes{}, false, err
		}
		docs[lang] = []search.Doc{b.recordSearchDoc(r, lang, label)}
	}
	return reindex(in.LiveSearch, docs)
}

// ReindexDoc puts the entries of an edited chapter or page, d in old's
// place, into the search index of every language that shows it, as
// ReindexRecord does for a record. It reports false also when the edit
// added, removed or renamed a section: that changes the index's list of
// documents, which only a whole build makes.
func ReindexDoc(in Input, old, d *course.Doc) (search.Changes, bool, error) {
	b := emptyBuilder(in)
	docs := map[string][]search.Doc{}
	for _, lang := range course.Languages {
		if b.docIn(lang, d.Kind, d.Key) != d {
			continue
		}
		if d.Kind == course.KindPage {
			docs[lang] = []search.Doc{b.pageSearchDoc(d.Key, lang)}
			continue
		}
		label, err := b.in.Templates.text(lang, "nav.course")
		if err != nil {
			return search.Changes{}, false, err
		}
		was, now := chapterSearchDocs(nil, old, lang, label), chapterSearchDocs(nil, d, lang, label)
		if !slices.EqualFunc(was, now, func(x, y search.Doc) bool { return x.URL == y.URL }) {
			return search.Changes{}, false, nil
		}
		docs[lang] = now
	}
	return reindex(in.LiveSearch, docs)
}

// reindex updates each language's index with its documents.
func reindex(l *LiveSearch, docs map[string][]search.Doc) (search.Changes, bool, error) {
	for lang := range docs {
		if l.get(lang) == nil {
			return search.Changes{}, false, nil
		}
	}
	all := search.Changes{Files: map[string][]byte{}}
	for _, lang := range slices.Sorted(maps.Keys(docs)) {
		ch, err := l.get(lang).Update(docs[lang])
		if err != nil {
			return search.Changes{}, false, fmt.Errorf("search index (%s): %w", lang, err)
		}
		maps.Copy(all.Files, ch.Files)
		all.Removed = append(all.Removed, ch.Removed...)
	}
	return all, true, nil
}
