//go:build !unix

package main

import "os"

// syncDisks does nothing where there is no sync(2); settle still waits
// for the disks to go quiet where it can see them.
func syncDisks() {}

// peakRSS is unknown without getrusage: 0.
func peakRSS(*os.ProcessState) int64 { return 0 }
