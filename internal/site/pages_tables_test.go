package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"html"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/export"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// The tests of issue 5's pages build a small site from Go records and the
// real templates, UI strings and static files of the repository, and check
// the output against facts computed from the records.

const tablesBase = "https://atlas.example/sub/"

func tablesDay(y int, m time.Month, d int) vendor.Date { return vendor.NewDate(y, m, d) }

// tablesRecords are three small records: one with a category listed twice
// and hostile text in its names, one translated into Russian, one that lists
// nothing collected.
func tablesRecords() []*vendor.Record {
	src := []vendor.Source{{ID: "s1", Title: "A source", URL: "https://example.org/a", Publisher: "Example",
		Published: tablesDay(2020, 1, 1), Accessed: tablesDay(2026, 11, 1)}}
	return []*vendor.Record{
		{
			ID: "alpha-os", Vendor: `Alpha <b>&amp;</b> "Co"`, Product: "OS <script>x</script>", Kind: "os",
			Platforms: []string{"windows"}, Summary: "Sends things.",
			Collects: []vendor.Collection{
				{Category: "device-identifiers", Items: []string{"serial number"}, Linked: "anonymous", Purposes: []string{"security"},
					Default: "on", OffSwitch: "works", Disclosed: "documented", Status: "confirmed", Sources: []string{"s1"}},
				{Category: "diagnostics", Items: []string{"crash dumps"}, Linked: "rotating", Purposes: []string{"product-improvement"},
					Default: "asked", OffSwitch: "works", Disclosed: "documented", Status: "confirmed", Sources: []string{"s1"}},
				{Category: "device-identifiers", Items: []string{"IMEI"}, Linked: "identified", Purposes: []string{"analytics"},
					Default: "on", OffSwitch: "none", Disclosed: "undisclosed", Status: "confirmed", Sources: []string{"s1"}},
			},
			Endpoints: []vendor.Endpoint{{Host: "telemetry.alpha.example", Sources: []string{"s1"}},
				{Host: "Crash.Alpha.example.", Sources: []string{"s1"}}},
			Incidents: []vendor.Incident{
				{Date: tablesDay(2019, 3, 4), Title: "Found <out>", Summary: "Someone *found* it.", Sources: []string{"s1"}},
				{Date: tablesDay(2019, 3, 4), Title: "Same day again", Summary: "Twice.", Sources: []string{"s1"}},
			},
			Sources: src, Reviewed: tablesDay(2024, 1, 1),
		},
		{
			ID: "beta-browser", Vendor: "Beta", Product: "Browser", Kind: "browser",
			Platforms: []string{"linux", "macos"}, Summary: "Reads what you read.",
			Collects: []vendor.Collection{
				{Category: "browsing-history", Items: []string{"page addresses"}, Linked: "pseudonymous", Purposes: []string{"advertising"},
					Default: "on", OffSwitch: "ignored", Disclosed: "undisclosed", Status: "alleged", Sources: []string{"s1"}},
				{Category: "network-data", Items: []string{"IP address"}, Linked: "unknown", Purposes: []string{"unknown"},
					Default: "unknown", OffSwitch: "unknown", Disclosed: "unknown", Status: "reported", Sources: []string{"s1"}},
			},
			Endpoints: []vendor.Endpoint{{Host: "telemetry.alpha.example", Sources: []string{"s1"}}, {Host: "b.beta.example", Sources: []string{"s1"}}},
			Incidents: []vendor.Incident{{Date: tablesDay(2021, 5, 6), Title: "Caught", Summary: "Really.", Sources: []string{"s1"}}},
			Sources:   src, Reviewed: tablesDay(2026, 1, 1),
			Translations: map[string]vendor.Translation{"ru": {Summary: "Читает, что вы читаете.",
				Collects:  []vendor.CollectionTranslation{{Items: []string{"адреса страниц"}}},
				Incidents: []vendor.IncidentTranslation{{Title: "Пойман"}}}},
		},
		{
			ID: "gamma-tv", Vendor: "Gamma", Product: "TV", Kind: "device", Platforms: []string{"tv"},
			Summary: "Nothing recorded yet.", Sources: src, Reviewed: tablesDay(2026, 1, 1),
		},
	}
}

