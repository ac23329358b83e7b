package htmlmin

import (
	"math/rand/v2"
	"strings"
	"testing"

	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
)

// slowNeedsRewrite is needsRewrite's definition, byte by byte.
func slowNeedsRewrite(t []byte) bool {
	var prev uint8
	return needsRewriteBytes(t, &prev)
}

// TestNeedsRewrite checks the eight-bytes-at-a-time needsRewrite against
// its byte-by-byte definition, with the bytes that matter at every place
// of a word and across words.
func TestNeedsRewrite(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"", false},
		{"plain words here", false},
		{"a b\nc d\ne f g h i j k", false},
		{"seven b  x", true},
		{"abcdefg  hij", true},        // across words
		{"abcdefg\n\nhij", true},      // across words
		{"abcdefg \nhij", true},       // across words
		{"abcdefgh ijklmno p", false}, // spaces in different words
		{"abcdefghijklmnopqrstuvw\t", true},
		{"abcdefghij&amp;", true},
		{"abc!\"#$%'()*+,-./ xyz", false},
		{"\x00\x01\x0b\x1f\x7f\x80\xff nothing", false},
		{"0123456789abcdef\r", true},
		{"0123456789abcdef\f", true},
	} {
		if got := needsRewrite([]byte(tt.in)); got != tt.want {
			t.Errorf("needsRewrite(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if got := slowNeedsRewrite([]byte(tt.in)); got != tt.want {
			t.Errorf("slowNeedsRewrite(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	alphabet := []byte(" \n\t\r\f&\x0b!\"%'abcxyz\x00\x7f\x80\xff")
	r := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			if r.IntN(3) == 0 {
				b[i] = alphabet[r.IntN(len(alphabet))]
			} else {
				b[i] = "lorem ipsum dolor sit amet"[r.IntN(26)]
			}
		}
		if got, want := needsRewrite(b), slowNeedsRewrite(b); got != want {
			t.Fatalf("needsRewrite(%q) = %v, want %v", b, got, want)
		}
	}
	// Every byte value at every place of two words, alone and after a
	// space.
	for c := range 256 {
		for i := range 16 {
			for _, before := range []string{"", " "} {
				b := []byte(strings.Repeat("x", 16))
				if i > 0 && before != "" {
					b[i-1] = ' '
				}
				b[i] = byte(c)
				if got, want := needsRewrite(b), slowNeedsRewrite(b); got != want {
					t.Fatalf("needsRewrite(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// slowScanValue is scanValue's definition, byte by byte.
func slowScanValue(s []byte) (n int, clean bool) {
	var bad, prev uint8
	for i, c := range s {
		k := valueClass[c]
		if k&quoteByte != 0 {
			return i, bad == 0 && (i == 0 || s[0] != ' ' && s[i-1] != ' ')
		}
		bad |= k&prev | k>>1
		prev = k & spaceByte
	}
	return -1, false
}

// TestScanValue checks the eight-bytes-at-a-time scanValue against its
// byte-by-byte definition.
func TestScanValue(t *testing.T) {
	for _, tt := range []struct {
		in    string
		n     int
		clean bool
	}{
		{`"`, 0, true},
		{``, -1, false},
		{`abc`, -1, false},
		{`a b c d e f g h i j" x  y`, 19, true},
		{`abcdefg  hijkl"`, 14, false},
		{`abcdefg hijkl "`, 14, false},
		{` abcdefghijkl"`, 13, false},
		{`abcdefgh&amp;ijk"`, 16, false},
		{`abcdefghijklmnop"\t\t\t\t\t\t\t\t`, 16, true},
		{"abcdefghi\njklmn\"", 15, false},
		{"abc\x0bdefghijklm\"", 14, true},
	} {
		if n, clean := scanValue([]byte(tt.in)); n != tt.n || clean != tt.clean {
			t.Errorf("scanValue(%q) = %d, %v; want %d, %v", tt.in, n, clean, tt.n, tt.clean)
		}
		if n, clean := slowScanValue([]byte(tt.in)); n != tt.n || clean != tt.clean {
			t.Errorf("slowScanValue(%q) = %d, %v; want %d, %v", tt.in, n, clean, tt.n, tt.clean)
		}
	}
	alphabet := []byte(" \n\t\r\f&\"\x0b!%'abcxyz\x00\x7f\x80\xff")
	r := rand.New(rand.NewPCG(5, 6))
	for range 300000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = alphabet[r.IntN(len(alphabet))]
			} else {
				b[i] = "lorem ipsum dolor sit amet"[r.IntN(26)]
			}
		}
		n, clean := scanValue(b)
		if wn, wclean := slowScanValue(b); n != wn || clean != wclean {
			t.Fatalf("scanValue(%q) = %d, %v; want %d, %v", b, n, clean, wn, wclean)
		}
	}
}

// TestWhitespaceOnly checks whitespaceOnly against what
// ReplaceMultipleWhitespaceAndEntities makes of the same text.
func TestWhitespaceOnly(t *testing.T) {
	for _, tt := range []struct {
		in     string
		ok     bool
		wantWS byte
	}{
		{" ", true, ' '},
		{"\n", true, '\n'},
		{"\r", true, '\n'},
		{"\t\f ", true, ' '},
		{"\n        ", true, '\n'},
		{"   \r\n  ", true, '\n'},
		{"\x0b", false, 0},
		{"\n  x", false, 0},
		{"x", false, 0},
		{" &amp; ", false, 0},
		{"\u00a0", false, 0},
	} {
		ws, ok := whitespaceOnly([]byte(tt.in))
		if ok != tt.ok || ws != tt.wantWS {
			t.Errorf("whitespaceOnly(%q) = %q, %v, want %q, %v", tt.in, ws, ok, tt.wantWS, tt.ok)
		}
		if !ok {
			continue
		}
		got := parse.ReplaceMultipleWhitespaceAndEntities([]byte(tt.in), mhtml.EntitiesMap, mhtml.TextRevEntitiesMap)
		if string(got) != string(ws) {
			t.Errorf("tdewolff makes %q of %q, whitespaceOnly says %q", got, tt.in, ws)
		}
	}
}
