package site

import (
	"sort"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/export"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// homeView is the front page: where the course starts, the vendors, the
// latest incidents.
type homeView struct {
	FirstChapter *course.Doc
	Chapters     []*course.Doc
	Vendors      []vendorSummary
	Incidents    []incidentView
	// AllVendors and AllChapters count what the lists above would hold
	// whole; they are set only when a list is cut at homeListed.
	AllVendors, AllChapters int
}

// homeListed is the most vendors, and chapters, the home page lists: the
// whole atlas is the matrix's and the course index's to show.
const homeListed = 24

func (b *builder) homePages() []*Page {
	return localized("/", func(lang, url string) *Page {
		chs := b.chapters(lang)
		v := homeView{Chapters: chs}
		if len(chs) > 0 {
			v.FirstChapter = chs[0]
		}
		if len(chs) > homeListed {
			v.Chapters, v.AllChapters = chs[:homeListed], len(chs)
		}
		recs := b.in.Records
		if len(recs) > homeListed {
			recs, v.AllVendors = recs[:homeListed], len(recs)
		}
		for _, r := range recs {
			v.Vendors = append(v.Vendors, b.vendorSummary(r, lang))
		}
		inc := b.incidents(lang)
		if len(inc) > 5 {
			inc = inc[:5:5]
		}
		v.Incidents = inc
		return &Page{Template: "home", Section: "home", Data: v}
	})
}

func (b *builder) searchPages() []*Page {
	return localized("/search/", func(lang, url string) *Page {
		return &Page{Template: "search", Section: "search", Data: b.searchFacets(lang)}
	})
}

// searchFacets are the filters the search page offers.
type searchFacets struct {
	Kinds, Platforms, Categories []labelled
}

type labelled struct {
	ID, Label string
}

func (b *builder) searchFacets(lang string) searchFacets {
	conv := func(terms []vendor.Term) []labelled {
		out := make([]labelled, len(terms))
		for i, t := range terms {
			out[i] = labelled{ID: t.ID, Label: t.In(lang).Label}
		}
		return out
	}
	tx := b.in.Taxonomy
	return searchFacets{Kinds: conv(tx.Kinds), Platforms: conv(tx.Platforms), Categories: conv(tx.Categories)}
}

func (b *builder) notFoundPages() []*Page {
	var out []*Page
	var alts []Alternate
	for _, lang := range course.Languages {
		url := "/404.html"
		if lang != course.Languages[0] {
			url = "/" + lang + "/404.html"
		}
		out = append(out, &Page{Lang: lang, URL: url, Template: "404", NoIndex: true})
		alts = append(alts, Alternate{Lang: lang, URL: url})
	}
	for _, p := range out {
		p.Alternates = alts // the language switcher works on the error page too
	}
	return out
}

// incidents lists every record's incidents in lang, newest first. The
// home page, the timeline and each record's page ask for it, so it is made
// once per language; callers must not change it.
func (b *builder) incidents(lang string) []incidentView {
	b.memo.mu.Lock()
	defer b.memo.mu.Unlock()
	if out, ok := b.memo.incidents[lang]; ok {
		return out
	}
	if b.memo.incidents == nil {
		b.memo.incidents = map[string][]incidentView{}
	}
	out := b.listIncidents(lang)
	b.memo.incidents[lang] = out
	return out
}

// incidentText is the title and summary of r's incident i in lang, and
// whether the title is translated (in English, it is the record's own).
func incidentText(r *vendor.Record, i int, lang string) (title, summary string, translated bool) {
	inc := r.Incidents[i]
	title, summary = inc.Title, inc.Summary
	if lang == "en" {
		return title, summary, true
	}
	if tr := r.Translations[lang]; i < len(tr.Incidents) {
		if t := tr.Incidents[i]; t.Title != "" {
			title, translated = t.Title, true
		}
		if t := tr.Incidents[i]; t.Summary != "" {
			summary = t.Summary
		}
	}
	return title, summary, translated
}

// newestIncidents returns the indexes of r's incidents, newest first, as
// the incident list orders them (listIncidents: by date, then in the
// record's order).
func newestIncidents(r *vendor.Record) []int {
	order := make([]int, len(r.Incidents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		return r.Incidents[order[x]].Date.String() > r.Incidents[order[y]].Date.String()
	})
	return order
}

// incidentView is r's incident i in lang, as the pages show it.
func (b *builder) incidentView(r *vendor.Record, i int, lang string) incidentView {
	inc := r.Incidents[i]
	iv := incidentView{Record: r, Name: displayName(r), Date: inc.Date.String(), Sources: inc.Sources}
	var translated bool
	iv.Title, iv.Summary, translated = incidentText(r, i, lang)
	if lang != "en" && !translated {
		iv.ContentLang = "en"
	}
	iv.SummaryHTML = b.text.Inline(lang, iv.Summary)
	iv.Anchor = export.IncidentAnchor(r, i)
	return iv
}

// listIncidents makes the list that incidents keeps.
func (b *builder) listIncidents(lang string) []incidentView {
	var out []incidentView
	for _, r := range b.in.Records {
		for i := range r.Incidents {
			out = append(out, b.incidentView(r, i, lang))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return out[i].Record.ID < out[j].Record.ID
	})
	return out
}
