package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

const (
	hostileVendor  = "=cmd|' /C calc'!A0"
	hostileProduct = "\"Quoted\", with a comma\nand a newline <script>alert(1)</script>"
	hostileTitle   = "<script>alert(1)</script> & ]]> \"q\""
)

func day(y int, m time.Month, d int) vendor.Date { return vendor.NewDate(y, m, d) }

// fixtures returns three small records: one spying, one telemetry and one
// written by someone hostile.
func fixtures() []*vendor.Record {
	oneplus := &vendor.Record{
		ID: "oneplus-oxygenos", Vendor: "OnePlus", Product: "OxygenOS", Kind: "os",
		Platforms: []string{"android"}, Versions: "OxygenOS 4 and 5 (2017)", Summary: "Sends usage analytics tied to the serial number.",
		Collects: []vendor.Collection{{
			Category: "device-identifiers", Items: []string{"serial number", "IMEI"}, Linked: "identified",
			Purposes: []string{"analytics"}, Default: "on", OffSwitch: "partial", Disclosed: "undisclosed",
			Status: "confirmed", Sources: []string{"moore-2017"},
		}, {
			Category: "app-usage", Items: []string{"app opened and closed"}, Linked: "identified",
			Purposes: []string{"analytics"}, Default: "on", OffSwitch: "partial", Disclosed: "undisclosed",
			Status: "confirmed", Sources: []string{"moore-2017"},
		}},
		Endpoints: []vendor.Endpoint{{Host: "open.oneplus.net", Sources: []string{"moore-2017"}},
			{Host: "OPEN.oneplus.net.", Sources: []string{"moore-2017"}}},
		Controls: []vendor.Control{{Kind: "hosts", How: "Block it.", Snippet: "0.0.0.0 open.oneplus.net\n", Lang: "hosts",
			Stops: "unknown", Sources: []string{"moore-2017"}}},
		Incidents: []vendor.Incident{
			{Date: day(2017, 10, 10), Title: "Analytics found", Summary: "A [post](https://example.org) shows **it**.", Sources: []string{"moore-2017"}},
			{Date: day(2017, 10, 10), Title: "Second the same day", Summary: "More.", Sources: []string{"moore-2017"}},
			{Date: day(2017, 10, 13), Title: "OnePlus answers", Summary: "It promises an opt-in.", Sources: []string{"moore-2017"}},
		},
		Sources: []vendor.Source{{ID: "moore-2017", Title: "OnePlus analytics", URL: "https://example.org/oneplus",
			Publisher: "C. Moore", Published: day(2017, 10, 10), Accessed: day(2026, 11, 22)}},
		Translations: map[string]vendor.Translation{"ru": {
			Summary:   "Отправляет аналитику, привязанную к серийному номеру.",
			Collects:  []vendor.CollectionTranslation{{Items: []string{"серийный номер", "IMEI"}}},
			Incidents: []vendor.IncidentTranslation{{Title: "Аналитику обнаружили", Summary: "Запись в блоге."}},
		}},
		Reviewed: day(2026, 11, 22),
	}
	acme := &vendor.Record{
		ID: "acme-browser", Vendor: "Acme", Product: "Browser", Kind: "browser", Platforms: []string{"windows", "linux"},
		Summary: "Crash reports without an identifier.",
		Collects: []vendor.Collection{{
			Category: "diagnostics", Items: []string{"crash reports"}, Linked: "anonymous",
			Purposes: []string{"product-improvement"}, Default: "asked", OffSwitch: "works", Disclosed: "documented",
			Status: "confirmed", Sources: []string{"acme"},
		}},
		Endpoints: []vendor.Endpoint{{Host: "crash.acme.example", Sources: []string{"acme"}},
			{Host: "open.oneplus.net", Sources: []string{"acme"}}},
		Incidents: []vendor.Incident{{Date: day(2019, 1, 2), Title: "Crash reporter announced", Summary: "Opt-in.", Sources: []string{"acme"}}},
		Sources:   []vendor.Source{{ID: "acme", Title: "Acme notice", URL: "https://acme.example/privacy", Publisher: "Acme", Accessed: day(2026, 11, 22)}},
		Reviewed:  day(2026, 11, 22),
	}
	hostile := &vendor.Record{
		ID: "zz-hostile", Vendor: hostileVendor, Product: hostileProduct, Kind: "app", Platforms: []string{"+web"},
		Summary: "<img src=x onerror=alert(1)>",
		Collects: []vendor.Collection{{
			Category: "made-up", Items: []string{"-1+1", "line\nbreak"}, Linked: "identified",
			Purposes: []string{"@advertising"}, Default: "on", OffSwitch: "ignored", Disclosed: "undisclosed",
			Status: "alleged", Sources: []string{"@src"},
		}},
		Endpoints: []vendor.Endpoint{
			{Host: "evil.example\n0.0.0.0 bank.example"}, {Host: "localhost"}, {Host: "127.0.0.1"},
			{Host: "-bad.example"}, {Host: "a..b.example"}, {Host: "*.wild.example"}, {Host: "::1"},
			{Host: "tracker.evil.example # comment"}, {Host: "ok-host.evil.example"},
		},
		Incidents: []vendor.Incident{{Date: day(2020, 2, 3), Title: hostileTitle, Summary: "bad \x00 byte\nand line"}},
		Reviewed:  day(2026, 11, 22),
	}
	return []*vendor.Record{oneplus, acme, hostile}
}

