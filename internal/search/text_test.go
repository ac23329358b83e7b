package search

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Hello, World!", []string{"hello", "world"}},
		{"Windows 10 (build 19045) sends it.", []string{"windows", "10", "build", "19045", "sends", "it"}},
		{"OnePlus's \"device_id\"", []string{"oneplus", "s", "device", "id"}},
		{"e-mail/URL: open.oneplus.net", []string{"e", "mail", "url", "open", "oneplus", "net"}},
		{"Телеметрия — это ЁЖИК?", []string{"телеметрия", "это", "ежик"}},
		{"ещё «Яндекс.Браузер»", []string{"еще", "яндекс", "браузер"}},
		{"серии\u0306ныи\u0306 номер", []string{"серийный", "номер"}}, // decomposed й
		{"cafe\u0301 naïve", []string{"cafe", "naïve"}},               // other marks dropped
		{"Android 14, iOS 17.2", []string{"android", "14", "ios", "17", "2"}},
		{"   ", nil},
		{"2FA и 5G", []string{"2fa", "и", "5g"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWordSpans(t *testing.T) {
	in := "Send the «Телеметрия» now"
	var got []string
	words(in, func(w string, start, end int) { got = append(got, in[start:end]) })
	want := []string{"Send", "the", "Телеметрия", "now"}
	if !slices.Equal(got, want) {
		t.Errorf("spans = %q, want %q", got, want)
	}
}

func TestTerm(t *testing.T) {
	tests := []struct {
		word string
		stem string // "" for a stop word
	}{
		{"numbers", "number"},
		{"number", "number"},
		{"serial", "serial"},
		{"collecting", "collect"},
		{"collected", "collect"},
		{"privacy", "privaci"},
		{"xiaomi", "xiaomi"},
		{"the", ""},
		{"does", ""},
		{"телеметрия", "телеметр"},
		{"телеметрии", "телеметр"},
		{"телеметрию", "телеметр"},
		{"отключить", "отключ"},
		{"отключение", "отключен"},
		{"и", ""},
		{"как", ""},
		{"2026", "2026"},
		{"android14", "android14"},
	}
	for _, tt := range tests {
		st, ok := term(tt.word)
		if tt.stem == "" {
			if ok {
				t.Errorf("term(%q) = %q, want a stop word", tt.word, st)
			}
			continue
		}
		if !ok || st != tt.stem {
			t.Errorf("term(%q) = %q, %v, want %q", tt.word, st, ok, tt.stem)
		}
	}
}

func TestScript(t *testing.T) {
	tests := []struct {
		w    string
		want script
	}{
		{"oneplus", scriptLatin},
		{"телеметрия", scriptCyrillic},
		{"10телеметрия", scriptCyrillic},
		{"2026", scriptOther},
		{"αβγ", scriptOther},
	}
	for _, tt := range tests {
		if got := scriptOf(tt.w); got != tt.want {
			t.Errorf("scriptOf(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestDecodeRune(t *testing.T) {
	tests := []string{
		"a", "ж", "Ж", "ё", "é", "\u0080", "\u07ff", "\u0800", "€", "𝟘",
		"\xc0\x80", "\xc1\xbf", "\xc2", "\xc2\x41", "\xd0\xc0", "\xdf", "\xe2\x80", "\xff", "\x80",
	}
	for _, s := range tests {
		for _, in := range []string{s, "x" + s, s + "y"} {
			i := 0
			if in[0] == 'x' {
				i = 1
			}
			if in[i] < utf8.RuneSelf {
				continue
			}
			r, size := decodeRune(in, i)
			wr, wsize := utf8.DecodeRuneInString(in[i:])
			if r != wr || size != wsize {
				t.Errorf("decodeRune(%q, %d) = %U, %d, want %U, %d", in, i, r, size, wr, wsize)
			}
		}
	}
}
