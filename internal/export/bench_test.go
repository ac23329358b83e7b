package export_test

import (
	"fmt"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/export"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// BenchmarkExports times every export of a build from judged records:
// vendors.json and each record's JSON, the CSV, the hosts files and both
// Atom feeds, at 100, 1,000 and 10,000 records. Judging is not timed: the
// site judges each record once for all its pages.
//
//	go test -run '^$' -bench Exports -benchtime 1x -benchmem ./internal/export/
func BenchmarkExports(b *testing.B) {
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	today, _ := vendor.ParseDate(corpus.Today)
	meta := export.Meta{Generated: today, BaseURL: "https://atlas.example"}
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fsys, err := corpus.FS(corpus.Options{Records: n}, testsite.Root(b))
			if err != nil {
				b.Fatal(err)
			}
			recs, probs, err := vendor.LoadDir(fsys, "vendors", tx, today, nil)
			if err != nil || len(probs) > 0 {
				b.Fatalf("%v %v", err, probs)
			}
			vs := make([]verdict.Verdict, len(recs))
			for i, r := range recs {
				vs[i] = verdict.Judge(r, tx)
			}
			for b.Loop() {
				size, err := exportAll(recs, vs, tx, meta)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(size)/1e6, "MB/export")
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// exportAll makes every export the site publishes, as the site does, and
// returns their size.
func exportAll(recs []*vendor.Record, vs []verdict.Verdict, tx *vendor.Taxonomy, meta export.Meta) (int, error) {
	enc, err := export.EncodeVendors(recs, vs, meta)
	if err != nil {
		return 0, err
	}
	size := len(enc.All())
	for i := range enc.Len() {
		size += len(enc.File(i))
	}
	for _, r := range recs {
		size += len(export.VendorHosts(r, meta))
	}
	data, err := export.VendorsCSV(recs, vs, tx)
	if err != nil {
		return 0, err
	}
	size += len(data) + len(export.Hosts(recs, meta))
	for _, lang := range []string{"en", "ru"} {
		data, err := export.IncidentsAtom(recs, export.Feed{BaseURL: meta.BaseURL, Lang: lang, Title: "Incidents",
			Path: "/incidents/atom.xml", Updated: meta.Generated})
		if err != nil {
			return 0, err
		}
		size += len(data)
	}
	return size, nil
}
