package site

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// /compare/ is a GET form of checkboxes (?v=a&v=b) and the frame of a table:
// the row headers (verdict, kind, platforms, whether it can be turned off,
// then every category). tables.js fills in one column per chosen record from
// the column file of the record's group, /compare/v/<group>.htm: the
// columns of compareGroup records in id order, rendered here from the same
// cells as the matrix. The page stays small however many records the atlas
// holds, and a site of 10,000 records has 625 column files per language,
// not 10,000 (on the machines measured, every file written costs more than
// its bytes). Without JavaScript the page explains and links to the
// matrix, which has the same cells by rows.

// compareView is /compare/.
type compareView struct {
	Categories []categoryHead
	Choices    []compareChoice
	Legend     []legendEntry
	Max        int    // how many records can be compared at once
	Columns    string // the URL of a column file, with {group} for the record's group

	b    *builder
	lang string
}

// ChoicesHTML is the list of checkboxes (render_tables.go).
func (v compareView) ChoicesHTML() (template.HTML, error) { return v.b.choicesHTML(v.lang, v.Choices) }

// compareChoice is a record that can be picked, and the group of its column.
type compareChoice struct {
	ID, Label string
	Group     int
}

// compareMax is the most records /compare/ shows side by side.
const compareMax = 4

// compareGroup is how many records' columns share a file: four picked
// records cost at most four files of about 60 KB (8 KB compressed).
const compareGroup = 16

// compareColumns is the site path of a column file in lang. The files end
// in .htm, not .html: they are fragments for tables.js, not pages, so the
// build's page count and the sitemap leave them out.
func compareColumns(lang, group string) string {
	return course.Localize(lang, "/compare/") + "v/" + group + ".htm"
}

func (b *builder) comparePages() []*Page {
	return localized("/compare/", func(lang, url string) *Page {
		v := compareView{Categories: b.categoryHeads(lang), Legend: b.legend(lang), Max: compareMax, Columns: compareColumns(lang, "{group}"), b: b, lang: lang}
		for i, r := range b.in.Records {
			v.Choices = append(v.Choices, compareChoice{ID: r.ID, Label: displayName(r), Group: i / compareGroup})
		}
		title, _ := b.in.Templates.text(lang, "compare.title")
		return &Page{Template: "compare", Section: "compare", Title: title, Data: v}
	})
}

// compareColumnFiles renders the column files of /compare/ in lang: all
// of them, or with only set the one with only's column.
func (b *builder) compareColumnFiles(lang string, only *vendor.Record) (publish.Files, error) {
	files := publish.Files{}
	p := &Page{Lang: lang, NoIndex: true}
	rows := b.matrixRows(lang)
	for first := 0; first < len(rows); first += compareGroup {
		columns := rows[first:min(first+compareGroup, len(rows))]
		if only != nil && !slices.ContainsFunc(columns, func(row matrixRow) bool { return row.Record == only }) {
			continue
		}
		w := &pageWriter{b: make([]byte, 0, 64<<10), v: view{Page: p, b: b}}
		w.compareColumns(columns)
		group := strconv.Itoa(first / compareGroup)
		if w.err != nil {
			return nil, fmt.Errorf("compare columns %s (%s): %w", group, lang, w.err)
		}
		files[compareColumns(lang, group)[1:]] = w.b
	}
	return files, nil
}
