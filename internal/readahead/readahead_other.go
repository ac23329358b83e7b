//go:build !linux

package readahead

// readAhead does nothing where posix_fadvise is not used: the files are
// read when they are read.
func readAhead(string, int64) {}