var tablesSite = sync.OnceValues(func() (tablesBuilt, error) {
	root := os.DirFS("../..")
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		return tablesBuilt{}, err
	}
	tpl, err := LoadTemplates(root, "templates", course.Languages)
	if err != nil {
		return tablesBuilt{}, err
	}
	static := publish.Files{}
	err = fs.WalkDir(root, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		static[strings.TrimPrefix(p, "static/")] = data
		return err
	})
	if err != nil {
		return tablesBuilt{}, err
	}
	cfg, _ := LoadConfig(root, "no-such-file.yaml")
	cfg.BaseURL = tablesBase
	recs := tablesRecords()
	in := Input{Config: cfg, Course: &course.Course{}, Records: recs, Taxonomy: tx, Templates: tpl, Static: static,
		Today: tablesDay(2026, 11, 22)}
	files, _, err := Build(in)
	return tablesBuilt{in: in, files: files}, err
})

type tablesBuilt struct {
	in    Input
	files publish.Files
}

func tablesBuild(t *testing.T) tablesBuilt {
	t.Helper()
	b, err := tablesSite()
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return b
}

func (b tablesBuilt) file(t *testing.T, name string) []byte {
	t.Helper()
	data, ok := b.files[name]
	if !ok {
		t.Fatalf("no file %s in the output", name)
	}
	return data
}

// element is one start tag with its attributes and the text up to the
// next tag that starts or ends a table cell or row.
type element struct {
	Tag   string
	Attrs map[string]string
	Text  string
}

// elements lists the start tags of an HTML document in order.
func elements(data []byte) []*element {
	var out []*element
	var cur, textOf *element
	l := phtml.NewLexer(parse.NewInputBytes(data))
	for {
		tt, raw := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return out
		case phtml.StartTagToken:
			cur = &element{Tag: string(bytes.ToLower(l.Text())), Attrs: map[string]string{}}
			out = append(out, cur)
			switch cur.Tag {
			case "td", "th", "tr", "li", "h1", "h2", "h3", "time", "title":
				textOf = cur
			}
		case phtml.AttributeToken:
			if cur != nil {
				cur.Attrs[string(bytes.ToLower(l.AttrKey()))] = html.UnescapeString(strings.Trim(string(l.AttrVal()), `"'`))
			}
		case phtml.EndTagToken:
			switch string(bytes.ToLower(l.Text())) {
			case "td", "th", "tr", "li", "h1", "h2", "h3", "time", "title":
				textOf = nil
			}
		case phtml.TextToken:
			if textOf != nil {
				textOf.Text += html.UnescapeString(string(raw))
			}
		}
	}
}

// expectedLinks computes independently of the site code what the matrix
// must show: per category, the most tied link level of the record's items.
func expectedLinks(r *vendor.Record) map[string]string {
	rank := map[string]int{"anonymous": 1, "rotating": 2, "unknown": 3, "pseudonymous": 4, "identified": 5}
	out := map[string]string{}
	for _, c := range r.Collects {
		if rank[c.Linked] > rank[out[c.Category]] {
			out[c.Category] = c.Linked
		}
	}
	return out
}

func TestMatrixMatchesRecords(t *testing.T) {
	b := tablesBuild(t)
	tx := b.in.Taxonomy
	for _, lang := range course.Languages {
		t.Run(lang, func(t *testing.T) {
			page := strings.TrimPrefix(course.Localize(lang, "/vendors/"), "/") + "index.html"
			els := elements(b.file(t, page))
			var cols []string
			rows := map[string][]*element{}
			var order []string
			var row string
			for _, e := range els {
				switch {
				case e.Tag == "th" && e.Attrs["data-category"] != "":
					cols = append(cols, e.Attrs["data-category"])
				case e.Tag == "tr" && e.Attrs["data-id"] != "":
					row = e.Attrs["data-id"]
					order = append(order, row)
				case e.Tag == "td" && e.Attrs["data-category"] != "" && row != "":
					rows[row] = append(rows[row], e)
				}
			}
			if want := vendor.IDs(tx.Categories); !slices.Equal(cols, want) {
				t.Fatalf("columns %v, want one per category in taxonomy order %v", cols, want)
			}
			if len(order) != len(b.in.Records) {
				t.Fatalf("%d body rows, want one per record (%d)", len(order), len(b.in.Records))
			}
			for i, r := range b.in.Records {
				if order[i] != r.ID {
					t.Errorf("row %d is %q, want %q", i, order[i], r.ID)
				}
				checkCells(t, b, lang, r, rows[r.ID])
			}
		})
	}
}

