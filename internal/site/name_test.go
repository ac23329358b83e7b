package site

import (
	"strings"
	"testing"
)

func TestHasPrefixFold(t *testing.T) {
	cases := []struct {
		s, prefix string
		want      bool
	}{
		{"OnePlus OxygenOS", "OnePlus", true},
		{"oneplus OxygenOS", "OnePlus", true},
		{"Oxygen", "OnePlus", false},
		{"One", "OnePlus", false},
		{"Windows 10", "", true},
		{"Яндекс Браузер", "Яндекс", true},
		{"яндекс браузер", "ЯНДЕКС", true},
		{"Xiaomi MIUI", "Яндекс", false},
		{"Škoda Connect", "ŠKODA", true},
		{"Zoom", "Zoom Video", false},
	}
	for _, c := range cases {
		if got := hasPrefixFold(c.s, c.prefix); got != c.want {
			t.Errorf("hasPrefixFold(%q, %q) = %v, want %v", c.s, c.prefix, got, c.want)
		}
		// It answers as the lower-casing it stands for.
		if ref := strings.HasPrefix(strings.ToLower(c.s), strings.ToLower(c.prefix)); ref != c.want {
			t.Errorf("case %q, %q: the reference says %v", c.s, c.prefix, ref)
		}
	}
}
