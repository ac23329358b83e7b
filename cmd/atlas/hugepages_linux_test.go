//go:build linux && (amd64 || arm64)

package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestAdviseHugePages runs adviseHugePages in a process of its own, as a
// build does: its heap is young there, and the test's own builds leave it
// alone.
func TestAdviseHugePages(t *testing.T) {
	if !thpLeftToPrograms() {
		t.Skip("transparent huge pages are not left to programs here (transparent_hugepage/enabled is not madvise)")
	}
	if strictOvercommit() {
		t.Skip("vm.overcommit_memory is 2: adviseHugePages does nothing there")
	}
	if os.Getenv("ATLAS_TEST_HUGE_PAGES") != "child" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestAdviseHugePages$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "ATLAS_TEST_HUGE_PAGES=child")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("in a process of its own: %v\n%s", err, out)
		}
		if !strings.Contains(string(out), "--- PASS: TestAdviseHugePages") {
			t.Fatalf("in a process of its own, the test did not pass:\n%s", out)
		}
		return
	}

	before := advisedBytes(t)
	note := adviseHugePages()
	t.Log(note)
	var mib int64
	if _, err := fmt.Sscanf(note, "huge pages advised over %d MiB of heap", &mib); err != nil {
		t.Fatalf("adviseHugePages() = %q, want a note of how much heap it advised (%v)", note, err)
	}
	if mib < 256 {
		t.Errorf("advised %d MiB, want at least 256 MiB on a machine with 1 GiB", mib)
	}
	// The advice stays on the heap's mappings after the block is freed:
	// that is what the build's own allocations fault in.
	if grown := advisedBytes(t) - before; grown < mib<<20 {
		t.Errorf("mappings marked for huge pages grew by %d MiB, want at least the %d MiB the note tells of", grown>>20, mib)
	}
	// Nothing of the block was touched, not even cleared.
	if strings.Contains(note, "cleared") {
		t.Errorf("note %q: a chunk of the block was cleared on a young heap", note)
	}
	if peak := peakResidentBytes(t); peak > 256<<20 {
		t.Errorf("the resident set has peaked at %d MiB: the block was touched", peak>>20)
	}
	// The heap has grown now: a second build in this process would get
	// its own used memory back, so nothing is advised again.
	if again := adviseHugePages(); again != "" {
		t.Errorf("second adviseHugePages() = %q, want nothing done", again)
	}
}

// advisedBytes sums the mappings of this process that carry MADV_HUGEPAGE
// ("hg" in smaps' VmFlags).
func advisedBytes(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	var total, size int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 2 && fields[0] == "Size:":
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				t.Fatalf("smaps: %q: %v", sc.Text(), err)
			}
			size = kb << 10
		case len(fields) >= 1 && fields[0] == "VmFlags:":
			for _, flag := range fields[1:] {
				if flag == "hg" {
					total += size
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return total
}

// peakResidentBytes is the largest resident set this process has had
// (VmHWM): a block touched and freed again still shows there.
func peakResidentBytes(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		fields := strings.Fields(line)
		if len(fields) >= 2 && fields[0] == "VmHWM:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				t.Fatalf("status: %q: %v", line, err)
			}
			return kb << 10
		}
	}
	t.Skip("no VmHWM in /proc/self/status")
	return 0
}

func TestReservation(t *testing.T) {
	var info syscall.Sysinfo_t
	if err := syscall.Sysinfo(&info); err != nil {
		t.Skipf("sysinfo: %v", err)
	}
	half := int64(info.Totalram) * int64(info.Unit) / 2
	capped := func(n int64) int64 { return min(n, half) }
	tests := []struct {
		name  string
		limit int64
		want  int64
	}{
		{"the heap limit", 512 << 20, capped(512 << 20)},
		{"no limit", 1<<63 - 1, capped(1 << 30)},
		{"a limit past 16 GiB", 64 << 30, capped(1 << 30)},
		{"a negative limit", -1, capped(1 << 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reservation(tt.limit); got != tt.want {
				t.Errorf("reservation(%d) = %d, want %d", tt.limit, got, tt.want)
			}
		})
	}
}
