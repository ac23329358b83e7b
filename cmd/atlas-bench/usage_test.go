package main

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// TestPeakRSSIsInBytes runs this test binary again, doing nothing, and
// checks that its peak memory comes back in bytes: a Go program holds a
// few megabytes, not a few kilobytes (the unit left out) or gigabytes (one
// applied twice). Where the system does not say, peakRSS gives 0.
func TestPeakRSSIsInBytes(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	rss := peakRSS(cmd.ProcessState)
	switch runtime.GOOS {
	case "windows", "plan9", "wasip1", "js":
		if rss != 0 {
			t.Fatalf("peakRSS = %d where getrusage does not exist", rss)
		}
	default:
		if rss < 1<<20 || rss > 4<<30 {
			t.Fatalf("peakRSS = %d bytes for an idle Go program: not in bytes", rss)
		}
	}
}
