package site

import (
	"html/template"

	"github.com/telemetry-atlas/atlas/internal/course"
)

// incidentsView is /incidents/: every record's incidents, newest first,
// grouped by year, with the Atom feed of the same list.
type incidentsView struct {
	Years []incidentYear
	Feed  string // the feed's site path
	Count int
}

// incidentYear is one year of the timeline.
type incidentYear struct {
	Year      string
	Incidents []incidentView

	b    *builder
	lang string
}

// ItemsHTML is the year's list items (render_tables.go).
func (y incidentYear) ItemsHTML() (template.HTML, error) {
	return y.b.incidentsHTML(y.lang, y.Incidents)
}

// feedEntries is how many incidents the Atom feed carries, newest first.
// Readers fetch a feed again and again, so it holds what is new, not the
// history: that is the incidents page. At 10,000 records the whole list
// was 6 MB a feed.
const feedEntries = 100

// feedPath is where the Atom feed of incidents is published in lang.
func feedPath(lang string) string {
	if lang == course.Languages[0] {
		return "/incidents.xml"
	}
	return "/" + lang + "/incidents.xml"
}

func (b *builder) incidentsPages() []*Page {
	return localized("/incidents/", func(lang, url string) *Page {
		v := incidentsView{Feed: feedPath(lang)}
		for _, inc := range b.incidents(lang) {
			v.Count++
			year := inc.Date
			if len(year) >= 4 {
				year = year[:4]
			}
			if n := len(v.Years); n == 0 || v.Years[n-1].Year != year {
				v.Years = append(v.Years, incidentYear{Year: year, b: b, lang: lang})
			}
			y := &v.Years[len(v.Years)-1]
			y.Incidents = append(y.Incidents, inc)
		}
		title, _ := b.in.Templates.text(lang, "incidents.title")
		return &Page{Template: "incidents", Section: "incidents", Title: title, Data: v}
	})
}
