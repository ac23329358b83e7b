package site

import (
	"strings"
	"testing"
)

// TestSpliceInPlace: a page put together in the memory of its rows is the
// page splice would make by copying, and the rows are used in place only
// when they have room for the frame around them.
func TestSpliceInPlace(t *testing.T) {
	marker := spliceMarker(0)
	rows := "<tr><td>a</td></tr><tr><td>b</td></tr>"
	tests := []struct {
		name  string
		frame string
		spare int // room left in the rows' buffer past what the frame needs
		ok    bool
	}{
		{"marker in the middle", "<table><tbody>" + marker + "</tbody></table>", 0, true},
		{"with room to spare", "<table><tbody>" + marker + "</tbody></table>", 100, true},
		{"marker first", marker + "</tbody></table>", 0, true},
		{"marker last", "<table><tbody>" + marker, 0, true},
		{"frame is only the marker", marker, 0, true},
		{"one byte short", "<table><tbody>" + marker + "</tbody></table>", -1, false},
		{"no room at all", "<table><tbody>" + marker + "</tbody></table>", -len("<table><tbody></tbody></table>"), false},
		{"no marker", "<table><tbody></tbody></table>", 1000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			need := len(tt.frame) - len(marker) + len(rows)
			html := make([]byte, len(rows), max(len(rows), need+tt.spare))
			copy(html, rows)
			page, ok := spliceInPlace([]byte(tt.frame), html)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				if string(html) != rows {
					t.Errorf("the rows were changed although they were not used: %q", html)
				}
				return
			}
			want := strings.Replace(tt.frame, marker, rows, 1)
			if string(page) != want {
				t.Errorf("page = %q, want %q", page, want)
			}
			if &page[:1][0] != &html[:1][0] {
				t.Error("the page was not made in the rows' memory")
			}
		})
	}
}
