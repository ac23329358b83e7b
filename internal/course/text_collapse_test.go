package course

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// collapse must give what strings.Join(strings.Fields(s), " ") gives, and
// count what len(strings.Fields(s)) counts, for every input.
func TestCollapseIsJoinFields(t *testing.T) {
	tests := []string{
		"",
		" ",
		"one",
		"  two  words ",
		"tab\tnew\nline\r\nvt\vff\f",
		"nbsp\u00a0nel\u0085ideo\u3000thin\u2009end",
		"no\u200bbreak: zero width is no space",
		"· table · cells · ",
		"Глава 2: Серийный сбой",
		"bad \xff utf-8 \xc2", // invalid bytes stay as they are
		"\xc2\xa0lead and trail\xc2\xa0",
		"\xe3\x80", // a cut rune
		"\xe2\x80\x80 en quad\xe2\x80\x8a hair \xe2\x80\x8b zero width \xe1\x9a\x80 ogham",
		"\xf0\x9f\x98\x80 emoji \xe2\x80 cut \xc2 \xe3\x80\x80 ideo \x80\xa0 stray",
	}
	for _, s := range tests {
		got, words := collapse([]byte("keep"), []byte(s))
		want := "keep" + strings.Join(strings.Fields(s), " ")
		if string(got) != want || words != len(strings.Fields(s)) {
			t.Errorf("collapse(%q) = %q, %d words; want %q, %d", s, got, words, want, len(strings.Fields(s)))
		}
	}
}

func TestIsSpace(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(%U) = %v, unicode.IsSpace says %v", r, isSpace(r), unicode.IsSpace(r))
		}
	}
}

func FuzzCollapseIsJoinFields(f *testing.F) {
	f.Add("a b\u00a0c\xff")
	f.Fuzz(func(t *testing.T, s string) {
		got, words := collapse(nil, []byte(s))
		if want := strings.Join(strings.Fields(s), " "); string(got) != want || words != len(strings.Fields(s)) {
			t.Fatalf("collapse(%q) = %q, %d words; want %q, %d", s, got, words, want, len(strings.Fields(s)))
		}
	})
}

// A section heading is its table of contents entry, except when a link in
// it was replaced by its text after the entry was made; the words count
// both the headings and the texts.
func TestSectionsShareHeadings(t *testing.T) {
	d, _ := parseOne(t, "en", head+"Intro  text.\n\n## First {#a}\n\nOne two.\n\n"+
		"- ## In a list\n\n## [Bad &amp; link](javascript:x) {#b}\n\n### Sub\n\nThree\u00a0four five.\n")
	if d == nil {
		t.Fatal("no doc")
	}
	want := []Section{
		{Text: "Intro text."},
		{ID: "a", Heading: "First", Text: "One two. In a list"},
		{ID: "b", Heading: "Bad & link", Text: "Sub Three four five."},
	}
	if len(d.Sections) != len(want) {
		t.Fatalf("sections = %q", d.Sections)
	}
	for i := range want {
		if d.Sections[i] != want[i] {
			t.Errorf("section %d = %q, want %q", i, d.Sections[i], want[i])
		}
	}
	if got := d.TOC[2].Text; got != "Bad &amp; link" { // made before the link became text
		t.Errorf("toc entry = %q", got)
	}
	if d.Words != 2+1+5+3+4 {
		t.Errorf("words = %d", d.Words)
	}
}
