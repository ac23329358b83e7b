//go:build !(linux && (amd64 || arm64))

package main

// adviseHugePages does nothing here: transparent huge pages, and the
// advice that asks for them, are Linux's (see hugepages_linux.go).
func adviseHugePages() string { return "" }

// hostReclaimsFreedMemory is Linux's question (hugepages_linux.go).
func hostReclaimsFreedMemory() bool { return false }
