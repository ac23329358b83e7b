//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// syncDisks asks the kernel to write out what it holds for the disks.
func syncDisks() { syscall.Sync() }

// peakRSS is the largest resident set a finished process had, in bytes,
// or 0 where the system does not say.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) * 1024 // kilobytes on Linux and the BSDs
}
