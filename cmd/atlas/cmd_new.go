package main

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"

	"github.com/telemetry-atlas/atlas/internal/vendor"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("new", "atlas new vendor [--source DIR] <id>",
		"Write vendors/<id>.yaml, a commented skeleton of a record with every field explained.\n"+
			"It fails 'atlas check' until the facts and sources are filled in, and the check says\n"+
			"what is still missing. An existing file is never overwritten.", stderr)
	source := fs.String("source", ".", "the site's source directory")
	if len(args) == 0 || args[0] != "vendor" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fs.SetOutput(stdout)
			fs.Usage()
			return exitOK
		}
		fmt.Fprintln(stderr, "atlas new: say what to create: atlas new vendor <id>")
		fs.Usage()
		return exitUsage
	}
	if code, done := parse(fs, args[1:]); done {
		return code
	}
	id := fs.Arg(0)
	var extra []string
	if fs.NArg() > 1 {
		// Flags may also follow the id: atlas new vendor acme-phone --source site
		if code, done := parse(fs, fs.Args()[1:]); done {
			return code
		}
		extra = fs.Args()
	}
	if id == "" || len(extra) > 0 {
		fmt.Fprintln(stderr, "atlas new vendor: give one id, such as: atlas new vendor acme-phone")
		return exitUsage
	}
	if !vendor.ValidID(id) {
		fmt.Fprintf(stderr, "atlas new vendor: %q is not a record id; use lowercase letters a-z, digits and single hyphens, such as acme-phone\n", id)
		return exitUsage
	}
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		fmt.Fprintf(stderr, "atlas new vendor: %v\n", err)
		return exitContent
	}
	rel := "vendors/" + id + ".yaml"
	file := filepath.Join(*source, filepath.FromSlash(rel))
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, iofs.ErrExist) {
		fmt.Fprintf(stderr, "atlas new vendor: %s already exists; edit it, or pick another id\n", rel)
		return exitContent
	}
	if err != nil {
		fmt.Fprintf(stderr, "atlas new vendor: %v\n", err)
		return exitContent
	}
	if _, err := f.Write(vendor.Skeleton(id, tx)); err != nil {
		f.Close()
		os.Remove(file)
		fmt.Fprintf(stderr, "atlas new vendor: writing %s: %v\n", rel, err)
		return exitContent
	}
	if err := f.Close(); err != nil {
		os.Remove(file)
		fmt.Fprintf(stderr, "atlas new vendor: writing %s: %v\n", rel, err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %s\nFill in the fields (CONTRIBUTING.md explains each), then run: go run ./cmd/atlas check\n", rel)
	return exitOK
}
