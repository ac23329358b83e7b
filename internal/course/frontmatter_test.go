package course

import (
	"testing"

	"github.com/goccy/go-yaml"
)

// TestQuickFrontMatter: the common front matter takes the quick path and
// reads as the YAML decoder reads it; anything unusual is left to the
// decoder.
func TestQuickFrontMatter(t *testing.T) {
	tests := []struct {
		raw   string
		quick bool
	}{
		{"title: Telemetry or cyber spying?\nkey: telemetry-or-spying\norder: 1\nsummary: How a company can learn how its product is used, where it's spying.\nupdated: 2026-11-22\n", true},
		{"title: \"Глава 2: Серийный сбой «x» # не комментарий\"\nkey: chapter-00002\norder: 2\nsummary: \"Ноутбук сбой.\"\nupdated: 2026-02-02\n", true},
		{"key: about\ntitle: About\n", true},
		{"title: \"\"\n", true},
		{"title: x # a comment\n", false},
		{"title: null\n", false},
		{"title: Yes\n", false},
		{"title: a: b\n", false},
		{"title: \"a \\\" b\"\n", false},
		{"title: 'single'\n", false},
		{"title: two  spaces\n", false},
		{"title: trailing \n", false},
		{"title: x\ntitle: y\n", false},
		{"order: 012\n", false},
		{"order: -1\n", false},
		{"order: 1.5\n", false},
		{"colour: red\n", false},
		{"title: x\r\n", false},
		{"title: |\n  block\n", false},
		{"  title: x\n", false},
		{"title: x", false},
		{"", false},
	}
	for _, tt := range tests {
		got, ok := quickFrontMatter([]byte(tt.raw))
		if ok != tt.quick {
			t.Errorf("%q: quick = %v, want %v", tt.raw, ok, tt.quick)
		}
		if !ok {
			continue
		}
		var want frontMatter
		if err := yaml.UnmarshalWithOptions([]byte(tt.raw), &want, yaml.Strict()); err != nil {
			t.Errorf("%q: quick read it, the decoder says %v", tt.raw, err)
		} else if got != want {
			t.Errorf("%q: quick read %#v, the decoder %#v", tt.raw, got, want)
		}
	}
}

// FuzzQuickFrontMatter: whatever the quick path reads, the YAML decoder
// reads the same, without an error.
func FuzzQuickFrontMatter(f *testing.F) {
	f.Add("title: Telemetry or cyber spying?\nkey: telemetry-or-spying\norder: 1\nupdated: 2026-11-22\n")
	f.Add("title: \"Глава 2: x\"\nsummary: \"a # b\"\n")
	f.Add("title: it's (a) test, ok/no; yes.\n")
	f.Add("Yes")
	f.Add("Глава «2» — x’s")
	f.Fuzz(func(t *testing.T, s string) {
		// s as the whole front matter, and as a value plain and quoted.
		for _, raw := range []string{s, "title: " + s + "\n", "key: k\ntitle: \"" + s + "\"\n", "order: " + s + "\n"} {
			got, ok := quickFrontMatter([]byte(raw))
			if !ok {
				continue
			}
			var want frontMatter
			if err := yaml.UnmarshalWithOptions([]byte(raw), &want, yaml.Strict()); err != nil {
				t.Fatalf("%q: quick read it, the decoder says %v", raw, err)
			}
			if got != want {
				t.Fatalf("%q: quick read %#v, the decoder %#v", raw, got, want)
			}
		}
	})
}
