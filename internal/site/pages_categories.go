package site

import (
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// categoryView is /categories/<id>/: what the category is, its Apple and
// Google equivalents, and every record that collects it.
type categoryView struct {
	categoryHead
	Apple, Google string
	Private       bool // a private-life category of the verdict rules
	Collectors    []categoryEntry
	Total         int // records in the atlas
	Collecting    int // records that collect it
	Tied          int // collectors whose worst item of the category is tied to the person or a fixed ID
	CanOff        int // collectors all of whose items of the category can be stopped

	b    *builder
	lang string
}

// CollectorsHTML is the body of the table of collectors, minified
// (render_tables.go).
func (v categoryView) CollectorsHTML() (minifiedHTML, error) {
	return v.b.collectorsHTML(v.lang, v.Collectors)
}

// categoryEntry is one collected item of the category, of one record.
type categoryEntry struct {
	Record    *vendor.Record
	Name      string
	URL       string
	Items     []string
	Link      string // link level id
	Symbol    string
	LinkText  string
	Purposes  []labelled
	Default   string
	OffSwitch string
	Status    string
	Level     verdict.Level
	LevelText string
	CanOff    bool
}

// categoriesView is /categories/: every category with how many collect it.
type categoriesView struct {
	Categories []categoryView
	Legend     []legendEntry
}

// stoppable reports whether one collected item can be stopped by the
// person: it is off until they agree, or the off switch works.
func stoppable(c vendor.Collection) bool {
	return c.Default == "off" || c.Default == "asked" || c.OffSwitch == "works"
}

// categoryViews computes every category's page in lang in one pass over
// the records, judging each record once.
func (b *builder) categoryViews(lang string) []categoryView {
	tx := b.in.Taxonomy
	private := map[string]bool{}
	for _, p := range verdict.PrivateCategories() {
		private[p] = true
	}
	views := make([]categoryView, len(tx.Categories))
	index := map[string]int{}
	for i, t := range tx.Categories {
		text := t.In(lang)
		views[i] = categoryView{
			categoryHead: categoryHead{ID: t.ID, Label: text.Label, Description: text.Description,
				URL: course.Localize(lang, "/categories/"+t.ID+"/")},
			Apple: t.Apple, Google: t.Google, Total: len(b.in.Records), Private: private[t.ID],
			b: b, lang: lang,
		}
		index[t.ID] = i
	}
	// Each category's list is sized once: grown by appending, the lists
	// of 10,000 records left as much in garbage and kept up to twice
	// their length.
	counts := make([]int, len(views))
	for _, r := range b.in.Records {
		for _, c := range r.Collects {
			if k, ok := index[c.Category]; ok {
				counts[k]++
			}
		}
	}
	for k, n := range counts {
		views[k].Collectors = make([]categoryEntry, 0, n)
	}
	for _, r := range b.in.Records {
		if len(r.Collects) == 0 {
			continue
		}
		judged := b.judge(r)
		tr := r.Translations[lang]
		tied, canOff := map[int]bool{}, map[int]bool{}
		for i, c := range r.Collects {
			k, ok := index[c.Category]
			if !ok {
				continue
			}
			e := categoryEntry{Record: r, Name: displayName(r), URL: course.Localize(lang, "/vendors/"+r.ID+"/"), Items: c.Items,
				Link: c.Linked, Symbol: linkSymbols[c.Linked], LinkText: c.Linked,
				Default: c.Default, OffSwitch: c.OffSwitch, Status: c.Status, CanOff: stoppable(c)}
			if e.Symbol == "" || c.Linked == cellNone {
				e.Link, e.Symbol = "unknown", linkSymbols["unknown"]
			}
			if i < len(tr.Collects) && len(tr.Collects[i].Items) > 0 {
				e.Items = tr.Collects[i].Items
			}
			if l, ok := vendor.Find(tx.Links, c.Linked); ok {
				e.LinkText = l.In(lang).Label
			}
			for _, p := range c.Purposes {
				lp := labelled{ID: p, Label: p}
				if pt, ok := vendor.Find(tx.Purposes, p); ok {
					lp.Label = pt.In(lang).Label
				}
				e.Purposes = append(e.Purposes, lp)
			}
			if i < len(judged.Items) {
				e.Level = judged.Items[i].Level
				e.LevelText = e.Level.In(lang).Title
			}
			if _, seen := canOff[k]; !seen {
				canOff[k] = true
			}
			tied[k] = tied[k] || c.Linked == "identified" || c.Linked == "pseudonymous"
			canOff[k] = canOff[k] && e.CanOff
			views[k].Collectors = append(views[k].Collectors, e)
		}
		for k := range canOff {
			views[k].Collecting++
			if tied[k] {
				views[k].Tied++
			}
			if canOff[k] {
				views[k].CanOff++
			}
		}
	}
	return views
}

func (b *builder) categoryPages() []*Page {
	views := map[string][]categoryView{}
	for _, lang := range course.Languages {
		views[lang] = b.categoryViews(lang)
	}
	var out []*Page
	out = append(out, localized("/categories/", func(lang, url string) *Page {
		v := categoriesView{Categories: views[lang], Legend: b.legend(lang)}
		title, _ := b.in.Templates.text(lang, "categories.title")
		return &Page{Template: "categories", Section: "categories", Title: title, Data: v}
	})...)
	for i, t := range b.in.Taxonomy.Categories {
		out = append(out, localized("/categories/"+t.ID+"/", func(lang, url string) *Page {
			v := views[lang][i]
			return &Page{Template: "category", Section: "categories", Title: v.Label, Description: v.Description, Data: v}
		})...)
	}
	return out
}
