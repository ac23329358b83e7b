package vendor_test

import (
	"fmt"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// BenchmarkCheck times the check stage of the records: strict decoding
// with positions and every meaning check, at 100, 1,000 and 10,000 records.
//
//	go test -run '^$' -bench Check -benchtime 1x ./internal/vendor/
func BenchmarkCheck(b *testing.B) {
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	today, _ := vendor.ParseDate(corpus.Today)
	for _, n := range corpus.Sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fsys, err := corpus.FS(corpus.Options{Records: n}, testsite.Root(b))
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				recs, probs, err := vendor.LoadDir(fsys, "vendors", tx, today, nil)
				if err != nil || len(probs) > 0 {
					b.Fatalf("%v %v", err, probs)
				}
				if len(recs) != n {
					b.Fatalf("%d records", len(recs))
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
