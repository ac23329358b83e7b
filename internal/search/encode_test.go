package search

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tricky are strings for the hand-written encoders and the space collapser:
// JSON escapes, bytes that are not UTF-8, Unicode space, combining marks.
var tricky = []string{
	"",
	"plain text",
	"Ctl\x00\x01\x1f \b\f\n\r\t \"q\" \\ /",
	"<b>&amp;</b> stays as it is",
	"a\u2028b\u2029c \x7f DEL",
	"bad \xff\xfe utf8 and a cut rune \xe2\x80",
	"\u0085 nel \u00a0nbsp \u3000 ideographic \u2003 em",
	"  lead and trail  ",
	" \t\n",
	"ёЁ ИЙ и\u0306 cafe\u0301 \u0301\u0301 ǅ ΣΑΣ ＡＢＣ ١٢٣ 𝟘𝟙 İstanbul",
	"one  two   three\n\nfour",
}

// jsonText is what encoding/json writes for s without HTML escaping.
func jsonText(t *testing.T, s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func TestAppendText(t *testing.T) {
	for _, s := range tricky {
		if got, want := string(appendText([]byte("x"), s)), "x"+jsonText(t, s); got != want {
			t.Errorf("appendText(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendText(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendText(nil, s)), jsonText(t, s); got != want {
			t.Errorf("appendText(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestCollapseSpace(t *testing.T) {
	for _, s := range tricky {
		want := strings.Join(strings.Fields(s), " ")
		for _, limit := range []int{0, 1, 5, 10, 1000} {
			got := collapseSpace(s, limit)
			if len(want) <= limit && got != want || !strings.HasPrefix(want, got) || len(got) <= limit && got != want {
				t.Errorf("collapseSpace(%q, %d) = %q, want %q or a prefix longer than the limit", s, limit, got, want)
			}
		}
	}
}

func FuzzClip(f *testing.F) {
	for _, s := range tricky {
		f.Add(s, 8)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n&63 + 1
		if got, want := clip(s, n), clipFields(s, n); got != want {
			t.Errorf("clip(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}

// clipFields is clip as it was written first, collapsing space with
// strings.Fields.
func clipFields(s string, n int) string {
	if len(s) > 2*n {
		cut := 2 * n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut]
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > n*3/4 {
		cut = sp
	}
	return s[:cut]
}

func TestEntrySize(t *testing.T) {
	b := &builder{docs: append(fixtureEN(), synthDocs(200, 3)...)}
	b.analyse()
	b.score()
	if len(b.stems) < 100 {
		t.Fatalf("only %d stems", len(b.stems))
	}
	for sid := range b.stems {
		if got, want := b.entrySize(int32(sid)), len(b.appendEntry(nil, int32(sid))); got != want {
			t.Errorf("entrySize(%q) = %d, want %d", b.stems[sid], got, want)
		}
	}
}

func TestIntLen(t *testing.T) {
	for _, v := range []int32{0, 9, 10, 99, 100, -1, -10, 1 << 29, 1<<31 - 1} {
		if got, want := intLen(v), len(strconv.Itoa(int(v))); got != want {
			t.Errorf("intLen(%d) = %d, want %d", v, got, want)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		type word struct {
			w          string
			start, end int
		}
		var got, want []word
		words(s, func(w string, start, end int) { got = append(got, word{w, start, end}) })
		wordsReference(s, func(w string, start, end int) { want = append(want, word{w, start, end}) })
		if !slices.Equal(got, want) {
			t.Errorf("words(%q) = %v, want %v", s, got, want)
		}
	})
}

// wordsReference is words as it was written first, with a strings.Builder
// and closures.
func wordsReference(s string, fn func(word string, start, end int)) {
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

func TestCollapsedPrefix(t *testing.T) {
	tests := []struct {
		s     string
		limit int
		want  int
	}{
		{"", 10, 0},
		{"one two", 10, 7},
		{"one two ", 10, 7},
		{" one", 10, 0},
		{"one  two", 10, 3},
		{"one\ttwo", 10, 0},
		{"one twö", 10, 8},
		{"один два", 20, 15},
		{"one\u00a0two", 20, 0},
		{"one two\u3000", 20, 3},
		{"one \xff\xfe two", 20, 10},
		{"one two three four", 4, 7},
	}
	for _, tt := range tests {
		if got := collapsedPrefix(tt.s, tt.limit); got != tt.want {
			t.Errorf("collapsedPrefix(%q, %d) = %d, want %d", tt.s, tt.limit, got, tt.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", true},
		{"plain text", true},
		{"Телеметрия и ещё «Яндекс»", true},
		{"naïve café € 𝟘 \u0085", false},
		{"naïve café € 𝟘", true},
		{" lead", false},
		{"trail ", false},
		{"two  spaces", false},
		{"tab\there", false},
		{"new\nline", false},
		{"\"quoted\"", false},
		{`back\slash`, false},
		{"nbsp\u00a0here", false},
		{"em\u2003space", false},
		{"line\u2028sep", false},
		{"bad \xff byte", false},
		{"cut rune \xd0", false},
		{"\ufffd as it is", true},
		{"<b>&amp;</b>", true},
		{"\x7f DEL", true},
	}
	for _, tt := range tests {
		if got := plainText(tt.s); got != tt.want {
			t.Errorf("plainText(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Add("Телеметрия и ещё «Яндекс»")
	f.Fuzz(func(t *testing.T, s string) {
		if !plainText(s) {
			return // clip and appendText write it: always right
		}
		if got := clip(s, len(s)); got != s {
			t.Errorf("plainText(%q), but clip gives %q", s, got)
		}
		if got := string(appendText(nil, s)); got != `"`+s+`"` {
			t.Errorf("plainText(%q), but appendText gives %s", s, got)
		}
	})
}
