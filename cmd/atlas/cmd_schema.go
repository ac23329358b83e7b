package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("schema", "atlas schema [--source DIR] [--check]",
		"Write vendors/schema.json, the JSON Schema editors use to complete and check records,\n"+
			"from the record types and the taxonomy. With --check, write nothing and exit 1 if\n"+
			"the committed file is stale.", stderr)
	source := fs.String("source", ".", "the site's source directory")
	check := fs.Bool("check", false, "exit 1 if the file is stale instead of writing it")
	if code, done := parse(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "atlas schema: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		fmt.Fprintf(stderr, "atlas schema: %v\n", err)
		return exitContent
	}
	want, err := vendor.Schema(tx)
	if err != nil {
		fmt.Fprintf(stderr, "atlas schema: %v\n", err)
		return exitContent
	}
	file := filepath.Join(*source, filepath.FromSlash(vendor.SchemaFile))
	if *check {
		have, err := os.ReadFile(file)
		if err != nil || !bytes.Equal(have, want) {
			fmt.Fprintf(stderr, "atlas schema: %s is stale; run 'go run ./cmd/atlas schema' and commit it\n", vendor.SchemaFile)
			return exitContent
		}
		fmt.Fprintf(stdout, "%s is up to date\n", vendor.SchemaFile)
		return exitOK
	}
	if have, err := os.ReadFile(file); err == nil && bytes.Equal(have, want) {
		fmt.Fprintf(stdout, "%s is up to date\n", vendor.SchemaFile)
		return exitOK
	}
	if err := publish.WriteFileAtomic(file, want, 0o644); err != nil {
		fmt.Fprintf(stderr, "atlas schema: writing %s: %v\n", file, err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %s\n", vendor.SchemaFile)
	return exitOK
}
