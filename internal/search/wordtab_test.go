package search

import (
	"fmt"
	"testing"
)

func TestWordTable(t *testing.T) {
	tests := []struct {
		name  string
		words []string
	}{
		{"none", nil},
		{"one", []string{"telemetry"}},
		{"empty word", []string{"", "a"}},
		{"prefixes", []string{"a", "ab", "abc", "abcd"}},
		{"past growing", manyWords(5000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := newWordTable()
			var words []string
			for i, w := range tt.words {
				if _, _, ok := tab.find([]byte(w), words); ok {
					t.Fatalf("%q found before it was added", w)
				}
				_, hash, _ := tab.find([]byte(w), words)
				words = append(words, w)
				tab.add(int32(i), hash)
			}
			for i, w := range tt.words {
				if id, _, ok := tab.find([]byte(w), words); !ok || id != int32(i) {
					t.Errorf("find(%q) = %d, %v, want %d, true", w, id, ok, i)
				}
			}
			if _, _, ok := tab.find([]byte("absent"), words); ok {
				t.Error(`find("absent") found it`)
			}
		})
	}
}

func manyWords(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("w%d", i)
	}
	return out
}
