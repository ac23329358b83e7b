package main

import (
	"fmt"
	"io"

	"github.com/telemetry-atlas/atlas/internal/build"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "atlas check [--source DIR] [--format text|github]",
		"Run every check the build runs — records, chapter front matter, internal links —\n"+
			"and report every problem of every file, sorted, without writing anything.\n"+
			"Exit status 1 when there is any problem.", stderr)
	var f siteFlags
	f.register(fs, false)
	format := fs.String("format", "text", "text, or github for GitHub Actions annotations")
	if code, done := parse(fs, args); done {
		return code
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "atlas check: --format %q: use text or github\n", *format)
		return exitUsage
	}
	opt, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "atlas check: %v\n", err)
		return exitUsage
	}
	res, err := build.Run(opt)
	if err != nil {
		return report(stdout, res, err, *format)
	}
	fmt.Fprintf(stdout, "ok: %d records, %d chapters and pages, %d pages checked\n", res.Stats.Records, res.Stats.Chapters, res.Stats.Pages)
	return exitOK
}
