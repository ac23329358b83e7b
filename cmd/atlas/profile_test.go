package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestLimitHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	tests := []struct {
		name       string
		mib        int
		gomemlimit string
		want       int64
	}{
		{"the flag sets the limit", 512, "", 512 << 20},
		{"0 means no limit", 0, "", math.MaxInt64},
		{"GOMEMLIMIT wins", 512, "2GiB", math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetMemoryLimit(math.MaxInt64)
			t.Setenv("GOMEMLIMIT", tt.gomemlimit)
			limitHeap(tt.mib)
			if got := debug.SetMemoryLimit(-1); got != tt.want {
				t.Errorf("limit = %d, want %d", got, tt.want)
			}
		})
	}
}
