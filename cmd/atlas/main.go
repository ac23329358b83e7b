// Command atlas builds, checks and previews the Telemetry Atlas site.
//
// Each subcommand lives in its own file (cmd_build.go, cmd_check.go …) and
// only parses flags and calls into internal/; the work is done there.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// Exit codes, the same for every subcommand.
const (
	exitOK      = 0
	exitContent = 1 // the content has problems
	exitUsage   = 2 // the command line is wrong
)

// command is one subcommand: a one-line summary and a run function that
// returns an exit code.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() map[string]command {
	return map[string]command{
		"build":   {"build the site into --out", runBuild},
		"check":   {"check every record, chapter and internal link", runCheck},
		"serve":   {"build, serve on 127.0.0.1 and rebuild on change", runServe},
		"new":     {"write a skeleton: atlas new vendor <id>", runNew},
		"schema":  {"write vendors/schema.json from the record types", runSchema},
		"version": {"print the version", runVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout, cmds)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "atlas: unknown command %q\n\n", args[0])
		usage(stderr, cmds)
		return exitUsage
	}
	return c.run(args[1:], stdout, stderr)
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "Usage: atlas <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(cmds))
	for name := range cmds {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-8s %s\n", name, cmds[name].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'atlas <command> --help' for the flags of a command.")
}
