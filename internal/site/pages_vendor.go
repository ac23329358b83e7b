package site

import (
	"html/template"
	"strings"
	"time"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/export"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// reviewAge is how old a record's review may be before the page says it
// needs another.
const reviewAge = 365 * 24 * time.Hour

// vendorSummary is one row of a vendor list.
type vendorSummary struct {
	Record    *vendor.Record
	Name      string // vendor and product, the vendor named once
	URL       string
	Kind      string
	Platforms []string
	Verdict   verdict.Verdict
	Level     verdict.Text
}

// vendorView is everything a vendor page shows, in one language.
type vendorView struct {
	vendorSummary
	Summary     template.HTML
	Versions    string
	ContentLang string // "en" when the record has no translation into the page's language
	Reasons     []reasonView
	Collects    []collectView
	Ways        []wayView
	Endpoints   []endpointView
	Incidents   []incidentView
	Sources     []sourceView
	Reviewed    string
	NeedsReview bool
	EditURL     string
	JSONURL     string
	HostsURL    string // the record's hosts file, when it lists endpoints
	// HostsSnippet is the record's endpoints as hosts lines, highlighted.
	HostsSnippet template.HTML
}

type reasonView struct {
	Rule    string // the rule's id, an anchor on /methodology/
	Level   verdict.Level
	Label   string
	Alleged bool
	Text    string
}

type collectView struct {
	Category  labelled
	Items     []string
	Linked    labelled
	Purposes  []labelled
	Default   string
	OffSwitch string
	Disclosed string
	Status    string
	Note      template.HTML
	Level     verdict.Level
	LevelText string
	Sources   []sourceRef
}

type sourceRef struct {
	N  int
	ID string
}

type wayView struct {
	Way      string
	Controls []controlView
}

type controlView struct {
	Kind    labelled
	How     template.HTML
	Snippet template.HTML // highlighted by chroma, classes only
	Stops   string
	Sources []sourceRef
}

type endpointView struct {
	Host    string
	Purpose string
	Sources []sourceRef
}

type incidentView struct {
	Record      *vendor.Record
	Name        string // the product, the vendor named once
	Date        string
	Anchor      string
	Title       string
	Summary     string
	SummaryHTML template.HTML
	Sources     []string
	Refs        []sourceRef
	// ContentLang is "en" when the incident is shown untranslated on a page
	// in another language.
	ContentLang string
}

type sourceView struct {
	N         int
	Source    vendor.Source
	Published string
	Accessed  string
}

func (b *builder) vendorPages() []*Page {
	var out []*Page
	for _, r := range b.in.Records {
		out = append(out, b.recordPages(r)...)
	}
	return out
}

// recordPages are the pages of one record, one in each language.
func (b *builder) recordPages(r *vendor.Record) []*Page {
	return localized("/vendors/"+r.ID+"/", func(lang, url string) *Page {
		// The view is made when the page is written, not here: the list
		// of pages then holds no record's markup.
		return &Page{Section: "vendors", Title: displayName(r),
			Description: localText(r, lang).Summary, ContentLang: contentLang(r, lang),
			Main: func(w *pageWriter) {
				v := b.vendorView(r, lang)
				w.vendorMain(&v)
			}, minimal: true}
	})
}

// recordText is a record's text in one language: each field's translation
// where the record has one, the English original where it has not. Lists
// follow the record's lists by position.
type recordText struct {
	Summary, Versions string
	Items             [][]string // collects[i].items
	Notes             []string   // collects[i].note
	Purposes          []string   // endpoints[i].purpose
	Hows              []string   // controls[i].how
}

func localText(r *vendor.Record, lang string) recordText {
	tr := r.Translations[lang]
	pick := func(en, local string) string {
		if local != "" {
			return local
		}
		return en
	}
	t := recordText{Summary: pick(r.Summary, tr.Summary), Versions: pick(r.Versions, tr.Versions)}
	for i, c := range r.Collects {
		items, note := c.Items, c.Note
		if i < len(tr.Collects) {
			if len(tr.Collects[i].Items) > 0 {
				items = tr.Collects[i].Items
			}
			note = pick(note, tr.Collects[i].Note)
		}
		t.Items = append(t.Items, items)
		t.Notes = append(t.Notes, note)
	}
	for i, e := range r.Endpoints {
		purpose := e.Purpose
		if i < len(tr.Endpoints) {
			purpose = pick(purpose, tr.Endpoints[i].Purpose)
		}
		t.Purposes = append(t.Purposes, purpose)
	}
	for i, c := range r.Controls {
		how := c.How
		if i < len(tr.Controls) {
			how = pick(how, tr.Controls[i].How)
		}
		t.Hows = append(t.Hows, how)
	}
	return t
}

func (b *builder) vendorSummaries(lang string) []vendorSummary {
	out := make([]vendorSummary, len(b.in.Records))
	for i, r := range b.in.Records {
		out[i] = b.vendorSummary(r, lang)
	}
	return out
}

func (b *builder) vendorSummary(r *vendor.Record, lang string) vendorSummary {
	tx := b.in.Taxonomy
	s := vendorSummary{Record: r, Name: displayName(r), URL: course.Localize(lang, "/vendors/"+r.ID+"/"), Verdict: b.judge(r)}
	s.Kind = b.kindLabel(r, lang)
	for _, p := range r.Platforms {
		if t, ok := vendor.Find(tx.Platforms, p); ok {
			s.Platforms = append(s.Platforms, t.In(lang).Label)
		}
	}
	s.Level = s.Verdict.Level.In(lang)
	return s
}

// contentLang is "en" when the record has no translation into lang.
func contentLang(r *vendor.Record, lang string) string {
	if _, translated := r.Translations[lang]; lang != "en" && !translated {
		return "en"
	}
	return ""
}

func (b *builder) vendorView(r *vendor.Record, lang string) vendorView {
	tx := b.in.Taxonomy
	txt := localText(r, lang)
	v := vendorView{vendorSummary: b.vendorSummary(r, lang), Versions: txt.Versions}
	v.ContentLang = contentLang(r, lang)
	v.Summary = b.text.Block(lang, txt.Summary)

	// The lists are sized once: a view is made for every record in every
	// language, and growing them by appending left as much in garbage.
	v.Sources = make([]sourceView, 0, len(r.Sources))
	v.Reasons = make([]reasonView, 0, len(v.Verdict.Reasons))
	v.Collects = make([]collectView, 0, len(r.Collects))
	numbers := map[string]int{}
	for i, s := range r.Sources {
		numbers[s.ID] = i + 1
		v.Sources = append(v.Sources, sourceView{N: i + 1, Source: s, Published: s.Published.String(), Accessed: s.Accessed.String()})
	}
	refs := func(ids []string) []sourceRef {
		out := make([]sourceRef, 0, len(ids))
		for _, id := range ids {
			out = append(out, sourceRef{N: numbers[id], ID: id})
		}
		return out
	}
	term := func(terms []vendor.Term, id string) labelled {
		if t, ok := vendor.Find(terms, id); ok {
			return labelled{ID: id, Label: t.In(lang).Label}
		}
		return labelled{ID: id, Label: id}
	}
	for _, rs := range v.Verdict.Reasons {
		v.Reasons = append(v.Reasons, reasonView{Rule: rs.Rule, Level: rs.Level, Label: rs.Level.In(lang).Title, Alleged: rs.Alleged, Text: rs.In(lang)})
	}
	for i, c := range r.Collects {
		cv := collectView{
			Category: term(tx.Categories, c.Category), Items: txt.Items[i], Linked: term(tx.Links, c.Linked),
			Default: c.Default, OffSwitch: c.OffSwitch, Disclosed: c.Disclosed, Status: c.Status,
			Sources: refs(c.Sources),
		}
		if note := txt.Notes[i]; note != "" {
			cv.Note = b.text.Inline(lang, note)
		}
		for _, p := range c.Purposes {
			cv.Purposes = append(cv.Purposes, term(tx.Purposes, p))
		}
		if i < len(v.Verdict.Items) {
			cv.Level = v.Verdict.Items[i].Level
			cv.LevelText = cv.Level.In(lang).Title
		}
		v.Collects = append(v.Collects, cv)
	}
	ways := map[string]*wayView{}
	order := []string{"turn-off", "block", "stop-using"}
	for _, w := range order {
		ways[w] = &wayView{Way: w}
	}
	for i, c := range r.Controls {
		k := term(tx.Controls, c.Kind)
		cv := controlView{Kind: k, How: b.text.Inline(lang, txt.Hows[i]), Stops: c.Stops, Sources: refs(c.Sources)}
		if c.Snippet != "" {
			cv.Snippet = b.highlight(c.Lang, c.Snippet)
		}
		way := "turn-off"
		if t, ok := vendor.Find(tx.Controls, c.Kind); ok && t.Way != "" {
			way = t.Way
		}
		ways[way].Controls = append(ways[way].Controls, cv)
	}
	for _, w := range order {
		if len(ways[w].Controls) > 0 {
			v.Ways = append(v.Ways, *ways[w])
		}
	}
	for i, e := range r.Endpoints {
		v.Endpoints = append(v.Endpoints, endpointView{Host: e.Host, Purpose: txt.Purposes[i], Sources: refs(e.Sources)})
	}
	for _, inc := range b.recordIncidents(r, lang) {
		inc.Refs = refs(inc.Sources)
		v.Incidents = append(v.Incidents, inc)
	}
	v.Reviewed = r.Reviewed.String()
	if !r.Reviewed.IsZero() && !b.in.Today.IsZero() {
		v.NeedsReview = b.in.Today.Time().Sub(r.Reviewed.Time()) > reviewAge
	}
	v.EditURL = b.in.Config.Repository + "/edit/" + b.in.Config.Branch + "/vendors/" + r.ID + ".yaml"
	v.JSONURL = apiVendorJSON(r.ID)
	if len(r.Endpoints) > 0 {
		v.HostsURL = apiVendorHosts(r.ID)
		v.HostsSnippet = b.hostsSnippet(r)
	}
	return v
}

// hostsSnippet is the ready-to-copy hosts lines that block every valid
// endpoint of the record, in the form of the hosts export.
func (b *builder) hostsSnippet(r *vendor.Record) template.HTML {
	var lines []string
	seen := map[string]bool{}
	for _, e := range r.Endpoints {
		if h, ok := export.HostName(e.Host); ok && !seen[h] {
			seen[h] = true
			lines = append(lines, "0.0.0.0 "+h)
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return b.highlight("hosts", strings.Join(lines, "\n")+"\n")
}

// highlight returns code highlighted as lang, or escaped in a plain block
// when lang has no lexer. A record's snippets show on its page in every
// language: each is highlighted once per build.
func (b *builder) highlight(lang, code string) template.HTML {
	type key struct{ lang, code string }
	if html, ok := b.snippets.Load(key{lang, code}); ok {
		return html.(template.HTML)
	}
	html := template.HTML("<pre><code>" + template.HTMLEscapeString(code) + "</code></pre>")
	if s, err := b.highlighter.String(lang, code); err == nil {
		html = template.HTML(s)
	}
	b.snippets.Store(key{lang, code}, html)
	return html
}
