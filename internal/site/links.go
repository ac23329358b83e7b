package site

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"strings"
	"sync"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"github.com/telemetry-atlas/atlas/internal/publish"
)

// htmlRefs is what one HTML file offers and asks for.
type htmlRefs struct {
	ids  map[string]bool
	refs []string // href and src values that are site paths or #fragments
}

// scanHTML collects the element ids and the site-relative href and src
// values of an HTML document.
func scanHTML(data []byte) htmlRefs {
	if r, ok := scanQuoted(data); ok {
		return r
	}
	return scanTokens(data)
}

// scanQuoted is scanHTML for the HTML this package writes, where every
// attribute value is in double quotes and no '"', '<' or '>' stands for
// itself inside one (html/template, the page writer, goldmark and chroma
// all escape them). That is an order of magnitude faster than tokenizing,
// and it is 100,000 pages at 10,000 records. It gives up (ok false) at the
// first tag it does not expect, and the page is tokenized instead.
func scanQuoted(data []byte) (r htmlRefs, ok bool) {
	r = htmlRefs{ids: map[string]bool{}}
	for i := 0; ; {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			return r, true
		}
		i += lt + 1
		if i >= len(data) {
			return r, true
		}
		switch c := data[i]; {
		case c == '!' && bytes.HasPrefix(data[i:], []byte("!--")):
			end := bytes.Index(data[i:], []byte("-->"))
			if end < 0 {
				return r, false
			}
			i += end + 3
			continue
		case c == '/' || c == '!':
			end := bytes.IndexByte(data[i:], '>')
			if end < 0 {
				return r, false
			}
			i += end + 1
			continue
		case !isASCIILetter(c):
			return r, false // a '<' that is not a tag: not our HTML
		}
		for i < len(data) && data[i] != '>' && data[i] != '/' && !isHTMLSpace(data[i]) {
			i++
		}
		// The attributes, up to the end of the tag.
		for {
			for i < len(data) && isHTMLSpace(data[i]) {
				i++
			}
			if i >= len(data) {
				return r, false
			}
			if data[i] == '>' {
				i++
				break
			}
			if data[i] == '/' && i+1 < len(data) && data[i+1] == '>' {
				i += 2
				break
			}
			start := i
			for i < len(data) && data[i] != '=' && data[i] != '>' && data[i] != '/' && !isHTMLSpace(data[i]) {
				i++
			}
			name := data[start:i]
			if len(name) == 0 || i >= len(data) {
				return r, false
			}
			if data[i] != '=' {
				continue // an attribute without a value
			}
			if i+1 >= len(data) || data[i+1] != '"' {
				return r, false
			}
			i += 2
			end := bytes.IndexByte(data[i:], '"')
			if end < 0 {
				return r, false
			}
			val := data[i : i+end]
			i += end + 1
			r.add(name, val)
		}
	}
}

// scanTokens is scanHTML for any HTML, with a tokenizer.
func scanTokens(data []byte) htmlRefs {
	r := htmlRefs{ids: map[string]bool{}}
	l := phtml.NewLexer(parse.NewInputBytes(data))
	for {
		tt, _ := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return r
		case phtml.AttributeToken:
			r.add(l.AttrKey(), bytes.Trim(l.AttrVal(), `"'`))
		}
	}
}