func judged(t *testing.T, rs []*vendor.Record) []verdict.Verdict {
	t.Helper()
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	vs := make([]verdict.Verdict, len(rs))
	for i, r := range rs {
		vs[i] = verdict.Judge(r, tx)
	}
	return vs
}

var meta = Meta{Generated: day(2026, 11, 22), BaseURL: "https://atlas.example"}

func TestVendorsJSON(t *testing.T) {
	rs := fixtures()
	vs := judged(t, rs)
	b, err := VendorsJSON(rs, vs, meta)
	if err != nil {
		t.Fatal(err)
	}
	var doc vendorsDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Format != "telemetry-atlas/vendors" || doc.Version != 1 || doc.Generated.String() != "2026-11-22" || doc.License != "CC BY-SA 4.0" {
		t.Errorf("envelope: %s %d %s %s", doc.Format, doc.Version, doc.Generated, doc.License)
	}
	var ids []string
	for _, v := range doc.Vendors {
		ids = append(ids, v.ID)
	}
	if want := []string{"acme-browser", "oneplus-oxygenos", "zz-hostile"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("vendors %v, want %v", ids, want)
	}
	byID := map[string]int{}
	for i, r := range rs {
		byID[r.ID] = i
	}
	for _, got := range doc.Vendors {
		r, v := rs[byID[got.ID]], vs[byID[got.ID]]
		if got.Verdict.Level != v.Level || got.Verdict.CanTurnOff != v.CanTurnOff || len(got.Verdict.Reasons) != len(v.Reasons) || len(v.Reasons) == 0 {
			t.Errorf("%s: verdict %+v, want %+v", got.ID, got.Verdict, v)
		}
		if got.Vendor != r.Vendor || got.Product != r.Product || len(got.Collects) != len(r.Collects) {
			t.Errorf("%s: record fields lost", got.ID)
		}
		for i, c := range got.Collects {
			if c.Verdict.Level != v.Items[i].Level || c.Category != r.Collects[i].Category {
				t.Errorf("%s: collects[%d] %+v", got.ID, i, c)
			}
		}
	}
	if doc.Vendors[1].Verdict.Level != verdict.Spying || doc.Vendors[0].Verdict.Level != verdict.Telemetry || doc.Vendors[2].Verdict.Level != verdict.Grey {
		t.Errorf("levels: %s %s %s", doc.Vendors[0].Verdict.Level, doc.Vendors[1].Verdict.Level, doc.Vendors[2].Verdict.Level)
	}
	if doc.Vendors[1].Translations["ru"].Summary == "" || doc.Vendors[1].Sources[0].Published.String() != "2017-10-10" {
		t.Errorf("translations or dates lost: %+v", doc.Vendors[1])
	}

	// It round-trips: decoding and encoding again gives the same bytes.
	again, err := marshal(doc)
	if err != nil || !bytes.Equal(again, b) {
		t.Errorf("round trip changed the bytes (err %v)", err)
	}
	// The keys come in the documented order.
	if keys := topKeys(t, b); !reflect.DeepEqual(keys, []string{"format", "version", "generated", "license", "vendors"}) {
		t.Errorf("top-level keys %v", keys)
	}
	// No nulls where a consumer expects a list, no raw markup.
	if bytes.Contains(b, []byte("null")) || bytes.Contains(b, []byte("<script>")) || bytes.Contains(b, []byte("<img")) {
		t.Errorf("null or raw markup in the JSON")
	}
	// Output does not depend on the order of the input.
	slices.Reverse(rs)
	slices.Reverse(vs)
	if c, _ := VendorsJSON(rs, vs, meta); !bytes.Equal(c, b) {
		t.Error("reordering the input changed the output")
	}
}

