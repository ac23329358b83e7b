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
// what is live; near the limit it collects sooner instead. A site whose
// live data outgrows the limit still builds: the runtime caps the time it
// gives the collector.
const defaultHeapLimit = 1024

// limitHeap sets the soft heap limit to mib MiB, unless GOMEMLIMIT is set
// or mib is 0.
func limitHeap(mib int) {
	if mib <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(int64(mib) << 20)
}
