package course

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/telemetry-atlas/atlas/internal/diag"
)

// frontMatter is the YAML block that opens every chapter and page.
type frontMatter struct {
	Title   string `yaml:"title"`
	Key     string `yaml:"key"`
	Order   int    `yaml:"order"`
	Summary string `yaml:"summary"`
	Updated string `yaml:"updated"`
}

var keyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// splitFrontMatter separates the leading ---/--- block from the body and
// returns the number of lines before the body, so body positions map back to
// file lines.
func splitFrontMatter(src []byte) (fm, body []byte, bodyLine int, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, src, 0, false
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	line := 1
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
			end = len(rest) - off
		} else {
			l = rest[off : off+end]
		}
		line++
		if string(bytes.TrimRight(l, "\r")) == "---" {
			next := off + end + 1
			if next > len(rest) {
				next = len(rest)
			}
			return rest[:off], rest[next:], line, true
		}
		off += end + 1
	}
	return nil, src, 0, false
}

// parseFrontMatter decodes and checks the front matter of file; kind decides
// whether an order is required.
func parseFrontMatter(file string, src []byte, kind Kind) (frontMatter, []byte, int, diag.Problems) {
	var probs diag.Problems
	add := func(line, col int, path, format string, args ...any) {
		probs = append(probs, diag.Problem{File: file, Line: line, Col: col, Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	raw, body, bodyLine, ok := splitFrontMatter(src)
	var fm frontMatter
	if !ok {
		add(1, 1, "", "no front matter: start the file with a line '---', the fields title, key, summary, updated%s, and a closing '---'", orderHint(kind))
		return fm, body, 0, probs
	}
	if err := yaml.UnmarshalWithOptions(raw, &fm, yaml.Strict()); err != nil {
		line, col := 2, 1
		msg := err.Error()
		var se yaml.Error
		if errors.As(err, &se) {
			if tok := se.GetToken(); tok != nil && tok.Position != nil {
				line, col = tok.Position.Line+1, tok.Position.Column
			}
			msg = se.GetMessage()
		}
		add(line, col, "front matter", "%s", msg)
		return fm, body, bodyLine, probs
	}
	need := func(v, field, hint string) {
		if v == "" {
			add(2, 1, field, "missing: add %s: %s", field, hint)
		}
	}
	need(fm.Title, "title", "the heading readers see")
	need(fm.Key, "key", "the URL slug shared by every translation, e.g. protecting-yourself")
	need(fm.Summary, "summary", "one or two sentences for the index and search")
	need(fm.Updated, "updated", "the day of the last real change, YYYY-MM-DD")
	if fm.Key != "" && !keyPattern.MatchString(fm.Key) {
		add(2, 1, "key", "%q is not a slug: use lowercase a-z, 0-9 and single hyphens", fm.Key)
	}
	if fm.Updated != "" {
		if _, err := time.Parse(time.DateOnly, fm.Updated); err != nil {
			add(2, 1, "updated", "%q is not a date of the form YYYY-MM-DD", fm.Updated)
		}
	}
	if kind == KindChapter && fm.Order <= 0 {
		add(2, 1, "order", "missing: add order: N, the chapter's position in the course (1, 2, …)")
	}
	return fm, body, bodyLine, probs
}

func orderHint(kind Kind) string {
	if kind == KindChapter {
		return ", order"
	}
	return ""
}