func topKeys(t *testing.T, b []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	var keys []string
	depth := 0
	expectKey := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
			expectKey = depth == 1 && v == '{'
			if depth == 1 && (v == '}' || v == ']') {
				expectKey = true
			}
		case string:
			if depth == 1 && expectKey {
				keys = append(keys, v)
				expectKey = false
				continue
			}
			if depth == 1 {
				expectKey = true
			}
		default:
			if depth == 1 {
				expectKey = true
			}
		}
	}
	return keys
}

func TestVendorJSON(t *testing.T) {
	rs := fixtures()
	vs := judged(t, rs)
	b, err := VendorJSON(rs[0], vs[0], meta)
	if err != nil {
		t.Fatal(err)
	}
	var doc vendorDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Format != "telemetry-atlas/vendor" || doc.Vendor.ID != "oneplus-oxygenos" || doc.Vendor.Verdict.Level != verdict.Spying {
		t.Errorf("doc %+v", doc)
	}
	if !strings.Contains(doc.Vendor.Verdict.Reasons[0].En, "serial number, IMEI") {
		t.Errorf("reason does not name the items: %+v", doc.Vendor.Verdict.Reasons[0])
	}
	// A verdict of another record is refused.
	if _, err := VendorJSON(rs[0], vs[1], meta); err == nil {
		t.Error("a mismatched verdict was accepted")
	}
	if _, err := VendorsJSON(rs, vs[:2], meta); err == nil {
		t.Error("fewer verdicts than records was accepted")
	}
}

func TestVendorsCSV(t *testing.T) {
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	rs := fixtures()
	vs := judged(t, rs)
	b, err := VendorsCSV(rs, vs, tx)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], strings.Split("id,vendor,product,kind,platforms,category,collected,linked,purposes,default,off_switch,disclosed,status,verdict,sources", ",")) {
		t.Errorf("header %v", rows[0])
	}
	cats := len(tx.Categories)
	// Each record has a row per category, and the hostile one a row more
	// for its category outside the taxonomy.
	if want := 1 + 3*cats + 1; len(rows) != want {
		t.Fatalf("%d rows, want %d", len(rows), want)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	find := func(id, cat string) []string {
		for _, r := range rows[1:] {
			if r[col["id"]] == id && r[col["category"]] == cat {
				return r
			}
		}
		t.Fatalf("no row for %s/%s", id, cat)
		return nil
	}
	if r := find("oneplus-oxygenos", "device-identifiers"); r[col["collected"]] != "yes" || r[col["linked"]] != "identified" ||
		r[col["verdict"]] != "spying" || r[col["purposes"]] != "analytics" || r[col["sources"]] != "moore-2017" || r[col["platforms"]] != "android" {
		t.Errorf("device-identifiers row %v", r)
	}
	if r := find("oneplus-oxygenos", "contacts"); r[col["collected"]] != "no" || r[col["linked"]] != "" || r[col["verdict"]] != "" {
		t.Errorf("contacts row %v", r)
	}
	if r := find("acme-browser", "diagnostics"); r[col["verdict"]] != "telemetry" || r[col["platforms"]] != "windows;linux" {
		t.Errorf("acme row %v", r)
	}
	// Rows come sorted by record, categories in taxonomy order.
	if rows[1][col["id"]] != "acme-browser" || rows[1][col["category"]] != tx.Categories[0].ID {
		t.Errorf("first row %v", rows[1])
	}
	// Hostile text survives quoting exactly, and formulas are defused.
	h := find("zz-hostile", "made-up")
	if h[col["vendor"]] != "'"+hostileVendor || h[col["product"]] != hostileProduct || h[col["platforms"]] != "'+web" ||
		h[col["purposes"]] != "'@advertising" || h[col["sources"]] != "'@src" || h[col["verdict"]] != "grey" {
		t.Errorf("hostile row %q", h)
	}
	for _, r := range rows {
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q would run as a formula", c)
			}
		}
	}
	if _, err := VendorsCSV(rs, vs, nil); err == nil {
		t.Error("no taxonomy was accepted")
	}
}

