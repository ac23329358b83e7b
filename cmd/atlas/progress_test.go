package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/publish"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		stage       string
		done, total int
		want        string
	}{
		{"load", 0, 0, "\r\033[Kload…"},
		{"render", 12, 300, "\r\033[Krender 12/300"},
	}
	for _, tt := range tests {
		if got := line(tt.stage, tt.done, tt.total); got != tt.want {
			t.Errorf("line(%q, %d, %d) = %q, want %q", tt.stage, tt.done, tt.total, got, tt.want)
		}
	}
}

// TestProgressOnlyOnTerminal: a log or a pipe gets no progress lines.
func TestProgressOnlyOnTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf)
	p.report("render", 1, 2)
	p.clear()
	if buf.Len() != 0 {
		t.Fatalf("progress written to a buffer: %q", buf.String())
	}
	p.enabled = true // as on a terminal
	p.report("render", 1, 2)
	p.report("render", 2, 2)
	p.clear()
	if !strings.Contains(buf.String(), "render 2/2") || !strings.HasSuffix(buf.String(), "\r\033[K") {
		t.Fatalf("terminal output %q", buf.String())
	}
}

func TestPrintStats(t *testing.T) {
	var buf bytes.Buffer
	printStats(&buf, build.Stats{Chapters: 3, Records: 2, Pages: 10, Files: 20, Bytes: 12345,
		Stages: []build.Stage{{Name: "load", Duration: 1e9, CPU: 19e8}, {Name: "pages", Duration: 3e9, CPU: 33e8}}})
	for _, want := range []string{"3 chapters and pages, 2 records", "10 pages, 20 files, 12345 bytes written",
		"load", "25.0%", "1.9s  1.90 cores", "pages", "75.0%", "1.10 cores", "total", "5.2s  1.30 cores"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("stats lack %q:\n%s", want, buf.String())
		}
	}
}

func TestPrintTreeStats(t *testing.T) {
	var buf bytes.Buffer
	printTreeStats(&buf, publish.TreeStats{Rewritten: 68000, Unchanged: 67990, Noted: 67980, Created: 12, Removed: 3})
	if want := "68000 written over the previous site's (67990 of them the same and left alone, 67980 of those known by the note on their sums), 12 created, 3 of its files removed"; !strings.Contains(buf.String(), want) {
		t.Errorf("tree stats %q lack %q", buf.String(), want)
	}
}
