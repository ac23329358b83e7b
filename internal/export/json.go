// Package export turns records and their verdicts into data for others: the
// JSON and CSV exports, hosts blocklists and the Atom feed of incidents. It
// does no I/O and writes no HTML; every function returns the same bytes for
// the same input, whatever the order of maps or the machine.
package export

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/telemetry-atlas/atlas/internal/parallel"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// The format of the JSON exports. Bump Version when a key changes meaning or
// goes away; adding keys keeps the version.
const (
	FormatVendors = "telemetry-atlas/vendors"
	FormatVendor  = "telemetry-atlas/vendor"
	Version       = 1
	License       = "CC BY-SA 4.0"
)

// Meta is what the exports say about themselves.
type Meta struct {
	// Generated is the day of the build; passed in so output is reproducible.
	Generated vendor.Date
	// BaseURL is the site's absolute address without a trailing slash, as
	// https://atlas.example; optional, named in the hosts files' headers.
	BaseURL string
}

// The JSON shapes. They mirror the record types but belong to the published
// format, so a change to the Go types does not silently change the format.
// Fields are in the order they are written; nothing comes from a map except
// translations, whose keys encoding/json writes sorted.
type (
	// envelope is the head every document shares; encoding/json writes
	// its fields in place of the embedded struct, first.
	envelope struct {
		Format    string      `json:"format"`
		Version   int         `json:"version"`
		Generated vendor.Date `json:"generated"`
		License   string      `json:"license"`
	}
	vendorsDoc struct {
		envelope
		Vendors []vendorJSON `json:"vendors"`
	}
	vendorDoc struct {
		envelope
		Vendor vendorJSON `json:"vendor"`
	}
	vendorJSON struct {
		ID           string                     `json:"id"`
		Vendor       string                     `json:"vendor"`
		Product      string                     `json:"product"`
		Kind         string                     `json:"kind"`
		Platforms    []string                   `json:"platforms"`
		Versions     string                     `json:"versions"`
		Summary      string                     `json:"summary"`
		Verdict      verdictJSON                `json:"verdict"`
		Collects     []collectionJSON           `json:"collects"`
		Endpoints    []endpointJSON             `json:"endpoints"`
		Controls     []controlJSON              `json:"controls"`
		Incidents    []incidentJSON             `json:"incidents"`
		Sources      []sourceJSON               `json:"sources"`
		Translations map[string]translationJSON `json:"translations"`
		Reviewed     vendor.Date                `json:"reviewed"`
	}
	verdictJSON struct {
		Level      verdict.Level `json:"level"`
		CanTurnOff bool          `json:"can_turn_off"`
		Reasons    []reasonJSON  `json:"reasons"`
	}
	itemVerdictJSON struct {
		Level   verdict.Level `json:"level"`
		Alleged bool          `json:"alleged"`
		Reasons []reasonJSON  `json:"reasons"`
	}
	reasonJSON struct {
		Rule    string        `json:"rule"`
		Level   verdict.Level `json:"level"`
		Alleged bool          `json:"alleged"`
		En      string        `json:"en"`
		Ru      string        `json:"ru"`
	}
	collectionJSON struct {
		Category  string          `json:"category"`
		Items     []string        `json:"items"`
		Linked    string          `json:"linked"`
		Purposes  []string        `json:"purposes"`
		Default   string          `json:"default"`
		OffSwitch string          `json:"off_switch"`
		Disclosed string          `json:"disclosed"`
		Status    string          `json:"status"`
		Note      string          `json:"note,omitempty"`
		Sources   []string        `json:"sources"`
		Verdict   itemVerdictJSON `json:"verdict"`
	}
	endpointJSON struct {
		Host    string   `json:"host"`
		Purpose string   `json:"purpose,omitempty"`
		Sources []string `json:"sources"`
	}
	controlJSON struct {
		Kind    string   `json:"kind"`
		How     string   `json:"how"`
		Snippet string   `json:"snippet,omitempty"`
		Lang    string   `json:"lang,omitempty"`
		Stops   string   `json:"stops"`
		Sources []string `json:"sources"`
	}
	incidentJSON struct {
		Date    vendor.Date `json:"date"`
		Title   string      `json:"title"`
		Summary string      `json:"summary"`
		Sources []string    `json:"sources"`
	}
	sourceJSON struct {
		ID        string      `json:"id"`
		Title     string      `json:"title"`
		URL       string      `json:"url"`
		Publisher string      `json:"publisher"`
		Published vendor.Date `json:"published,omitzero"`
		Accessed  vendor.Date `json:"accessed"`
	}
	translationJSON struct {
		Summary   string               `json:"summary,omitempty"`
		Versions  string               `json:"versions,omitempty"`
		Collects  []collectionTextJSON `json:"collects,omitempty"`
		Endpoints []endpointTextJSON   `json:"endpoints,omitempty"`
		Controls  []controlTextJSON    `json:"controls,omitempty"`
		Incidents []incidentTextJSON   `json:"incidents,omitempty"`
	}
	collectionTextJSON struct {
		Items []string `json:"items,omitempty"`
		Note  string   `json:"note,omitempty"`
	}
	endpointTextJSON struct {
		Purpose string `json:"purpose,omitempty"`
	}
	controlTextJSON struct {
		How string `json:"how,omitempty"`
	}
	incidentTextJSON struct {
		Title   string `json:"title,omitempty"`
		Summary string `json:"summary,omitempty"`
	}
)