func TestValidHost(t *testing.T) {
	for h, want := range map[string]bool{
		"open.oneplus.net": true, "a-b.c0.example": true, "xn--80ak6aa92e.example": true, "EXAMPLE.com": true,
		"": false, "localhost": false, "127.0.0.1": false, "::1": false, "-a.example": false, "a-.example": false,
		"a..example": false, ".example.com": false, "*.example.com": false, "a b.example": false,
		"evil.example\n0.0.0.0 bank.example": false, "under_score.example": false, "пример.рф": false,
		strings.Repeat("a", 64) + ".example": false, strings.Repeat("a.", 127) + "com": false,
	} {
		if ValidHost(h) != want {
			t.Errorf("ValidHost(%q) = %v", h, !want)
		}
	}
}

var hostsLine = regexp.MustCompile(`^0\.0\.0\.0 ([a-z0-9.-]+)$`)

// parseHosts checks every line is a comment, empty or a hosts entry, and
// returns the hosts in order.
func parseHosts(t *testing.T, b []byte) (hosts, comments []string) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\n")) {
		t.Error("hosts file does not end with a newline")
	}
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		switch m := hostsLine.FindStringSubmatch(l); {
		case strings.HasPrefix(l, "#"):
			comments = append(comments, l)
		case l == "":
		case m != nil:
			if !ValidHost(m[1]) {
				t.Errorf("invalid host line %q", l)
			}
			hosts = append(hosts, m[1])
		default:
			t.Errorf("line %q is not a hosts line", l)
		}
		if strings.ContainsAny(l, "\r\x00\u2028\u2029") {
			t.Errorf("line %q has a control character", l)
		}
	}
	return hosts, comments
}

func TestHosts(t *testing.T) {
	rs := fixtures()
	b := Hosts(rs, meta)
	hosts, comments := parseHosts(t, b)
	if want := []string{"crash.acme.example", "ok-host.evil.example", "open.oneplus.net"}; !reflect.DeepEqual(hosts, want) {
		t.Errorf("hosts %v, want %v", hosts, want)
	}
	header := strings.Join(comments, "\n")
	for _, want := range []string{"acme-browser: Acme Browser (2 hosts)", "oneplus-oxygenos: OnePlus OxygenOS (1 host)",
		"zz-hostile: " + hostileVendor, "8 endpoints that are not plain host names", "Generated 2026-11-22", "CC BY-SA 4.0", "https://atlas.example/api/"} {
		if !strings.Contains(header, want) {
			t.Errorf("header lacks %q:\n%s", want, header)
		}
	}
	slices.Reverse(rs)
	if !bytes.Equal(Hosts(rs, meta), b) {
		t.Error("reordering the records changed the hosts file")
	}

	one, comments := parseHosts(t, VendorHosts(fixtures()[0], Meta{}))
	if !reflect.DeepEqual(one, []string{"open.oneplus.net"}) || !strings.Contains(comments[0], "OnePlus OxygenOS") ||
		strings.Contains(strings.Join(comments, "\n"), "left out") {
		t.Errorf("per-vendor hosts %v %v", one, comments)
	}
	evil, comments := parseHosts(t, VendorHosts(fixtures()[2], Meta{}))
	if !reflect.DeepEqual(evil, []string{"ok-host.evil.example"}) || !strings.Contains(comments[0], "and a newline") {
		t.Errorf("hostile hosts %v %v", evil, comments)
	}
}

