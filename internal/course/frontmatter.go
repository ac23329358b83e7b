package course

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/telemetry-atlas/atlas/internal/diag"
)

// frontMatter is the YAML block that opens every chapter and page.
type frontMatter struct {
	Title   string `yaml:"title"`
	Key     string `yaml:"key"`
	Order   int    `yaml:"order"`
	Summary string `yaml:"summary"`
	Updated string `yaml:"updated"`
}

var keyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// splitFrontMatter separates the leading ---/--- block from the body and
// returns the number of lines before the body, so body positions map back to
// file lines.
func splitFrontMatter(src []byte) (fm, body []byte, bodyLine int, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, src, 0, false
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	line := 1
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
			end = len(rest) - off
		} else {
			l = rest[off : off+end]
		}
		line++
		if string(bytes.TrimRight(l, "\r")) == "---" {
			next := off + end + 1
			if next > len(rest) {
				next = len(rest)
			}
			return rest[:off], rest[next:], line, true
		}
		off += end + 1
	}
	return nil, src, 0, false
}

// parseFrontMatter decodes and checks the front matter of file; kind decides
// whether an order is required.
func parseFrontMatter(file string, src []byte, kind Kind) (frontMatter, []byte, int, diag.Problems) {
	var probs diag.Problems
	add := func(line, col int, path, format string, args ...any) {
		probs = append(probs, diag.Problem{File: file, Line: line, Col: col, Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	raw, body, bodyLine, ok := splitFrontMatter(src)
	var fm frontMatter
	if !ok {
		add(1, 1, "", "no front matter: start the file with a line '---', the fields title, key, summary, updated%s, and a closing '---'", orderHint(kind))
		return fm, body, 0, probs
	}
	if quick, ok := quickFrontMatter(raw); ok {
		fm = quick
	} else if err := yaml.UnmarshalWithOptions(raw, &fm, yaml.Strict()); err != nil {
		line, col := 2, 1
		msg := err.Error()
		var se yaml.Error
		if errors.As(err, &se) {
			if tok := se.GetToken(); tok != nil && tok.Position != nil {
				line, col = tok.Position.Line+1, tok.Position.Column
			}
			msg = se.GetMessage()
		}
		add(line, col, "front matter", "%s", msg)
		return fm, body, bodyLine, probs
	}
	need := func(v, field, hint string) {
		if v == "" {
			add(2, 1, field, "missing: add %s: %s", field, hint)
		}
	}
	need(fm.Title, "title", "the heading readers see")
	need(fm.Key, "key", "the URL slug shared by every translation, e.g. protecting-yourself")
	need(fm.Summary, "summary", "one or two sentences for the index and search")
	need(fm.Updated, "updated", "the day of the last real change, YYYY-MM-DD")
	if fm.Key != "" && !keyPattern.MatchString(fm.Key) {
		add(2, 1, "key", "%q is not a slug: use lowercase a-z, 0-9 and single hyphens", fm.Key)
	}
	if fm.Updated != "" {
		if _, err := time.Parse(time.DateOnly, fm.Updated); err != nil {
			add(2, 1, "updated", "%q is not a date of the form YYYY-MM-DD", fm.Updated)
		}
	}
	if kind == KindChapter && fm.Order <= 0 {
		add(2, 1, "order", "missing: add order: N, the chapter's position in the course (1, 2, …)")
	}
	return fm, body, bodyLine, probs
}

func orderHint(kind Kind) string {
	if kind == KindChapter {
		return ", order"
	}
	return ""
}

// quickFrontMatter decodes the front matter every chapter has, without the
// YAML decoder (which took a tenth of the time of a chapter): one line
// "field: value" for each known field at most once, where a value is a
// plain text starting with a letter, a double-quoted text without escapes,
// or for order a number. It reports false for anything else, and
// parseFrontMatter asks the YAML decoder, so the result and every error
// stay the decoder's. FuzzQuickFrontMatter checks that the two agree.
func quickFrontMatter(raw []byte) (frontMatter, bool) {
	var fm frontMatter
	if len(raw) == 0 || raw[len(raw)-1] != '\n' {
		return fm, false
	}
	var seen [5]bool
	for len(raw) > 0 {
		nl := bytes.IndexByte(raw, '\n')
		line := raw[:nl]
		raw = raw[nl+1:]
		name, value, ok := bytes.Cut(line, []byte(": "))
		if !ok {
			return fm, false
		}
		var field int
		switch string(name) {
		case "title":
			field = 0
		case "key":
			field = 1
		case "order":
			field = 2
		case "summary":
			field = 3
		case "updated":
			field = 4
		default:
			return fm, false
		}
		if seen[field] {
			return fm, false
		}
		seen[field] = true
		if field == 2 {
			if fm.Order, ok = quickOrder(value); !ok {
				return fm, false
			}
			continue
		}
		v, ok := quickString(value)
		if !ok {
			return fm, false
		}
		switch field {
		case 0:
			fm.Title = v
		case 1:
			fm.Key = v
		case 3:
			fm.Summary = v
		case 4:
			fm.Updated = v
		}
	}
	return fm, true
}

// quickOrder reads a number 1-999999999 written without a sign or leading
// zeros (which YAML may read as octal).
func quickOrder(v []byte) (int, bool) {
	if len(v) == 0 || len(v) > 9 || v[0] == '0' {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// quickString reads a double-quoted text without escapes, a plain text
// that starts with a letter and holds only letters, digits, single spaces
// and harmless punctuation (no YAML indicator that could change its
// meaning), or a date written as YYYY-MM-DD.
func quickString(v []byte) (string, bool) {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		in := v[1 : len(v)-1]
		if !utf8.Valid(in) {
			return "", false
		}
		for _, r := range string(in) {
			if r == '"' || r == '\\' || !quickRune(r) {
				return "", false
			}
		}
		return string(in), true
	}
	if isDate(v) {
		return string(v), true
	}
	if !utf8.Valid(v) {
		return "", false
	}
	first, _ := utf8.DecodeRune(v)
	if !unicode.IsLetter(first) || v[len(v)-1] == ' ' || reserved(string(v)) {
		return "", false
	}
	for i, r := range string(v) {
		switch {
		case r == ' ':
			if v[i+1] == ' ' {
				return "", false
			}
		case r < utf8.RuneSelf:
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune(".,;?()-/'", r)) {
				return "", false
			}
		case !quickRune(r):
			return "", false
		}
	}
	return string(v), true
}

// quickRune reports whether r may stand in a quick value as itself: a
// visible character that no YAML reader takes for white space, a line
// break or a byte order mark.
func quickRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ' ' <= r && r < 0x7f
	}
	return unicode.IsPrint(r) && !unicode.IsSpace(r) && r != '\ufeff' && r != utf8.RuneError
}

// reserved reports the plain words YAML may read as null, a boolean or a
// number, in any case.
func reserved(v string) bool {
	switch strings.ToLower(v) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf":
		return true
	}
	return false
}

func isDate(v []byte) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for i, c := range v {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