// pair is a record with its verdict.
type pair struct {
	r *vendor.Record
	v verdict.Verdict
}

// pairs matches records with verdicts by position and sorts them by id.
func pairs(records []*vendor.Record, verdicts []verdict.Verdict) ([]pair, error) {
	if len(records) != len(verdicts) {
		return nil, fmt.Errorf("export: %d records but %d verdicts", len(records), len(verdicts))
	}
	ps := make([]pair, len(records))
	for i, r := range records {
		if r == nil {
			return nil, fmt.Errorf("export: record %d is nil", i)
		}
		if len(verdicts[i].Items) != len(r.Collects) {
			return nil, fmt.Errorf("export: %s: the verdict has %d items but the record collects %d; was it judged from this record?",
				r.ID, len(verdicts[i].Items), len(r.Collects))
		}
		ps[i] = pair{r, verdicts[i]}
	}
	slices.SortStableFunc(ps, func(a, b pair) int { return cmp.Compare(a.r.ID, b.r.ID) })
	return ps, nil
}

// Vendors is every record with its verdict marshalled for the JSON
// exports, sorted by id. Each record is marshalled once, into its own
// document (/api/v1/vendors/<id>.json); vendors.json is joined from the
// vendor objects inside those documents.
//
// The JSON is compact with no final newline: exactly what a JSON minifier
// makes of it (encoding/json's output has no whitespace and no number a
// minifier would shorten), so the site need not minify it again.
// encoding/json escapes <, > and & too, so it is safe to inline anywhere.
type Vendors struct {
	ids   []string
	files [][]byte // each record's document, in the order of ids
	// object is where the vendor object begins in every file; it runs to
	// the file's last byte, the document's closing brace.
	object int
	// head is vendors.json up to its list of vendors.
	head []byte
}

