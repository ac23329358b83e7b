package main

import (
	"fmt"
	"io"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "atlas build: not built yet")
	return exitUsage
}