// atomDoc is what a reader of the feed sees.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		Lang    string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Category struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

func TestIncidentsAtom(t *testing.T) {
	rs := fixtures()
	f := Feed{BaseURL: "https://atlas.example/", Lang: "en", Title: "Incidents", Path: "/incidents/atom.xml"}
	b, err := IncidentsAtom(rs, f)
	if err != nil {
		t.Fatal(err)
	}
	var doc atomDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("feed does not parse: %v\n%s", err, b)
	}
	if doc.ID != "https://atlas.example/incidents/" || doc.Title != "Incidents" || doc.Author == "" || doc.Lang != "en" {
		t.Errorf("feed head %+v", doc)
	}
	if doc.Updated != "2020-02-03T00:00:00Z" {
		t.Errorf("feed updated %s", doc.Updated)
	}
	if len(doc.Links) != 2 || doc.Links[0].Rel != "self" || doc.Links[0].Href != "https://atlas.example/incidents/atom.xml" {
		t.Errorf("links %+v", doc.Links)
	}
	var got []string
	seen := map[string]bool{}
	for _, e := range doc.Entries {
		got = append(got, e.Category.Term+" "+e.Updated[:10])
		if seen[e.ID] || e.ID != e.Link.Href || !strings.HasPrefix(e.ID, "https://atlas.example/vendors/"+e.Category.Term+"/#incident-") {
			t.Errorf("entry id %q, link %q", e.ID, e.Link.Href)
		}
		seen[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("updated %q: %v", e.Updated, err)
		}
	}
	want := []string{"zz-hostile 2020-02-03", "acme-browser 2019-01-02", "oneplus-oxygenos 2017-10-13",
		"oneplus-oxygenos 2017-10-10", "oneplus-oxygenos 2017-10-10"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries %v, want %v", got, want)
	}
	if e := doc.Entries[3]; e.Title != "Analytics found" || e.Summary != "A post shows it." {
		t.Errorf("plain text: %q / %q", e.Title, e.Summary)
	}
	if doc.Entries[4].ID != doc.Entries[3].ID+"-2" {
		t.Errorf("same-day incidents: %q and %q", doc.Entries[3].ID, doc.Entries[4].ID)
	}
	// Hostile text is escaped: the markup is text, not elements.
	if doc.Entries[0].Title != hostileTitle || bytes.Contains(b, []byte("<script>")) {
		t.Errorf("hostile title %q", doc.Entries[0].Title)
	}
	if strings.ContainsAny(doc.Entries[0].Summary, "\x00\n") {
		t.Errorf("hostile summary %q", doc.Entries[0].Summary)
	}

	// Russian: translated where there is a translation, English (marked
	// so) where there is none, links under /ru/.
	f = Feed{BaseURL: "https://atlas.example", Lang: "ru", Title: "Инциденты", Path: "/ru/incidents/atom.xml", Limit: 4}
	b, err = IncidentsAtom(rs, f)
	if err != nil {
		t.Fatal(err)
	}
	doc = atomDoc{}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 4 || doc.Lang != "ru" {
		t.Fatalf("ru feed: %d entries, lang %q", len(doc.Entries), doc.Lang)
	}
	if e := doc.Entries[3]; e.Title != "Аналитику обнаружили" || e.Lang != "" || !strings.HasPrefix(e.ID, "https://atlas.example/ru/vendors/") {
		t.Errorf("translated entry %+v", e)
	}
	if e := doc.Entries[2]; e.Title != "OnePlus answers" || e.Lang != "en" {
		t.Errorf("fallback entry %+v", e)
	}

	// Deterministic, and an empty feed still has a date.
	slices.Reverse(rs)
	if c, _ := IncidentsAtom(rs, f); !bytes.Equal(c, b) {
		t.Error("reordering the records changed the feed")
	}
	empty, err := IncidentsAtom(nil, Feed{BaseURL: "https://atlas.example", Title: "x", Path: "/f.xml", Updated: day(2026, 11, 22)})
	if err != nil || !bytes.Contains(empty, []byte("<updated>2026-11-22T00:00:00Z</updated>")) {
		t.Errorf("empty feed: %v\n%s", err, empty)
	}
	if _, err := IncidentsAtom(rs, Feed{BaseURL: "atlas.example"}); err == nil {
		t.Error("a relative base URL was accepted")
	}
}

