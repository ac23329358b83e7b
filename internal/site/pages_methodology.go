package site

import (
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// methodologyView is /methodology/, laid out from verdict.Methodology():
// the page and the code that computes verdicts read the same rules.
type methodologyView struct {
	Levels  []methodLevel
	Notes   []verdict.Text
	Links   []legendEntry
	Private []categoryHead
}

// methodLevel is one verdict level with the rules that lead to it.
type methodLevel struct {
	Level verdict.Level
	Text  verdict.Text
	Rules []methodRule
}

// methodRule is one rule in the page's language.
type methodRule struct {
	ID    string
	Scope string // item or record
	Text  verdict.Text
}

func (b *builder) methodologyView(lang string) methodologyView {
	m := verdict.Methodology()
	pick := func(en, ru verdict.Text) verdict.Text {
		if lang == "ru" && ru.Title != "" {
			return ru
		}
		return en
	}
	var v methodologyView
	// Worst level first, as the rules are ordered.
	for i := len(m.Levels) - 1; i >= 0; i-- {
		li := m.Levels[i]
		ml := methodLevel{Level: li.Level, Text: pick(li.En, li.Ru)}
		for _, r := range m.Rules {
			if r.Level == li.Level {
				ml.Rules = append(ml.Rules, methodRule{ID: r.ID, Scope: r.Scope, Text: pick(r.En, r.Ru)})
			}
		}
		v.Levels = append(v.Levels, ml)
	}
	for _, n := range m.Notes {
		v.Notes = append(v.Notes, pick(n.En, n.Ru))
	}
	v.Links = b.legend(lang)
	for _, id := range m.PrivateCategories {
		h := categoryHead{ID: id, Label: id, URL: course.Localize(lang, "/categories/"+id+"/")}
		if t, ok := vendor.Find(b.in.Taxonomy.Categories, id); ok {
			h.Label, h.Description = t.In(lang).Label, t.In(lang).Description
		}
		v.Private = append(v.Private, h)
	}
	return v
}

func (b *builder) methodologyPages() []*Page {
	return localized("/methodology/", func(lang, url string) *Page {
		title, _ := b.in.Templates.text(lang, "methodology.title")
		return &Page{Template: "methodology", Section: "methodology", Title: title, Data: b.methodologyView(lang)}
	})
}
