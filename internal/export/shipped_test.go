package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// TestShippedRecords judges every record in vendors/ and exports them all:
// every verdict must be complete and every export must parse. It logs how
// the verdicts are distributed (go test -v -run TestShippedRecords).
func TestShippedRecords(t *testing.T) {
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	recs, probs, err := vendor.LoadDir(os.DirFS("../.."), "vendors", tx, vendor.NewDate(now.Year(), now.Month(), now.Day()), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Logf("not judged (atlas check reports it): %s", p)
	}
	if len(recs) == 0 {
		t.Skip("no records in vendors/ yet")
	}
	rules := map[string]bool{}
	for _, r := range verdict.Rules() {
		rules[r.ID] = true
	}
	vs := make([]verdict.Verdict, len(recs))
	count := map[verdict.Level]int{}
	items := map[verdict.Level]int{}
	off := 0
	for i, r := range recs {
		v := verdict.Judge(r, tx)
		vs[i] = v
		if !slices.Contains(verdict.Levels(), v.Level) || len(v.Items) != len(r.Collects) || len(v.Reasons) == 0 {
			t.Errorf("%s: incomplete verdict %+v", r.ID, v)
		}
		for _, rs := range v.Reasons {
			if !rules[rs.Rule] || rs.En == "" || rs.Ru == "" {
				t.Errorf("%s: reason %+v", r.ID, rs)
			}
		}
		count[v.Level]++
		for _, it := range v.Items {
			items[it.Level]++
		}
		if v.CanTurnOff {
			off++
		}
		var worst []string
		for _, rs := range v.Reasons {
			if rs.Level == v.Level {
				worst = append(worst, rs.En)
			}
		}
		t.Logf("%-24s %-9s can turn off: %-5v %q", r.ID, v.Level, v.CanTurnOff, worst)
	}
	t.Logf("records: %d telemetry, %d grey, %d spying; %d of %d can be turned off", count[verdict.Telemetry],
		count[verdict.Grey], count[verdict.Spying], off, len(recs))
	t.Logf("collected items: %d telemetry, %d grey, %d spying", items[verdict.Telemetry], items[verdict.Grey], items[verdict.Spying])

	meta := Meta{Generated: vendor.NewDate(2026, 11, 22), BaseURL: "https://atlas.example"}
	b, err := VendorsJSON(recs, vs, meta)
	if err != nil || !json.Valid(b) {
		t.Errorf("JSON: %v", err)
	}
	c, err := VendorsCSV(recs, vs, tx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := csv.NewReader(bytes.NewReader(c)).ReadAll(); err != nil {
		t.Errorf("CSV: %v", err)
	}
	hosts, _ := parseHosts(t, Hosts(recs, meta))
	t.Logf("hosts blocklist: %d hosts", len(hosts))
	a, err := IncidentsAtom(recs, Feed{BaseURL: meta.BaseURL, Lang: "ru", Title: "x", Path: "/ru/incidents/atom.xml"})
	if err != nil {
		t.Fatal(err)
	}
	var doc atomDoc
	if err := xml.Unmarshal(a, &doc); err != nil {
		t.Errorf("Atom: %v", err)
	}
	t.Logf("incidents feed: %d entries", len(doc.Entries))
}
