package site

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"sort"
	"strings"

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
	r := htmlRefs{ids: map[string]bool{}}
	l := phtml.NewLexer(parse.NewInputBytes(data))
	for {
		tt, _ := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return r
		case phtml.AttributeToken:
			key := string(bytes.ToLower(l.AttrKey()))
			val := html.UnescapeString(strings.Trim(string(l.AttrVal()), `"'`))
			switch key {
			case "id":
				r.ids[val] = true
			case "href", "src":
				if strings.HasPrefix(val, "/") && !strings.HasPrefix(val, "//") || strings.HasPrefix(val, "#") {
					r.refs = append(r.refs, val)
				}
			}
		}
	}
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

// linkChecker resolves site links against the files of a build, scanning
// each HTML file for its ids and links at most once.
type linkChecker struct {
	get     func(name string) ([]byte, bool)
	scanned map[string]htmlRefs
}

func (lc *linkChecker) scan(name string) htmlRefs {
	if r, ok := lc.scanned[name]; ok {
		return r
	}
	data, _ := lc.get(name)
	r := scanHTML(data)
	lc.scanned[name] = r
	return r
}

// target resolves a site path to the output file that serves it.
func (lc *linkChecker) target(p string) (string, bool) {
	name := outputName(p)
	_, ok := lc.get(name)
	return name, ok
}

// resolve returns "" when ref, seen on the page at file from, resolves.
func (lc *linkChecker) resolve(from, ref string) string {
	p, frag, _ := strings.Cut(ref, "#")
	p, _, _ = strings.Cut(p, "?")
	// html/template percent-encodes non-ASCII fragments (#%d0%b1…); a
	// browser decodes them before it looks for the id.
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	name := from
	if p != "" {
		var ok bool
		if name, ok = lc.target(p); !ok {
			return fmt.Sprintf("link %q leads to no page", ref)
		}
	}
	if frag != "" && strings.HasSuffix(name, ".html") && !lc.scan(name).ids[frag] {
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

// checkLinks reports every internal link that leads nowhere: links written
// in chapters with their file and line, and links in any generated page
// (from templates or records) with the page that carries them.
func checkLinks(files publish.Files, c *course.Course) diag.Problems {
	names := map[string]bool{}
	var pages []string
	for _, name := range files.Paths() {
		names[name] = true
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	// Every page is scanned anyway: scan them on every CPU first.
	refs := make([]htmlRefs, len(pages))
	parallel.Each(len(pages), func(i int) { refs[i] = scanHTML(files[pages[i]]) })
	scanned := map[string]htmlRefs{}
	for i, name := range pages {
		scanned[name] = refs[i]
	}
	return checkScanned(names, scanned, c)
}

// checkScanned is checkLinks from what it needs of the files: every name,
// and every HTML page already scanned.
func checkScanned(names map[string]bool, scanned map[string]htmlRefs, c *course.Course) diag.Problems {
	lc := &linkChecker{get: func(name string) ([]byte, bool) { return nil, names[name] }, scanned: scanned}
	var pages []string
	for name := range scanned {
		pages = append(pages, name)
	}
	sort.Strings(pages)

	var probs diag.Problems
	reported := map[string]bool{}
	if c != nil {
		probs, reported = lc.docLinks(c.Docs)
	}
	for _, name := range pages {
		for _, ref := range lc.scanned[name].refs {
			if reported[ref] {
				continue
			}
			if msg := lc.resolve(name, ref); msg != "" {
				probs = append(probs, diag.Problem{File: "public/" + name, Msg: msg + " (generated by a template or a record)"})
				reported[ref] = true
			}
		}
	}
	return probs
}
