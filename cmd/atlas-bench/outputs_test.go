package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func TestOutputsWaitOutTheQuarantine(t *testing.T) {
	work := t.TempDir()
	o := newOutputs(work)
	now := time.Unix(1_800_000_000, 0)
	if d := o.left(now); d != 0 {
		t.Fatalf("nothing removed yet, but left = %s", d)
	}
	// Nothing to remove: no stamp, no wait.
	if err := o.removeAll(work); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(o.stamp); err == nil {
		t.Fatal("removing nothing wrote a stamp")
	}
	for _, dir := range []string{o.of(1, "atlas"), o.of(2, "hugo"), filepath.Join(work, "public-atlas")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.removeAll(work); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{o.dir, filepath.Join(work, "public-atlas")} {
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("%s is still there", dir)
		}
	}
	data, err := os.ReadFile(o.stamp)
	if err != nil {
		t.Fatal(err)
	}
	sec, err := strconv.ParseInt(string(data[:len(data)-1]), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	removed := time.Unix(sec, 0)
	tests := []struct {
		after time.Duration
		want  time.Duration
	}{
		{0, quarantine},
		{20 * time.Second, quarantine - 20*time.Second},
		{quarantine, 0},
		{10 * time.Minute, 0},
	}
	for _, tt := range tests {
		if got := o.left(removed.Add(tt.after)); got != tt.want {
			t.Errorf("%s after the removal: left = %s, want %s", tt.after, got, tt.want)
		}
	}
}

func TestOutputsOfEachRunAreApart(t *testing.T) {
	o := newOutputs("w")
	seen := map[string]bool{}
	for run := 1; run <= 3; run++ {
		for _, tool := range []string{"atlas", "hugo"} {
			p := o.of(run, tool)
			if seen[p] {
				t.Fatalf("%s is used twice", p)
			}
			seen[p] = true
		}
	}
}
