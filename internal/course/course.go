// Package course turns the Markdown chapters and pages under content/<lang>/
// into rendered documents: front matter, the goldmark and chroma setup,
// heading ids, the table of contents, plain-text sections for search and the
// internal links the site must resolve.
package course

import "time"

// Kind tells a course chapter from a standalone page.
type Kind string

const (
	KindChapter Kind = "chapter" // content/<lang>/course/*.md, at /course/<key>/
	KindPage    Kind = "page"    // content/<lang>/pages/*.md, at /<key>/
)

// Doc is one chapter or page in one language, rendered.
type Doc struct {
	File    string // path relative to the source root, e.g. content/en/course/01-x.md
	Lang    string
	Kind    Kind
	Key     string // ties a document to its translations; also its URL slug
	Title   string
	Summary string
	Order   int
	Updated time.Time

	HTML     string    // the rendered body: safe HTML (no raw HTML, no unsafe URLs)
	TOC      []Heading // level 2 and 3 headings, in order
	Sections []Section // the body split at level-2 headings, as plain text
	Links    []Link    // every site-relative link and image, for checking
	IDs      []string  // every element id in the body (headings, footnotes)
	Words    int
}

// DropBody lets go of the rendered body, the table of contents and the
// sections, for a build that has indexed the document and written its
// pages and needs only its title, links and ids from now on.
func (d *Doc) DropBody() {
	d.HTML, d.TOC, d.Sections = "", nil, nil
}

// DropSections lets go of the sections' text, for a build that has built
// its search index and renders pages from the body alone: 89 MB of the
// 211 MB that 10,000 chapters hold, kept until their pages are out
// otherwise.
func (d *Doc) DropSections() {
	d.Sections = nil
}

// ReadingMinutes estimates the reading time, at least one minute.
func (d *Doc) ReadingMinutes() int {
	perMinute := 220
	if d.Lang == "ru" {
		perMinute = 180 // Russian words are longer
	}
	m := (d.Words + perMinute - 1) / perMinute
	if m < 1 {
		m = 1
	}
	return m
}

// Heading is one entry of a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Section is the text under one heading, for search. The first section has
// an empty ID: it is the text before the first level-2 heading.
type Section struct {
	ID      string
	Heading string
	Text    string
}

// Link is a site-relative link found in a document, already localised (a
// Russian document's /vendors/x/ becomes /ru/vendors/x/).
type Link struct {
	URL  string // path with optional #fragment
	Line int
	Col  int
}

// TOCEntry is a level-2 heading with the level-3 headings under it.
type TOCEntry struct {
	Heading
	Children []Heading
}

// Outline nests the table of contents: level-3 headings under the level-2
// heading before them. Level-3 headings before any level-2 one stand alone.
func (d *Doc) Outline() []TOCEntry {
	var out []TOCEntry
	for _, h := range d.TOC {
		if h.Level == 3 && len(out) > 0 {
			out[len(out)-1].Children = append(out[len(out)-1].Children, h)
			continue
		}
		out = append(out, TOCEntry{Heading: h})
	}
	return out
}