// EncodeVendors checks that verdicts[i] is the verdict of records[i] and
// marshals each record with its verdict, on every CPU.
func EncodeVendors(records []*vendor.Record, verdicts []verdict.Verdict, meta Meta) (*Vendors, error) {
	ps, err := pairs(records, verdicts)
	if err != nil {
		return nil, err
	}
	one := envelope{Format: FormatVendor, Version: Version, Generated: meta.Generated, License: License}
	fileHead, err := head(one, "vendor")
	if err != nil {
		return nil, err
	}
	all := one
	all.Format = FormatVendors
	listHead, err := head(all, "vendors")
	if err != nil {
		return nil, err
	}
	vs := &Vendors{ids: make([]string, len(ps)), files: make([][]byte, len(ps)), object: len(fileHead), head: listHead}
	errs := make([]error, len(ps))
	parallel.Each(len(ps), func(i int) {
		p := ps[i]
		vs.ids[i] = p.r.ID
		vs.files[i], errs[i] = marshal(vendorDoc{envelope: one, Vendor: toJSON(p.r, p.v)})
		if errs[i] == nil && !bytes.HasPrefix(vs.files[i], fileHead) {
			errs[i] = fmt.Errorf("export: %s: the document does not begin with its envelope", p.r.ID)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return vs, nil
}

// head returns the compact JSON of a document with env and then key, up to
// key's value: the bytes before the value of its last field.
func head(env envelope, key string) ([]byte, error) {
	doc, err := json.Marshal(struct {
		envelope
		Hole json.RawMessage `json:"hole"`
	}{env, json.RawMessage("null")})
	if err != nil {
		return nil, fmt.Errorf("export: encoding JSON: %w", err)
	}
	h, ok := bytes.CutSuffix(doc, []byte(`"hole":null}`))
	if !ok {
		return nil, fmt.Errorf("export: unexpected JSON envelope %s", doc)
	}
	return append(h, `"`+key+`":`...), nil
}

// Len returns the number of records.
func (vs *Vendors) Len() int { return len(vs.ids) }

// ID returns the id of record i, in id order.
func (vs *Vendors) ID(i int) string { return vs.ids[i] }

// File returns /api/v1/vendors/<id>.json of record i: the record with its
// verdict. The caller must not change it.
func (vs *Vendors) File(i int) []byte { return vs.files[i] }

// All returns /api/v1/vendors.json: every record with its verdict.
func (vs *Vendors) All() []byte {
	n := len(vs.head) + len("[]}") + max(len(vs.files)-1, 0)
	for _, f := range vs.files {
		n += len(f) - vs.object - 1
	}
	out := make([]byte, 0, n)
	out = append(out, vs.head...)
	out = append(out, '[')
	for i, f := range vs.files {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, f[vs.object:len(f)-1]...)
	}
	return append(out, "]}"...)
}

// VendorsJSON returns /api/v1/vendors.json: every record with its verdict,
// sorted by id. verdicts[i] is the verdict of records[i]. To write the
// records' own files too, use EncodeVendors, which marshals each record
// once for both.
func VendorsJSON(records []*vendor.Record, verdicts []verdict.Verdict, meta Meta) ([]byte, error) {
	vs, err := EncodeVendors(records, verdicts, meta)
	if err != nil {
		return nil, err
	}
	return vs.All(), nil
}

// VendorJSON returns /api/v1/vendors/<id>.json: one record with its verdict.
func VendorJSON(r *vendor.Record, v verdict.Verdict, meta Meta) ([]byte, error) {
	vs, err := EncodeVendors([]*vendor.Record{r}, []verdict.Verdict{v}, meta)
	if err != nil {
		return nil, err
	}
	return vs.File(0), nil
}

// marshal writes compact JSON, as the exports are published.
func marshal(doc any) ([]byte, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("export: encoding JSON: %w", err)
	}
	return b, nil
}

// list returns s, or an empty list for nil, so the JSON has [] not null.
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func reasons(rs []verdict.Reason) []reasonJSON {
	out := make([]reasonJSON, len(rs))
	for i, r := range rs {
		out[i] = reasonJSON{Rule: r.Rule, Level: r.Level, Alleged: r.Alleged, En: r.En, Ru: r.Ru}
	}
	return out
}

func toJSON(r *vendor.Record, v verdict.Verdict) vendorJSON {
	out := vendorJSON{
		ID: r.ID, Vendor: r.Vendor, Product: r.Product, Kind: r.Kind,
		Platforms: list(r.Platforms), Versions: r.Versions, Summary: r.Summary,
		Verdict:      verdictJSON{Level: v.Level, CanTurnOff: v.CanTurnOff, Reasons: reasons(v.Reasons)},
		Collects:     make([]collectionJSON, len(r.Collects)),
		Endpoints:    make([]endpointJSON, len(r.Endpoints)),
		Controls:     make([]controlJSON, len(r.Controls)),
		Incidents:    make([]incidentJSON, len(r.Incidents)),
		Sources:      make([]sourceJSON, len(r.Sources)),
		Translations: map[string]translationJSON{},
		Reviewed:     r.Reviewed,
	}
	for i, c := range r.Collects {
		it := v.Items[i]
		out.Collects[i] = collectionJSON{
			Category: c.Category, Items: list(c.Items), Linked: c.Linked, Purposes: list(c.Purposes),
			Default: c.Default, OffSwitch: c.OffSwitch, Disclosed: c.Disclosed, Status: c.Status,
			Note: c.Note, Sources: list(c.Sources),
			Verdict: itemVerdictJSON{Level: it.Level, Alleged: it.Alleged, Reasons: reasons(it.Reasons)},
		}
	}
	for i, e := range r.Endpoints {
		out.Endpoints[i] = endpointJSON{Host: e.Host, Purpose: e.Purpose, Sources: list(e.Sources)}
	}
	for i, c := range r.Controls {
		out.Controls[i] = controlJSON{Kind: c.Kind, How: c.How, Snippet: c.Snippet, Lang: c.Lang, Stops: c.Stops, Sources: list(c.Sources)}
	}
	for i, in := range r.Incidents {
		out.Incidents[i] = incidentJSON{Date: in.Date, Title: in.Title, Summary: in.Summary, Sources: list(in.Sources)}
	}
	for i, s := range r.Sources {
		out.Sources[i] = sourceJSON{ID: s.ID, Title: s.Title, URL: s.URL, Publisher: s.Publisher, Published: s.Published, Accessed: s.Accessed}
	}
	for lang, t := range r.Translations {
		tj := translationJSON{Summary: t.Summary, Versions: t.Versions}
		for _, c := range t.Collects {
			tj.Collects = append(tj.Collects, collectionTextJSON{Items: c.Items, Note: c.Note})
		}
		for _, e := range t.Endpoints {
			tj.Endpoints = append(tj.Endpoints, endpointTextJSON{Purpose: e.Purpose})
		}
		for _, c := range t.Controls {
			tj.Controls = append(tj.Controls, controlTextJSON{How: c.How})
		}
		for _, in := range t.Incidents {
			tj.Incidents = append(tj.Incidents, incidentTextJSON{Title: in.Title, Summary: in.Summary})
		}
		out.Translations[lang] = tj
	}
	return out
}
