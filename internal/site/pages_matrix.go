package site

import (
	"strings"
	"unicode/utf8"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// A matrix cell says how tied to the person the data of one category is,
// for one record: the link level of the worst item of that category, or
// "none" when the record lists nothing of it. Colour, a symbol and a word
// say the same, so no reader depends on the colour.

// cellNone is the cell of a category the record does not collect.
const cellNone = "none"

// linkOrder lists the link levels from most to least tied to the person;
// "unknown" sits between a fixed ID and a rotating one, because nothing
// shows it is better than a fixed ID.
var linkOrder = []string{"identified", "pseudonymous", "unknown", "rotating", "anonymous"}

// linkSymbols are the symbols of the cells, by link level.
var linkSymbols = map[string]string{
	"identified":   "●",
	"pseudonymous": "◐",
	"unknown":      "?",
	"rotating":     "◔",
	"anonymous":    "○",
	cellNone:       "—",
}

// linkRank orders cells for sorting: not collected 0, anonymous 1 … tied to
// you 5. A link level outside the taxonomy ranks with unknown.
func linkRank(link string) int {
	if link == cellNone {
		return 0
	}
	for i, l := range linkOrder {
		if l == link {
			return len(linkOrder) - i
		}
	}
	return linkRank("unknown")
}

// levelRank orders verdicts for sorting: telemetry 0, grey 1, spying 2.
func levelRank(l verdict.Level) int {
	for i, m := range verdict.Levels() {
		if m == l {
			return i
		}
	}
	return 1
}

// worstLinks returns, per category id, the most tied link level of the
// record's items of that category.
func worstLinks(r *vendor.Record) map[string]string {
	out := map[string]string{}
	for _, c := range r.Collects {
		link := c.Linked
		if linkSymbols[link] == "" || link == cellNone {
			link = "unknown"
		}
		if old, ok := out[c.Category]; !ok || linkRank(link) > linkRank(old) {
			out[c.Category] = link
		}
	}
	return out
}

// matrixCell is one cell of the vendors × categories matrix.
type matrixCell struct {
	Category string // category id
	Link     string // link level id, or "none"
	Symbol   string
	Text     string // the link level's label, or "not collected"
	Rank     int
	Items    []string // what is collected, in the page's language
}

// matrixRow is one record in the matrix.
type matrixRow struct {
	vendorSummary
	SortName    string // lower case, for sorting
	KindID      string
	PlatformIDs string // platform ids separated by spaces, for filtering
	LevelRank   int
	Cells       []matrixCell
}

// legendEntry explains one kind of cell.
type legendEntry struct {
	Link, Symbol, Label, Description string
}

// matrixView is /vendors/: the matrix, its legend and its filters.
type matrixView struct {
	Categories []categoryHead
	Rows       []matrixRow
	Legend     []legendEntry
	Filters    searchFacets // kinds and platforms that occur, and levels
	Levels     []labelled
	Heatmap    string // URL of the SVG picture of the matrix

	b    *builder
	lang string
}

// RowsHTML is the body of the matrix, minified (render_tables.go).
func (v matrixView) RowsHTML() (minifiedHTML, error) { return v.b.matrixRowsHTML(v.lang, v.Rows) }

// categoryHead is a column of the matrix.
type categoryHead struct {
	ID, Label, Description, URL string
}

// notCollected is the text of an empty cell, by language.
func (b *builder) notCollected(lang string) string {
	s, err := b.in.Templates.text(lang, "matrix.none")
	if err != nil {
		return "not collected"
	}
	return s
}

// displayName is the vendor and the product, without saying the vendor
// twice when the product's name starts with it ("HP HP laptops").
func displayName(r *vendor.Record) string {
	if r.Vendor == "" || hasPrefixFold(r.Product, r.Vendor) {
		return r.Product
	}
	return r.Vendor + " " + r.Product
}

// hasPrefixFold is strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix))
// without making the two strings when both are ASCII, as names mostly
// are: every page, table row and export that names a record asks.
func hasPrefixFold(s, prefix string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix))
		}
	}
	for i := 0; i < len(prefix); i++ {
		if prefix[i] >= utf8.RuneSelf {
			return strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix))
		}
	}
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// matrixRows returns the rows of the matrix in lang, in record order,
// computed once per build: the matrix page, the compare columns and the
// heatmap all show them. Callers must not change them.
func (b *builder) matrixRows(lang string) []matrixRow {
	b.memo.mu.Lock()
	rows, ok := b.memo.matrix[lang]
	b.memo.mu.Unlock()
	if ok {
		return rows
	}
	rows = b.computeMatrixRows(lang) // outside the lock: the languages in parallel
	b.memo.mu.Lock()
	defer b.memo.mu.Unlock()
	if b.memo.matrix == nil {
		b.memo.matrix = map[string][]matrixRow{}
	}
	if first, ok := b.memo.matrix[lang]; ok {
		return first
	}
	b.memo.matrix[lang] = rows
	return rows
}

