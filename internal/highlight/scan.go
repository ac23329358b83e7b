package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// A scanner tokenises code the way one of chroma's regex lexers does, rule
// by rule in the lexer's order, without running its regular expressions.
// It knows only the common shapes: whenever the text needs something it
// does not model exactly (a non-ASCII character where the rules would
// classify it, a state other than the root one, an unterminated quote), it
// gives up and the caller lexes the whole block with chroma instead.
//
// Every rule works on runes, as chroma does, so positions and the tokens
// cut from them are the same.
type scanner struct {
	t      []rune
	toks   []chroma.Token
	giveUp bool
}

func (s *scanner) emit(tt chroma.TokenType, from, to int) {
	s.toks = append(s.toks, chroma.Token{Type: tt, Value: string(s.t[from:to])})
}

// ascii reports whether t[i] is ASCII. A non-ASCII rune where a rule would
// classify it (\w, \s, \d, a case-insensitive letter) makes the scanner
// give up: regexp2's Unicode classes and case folding are not modelled.
func (s *scanner) ascii(i int) bool {
	if s.t[i] < 0x80 {
		return true
	}
	s.giveUp = true
	return false
}

// word is regexp2's \w at i; outside the text it is false.
func (s *scanner) word(i int) bool {
	if i < 0 || i >= len(s.t) || !s.ascii(i) {
		return false
	}
	return isWordByte(byte(s.t[i]))
}

// space is regexp2's \s at i; outside the text it is false.
func (s *scanner) space(i int) bool {
	if i < 0 || i >= len(s.t) || !s.ascii(i) {
		return false
	}
	return isSpaceByte(byte(s.t[i]))
}

// digit is regexp2's \d at i; outside the text it is false.
func (s *scanner) digit(i int) bool {
	if i < 0 || i >= len(s.t) || !s.ascii(i) {
		return false
	}
	c := s.t[i]
	return '0' <= c && c <= '9'
}

// letter is [a-zA-Z] at i; outside the text it is false.
func (s *scanner) letter(i int) bool {
	if i < 0 || i >= len(s.t) || !s.ascii(i) {
		return false
	}
	return isLetterByte(byte(s.t[i]))
}

// is reports whether t[i] is c (exactly; no case folding).
func (s *scanner) is(i int, c rune) bool {
	return i >= 0 && i < len(s.t) && s.t[i] == c
}

// boundary is regexp2's \b at i.
func (s *scanner) boundary(i int) bool {
	return s.word(i-1) != s.word(i)
}

// words returns the end of the run of \w starting at i.
func (s *scanner) words(i int) int {
	for s.word(i) {
		i++
	}
	return i
}

// spaces returns the end of the run of \s starting at i.
func (s *scanner) spaces(i int) int {
	for s.space(i) {
		i++
	}
	return i
}

// letters returns the end of the run of [a-zA-Z] starting at i.
func (s *scanner) letters(i int) int {
	for s.letter(i) {
		i++
	}
	return i
}

// hasPrefix reports whether the text at i starts with lit, an ASCII word,
// with ASCII case folding when fold is set.
func (s *scanner) hasPrefix(i int, lit string, fold bool) bool {
	if i+len(lit) > len(s.t) {
		return false
	}
	for k := 0; k < len(lit); k++ {
		if !s.ascii(i + k) {
			return false
		}
		c := byte(s.t[i+k])
		if fold {
			c = lowerByte(c)
		}
		if c != lit[k] {
			return false
		}
	}
	return true
}

// lowerWord is the text from i to j, lower-cased, when it is ASCII.
func (s *scanner) lowerWord(i, j int) string {
	var b strings.Builder
	b.Grow(j - i)
	for k := i; k < j; k++ {
		if !s.ascii(k) {
			return ""
		}
		b.WriteByte(lowerByte(byte(s.t[k])))
	}
	return b.String()
}

// firstWithBoundary returns the end of the first alternative of alts (in
// order, as a regex alternation tries them) that the text at i starts with
// and that is followed by a word boundary: the shape `(a|b|c)\b`.
func (s *scanner) firstWithBoundary(i int, alts []string, fold bool) (int, bool) {
	for _, a := range alts {
		if s.hasPrefix(i, a, fold) && s.boundary(i+len(a)) {
			return i + len(a), true
		}
	}
	return 0, false
}

func isWordByte(c byte) bool {
	return isLetterByte(c) || '0' <= c && c <= '9' || c == '_'
}

func isLetterByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// isSpaceByte is \s in ASCII: regexp2's \s includes \v, unlike Go's.
func isSpaceByte(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// set makes a lookup set of words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
