package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPacedGCPercent(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		name         string
		target, live uint64
		want         int
	}{
		{"nothing live yet", 768 * mib, 0, pacedGCMax},
		{"little live: the most the pacer allows", 768 * mib, 75 * mib, pacedGCMax},
		{"exactly five times", 500 * mib, 100 * mib, pacedGCMax},
		{"the goal is the target", 768 * mib, 336 * mib, 128},
		{"half the target live: double", 768 * mib, 384 * mib, 100},
		{"near the target: the least", 768 * mib, 700 * mib, pacedGCMin},
		{"over the target: the least", 768 * mib, 900 * mib, pacedGCMin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pacedGCPercent(tt.target, tt.live); got != tt.want {
				t.Errorf("pacedGCPercent(%d MiB, %d MiB) = %d, want %d", tt.target/mib, tt.live/mib, got, tt.want)
			}
		})
	}
}

// TestHeapPacerFollowsCollections checks that the pacer hears of
// collections and sets GOGC from what they left live, and that it stops.
func TestHeapPacerFollowsCollections(t *testing.T) {
	before := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(before) })

	// A target far under what is live: the pacer can only set its least.
	p := startHeapPacer(1)
	defer p.stop()
	live := make([]byte, 8<<20)
	runtime.GC()
	deadline := time.Now().Add(10 * time.Second)
	for p.last.Load() == 0 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	if got := p.last.Load(); got != pacedGCMin {
		t.Fatalf("after a collection the pacer set GOGC %d, want %d", got, pacedGCMin)
	}
	if got := debug.SetGCPercent(100); got != pacedGCMin {
		t.Errorf("GOGC is %d, want the pacer's %d", got, pacedGCMin)
	}

	p.stop()
	p.last.Store(0)
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := p.last.Load(); got != 0 {
		t.Errorf("a stopped pacer set GOGC %d", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after stop GOGC is %d, want 100 as the test left it", got)
	}
}
