package site

import (
	"html/template"
	"sync/atomic"

	"github.com/telemetry-atlas/atlas/internal/course"
)

// chapterView is a chapter or page as its template sees it.
type chapterView struct {
	Doc        *course.Doc
	HTML       template.HTML // safe: rendered by course, raw HTML escaped
	Prev, Next *course.Doc
	Number     int
}

// courseIndexView lists the chapters of one language.
type courseIndexView struct {
	Chapters []*course.Doc

	b    *builder
	lang string
}

// ItemsHTML is the list of chapters (render_tables.go).
func (v courseIndexView) ItemsHTML() (template.HTML, error) {
	return v.b.chaptersHTML(v.lang, v.Chapters)
}

// docIn returns the document of kind and key in lang, falling back to the
// English original.
func (b *builder) docIn(lang string, kind course.Kind, key string) *course.Doc {
	if d := b.in.Course.Find(lang, kind, key); d != nil {
		return d
	}
	return b.in.Course.Find(course.Languages[0], kind, key)
}

func (b *builder) coursePages() []*Page {
	out := b.courseIndexPages()
	en := course.Languages[0]
	for i, d := range b.chapters(en) {
		out = append(out, b.chapterPages(i, d.Key)...)
	}
	for _, d := range b.in.Course.Pages(en) {
		out = append(out, b.standalonePages(d.Key)...)
	}
	return out
}

// courseIndexPages are /course/ in every language.
func (b *builder) courseIndexPages() []*Page {
	return localized("/course/", func(lang, url string) *Page {
		return &Page{Template: "course", Section: "course", Title: "", Data: courseIndexView{Chapters: b.chapters(lang), b: b, lang: lang}}
	})
}

// chapterPages are the chapter at position i of the course, key, in every
// language.
func (b *builder) chapterPages(i int, key string) []*Page {
	en := course.Languages[0]
	shows := map[*Page]*course.Doc{}
	pages := localized(course.URL(en, course.KindChapter, key), func(lang, url string) *Page {
		// b.chapters(lang) lists the same keys in the same order in
		// every language, so the chapter is at i in each.
		chs := b.chapters(lang)
		c := chs[i]
		v := chapterView{Doc: c, HTML: template.HTML(c.HTML), Number: i + 1}
		if i > 0 {
			v.Prev = chs[i-1]
		}
		if i+1 < len(chs) {
			v.Next = chs[i+1]
		}
		p := &Page{Section: "course", Title: v.Doc.Title, Description: v.Doc.Summary, ContentLang: v.Doc.Lang,
			Main: func(w *pageWriter) { w.chapterMain(&v) }, minimal: true}
		shows[p] = c
		return p
	})
	// A chapter's body is shown by its own page and, in a language that
	// has no translation of it, by that language's page, by no other: it
	// can go when the last of those is out.
	left := map[*course.Doc]*atomic.Int32{}
	for _, d := range shows {
		if left[d] == nil {
			left[d] = new(atomic.Int32)
		}
		left[d].Add(1)
	}
	for _, p := range pages {
		d := shows[p]
		p.done = func() {
			if left[d].Add(-1) == 0 {
				d.DropBody()
			}
		}
	}
	return pages
}

// standalonePages are the page key (/about/…) in every language.
func (b *builder) standalonePages(key string) []*Page {
	en := course.Languages[0]
	return localized(course.URL(en, course.KindPage, key), func(lang, url string) *Page {
		doc := b.docIn(lang, course.KindPage, key)
		return &Page{Template: "page", Section: key, Title: doc.Title, Description: doc.Summary, ContentLang: doc.Lang,
			Data: chapterView{Doc: doc, HTML: template.HTML(doc.HTML)}}
	})
}

// chapters returns the course in lang: every English chapter, replaced by
// its translation where one exists. Every chapter page asks for it, so it
// is made once per language; callers must not change it.
func (b *builder) chapters(lang string) []*course.Doc {
	b.memo.mu.Lock()
	defer b.memo.mu.Unlock()
	if out, ok := b.memo.chapters[lang]; ok {
		return out
	}
	var out []*course.Doc
	for _, d := range b.in.Course.Chapters(course.Languages[0]) {
		out = append(out, b.docIn(lang, course.KindChapter, d.Key))
	}
	if b.memo.chapters == nil {
		b.memo.chapters = map[string][]*course.Doc{}
	}
	b.memo.chapters[lang] = out
	return out
}