// checkCells compares the cells shown for record r, in taxonomy order,
// with what its collected items say.
func checkCells(t *testing.T, b tablesBuilt, lang string, r *vendor.Record, cells []*element) {
	t.Helper()
	tx := b.in.Taxonomy
	want := expectedLinks(r)
	if len(cells) != len(tx.Categories) {
		t.Fatalf("%s: %d cells, want %d", r.ID, len(cells), len(tx.Categories))
	}
	for j, cat := range tx.Categories {
		c := cells[j]
		link, collected := want[cat.ID]
		if !collected {
			link = "none"
		}
		if c.Attrs["data-category"] != cat.ID || c.Attrs["data-link"] != link {
			t.Errorf("%s × %s: cell says %s/%s, want %s", r.ID, cat.ID, c.Attrs["data-category"], c.Attrs["data-link"], link)
		}
		// Colour is never alone: the class, a symbol and the word.
		if !strings.Contains(c.Attrs["class"], "link-"+link) {
			t.Errorf("%s × %s: class %q lacks link-%s", r.ID, cat.ID, c.Attrs["class"], link)
		}
		word := "matrix.none"
		if collected {
			lt, _ := vendor.Find(tx.Links, link)
			word = lt.In(lang).Label
		} else {
			word, _ = b.in.Templates.text(lang, word)
		}
		if !strings.Contains(c.Text, word) || !strings.Contains(c.Text, linkSymbols[link]) {
			t.Errorf("%s × %s: text %q, want the symbol %s and %q", r.ID, cat.ID, c.Text, linkSymbols[link], word)
		}
	}
}

func TestMatrixRowsCarryFilterData(t *testing.T) {
	b := tablesBuild(t)
	byID := map[string]map[string]string{}
	for _, e := range elements(b.file(t, "vendors/index.html")) {
		if e.Tag == "tr" && e.Attrs["data-id"] != "" {
			byID[e.Attrs["data-id"]] = e.Attrs
		}
	}
	for _, r := range b.in.Records {
		v := verdict.Judge(r, b.in.Taxonomy)
		off := "no"
		if v.CanTurnOff {
			off = "yes"
		}
		a := byID[r.ID]
		for _, c := range []struct{ attr, want string }{
			{"data-kind", r.Kind}, {"data-platforms", strings.Join(r.Platforms, " ")},
			{"data-verdict", string(v.Level)}, {"data-off", off},
		} {
			if a[c.attr] != c.want {
				t.Errorf("%s: %s=%q, want %q", r.ID, c.attr, a[c.attr], c.want)
			}
		}
	}
}

func TestIssue5PagesExistInBothLanguages(t *testing.T) {
	b := tablesBuild(t)
	paths := []string{"/vendors/", "/categories/", "/compare/", "/methodology/", "/incidents/", "/api/"}
	for _, c := range b.in.Taxonomy.Categories {
		paths = append(paths, "/categories/"+c.ID+"/")
	}
	for _, p := range paths {
		for _, lang := range course.Languages {
			u := course.Localize(lang, p)
			name := strings.TrimPrefix(u, "/") + "index.html"
			data, ok := b.files[name]
			if !ok {
				t.Errorf("%s: no page", u)
				continue
			}
			if !bytes.Contains(data, []byte(`<html lang="`+lang+`"`)) {
				t.Errorf("%s: not marked as %s", u, lang)
			}
			for _, other := range course.Languages {
				alt := `hreflang="` + other + `" href="` + strings.TrimSuffix(tablesBase, "/") + course.Localize(other, p) + `"`
				if !bytes.Contains(data, []byte(alt)) {
					t.Errorf("%s: no alternate %s", u, alt)
				}
			}
		}
	}
}

