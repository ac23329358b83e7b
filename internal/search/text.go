package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// maxWordRunes drops tokens that are not words a reader would type: hashes,
// long identifiers. The client applies no limit; such a query word simply
// finds nothing.
const maxWordRunes = 40

// words calls fn with every word of s, folded, and its byte span in s.
//
// A word is a run of letters (\p{L}), numbers (\p{N}) and combining marks
// (\p{Mn}); everything else separates words. Folding lowercases, turns ё into
// е, composes и+U+0306 into й and drops other combining marks. The client
// (static/js/search.js) does the same with the same character classes after
// normalising the query to NFC.
func words(s string, fn func(word string, start, end int)) {
	// A word that folding leaves as it is (most of them) is passed as a
	// substring of s; the builder is used only from the first change on.
	var b strings.Builder
	start, changed := -1, false
	flush := func(end int) {
		switch {
		case start < 0:
		case !changed:
			fn(s[start:end], start, end)
		case b.Len() > 0:
			fn(b.String(), start, end)
		}
		b.Reset()
		start, changed = -1, false
	}
	change := func(i int) {
		if !changed {
			changed = true
			b.WriteString(s[start:i])
		}
	}
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf && !isASCIIWord(r):
			flush(i)
		case r < utf8.RuneSelf || unicode.IsLetter(r) || unicode.IsNumber(r):
			if start < 0 {
				start = i
			}
			if f := foldRune(r); f != r || r == utf8.RuneError {
				change(i)
				b.WriteRune(f)
			} else if changed {
				b.WriteRune(r)
			}
		case unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
			change(i)
			if r == '\u0306' && strings.HasSuffix(b.String(), "и") {
				w := strings.TrimSuffix(b.String(), "и")
				b.Reset()
				b.WriteString(w)
				b.WriteRune('й')
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
}

// isASCIIWord says whether an ASCII character belongs to a word.
func isASCIIWord(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// foldRune lowercases r and folds ё to е.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	r = unicode.ToLower(r)
	if r == 'ё' {
		return 'е'
	}
	return r
}

// tokens returns the folded words of s.
func tokens(s string) []string {
	var out []string
	words(s, func(w string, _, _ int) { out = append(out, w) })
	return out
}

// script of a word, decided by its first letter: Cyrillic words are stemmed
// and stopped as Russian, Latin words as English, whatever the language of the
// page (Russian text names Windows and Chrome; English text quotes Russian).
type script int

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
)

func scriptOf(w string) script {
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			return scriptCyrillic
		case unicode.Is(unicode.Latin, r):
			return scriptLatin
		case unicode.IsLetter(r):
			return scriptOther
		}
	}
	return scriptOther
}

// term returns the index term (the stem) of a folded word, or ok == false for
// a stop word or a word too long to be one.
func term(w string) (stem string, ok bool) {
	if w == "" || utf8.RuneCountInString(w) > maxWordRunes {
		return "", false
	}
	switch scriptOf(w) {
	case scriptLatin:
		if english.IsStopWord(w) {
			return "", false
		}
		return english.Stem(w, true), true
	case scriptCyrillic:
		if russian.IsStopWord(w) {
			return "", false
		}
		return russian.Stem(w, true), true
	}
	return w, true
}
