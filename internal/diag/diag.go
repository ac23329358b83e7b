// Package diag is the one shape every content problem takes: a place in a
// file, what is wrong there, and how to fix it. Loading and checking collect
// problems instead of stopping at the first, so a contributor sees every
// mistake of every file in one run.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with the content, at a place.
type Problem struct {
	File string // slash-separated path relative to the source root
	Line int    // 1-based; 0 when the problem concerns the whole file
	Col  int    // 1-based; 0 when unknown
	Path string // the field, as collects[1].category; empty for the whole file
	Msg  string // what is wrong and, where there is one, the fix
}

// String renders the problem as file:line:col: path: message.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// GitHub renders the problem as a GitHub Actions annotation, so a pull
// request shows it on the line.
func (p Problem) GitHub() string {
	msg := p.Msg
	if p.Path != "" {
		msg = p.Path + ": " + msg
	}
	var b strings.Builder
	b.WriteString("::error file=")
	b.WriteString(escapeProperty(p.File))
	if p.Line > 0 {
		fmt.Fprintf(&b, ",line=%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ",col=%d", p.Col)
		}
	}
	b.WriteString("::")
	b.WriteString(escapeData(msg))
	return b.String()
}

// Problems is a list of problems that is also an error.
type Problems []Problem

// Sort orders problems by file, line, column and message, so that output is
// the same whatever order the files were read in.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Msg < b.Msg
	})
}

// Error lists every problem, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
