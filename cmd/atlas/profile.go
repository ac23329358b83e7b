package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

// startCPUProfile writes a CPU profile to name until the returned function
// is called.
func startCPUProfile(name string) (func(), error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeapProfile writes the heap's allocations so far to name.
func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return nil
}

// defaultHeapLimit is the soft heap limit of a build, in MiB. A build
// allocates far more than it keeps (every page is made, written and
// dropped), so without a limit the collector lets the heap grow to twice
// what is live; under the limit a heapPacer aims it at three quarters of
// the limit, and near the limit the runtime collects sooner. A site whose
// live data outgrows the limit still builds: the runtime caps the time it
// gives the collector.
const defaultHeapLimit = 1024

// limitedGCPercent is the collector's GOGC under a heap limit. With the
// default of 100 a build that grows its heap from nothing to 500 MB while
// it loads collects some twenty times on the way, marking everything live
// each time; the limit already bounds the heap, so the collector can wait
// until the heap is five times what was live. At 10,000 + 10,000 that is
// 18 collections instead of 37 and about a quarter less collector time at
// the same peak.
const limitedGCPercent = 400

// limitHeap sets the soft heap limit to mib MiB, and lets the heap grow
// further between collections below it, unless GOMEMLIMIT is set or mib is
// 0. GOGC, when set, keeps its value; otherwise a heapPacer keeps the
// heap's goal at three quarters of the limit (see heappacer.go). The
// returned function stops the pacer.
func limitHeap(mib int) (stop func()) {
	if mib <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	debug.SetMemoryLimit(int64(mib) << 20)
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	debug.SetGCPercent(limitedGCPercent)
	return startHeapPacer(uint64(mib) << 20 * pacedShare / 100).stop
}
