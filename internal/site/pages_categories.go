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
	Tied          int // collectors whose worst item of the category is tied to the person or a fixed ID
	CanOff        int // collectors all of whose items of the category can be stopped
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

func (b *builder) categoryView(t vendor.Term, lang string) categoryView {
	tx := b.in.Taxonomy
	text := t.In(lang)
	v := categoryView{
		categoryHead: categoryHead{ID: t.ID, Label: text.Label, Description: text.Description,
			URL: course.Localize(lang, "/categories/"+t.ID+"/")},
		Apple: t.Apple, Google: t.Google, Total: len(b.in.Records),
	}
	for _, p := range verdict.PrivateCategories() {
		if p == t.ID {
			v.Private = true
		}
	}
	for _, r := range b.in.Records {
		var judged *verdict.Verdict
		tr := r.Translations[lang]
		tied, canOff, found := false, true, false
		for i, c := range r.Collects {
			if c.Category != t.ID {
				continue
			}
			if judged == nil {
				j := verdict.Judge(r, tx)
				judged = &j
			}
			found = true
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
			if c.Linked == "identified" || c.Linked == "pseudonymous" {
				tied = true
			}
			canOff = canOff && e.CanOff
			v.Collectors = append(v.Collectors, e)
		}
		if found {
			if tied {
				v.Tied++
			}
			if canOff {
				v.CanOff++
			}
		}
	}
	return v
}

// collectorCount is the number of records among the collectors.
func (v categoryView) CollectorCount() int {
	seen := map[*vendor.Record]bool{}
	for _, e := range v.Collectors {
		seen[e.Record] = true
	}
	return len(seen)
}

func (b *builder) categoryPages() []*Page {
	var out []*Page
	out = append(out, localized("/categories/", func(lang, url string) *Page {
		v := categoriesView{Legend: b.legend(lang)}
		for _, t := range b.in.Taxonomy.Categories {
			v.Categories = append(v.Categories, b.categoryView(t, lang))
		}
		title, _ := b.in.Templates.text(lang, "categories.title")
		return &Page{Template: "categories", Section: "categories", Title: title, Data: v}
	})...)
	for _, t := range b.in.Taxonomy.Categories {
		t := t
		out = append(out, localized("/categories/"+t.ID+"/", func(lang, url string) *Page {
			v := b.categoryView(t, lang)
			return &Page{Template: "category", Section: "categories", Title: v.Label, Description: v.Description, Data: v}
		})...)
	}
	return out
}
