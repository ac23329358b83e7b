package site

// compareView is /compare/: every record as a column, the categories as
// rows. Without JavaScript the page shows them all; tables.js narrows the
// table to the two to four records named in the URL (?v=a&v=b).
type compareView struct {
	Categories []categoryHead
	Rows       []matrixRow
	Legend     []legendEntry
	Max        int // how many records can be compared at once
}

// compareMax is the most records /compare/ shows side by side.
const compareMax = 4

func (b *builder) comparePages() []*Page {
	return localized("/compare/", func(lang, url string) *Page {
		v := compareView{Categories: b.categoryHeads(lang), Rows: b.matrixRows(lang), Legend: b.legend(lang), Max: compareMax}
		title, _ := b.in.Templates.text(lang, "compare.title")
		return &Page{Template: "compare", Section: "compare", Title: title, Data: v}
	})
}