// add records an attribute if it is an id or a site link.
func (r *htmlRefs) add(key, val []byte) {
	isID := bytes.EqualFold(key, []byte("id"))
	if !isID && !bytes.EqualFold(key, []byte("href")) && !bytes.EqualFold(key, []byte("src")) {
		return
	}
	v := string(val)
	if bytes.IndexByte(val, '&') >= 0 {
		v = html.UnescapeString(v)
	}
	if isID {
		r.ids[v] = true
	} else if strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//") || strings.HasPrefix(v, "#") {
		r.refs = append(r.refs, v)
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// linkIndex is what the link check keeps of a whole build, filled from
// several goroutines as files are made: every file's name, every element
// id as "file#id", and every distinct link once. A page's scan is dropped
// as soon as it is merged, so a site of 100,000 files is checked without
// holding 100,000 scans.
type linkIndex struct {
	mu     sync.Mutex
	names  map[string]bool
	ids    map[string]struct{}
	refs   map[string]string // a link with a path → the first page, by name, that has it
	misses map[string]string // a "#fragment" its own page lacks → the first such page
}

func newLinkIndex() *linkIndex {
	return &linkIndex{names: map[string]bool{}, ids: map[string]struct{}{}, refs: map[string]string{}, misses: map[string]string{}}
}

// add records a file; an HTML file is scanned for its ids and links.
func (x *linkIndex) add(name string, data []byte) {
	if !strings.HasSuffix(name, ".html") {
		x.mu.Lock()
		x.names[name] = true
		x.mu.Unlock()
		return
	}
	r := scanHTML(data)
	x.mu.Lock()
	defer x.mu.Unlock()
	x.names[name] = true
	for id := range r.ids {
		x.ids[name+"#"+id] = struct{}{}
	}
	for _, ref := range r.refs {
		seen := x.refs
		if strings.HasPrefix(ref, "#") {
			// A bare fragment resolves on its own page, which is
			// scanned now: only the ones that miss are kept.
			if r.ids[fragment(ref)] {
				continue
			}
			seen = x.misses
		}
		if first, ok := seen[ref]; !ok || name < first {
			seen[ref] = name
		}
	}
}

// check reports every internal link that leads nowhere: links written in
// chapters with their file and line, and links in any generated page (from
// templates or records) with the first page that carries them.
func (x *linkIndex) check(c *course.Course) diag.Problems {
	lc := &linkChecker{
		exists: func(name string) bool { return x.names[name] },
		hasID: func(name, id string) bool {
			_, ok := x.ids[name+"#"+id]
			return ok
		},
	}
	var probs diag.Problems
	reported := map[string]bool{}
	if c != nil {
		probs, reported = lc.docLinks(c.Docs)
	}
	for _, links := range []map[string]string{x.refs, x.misses} {
		for ref, page := range links {
			if reported[ref] {
				continue
			}
			if msg := lc.resolve(page, ref); msg != "" {
				probs = append(probs, diag.Problem{File: "public/" + page, Msg: msg + " (generated by a template or a record)"})
			}
		}
	}
	probs.Sort()
	return probs
}

// fragment is the element id a link's #fragment names. html/template
// percent-encodes non-ASCII fragments (#%d0%b1…); a browser decodes them
// before it looks for the id.
func fragment(ref string) string {
	_, frag, _ := strings.Cut(ref, "#")
	if f, err := url.PathUnescape(frag); err == nil {
		return f
	}
	return frag
}

// target resolves a site path to the output file that serves it.
func target(files publish.Files, p string) (string, bool) {
	name := outputName(p)
	_, ok := files[name]
	return name, ok
}

// outputName is the output file that serves a site path.
func outputName(p string) string {
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name
}

// linkChecker resolves site links: whether a file exists, and whether an
// HTML file has an element id.
type linkChecker struct {
	exists func(name string) bool
	hasID  func(name, id string) bool
}

// lazyLinkChecker checks links against files it scans when a link first
// asks for one of their ids.
func lazyLinkChecker(get func(name string) ([]byte, bool)) *linkChecker {
	scanned := map[string]htmlRefs{}
	return &linkChecker{
		exists: func(name string) bool {
			_, ok := get(name)
			return ok
		},
		hasID: func(name, id string) bool {
			r, ok := scanned[name]
			if !ok {
				data, _ := get(name)
				r = scanHTML(data)
				scanned[name] = r
			}
			return r.ids[id]
		},
	}
}

// resolve returns "" when ref, seen on the page at file from, resolves.
func (lc *linkChecker) resolve(from, ref string) string {
	p, _, _ := strings.Cut(ref, "#")
	p, _, _ = strings.Cut(p, "?")
	frag := fragment(ref)
	name := from
	if p != "" {
		name = outputName(p)
		if !lc.exists(name) {
			return fmt.Sprintf("link %q leads to no page", ref)
		}
	}
	if frag != "" && strings.HasSuffix(name, ".html") && !lc.hasID(name, frag) {
		return fmt.Sprintf("link %q: the page has no heading or element with id %q", ref, frag)
	}
	return ""
}

// docLinks reports the links written in docs that lead nowhere, with their
// file and line, and returns the links it reported.
func (lc *linkChecker) docLinks(docs []*course.Doc) (diag.Problems, map[string]bool) {
	var probs diag.Problems
	reported := map[string]bool{}
	for _, d := range docs {
		from := strings.TrimPrefix(course.URL(d.Lang, d.Kind, d.Key), "/") + "index.html"
		for _, l := range d.Links {
			if msg := lc.resolve(from, l.URL); msg != "" {
				probs = append(probs, diag.Problem{File: d.File, Line: l.Line, Col: l.Col, Msg: msg})
				reported[l.URL] = true
			}
		}
	}
	return probs, reported
}

// checkLinks checks the links of a whole set of files.
func checkLinks(files publish.Files, c *course.Course) diag.Problems {
	x := newLinkIndex()
	names := files.Paths()
	parallel.Each(len(names), func(i int) { x.add(names[i], files[names[i]]) })
	return x.check(c)
}
