package htmlmin

import (
	"math/rand/v2"
	"strings"
	"testing"
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