// TestEncodeVendors checks that the documents joined from each record's
// marshalled object are the documents encoding/json writes whole, and that
// they are minimal: the site publishes them without minifying them again
// (see publish.minimal), so the minifier must leave them as they are, and
// must make the same bytes of them indented.
func TestEncodeVendors(t *testing.T) {
	rs := fixtures()
	vs := judged(t, rs)
	mn := publish.NewMinifier()
	tests := []struct {
		name string
		rs   []*vendor.Record
		vs   []verdict.Verdict
		meta Meta
	}{
		{"three", rs, vs, meta},
		{"one", rs[2:], vs[2:], meta},
		{"none", nil, nil, meta},
		{"no date", rs, vs, Meta{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc, err := EncodeVendors(tt.rs, tt.vs, tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			ps, err := pairs(tt.rs, tt.vs)
			if err != nil {
				t.Fatal(err)
			}
			if enc.Len() != len(ps) {
				t.Fatalf("%d records, want %d", enc.Len(), len(ps))
			}
			doc := vendorsDoc{envelope: envelope{FormatVendors, Version, tt.meta.Generated, License}, Vendors: []vendorJSON{}}
			var got [][]byte
			for i, p := range ps {
				doc.Vendors = append(doc.Vendors, toJSON(p.r, p.v))
				want, err := json.Marshal(vendorDoc{envelope{FormatVendor, Version, tt.meta.Generated, License}, toJSON(p.r, p.v)})
				if err != nil {
					t.Fatal(err)
				}
				if enc.ID(i) != p.r.ID || !bytes.Equal(enc.File(i), want) {
					t.Errorf("file %d (%s):\n%s\nwant\n%s", i, enc.ID(i), enc.File(i), want)
				}
				got = append(got, enc.File(i))
			}
			want, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			all := enc.All()
			if !bytes.Equal(all, want) {
				t.Errorf("vendors.json:\n%s\nwant\n%s", all, want)
			}
			for _, b := range append(got, all) {
				if min, err := mn.Bytes("doc.json", b); err != nil || !bytes.Equal(min, b) {
					t.Errorf("the minifier changes %s (err %v)", b, err)
				}
				var indented bytes.Buffer
				if err := json.Indent(&indented, b, "", "  "); err != nil {
					t.Fatal(err)
				}
				if min, err := mn.Bytes("doc.json", indented.Bytes()); err != nil || !bytes.Equal(min, b) {
					t.Errorf("minified indented JSON is not the compact JSON (err %v):\n%s\n%s", err, min, b)
				}
			}
		})
	}
}

func TestPlain(t *testing.T) {
	tests := []struct{ md, want string }{
		{"No marks at all.", "No marks at all."},
		{"A [post](https://example.org) shows **it**.", "A post shows it."},
		{"[one](a) and [two](b)", "one and two"},
		{"[not a link] and (not one)", "[not a link] and (not one)"},
		{"`code` and __bold__", "code and bold"},
		{"line\nbreak \x00 and  spaces", "line break and spaces"},
	}
	for _, tt := range tests {
		if got := plain(tt.md); got != tt.want {
			t.Errorf("plain(%q) = %q, want %q", tt.md, got, tt.want)
		}
	}
}
