package main

import (
	"fmt"
	"io"
)

func runSchema(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "atlas schema: not built yet")
	return exitUsage
}