func TestCategoryPagesListCollectors(t *testing.T) {
	b := tablesBuild(t)
	for _, c := range b.in.Taxonomy.Categories {
		data := string(b.file(t, "categories/"+c.ID+"/index.html"))
		for _, r := range b.in.Records {
			_, collects := expectedLinks(r)[c.ID]
			link := `href="/vendors/` + r.ID + `/"`
			if got := strings.Contains(data, link); got != collects {
				t.Errorf("%s: links %s = %v, want %v", c.ID, r.ID, got, collects)
			}
		}
		if c.Apple != "" && !strings.Contains(data, html.EscapeString(c.Apple)) {
			t.Errorf("%s: Apple's equivalent %q missing", c.ID, c.Apple)
		}
	}
}

func TestMethodologyShowsEveryRule(t *testing.T) {
	b := tablesBuild(t)
	for _, lang := range course.Languages {
		data := string(b.file(t, strings.TrimPrefix(course.Localize(lang, "/methodology/"), "/")+"index.html"))
		for _, r := range verdict.Rules() {
			if !strings.Contains(data, `id="rule-`+r.ID+`"`) {
				t.Errorf("%s: no anchor for rule %s", lang, r.ID)
			}
			if txt := r.In(lang); !strings.Contains(data, html.EscapeString(txt.Explanation)) {
				t.Errorf("%s: rule %s's explanation is missing", lang, r.ID)
			}
		}
	}
	// Every reason on a vendor page links to its rule.
	for _, r := range b.in.Records {
		data := string(b.file(t, "vendors/"+r.ID+"/index.html"))
		for _, rs := range verdict.Judge(r, b.in.Taxonomy).Reasons {
			if !strings.Contains(data, `href="/methodology/#rule-`+rs.Rule+`"`) {
				t.Errorf("%s: reason %s does not link to its rule", r.ID, rs.Rule)
			}
		}
	}
}

func TestCompareOffersEveryRecordAndItsColumn(t *testing.T) {
	b := tablesBuild(t)
	var ids []string
	for _, r := range b.in.Records {
		ids = append(ids, r.ID)
	}
	for _, lang := range course.Languages {
		page := strings.TrimPrefix(course.Localize(lang, "/compare/"), "/") + "index.html"
		var boxes, rows []string
		groups := map[string]string{} // record id → group
		columns := ""
		for _, e := range elements(b.file(t, page)) {
			if e.Tag == "input" && e.Attrs["name"] == "v" {
				boxes = append(boxes, e.Attrs["value"])
				groups[e.Attrs["value"]] = e.Attrs["data-group"]
			}
			if e.Tag == "tr" && e.Attrs["data-row"] != "" {
				rows = append(rows, e.Attrs["data-row"])
			}
			if e.Tag == "form" && e.Attrs["data-columns"] != "" {
				columns = e.Attrs["data-columns"]
			}
		}
		if !slices.Equal(boxes, ids) {
			t.Errorf("%s: checkboxes %v, want %v", page, boxes, ids)
		}
		wantRows := []string{"verdict", "kind", "platforms", "off"}
		for _, c := range b.in.Taxonomy.Categories {
			wantRows = append(wantRows, "cat-"+c.ID)
		}
		if !slices.Equal(rows, wantRows) {
			t.Errorf("%s: rows %v, want %v", page, rows, wantRows)
		}
		if want := compareColumns(lang, "{group}"); columns != want {
			t.Fatalf("%s: columns at %q, want %q", page, columns, want)
		}
		// Each record's column file has the record's heading and a cell for
		// every row, its category cells match the record, and it holds
		// cells of its group's records only.
		for _, r := range b.in.Records {
			if groups[r.ID] == "" {
				t.Fatalf("%s: %s has no data-group", page, r.ID)
			}
			name := strings.TrimPrefix(strings.ReplaceAll(columns, "{group}", groups[r.ID]), "/")
			var got []string
			var cells []*element
			heads := 0
			row := ""
			for _, e := range elements(b.file(t, name)) {
				if e.Tag == "tr" && e.Attrs["data-row"] != "" {
					row = e.Attrs["data-row"]
				}
				if e.Tag == "th" && e.Attrs["data-v"] == r.ID {
					heads++
				}
				if e.Tag == "td" {
					if v := e.Attrs["data-v"]; groups[v] != groups[r.ID] {
						t.Errorf("%s: a cell for %q, of group %q", name, v, groups[v])
					}
				}
				if e.Tag == "td" && e.Attrs["data-v"] == r.ID {
					got = append(got, row)
					if e.Attrs["data-category"] != "" {
						cells = append(cells, e)
					}
				}
				// The link checker reads pages only: check the column's links here.
				if e.Tag == "a" {
					if _, ok := target(b.files, e.Attrs["href"]); !ok {
						t.Errorf("%s: link %q leads to no page", name, e.Attrs["href"])
					}
				}
			}
			if heads != 1 {
				t.Errorf("%s: %d headings for %s, want 1", name, heads, r.ID)
			}
			if !slices.Equal(got, wantRows) {
				t.Errorf("%s: %s has cells in rows %v, want %v", name, r.ID, got, wantRows)
			}
			checkCells(t, b, lang, r, cells)
		}
	}
}

