package site

import (
	"fmt"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/publish"
)

// /compare/ is a GET form of checkboxes (?v=a&v=b) and the frame of a table:
// the row headers (verdict, kind, platforms, whether it can be turned off,
// then every category). tables.js fills in one column per chosen record from
// that record's column file, /compare/v/<id>.htm, rendered here from the
// same cells as the matrix, so the page stays small however many records
// the atlas holds. Without JavaScript the page explains and links to the
// matrix, which has the same cells by rows.

// compareView is /compare/.
type compareView struct {
	Categories []categoryHead
	Choices    []labelled // record id and name
	Legend     []legendEntry
	Max        int    // how many records can be compared at once
	Columns    string // the URL of a column file, with {id} for the record's id
}

// compareMax is the most records /compare/ shows side by side.
const compareMax = 4

// compareColumn is the site path of a record's column file in lang. The
// files end in .htm, not .html: they are fragments for tables.js, not pages,
// so the build's page count and the sitemap leave them out.
func compareColumn(lang, id string) string {
	return course.Localize(lang, "/compare/") + "v/" + id + ".htm"
}

func (b *builder) comparePages() []*Page {
	return localized("/compare/", func(lang, url string) *Page {
		v := compareView{Categories: b.categoryHeads(lang), Legend: b.legend(lang), Max: compareMax, Columns: compareColumn(lang, "{id}")}
		for _, r := range b.in.Records {
			v.Choices = append(v.Choices, labelled{ID: r.ID, Label: displayName(r)})
		}
		title, _ := b.in.Templates.text(lang, "compare.title")
		return &Page{Template: "compare", Section: "compare", Title: title, Data: v}
	})
}

// compareColumnFiles renders every record's column of /compare/ in lang.
func (b *builder) compareColumnFiles(lang string) (publish.Files, error) {
	files := publish.Files{}
	p := &Page{Lang: lang, NoIndex: true}
	for _, row := range b.matrixRows(lang) {
		w := &pageWriter{b: make([]byte, 0, 4<<10), v: view{Page: p, b: b}}
		w.compareColumn(&row)
		if w.err != nil {
			return nil, fmt.Errorf("compare column of %s (%s): %w", row.Record.ID, lang, w.err)
		}
		files[compareColumn(lang, row.Record.ID)[1:]] = w.b
	}
	return files, nil
}
