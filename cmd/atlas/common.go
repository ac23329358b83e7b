package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/readahead"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// siteFlags are the flags build, check and serve share.
type siteFlags struct {
	source  string
	out     string
	baseURL string
	today   string
}

func (f *siteFlags) register(fs *flag.FlagSet, withOut bool) {
	fs.StringVar(&f.source, "source", ".", "the repository root: content/, vendors/, templates/, static/")
	if withOut {
		fs.StringVar(&f.out, "out", "public", "where the site is written")
	}
	fs.StringVar(&f.baseURL, "base-url", "", "absolute URL the site is served from (default: base_url in content/site.yaml)")
	fs.StringVar(&f.today, "today", "", "the day to check dates against, YYYY-MM-DD (default: today, UTC)")
}

// options turns the flags into build options.
func (f *siteFlags) options() (build.Options, error) {
	today := vendor.NewDate(time.Now().UTC().Date())
	if f.today != "" {
		d, err := vendor.ParseDate(f.today)
		if err != nil {
			return build.Options{}, fmt.Errorf("--today: %w", err)
		}
		today = d
	}
	if st, err := os.Stat(f.source); err != nil || !st.IsDir() {
		return build.Options{}, fmt.Errorf("--source %q is not a directory", f.source)
	}
	return build.Options{Source: readahead.Dir(f.source), BaseURL: f.baseURL, Today: today}, nil
}

// report prints the problems of a build and returns the exit code.
func report(w io.Writer, res *build.Result, err error, format string) int {
	if errors.Is(err, build.ErrProblems) {
		printProblems(w, res.Problems, format)
		fmt.Fprintf(w, "%d problem(s); nothing was published.\n", len(res.Problems))
		return exitContent
	}
	fmt.Fprintf(w, "atlas: %v\n", err)
	return exitContent
}

func printProblems(w io.Writer, ps diag.Problems, format string) {
	for _, p := range ps {
		if format == "github" {
			fmt.Fprintln(w, p.GitHub())
		} else {
			fmt.Fprintln(w, p.String())
		}
	}
}