func TestIncidentsNewestFirstWithFeed(t *testing.T) {
	b := tablesBuild(t)
	for _, lang := range course.Languages {
		data := b.file(t, strings.TrimPrefix(course.Localize(lang, "/incidents/"), "/")+"index.html")
		var dates []string
		for _, e := range elements(data) {
			if e.Tag == "time" {
				dates = append(dates, e.Attrs["datetime"])
			}
		}
		n := 0
		for _, r := range b.in.Records {
			n += len(r.Incidents)
		}
		if len(dates) != n || !slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b, a) }) {
			t.Errorf("%s: dates %v, want %d newest first", lang, dates, n)
		}
		feed := `<link rel="alternate" type="application/atom+xml" href="` + feedPath(lang) + `"`
		if !bytes.Contains(data, []byte(feed)) {
			t.Errorf("%s: no %s in the head", lang, feed)
		}
	}
}

func TestExports(t *testing.T) {
	b := tablesBuild(t)
	recs := b.in.Records

	var all struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
		License string `json:"license"`
		Vendors []struct {
			ID      string `json:"id"`
			Verdict struct {
				Level   string            `json:"level"`
				Reasons []json.RawMessage `json:"reasons"`
			} `json:"verdict"`
		} `json:"vendors"`
	}
	if err := json.Unmarshal(b.file(t, "api/v1/vendors.json"), &all); err != nil {
		t.Fatalf("vendors.json: %v", err)
	}
	if all.Version < 1 || all.License == "" || len(all.Vendors) != len(recs) {
		t.Fatalf("vendors.json: version %d, licence %q, %d vendors; want %d", all.Version, all.License, len(all.Vendors), len(recs))
	}
	for i, r := range recs {
		v := verdict.Judge(r, b.in.Taxonomy)
		got := all.Vendors[i]
		if got.ID != r.ID || got.Verdict.Level != string(v.Level) || len(got.Verdict.Reasons) != len(v.Reasons) {
			t.Errorf("vendors.json[%d] = %s %s (%d reasons), want %s %s (%d)", i, got.ID, got.Verdict.Level,
				len(got.Verdict.Reasons), r.ID, v.Level, len(v.Reasons))
		}
		var one map[string]any
		if err := json.Unmarshal(b.file(t, "api/v1/vendors/"+r.ID+".json"), &one); err != nil {
			t.Errorf("%s.json: %v", r.ID, err)
		}
	}

	rows, err := csv.NewReader(bytes.NewReader(b.file(t, "api/v1/vendors.csv"))).ReadAll()
	if err != nil {
		t.Fatalf("vendors.csv: %v", err)
	}
	want := 1
	for _, r := range recs {
		want += len(b.in.Taxonomy.Categories) - len(expectedLinks(r)) + len(r.Collects)
	}
	if len(rows) != want || !slices.Equal(rows[0], export.CSVHeader()) {
		t.Errorf("vendors.csv: %d rows with header %v, want %d with %v", len(rows), rows[0], want, export.CSVHeader())
	}

	hosts := func(name string) []string {
		var out []string
		for _, line := range strings.Split(string(b.file(t, name)), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Fields(line)
			if len(f) != 2 || f[0] != "0.0.0.0" {
				t.Errorf("%s: line %q is not a hosts entry", name, line)
				continue
			}
			out = append(out, f[1])
		}
		return out
	}
	if got, want := hosts("api/v1/hosts.txt"), []string{"b.beta.example", "crash.alpha.example", "telemetry.alpha.example"}; !slices.Equal(got, want) {
		t.Errorf("hosts.txt lists %v, want %v", got, want)
	}
	if got := hosts("api/v1/hosts/beta-browser.txt"); !slices.Equal(got, []string{"b.beta.example", "telemetry.alpha.example"}) {
		t.Errorf("hosts/beta-browser.txt lists %v", got)
	}
}

