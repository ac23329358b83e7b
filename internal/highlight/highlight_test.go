package highlight

import (
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	h := New()
	tests := []struct {
		lang, code string
		want       []string
		notWant    []string
	}{
		{"powershell", "New-NetFirewallRule -DisplayName 'x'", []string{`<pre class="chroma"`, `class="`}, []string{"style="}},
		{"bash", "echo '<script>alert(1)</script>'", []string{"&lt;script&gt;"}, []string{"<script>", "style="}},
		{"hosts", "0.0.0.0 open.oneplus.net", []string{"0.0.0.0 open.oneplus.net"}, []string{"style="}},
		{"no-such-language", "a < b", []string{"a &lt; b"}, []string{"style="}},
	}
	for _, tt := range tests {
		got, err := h.String(tt.lang, tt.code)
		if err != nil {
			t.Fatalf("%s: %v", tt.lang, err)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: output lacks %q:\n%s", tt.lang, w, got)
			}
		}
		for _, nw := range tt.notWant {
			if strings.Contains(got, nw) {
				t.Errorf("%s: output has %q:\n%s", tt.lang, nw, got)
			}
		}
	}
}

func TestStylesheetHasBothThemes(t *testing.T) {
	css, err := Stylesheet()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(css, "prefers-color-scheme: dark") || strings.Count(css, ".chroma") < 4 {
		t.Fatalf("stylesheet lacks a dark theme or token classes:\n%.400s", css)
	}
}

func TestDarkThemeOverridesEveryLightClass(t *testing.T) {
	css, err := Stylesheet()
	if err != nil {
		t.Fatal(err)
	}
	light, dark, ok := strings.Cut(css, "@media (prefers-color-scheme: dark)")
	if !ok {
		t.Fatal("no dark theme")
	}
	for _, line := range strings.Split(light, "\n") {
		i := strings.Index(line, ".chroma .")
		if i < 0 || !strings.Contains(line, "color:") {
			continue
		}
		sel := line[i : i+strings.Index(line[i:], " {")]
		if !strings.Contains(dark, sel+" {") {
			t.Errorf("dark theme lacks %q, so it keeps its light colour", sel)
		}
	}
}
