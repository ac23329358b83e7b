package site

import "strings"

// The pages that exist once per record or per chapter are written by Go
// code (layout.go, render_*.go), not by html/template: at 10,000 records
// the template engine's reflection was the largest cost of the build. These
// functions escape exactly as html/template does in the same places, so a
// page reads the same whichever way it was made (escape_test.go compares
// them with html/template on hostile strings).

// htmlReplacement is html/template's table for text and quoted attribute
// values: the characters that could end a value, start a tag or an entity.
var htmlReplacement = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// appendEscaped appends s as HTML text or as a quoted attribute value.
func appendEscaped(b []byte, s string) []byte {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if int(c) >= len(htmlReplacement) || htmlReplacement[c] == "" {
			continue
		}
		b = append(b, s[written:i]...)
		b = append(b, htmlReplacement[c]...)
		written = i + 1
	}
	return append(b, s[written:]...)
}

// safeURL reports whether s is relative or uses http, https or mailto; any
// other scheme (javascript:, data:) is replaced, as html/template does.
func safeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

// urlUnsafe is what html/template writes instead of a URL with a scheme it
// does not allow.
const urlUnsafe = "#ZgotmplZ"

// appendURLBytes appends s percent-encoded like html/template: normalize
// keeps the reserved characters and valid escapes (a whole URL or its path),
// otherwise they are encoded too (a query value or a fragment).
func appendURLBytes(b []byte, s string, normalize bool) []byte {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if normalize {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if normalize && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		b = append(b, s[written:i]...)
		b = append(b, '%', hex[c>>4], hex[c&15])
		written = i + 1
	}
	return append(b, s[written:]...)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