func TestAtomFeedsParseAndLinkToAnchors(t *testing.T) {
	b := tablesBuild(t)
	type feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Entries []struct {
			ID   string `xml:"id"`
			Link struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	n := 0
	for _, r := range b.in.Records {
		n += len(r.Incidents)
	}
	base := strings.TrimSuffix(tablesBase, "/")
	for _, lang := range course.Languages {
		var f feed
		if err := xml.Unmarshal(b.file(t, strings.TrimPrefix(feedPath(lang), "/")), &f); err != nil {
			t.Fatalf("%s feed: %v", lang, err)
		}
		if len(f.Entries) != min(n, feedEntries) {
			t.Errorf("%s feed: %d entries, want %d", lang, len(f.Entries), min(n, feedEntries))
		}
		for _, e := range f.Entries {
			page, frag, _ := strings.Cut(strings.TrimPrefix(e.Link.Href, base), "#")
			if !strings.HasPrefix(e.Link.Href, base+"/") || frag == "" {
				t.Errorf("%s feed: link %q is not an absolute link to an incident", lang, e.Link.Href)
				continue
			}
			data := b.file(t, strings.TrimPrefix(page, "/")+"index.html")
			if !bytes.Contains(data, []byte(`id="`+frag+`"`)) {
				t.Errorf("%s feed: %s has no element with id %q", lang, page, frag)
			}
		}
	}
}

func TestHeatmapIsSafeSVG(t *testing.T) {
	b := tablesBuild(t)
	for _, lang := range course.Languages {
		name := strings.TrimPrefix(heatmapPath(lang), "/")
		data := b.file(t, name)
		d := xml.NewDecoder(bytes.NewReader(data))
		var title, desc, script bool
		cells := 0
		for {
			tok, err := d.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("%s: %v", name, err)
				}
				break
			}
			if se, ok := tok.(xml.StartElement); ok {
				switch se.Name.Local {
				case "title":
					title = true
				case "desc":
					desc = true
				case "script", "b":
					script = true
				case "rect":
					cells++
				}
			}
		}
		// One rect per cell, one per legend entry and the background.
		want := len(b.in.Records)*len(b.in.Taxonomy.Categories) + len(linkOrder) + 1 + 1
		if !title || !desc || script || cells != want {
			t.Errorf("%s: title %v, desc %v, markup from a record %v, %d rects (want %d)", name, title, desc, script, cells, want)
		}
		if !bytes.Contains(data, []byte("Alpha &lt;b&gt;&amp;amp;&lt;/b&gt;")) {
			t.Errorf("%s: the hostile vendor name is not escaped", name)
		}
	}
	// The home page and /vendors/ show it and link to the table.
	for _, page := range []string{"index.html", "vendors/index.html"} {
		data := b.file(t, page)
		if !bytes.Contains(data, []byte(`src="/vendors/heatmap.svg"`)) || !bytes.Contains(data, []byte(`#matrix"`)) {
			t.Errorf("%s: no heatmap linking to the table", page)
		}
	}
}

func TestVendorPageLinksItsData(t *testing.T) {
	b := tablesBuild(t)
	for _, r := range b.in.Records {
		for _, lang := range course.Languages {
			name := strings.TrimPrefix(course.Localize(lang, "/vendors/"+r.ID+"/"), "/") + "index.html"
			data := string(b.file(t, name))
			if !strings.Contains(data, `href="/api/v1/vendors/`+r.ID+`.json"`) {
				t.Errorf("%s: no link to its JSON", name)
			}
			hosts := `href="/api/v1/hosts/` + r.ID + `.txt"`
			if got := strings.Contains(data, hosts); got != (len(r.Endpoints) > 0) {
				t.Errorf("%s: link to its hosts file %v, want %v", name, got, len(r.Endpoints) > 0)
			}
			for _, e := range r.Endpoints {
				h, _ := export.HostName(e.Host)
				if !strings.Contains(data, "0.0.0.0 "+h) {
					t.Errorf("%s: no ready-to-copy hosts line for %s", name, h)
				}
			}
		}
	}
}
