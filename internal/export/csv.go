package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/vendor"
	"github.com/telemetry-atlas/atlas/internal/verdict"
)

// csvHeader is the first row of /api/v1/vendors.csv.
var csvHeader = []string{"id", "vendor", "product", "kind", "platforms", "category", "collected", "linked",
	"purposes", "default", "off_switch", "disclosed", "status", "verdict", "sources"}

// CSVHeader returns the columns of VendorsCSV.
func CSVHeader() []string { return slices.Clone(csvHeader) }

// VendorsCSV returns /api/v1/vendors.csv: for every record (sorted by id)
// one row per category of the taxonomy, in taxonomy order. A category the
// record does not collect has collected "no" and empty facts; one it
// collects has collected "yes", the facts, and the item's verdict; a
// category the record lists twice has a row for each entry, and entries
// whose category is not in the taxonomy follow at the end of the record.
// Lists (platforms, purposes, sources) are joined with ";". Cells that a
// spreadsheet would run as a formula are prefixed with an apostrophe.
func VendorsCSV(records []*vendor.Record, verdicts []verdict.Verdict, tx *vendor.Taxonomy) ([]byte, error) {
	ps, err := pairs(records, verdicts)
	if err != nil {
		return nil, err
	}
	if tx == nil {
		return nil, fmt.Errorf("export: VendorsCSV needs the taxonomy")
	}
	// A row takes 80 – 90 bytes: sized with a little to spare, the 16 MB
	// of 10,000 records are allocated once, not grown to by doubling.
	var b bytes.Buffer
	b.Grow(len(ps) * len(tx.Categories) * 96)
	w := csv.NewWriter(&b)
	write := func(row []string) {
		for i, c := range row {
			row[i] = cell(c)
		}
		_ = w.Write(row) // a bytes.Buffer does not fail; w.Error reports the rest
	}
	write(CSVHeader())
	cats := vendor.IDs(tx.Categories)
	buf := make([]string, 0, len(csvHeader))
	for _, p := range ps {
		r := p.r
		head := []string{r.ID, r.Vendor, r.Product, r.Kind, strings.Join(r.Platforms, ";")}
		// Every row is made in the same slice: the writer has copied a row
		// before the next is made, and a record has a row per category.
		row := func(cat string, i int) []string {
			out := append(buf[:0], head...)
			if i < 0 {
				return append(out, cat, "no", "", "", "", "", "", "", "", "")
			}
			c := r.Collects[i]
			return append(out, cat, "yes", c.Linked, strings.Join(c.Purposes, ";"), c.Default,
				c.OffSwitch, c.Disclosed, c.Status, string(p.v.Items[i].Level), strings.Join(c.Sources, ";"))
		}
		for _, cat := range cats {
			found := false
			for i, c := range r.Collects {
				if c.Category == cat {
					write(row(cat, i))
					found = true
				}
			}
			if !found {
				write(row(cat, -1))
			}
		}
		for i, c := range r.Collects {
			if !slices.Contains(cats, c.Category) {
				write(row(c.Category, i))
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("export: writing CSV: %w", err)
	}
	return b.Bytes(), nil
}

// cell defuses a value a spreadsheet would read as a formula (CSV
// injection): one that begins with = + - @, a tab or a carriage return gets
// a leading apostrophe. Quoting of commas, quotes and newlines is left to
// encoding/csv.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
