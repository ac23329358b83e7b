package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

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
	if err := writeFileAtomic(file, want); err != nil {
		fmt.Fprintf(stderr, "atlas schema: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %s\n", vendor.SchemaFile)
	return exitOK
}

// writeFileAtomic writes data to a temporary file beside name and renames it
// into place, so a reader never sees half a file.
func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".atlas-*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
