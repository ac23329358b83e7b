package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"unicode/utf8"

	"github.com/telemetry-atlas/atlas/internal/course"
)

// heatmapPath is where the SVG picture of the matrix is published in lang.
func heatmapPath(lang string) string {
	return course.Localize(lang, "/vendors/") + "heatmap.svg"
}

// heatColours are the fill and symbol colours of a cell, by link level.
// Both pairs have a contrast of at least 4.5:1; the symbol and the legend
// carry the meaning as well, so colour is never alone.
var heatColours = map[string][2]string{
	"identified":   {"#b42318", "#ffffff"},
	"pseudonymous": {"#c2410c", "#ffffff"},
	"unknown":      {"#d0d5dd", "#1b1f24"},
	"rotating":     {"#b7e4c7", "#1b1f24"},
	"anonymous":    {"#1a7f37", "#ffffff"},
	cellNone:       {"#f6f8fa", "#57606a"},
}

// Heatmap geometry, in SVG user units (px).
const (
	hmCell   = 26  // a cell's side
	hmGap    = 2   // between cells
	hmName   = 300 // the column of product names
	hmPad    = 12  // the margin
	hmLegend = 24  // one line of the legend
	hmChar   = 7   // the estimated width of a character at 12px
	hmMaxLen = 42  // product names are cut to this many characters
	// hmMaxRows bounds the picture: past it, a line says how many more
	// products the table has.
	hmMaxRows = 100
)

// heatmap draws the matrix in lang as a standalone SVG: one row per record,
// one column per category, each cell coloured and marked with the symbol of
// its link level, a legend below, and a title and description for screen
// readers. Every text from records goes through the XML escaper.
func (b *builder) heatmap(lang string) ([]byte, error) {
	rows := b.matrixRows(lang)
	total := len(rows)
	more := ""
	if total > hmMaxRows {
		rows = rows[:hmMaxRows]
		moreFmt, err := b.in.Templates.text(lang, "heatmap.more")
		if err != nil {
			return nil, err
		}
		more = fmt.Sprintf(moreFmt, total-hmMaxRows)
	}
	heads := b.categoryHeads(lang)
	legend := b.legend(lang)
	title, err := b.in.Templates.text(lang, "heatmap.title")
	if err != nil {
		return nil, err
	}
	descFmt, err := b.in.Templates.text(lang, "heatmap.desc")
	if err != nil {
		return nil, err
	}

	// The rotated category labels need room above the grid and to its
	// right: sin and cos of 55° times the longest label.
	longest := 0
	for _, h := range heads {
		longest = max(longest, utf8.RuneCountInString(h.Label)*hmChar*6/7)
	}
	head := longest*82/100 + 16
	step := hmCell + hmGap
	gridW := len(heads) * step
	width := hmPad + hmName + gridW + longest*57/100 + hmPad
	// The legend wraps to the width of the picture.
	type placed struct {
		e    legendEntry
		x, y int
	}
	var items []placed
	lx, ly := hmPad, 0
	for _, e := range legend {
		w := hmCell + 6 + utf8.RuneCountInString(e.Label)*hmChar + 18
		if lx+w > width-hmPad && lx > hmPad {
			lx, ly = hmPad, ly+hmLegend+6
		}
		items = append(items, placed{e, lx, ly})
		lx += w
	}
	gridTop := hmPad + head
	legendTop := gridTop + len(rows)*step + hmPad
	if more != "" {
		legendTop += hmLegend
	}
	height := legendTop + ly + hmLegend + hmPad

	var buf bytes.Buffer
	esc := func(s string) { xml.EscapeText(&buf, []byte(s)) }
	p := func(format string, args ...any) { fmt.Fprintf(&buf, format, args...) }

	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="hm-title hm-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12">`+"\n",
		width, height, width, height)
	p(`<title id="hm-title">`)
	esc(title)
	p("</title>\n<desc id=\"hm-desc\">")
	esc(fmt.Sprintf(descFmt, total, len(heads)))
	for _, e := range legend {
		esc(" " + e.Symbol + " " + e.Label + ".")
	}
	if more != "" {
		esc(" " + more)
	}
	p("</desc>\n")
	// The picture follows the reader's theme: the background and the text
	// switch in the dark; the cell colours read on both.
	p("<style>@media (prefers-color-scheme: dark){.bg{fill:#0f1419}.fg{fill:#e6edf3}.none-cell{fill:#161b22;stroke:#30363d}.none-sym{fill:#9da7b3}}</style>\n")
	p(`<rect class="bg" width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)

	// Column labels, rotated so that long names fit.
	for i, h := range heads {
		x := hmPad + hmName + i*step + hmCell/2 + 4
		y := gridTop - 6
		p(`<text x="%d" y="%d" transform="rotate(-55 %d %d)" class="fg" fill="#1b1f24">`, x, y, x, y)
		esc(h.Label)
		p("</text>\n")
	}
	// Rows.
	for ri, r := range rows {
		y := gridTop + ri*step
		p(`<g><title>`)
		esc(r.Name + ": " + r.Level.Title)
		p("</title>\n")
		p(`<text x="%d" y="%d" text-anchor="end" class="fg" fill="#1b1f24">`, hmPad+hmName-8, y+hmCell/2+4)
		esc(clipRunes(r.Name, hmMaxLen))
		p("</text>\n")
		for ci, c := range r.Cells {
			x := hmPad + hmName + ci*step
			col := heatColours[c.Link]
			if col[0] == "" {
				col = heatColours["unknown"]
			}
			p(`<g><title>`)
			esc(r.Name + " — " + heads[ci].Label + ": " + c.Text)
			p("</title>")
			p(`<rect%s x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s" stroke="#d0d7de"/>`, themed(c.Link, "cell"), x, y, hmCell, hmCell, col[0])
			p(`<text%s x="%d" y="%d" text-anchor="middle" font-size="14" fill="%s">`, themed(c.Link, "sym"), x+hmCell/2, y+hmCell/2+5, col[1])
			esc(c.Symbol)
			p("</text></g>\n")
		}
		p("</g>\n")
	}
	if more != "" {
		p(`<text x="%d" y="%d" class="fg" fill="#1b1f24">`, hmPad+hmName, gridTop+len(rows)*step+hmLegend-6)
		esc(more)
		p("</text>\n")
	}
	// Legend.
	for _, it := range items {
		col := heatColours[it.e.Link]
		x, y := it.x, legendTop+it.y
		p(`<rect%s x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s" stroke="#d0d7de"/>`, themed(it.e.Link, "cell"), x, y, hmCell, hmCell-4, col[0])
		p(`<text%s x="%d" y="%d" text-anchor="middle" font-size="14" fill="%s">`, themed(it.e.Link, "sym"), x+hmCell/2, y+hmCell/2+3, col[1])
		esc(it.e.Symbol)
		p(`</text><text x="%d" y="%d" class="fg" fill="#1b1f24">`, x+hmCell+6, y+hmCell/2+2)
		esc(it.e.Label)
		p("</text>\n")
	}
	p("</svg>\n")
	return buf.Bytes(), nil
}

// clipRunes cuts s to n characters, ending in an ellipsis when cut.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// themed gives the empty cells a class the dark theme recolours; the
// coloured cells read the same on both backgrounds.
func themed(link, part string) string {
	if link == cellNone {
		return ` class="none-` + part + `"`
	}
	return ""
}
