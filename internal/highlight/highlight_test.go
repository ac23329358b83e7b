package highlight

import (
	"strings"
	"sync"
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

func TestMemoWritesWhatTheHighlighterWrites(t *testing.T) {
	h := New()
	blocks := [][2]string{
		{"bash", "sudo nft add rule inet filter output ip daddr 203.0.113.7 drop\n"},
		{"powershell", "Get-Service DiagTrack | Stop-Service\n"},
		{"text", "0.0.0.0 t1.example.com\n"},
		{"bash", "echo '<b>'\n"},
		{"powershell", "echo '<b>'\n"}, // same code, another language
	}
	for _, maxBytes := range []int{0, 600, 1 << 20} {
		m := NewMemo(h, maxBytes)
		for round := 0; round < 3; round++ {
			for _, b := range blocks {
				want, err := h.String(b[0], b[1])
				if err != nil {
					t.Fatal(err)
				}
				var got strings.Builder
				if err := m.Write(&got, b[0], b[1]); err != nil {
					t.Fatal(err)
				}
				if got.String() != want {
					t.Errorf("max %d, round %d, %s %q: memo wrote\n%s\nwant\n%s", maxBytes, round, b[0], b[1], got.String(), want)
				}
			}
		}
		if m.size > maxBytes {
			t.Errorf("max %d: memo holds %d bytes", maxBytes, m.size)
		}
		if maxBytes == 1<<20 && len(m.blocks) != len(blocks) {
			t.Errorf("memo holds %d blocks, want %d", len(m.blocks), len(blocks))
		}
	}
}

// TestMemoConcurrent: workers share one memo, small enough to be cleared
// while they use it (run with -race).
func TestMemoConcurrent(t *testing.T) {
	h := New()
	m := NewMemo(h, 2000)
	codes := []string{"echo a\n", "echo b\n", "ls -l /tmp\n", "Get-Service\n"}
	want := map[string]string{}
	for _, c := range codes {
		want[c], _ = h.String("bash", c)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				c := codes[(i+w)%len(codes)]
				var b strings.Builder
				if err := m.Write(&b, "bash", c); err != nil || b.String() != want[c] {
					t.Errorf("%q: %v\n%s", c, err, b.String())
					return
				}
			}
		}()
	}
	wg.Wait()
}
