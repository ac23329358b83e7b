package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestLimitHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	beforeGC := debug.SetGCPercent(100)
	t.Cleanup(func() {
		debug.SetMemoryLimit(before)
		debug.SetGCPercent(beforeGC)
	})
	tests := []struct {
		name       string
		mib        int
		gomemlimit string
		gogc       string
		want       int64
		wantGC     int
	}{
		{"the flag sets the limit", 512, "", "", 512 << 20, limitedGCPercent},
		{"0 means no limit", 0, "", "", math.MaxInt64, 100},
		{"GOMEMLIMIT wins", 512, "2GiB", "", math.MaxInt64, 100},
		{"GOGC keeps its value", 512, "", "100", 512 << 20, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetMemoryLimit(math.MaxInt64)
			debug.SetGCPercent(100)
			t.Setenv("GOMEMLIMIT", tt.gomemlimit)
			t.Setenv("GOGC", tt.gogc)
			limitHeap(tt.mib)()
			if got := debug.SetMemoryLimit(-1); got != tt.want {
				t.Errorf("limit = %d, want %d", got, tt.want)
			}
			if got := debug.SetGCPercent(100); got != tt.wantGC {
				t.Errorf("GOGC = %d, want %d", got, tt.wantGC)
			}
		})
	}
}
