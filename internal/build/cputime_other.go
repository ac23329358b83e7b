//go:build !unix

package build

import "time"

// cpuTime is unknown on systems without getrusage.
func cpuTime() time.Duration { return 0 }
