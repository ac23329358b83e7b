package export

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// Feed describes one Atom feed of incidents.
type Feed struct {
	// BaseURL is the site's absolute address without a trailing slash, as
	// https://atlas.example.
	BaseURL string
	// Lang is the feed's language, "en" or "ru": it picks the texts (with
	// English as the fallback) and the pages linked (/ru/... for Russian).
	Lang string
	// Title is the feed's title in Lang.
	Title string
	// Path is the feed's own path on the site, as /incidents/atom.xml or
	// /ru/incidents/atom.xml.
	Path string
	// Updated is the feed's date when there are no incidents at all;
	// otherwise the newest incident's date is used, so the feed only
	// changes when the incidents do.
	Updated vendor.Date
	// Limit caps the number of entries; 0 means all.
	Limit int
}

// IncidentAnchor returns the fragment id of incident i of r, unique across
// the site ("incident-<record id>-<date>", with "-2", "-3"… for further
// incidents of the record on the same day), for the renderer to put on the
// vendor and incident pages and for the feed to link to.
func IncidentAnchor(r *vendor.Record, i int) string {
	d := r.Incidents[i].Date
	n := 1
	for j := range i {
		if r.Incidents[j].Date == d {
			n++
		}
	}
	a := "incident-" + r.ID + "-" + d.String()
	if n > 1 {
		a += fmt.Sprintf("-%d", n)
	}
	return a
}

type (
	atomFeed struct {
		XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string      `xml:"xml:lang,attr"`
		ID      string      `xml:"id"`
		Title   atomText    `xml:"title"`
		Updated string      `xml:"updated"`
		Links   []atomLink  `xml:"link"`
		Author  atomPerson  `xml:"author"`
		Rights  string      `xml:"rights"`
		Entries []atomEntry `xml:"entry"`
	}
	atomEntry struct {
		Lang      string       `xml:"xml:lang,attr,omitempty"`
		ID        string       `xml:"id"`
		Title     atomText     `xml:"title"`
		Updated   string       `xml:"updated"`
		Published string       `xml:"published"`
		Link      atomLink     `xml:"link"`
		Category  atomCategory `xml:"category"`
		Summary   atomText     `xml:"summary"`
	}
	atomText struct {
		Type string `xml:"type,attr"`
		Text string `xml:",chardata"`
	}
	atomLink struct {
		Rel      string `xml:"rel,attr"`
		Type     string `xml:"type,attr,omitempty"`
		Hreflang string `xml:"hreflang,attr,omitempty"`
		Href     string `xml:"href,attr"`
	}
	atomPerson struct {
		Name string `xml:"name"`
	}
	atomCategory struct {
		Term  string `xml:"term,attr"`
		Label string `xml:"label,attr"`
	}
)

// IncidentsAtom returns an Atom 1.0 feed of the records' incidents, newest
// first (ties by record id, then by position in the record). Each entry's id
// and link is the incident on its vendor page: the page URL and the
// incident's anchor (IncidentAnchor). Text is plain (type="text"): Markdown
// links keep their text and emphasis marks are dropped; encoding/xml escapes
// the rest.
func IncidentsAtom(records []*vendor.Record, f Feed) ([]byte, error) {
	base := strings.TrimSuffix(f.BaseURL, "/")
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("export: feed base URL %q is not an absolute http(s) URL", f.BaseURL)
	}
	lang := f.Lang
	if lang == "" {
		lang = "en"
	}
	prefix := ""
	if lang != "en" {
		prefix = "/" + url.PathEscape(lang)
	}

	type inc struct {
		r *vendor.Record
		i int
	}
	var all []inc
	for _, r := range records {
		for i := range r.Incidents {
			all = append(all, inc{r, i})
		}
	}
	slices.SortStableFunc(all, func(a, b inc) int {
		if c := b.r.Incidents[b.i].Date.Time().Compare(a.r.Incidents[a.i].Date.Time()); c != 0 {
			return c
		}
		if c := cmp.Compare(a.r.ID, b.r.ID); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	if f.Limit > 0 && len(all) > f.Limit {
		all = all[:f.Limit]
	}

	feed := atomFeed{
		Lang:  lang,
		ID:    base + prefix + "/incidents/",
		Title: atomText{Type: "text", Text: f.Title},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + f.Path},
			{Rel: "alternate", Type: "text/html", Href: base + prefix + "/incidents/"},
		},
		Author:  atomPerson{Name: "Telemetry Atlas"},
		Rights:  License,
		Entries: make([]atomEntry, len(all)),
	}
	feed.Updated = stamp(f.Updated)
	if len(all) > 0 {
		feed.Updated = stamp(all[0].r.Incidents[all[0].i].Date)
	}
	for k, x := range all {
		in := x.r.Incidents[x.i]
		title, summary, entryLang := in.Title, in.Summary, ""
		if t, ok := x.r.Translations[lang]; ok && x.i < len(t.Incidents) && t.Incidents[x.i].Title != "" {
			title = t.Incidents[x.i].Title
			if t.Incidents[x.i].Summary != "" {
				summary = t.Incidents[x.i].Summary
			}
		} else if lang != "en" {
			entryLang = "en"
		}
		link := base + prefix + "/vendors/" + url.PathEscape(x.r.ID) + "/#" + url.PathEscape(IncidentAnchor(x.r, x.i))
		feed.Entries[k] = atomEntry{
			Lang:      entryLang,
			ID:        link,
			Title:     atomText{Type: "text", Text: plain(title)},
			Updated:   stamp(in.Date),
			Published: stamp(in.Date),
			Link:      atomLink{Rel: "alternate", Type: "text/html", Href: link},
			Category:  atomCategory{Term: x.r.ID, Label: oneLine(x.r.Vendor + " " + x.r.Product)},
			Summary:   atomText{Type: "text", Text: plain(summary)},
		}
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return nil, fmt.Errorf("export: encoding the incidents feed: %w", err)
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}

// stamp writes a day as an RFC 3339 date-time, as Atom requires.
func stamp(d vendor.Date) string {
	if d.IsZero() {
		return "1970-01-01T00:00:00Z"
	}
	return d.String() + "T00:00:00Z"
}

var (
	mdLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	// mdMarks is made once: building a Replacer costs more than using it,
	// and a feed of ten thousand records has tens of thousands of texts.
	mdMarks = strings.NewReplacer("**", "", "__", "", "`", "")
)

// plain turns the little Markdown a title or summary has into plain text:
// links keep their text, and bold and code marks go.
func plain(md string) string {
	s := md
	if strings.Contains(s, "[") { // most texts have no link: skip the regexp
		s = mdLink.ReplaceAllString(s, "$1")
	}
	return oneLine(mdMarks.Replace(s))
}
