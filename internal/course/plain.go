package course

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainParagraph reports whether goldmark, as set up here, renders src as
// one paragraph holding exactly src: a line of words and the punctuation
// that no Markdown rule, no typographic substitution and no autolink reads.
// Most short texts of records are such lines; rendering them as
// "<p>"+src+"</p>\n" skips a parse and a render per text (a tenth of a
// record page's cost). Anything else, or anything in doubt, says false and
// goes through goldmark. TestPlainParagraphLikeGoldmark and
// FuzzPlainParagraph hold it to goldmark's output.
func plainParagraph(src string) bool {
	if src == "" || !utf8.ValidString(src) {
		return false
	}
	// A letter first: no block (list, heading, quote, code, table, HTML,
	// footnote or definition) starts with one.
	if first, _ := utf8.DecodeRuneInString(src); !unicode.IsLetter(first) {
		return false
	}
	if strings.HasSuffix(src, " ") || strings.Contains(src, "  ") ||
		strings.Contains(src, "..") || strings.Contains(src, "--") ||
		containsFold(src, "www.") {
		return false // a break, an ellipsis, a dash, an autolink
	}
	for _, c := range src {
		switch {
		case c >= 0x80:
			if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.IsMark(c) {
				return false
			}
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == ' ', c == '.', c == ',', c == ';', c == '?', c == '!',
			c == '(', c == ')', c == '%', c == '/', c == '-':
		default:
			return false // markup, quotes, entities, escapes, line ends
		}
	}
	return true
}

// containsFold reports whether s contains sub, an ASCII lower-case word,
// in any case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j]|0x20 && (s[i+j] == sub[j] || isASCIILetter(sub[j])) {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
