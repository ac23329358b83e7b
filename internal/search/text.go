package search

import (
	"bytes"
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
	sc := wordScanner{s: s}
	for {
		w, start, end, ok := sc.next()
		if !ok {
			return
		}
		if string(w) == s[start:end] { // most words: no copy
			fn(s[start:end], start, end)
		} else {
			fn(string(w), start, end)
		}
	}
}

// wordScanner yields the folded words of a text one at a time (see words).
// It folds into a buffer it reuses, so that the index builder, which only
// looks words up, tokenizes without allocating.
type wordScanner struct {
	s   string
	i   int // where the next word is looked for
	buf []byte
}

// reset starts scanning s, keeping the buffer.
func (sc *wordScanner) reset(s string) {
	sc.s, sc.i = s, 0
}

// next returns the next folded word, valid until the following call, and its
// byte span in s; ok is false at the end of s.
func (sc *wordScanner) next() (word []byte, start, end int, ok bool) {
	s := sc.s
	for sc.i < len(s) {
		buf := sc.buf[:0]
		start = -1
		i := sc.i
	scan:
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				switch {
				case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
					buf = append(buf, c)
				case 'A' <= c && c <= 'Z':
					buf = append(buf, c+'a'-'A')
				case start >= 0:
					break scan
				default:
					i++
					continue
				}
				if start < 0 {
					start = i
				}
				i++
				continue
			}
			r, size := decodeRune(s, i)
			switch {
			case 'а' <= r && r <= 'я': // the common Cyrillic letters, short of the tables
				buf = append(buf, c, s[i+1])
			case 'А' <= r && r <= 'Я':
				buf = append2(buf, r+'а'-'А')
			case unicode.IsLetter(r) || unicode.IsNumber(r):
				// A rune that folds to itself is appended as it was written:
				// DecodeRune accepts only the one shortest encoding.
				buf = utf8.AppendRune(buf, foldRune(r))
			case unicode.Is(unicode.Mn, r):
				if r == '\u0306' && bytes.HasSuffix(buf, []byte("и")) {
					buf = append(buf[:len(buf)-len("и")], "й"...)
				}
			case start >= 0:
				break scan
			default:
				i += size
				continue
			}
			if start < 0 {
				start = i
			}
			i += size
		}
		sc.i = i
		if cap(buf) > cap(sc.buf) {
			// Only when the buffer grew: storing a pointer into the
			// scanner, which lives on the heap, costs a write barrier
			// while the collector runs, and it runs through most of a
			// build.
			sc.buf = buf
		}
		if len(buf) > 0 { // a run of combining marks alone is no word
			return buf, start, i, true
		}
	}
	return nil, 0, 0, false
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) for s[i] >= utf8.RuneSelf,
// with the two-byte sequences (Cyrillic, most Latin letters with
// diacritics) decoded inline: the library's slow path was a tenth of the
// index build on Russian text.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; 0xC2 <= c && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// append2 appends r, which must be in U+0080 to U+07FF, as its two UTF-8
// bytes.
func append2(buf []byte, r rune) []byte {
	return append(buf, byte(0xC0|r>>6), byte(0x80|r&0x3F))
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