// computeMatrixRows computes the rows of the matrix in lang.
func (b *builder) computeMatrixRows(lang string) []matrixRow {
	tx := b.in.Taxonomy
	rows := make([]matrixRow, len(b.in.Records))
	for i, r := range b.in.Records {
		s := b.vendorSummary(r, lang)
		row := matrixRow{
			vendorSummary: s,
			SortName:      strings.ToLower(s.Name),
			KindID:        r.Kind,
			PlatformIDs:   strings.Join(r.Platforms, " "),
			LevelRank:     levelRank(s.Verdict.Level),
		}
		worst := worstLinks(r)
		items := collectedItems(r, lang)
		// Sized once: grown by appending, the cells of 20,000 rows left
		// as much again in garbage, and a capacity of 32 for 18 cells.
		row.Cells = make([]matrixCell, 0, len(tx.Categories))
		for _, cat := range tx.Categories {
			link, ok := worst[cat.ID]
			cell := matrixCell{Category: cat.ID, Link: cellNone, Symbol: linkSymbols[cellNone], Text: b.notCollected(lang)}
			if ok {
				cell.Link, cell.Symbol, cell.Items = link, linkSymbols[link], items[cat.ID]
				cell.Text = link
				if t, found := vendor.Find(tx.Links, link); found {
					cell.Text = t.In(lang).Label
				}
			}
			cell.Rank = linkRank(cell.Link)
			row.Cells = append(row.Cells, cell)
		}
		rows[i] = row
	}
	return rows
}

// collectedItems lists, per category, the items a record names, in lang
// where translated.
func collectedItems(r *vendor.Record, lang string) map[string][]string {
	tr := r.Translations[lang]
	out := map[string][]string{}
	for i, c := range r.Collects {
		items := c.Items
		if i < len(tr.Collects) && len(tr.Collects[i].Items) > 0 {
			items = tr.Collects[i].Items
		}
		out[c.Category] = append(out[c.Category], items...)
	}
	return out
}

// legend explains the cells in lang, most tied first.
func (b *builder) legend(lang string) []legendEntry {
	var out []legendEntry
	for _, l := range linkOrder {
		e := legendEntry{Link: l, Symbol: linkSymbols[l], Label: l}
		if t, ok := vendor.Find(b.in.Taxonomy.Links, l); ok {
			e.Label, e.Description = t.In(lang).Label, t.In(lang).Description
		}
		out = append(out, e)
	}
	none := legendEntry{Link: cellNone, Symbol: linkSymbols[cellNone], Label: b.notCollected(lang)}
	if s, err := b.in.Templates.text(lang, "matrix.none.description"); err == nil {
		none.Description = s
	}
	return append(out, none)
}

func (b *builder) categoryHeads(lang string) []categoryHead {
	var out []categoryHead
	for _, c := range b.in.Taxonomy.Categories {
		t := c.In(lang)
		out = append(out, categoryHead{ID: c.ID, Label: t.Label, Description: t.Description,
			URL: course.Localize(lang, "/categories/"+c.ID+"/")})
	}
	return out
}

// levelLabels names the verdict levels in lang, best first.
func levelLabels(lang string) []labelled {
	var out []labelled
	for _, l := range verdict.Levels() {
		out = append(out, labelled{ID: string(l), Label: l.In(lang).Title})
	}
	return out
}

// usedFacets are the kinds and platforms that at least one record has, in
// taxonomy order, so no filter offers an empty choice.
func (b *builder) usedFacets(lang string) searchFacets {
	kinds, platforms := map[string]bool{}, map[string]bool{}
	for _, r := range b.in.Records {
		kinds[r.Kind] = true
		for _, p := range r.Platforms {
			platforms[p] = true
		}
	}
	pick := func(terms []vendor.Term, used map[string]bool) []labelled {
		var out []labelled
		for _, t := range terms {
			if used[t.ID] {
				out = append(out, labelled{ID: t.ID, Label: t.In(lang).Label})
			}
		}
		return out
	}
	tx := b.in.Taxonomy
	return searchFacets{Kinds: pick(tx.Kinds, kinds), Platforms: pick(tx.Platforms, platforms)}
}

func (b *builder) matrixPages() []*Page {
	return localized("/vendors/", func(lang, url string) *Page {
		v := matrixView{
			Categories: b.categoryHeads(lang),
			Rows:       b.matrixRows(lang),
			Legend:     b.legend(lang),
			Filters:    b.usedFacets(lang),
			Levels:     levelLabels(lang),
			Heatmap:    heatmapPath(lang),
			b:          b,
			lang:       lang,
		}
		title, _ := b.in.Templates.text(lang, "vendors.title")
		return &Page{Template: "vendors", Section: "vendors", Title: title, Data: v}
	})
}
