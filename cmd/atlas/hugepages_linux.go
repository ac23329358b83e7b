//go:build linux && (amd64 || arm64)

package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"syscall"
)

// madvHugePage is MADV_HUGEPAGE, which package syscall does not name.
const madvHugePage = 14

// adviseHugePages asks the kernel to back the heap a build is about to
// grow with transparent huge pages, where the machine leaves that to each
// program (/sys/kernel/mm/transparent_hugepage/enabled is "madvise", as on
// Debian and Ubuntu). A build at 10,000 chapters and 10,000 records walks
// about a gigabyte of heap: in 4 KiB pages that is some 350,000 page
// faults and a TLB miss on most pointers the collector follows; in 2 MiB
// pages, a twentieth to two fifths of the faults and about a tenth less
// CPU time (docs/performance.md, "The tenth pass").
//
// The Go runtime does not advise its heap itself, and a heap mapped later
// would not inherit advice given to what is mapped now. So this allocates
// a large block, which makes the runtime map that much heap without
// touching it, advises it, and frees it again: the build's own allocations
// then reuse those addresses, and each 2 MiB of them is faulted in whole.
// The block is the heap limit in effect, capped at half the machine's
// memory, which the kernel's overcommit heuristic lets through; where the
// kernel counts every mapping against a fixed budget
// (vm.overcommit_memory = 2) nothing is advised, because a mapping
// refused there would end the program.
//
// The block costs nothing only where it is new to the heap: the runtime
// hands out fresh memory as it is, but clears an allocation that begins in
// memory used before, and clearing faults in all of it. So the block is
// taken in chunks, one after the other: only a chunk that lands in used
// memory is cleared, and every chunk after it is fresh. And it is taken
// only while the heap is young (a build's, right after its flags are
// read): a heap that has already grown, by a build before in the same
// process, would hand the block back out of its own used memory.
//
// It returns what it did, for --stats, and an empty note when there was
// nothing to do; it never fails a build.
func adviseHugePages() string {
	if !thpLeftToPrograms() || strictOvercommit() {
		return ""
	}
	if mapped := runtimeMapped(); mapped == 0 || mapped > youngHeap {
		return ""
	}
	size := reservation(debug.SetMemoryLimit(-1))
	rss := residentBytes()
	advised, err := adviseFreshHeap(size)
	cleared := residentBytes() - rss
	debug.FreeOSMemory()
	if err != nil {
		return fmt.Sprintf("huge pages not advised: %v", err)
	}
	note := fmt.Sprintf("huge pages advised over %d MiB of heap", advised>>20)
	if cleared > 2*chunkSize {
		note += fmt.Sprintf(" (%d MiB of it was cleared first)", cleared>>20)
	}
	return note
}

// youngHeap is how much memory the runtime may have mapped for
// adviseHugePages still to find fresh memory above it.
const youngHeap = 64 << 20

// chunkSize is the size of the chunks the block is taken in: at most one
// is cleared on a young heap, whose free gaps are smaller.
const chunkSize = 16 << 20

// adviseFreshHeap allocates size bytes in chunks, advises each, and lets
// them go. It returns how many bytes were advised. The chunks are never
// touched: they stay unfaulted, and so cost no memory.
func adviseFreshHeap(size int64) (int64, error) {
	chunks := make([][]byte, 0, size/chunkSize)
	var advised int64
	for advised+chunkSize <= size {
		c := make([]byte, chunkSize)
		if err := syscall.Madvise(c, madvHugePage); err != nil {
			return advised, fmt.Errorf("madvise: %w", err)
		}
		chunks = append(chunks, c)
		advised += chunkSize
	}
	runtime.KeepAlive(chunks)
	return advised, nil
}

// runtimeMapped is how much memory the Go runtime has mapped, released
// memory included, or 0 when that cannot be read.
func runtimeMapped() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// residentBytes is the process's resident set now, or 0 when it cannot be
// read.
func residentBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(b))
	if len(fields) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// reservation is how much heap adviseHugePages maps and advises: the heap
// limit, or 1 GiB without one, and at most half of the machine's memory.
func reservation(limit int64) int64 {
	size := limit
	if size <= 0 || size > 16<<30 {
		size = 1 << 30
	}
	var info syscall.Sysinfo_t
	if err := syscall.Sysinfo(&info); err == nil {
		half := int64(info.Totalram) * int64(info.Unit) / 2
		if half > 0 && size > half {
			size = half
		}
	}
	return size
}

// hostReclaimsFreedMemory reports whether this machine hands the memory it
// frees back to its host (freePageReporting, on the running kernel's sysfs).
func hostReclaimsFreedMemory() bool { return freePageReporting(os.DirFS("/sys")) }

// thpLeftToPrograms reports whether the kernel gives huge pages to memory
// a program advises and only to that ("always [madvise] never"). Under
// "always" the heap gets them anyway, and under "never" advice is ignored.
func thpLeftToPrograms() bool {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && strings.Contains(string(b), "[madvise]")
}

// strictOvercommit reports whether the kernel refuses mappings beyond a
// fixed commit limit, or whether that cannot be told.
func strictOvercommit() bool {
	b, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err != nil || strings.TrimSpace(string(b)) == "2"
}
