package site

import (
	"testing"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

func TestCheckLinksFragments(t *testing.T) {
	page := []byte(`<html><body><h2 id="block-it">B</h2><h3 id="серийные-номера">С</h3>` +
		`<a href="#block-it">a</a><a href="#%d1%81%d0%b5%d1%80%d0%b8%d0%b9%d0%bd%d1%8b%d0%b5-%d0%bd%d0%be%d0%bc%d0%b5%d1%80%d0%b0">b</a>LINK</body></html>`)
	tests := []struct {
		name, link string
		problems   int
	}{
		{"plain id", `<a href="/x/#block-it">`, 0},
		{"percent-encoded Cyrillic id", `<a href="/x/#%d1%81%d0%b5%d1%80%d0%b8%d0%b9%d0%bd%d1%8b%d0%b5-%d0%bd%d0%be%d0%bc%d0%b5%d1%80%d0%b0">`, 0},
		{"missing id", `<a href="/x/#nowhere">`, 1},
		{"missing page", `<a href="/y/">`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := publish.Files{
				"x/index.html": page,
				"index.html":   []byte("<html><body>" + tt.link + "</a></body></html>"),
			}
			if got := checkLinks(files, nil); len(got) != tt.problems {
				t.Fatalf("got %d problems, want %d: %v", len(got), tt.problems, got)
			}
		})
	}
}
