package site

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"github.com/telemetry-atlas/atlas/internal/publish"
)

// htmlRefs is what one HTML file offers and asks for. The values are the
// file's own bytes, or copies where an entity was unescaped: they are good
// as long as the file's bytes are, and a scan reuses the slices of the one
// before.
type htmlRefs struct {
	ids  [][]byte // element ids, in page order, repeats and all
	refs [][]byte // href and src values that are site paths or #fragments
}

// scanHTML collects the element ids and the site-relative href and src
// values of an HTML document into r.
func scanHTML(data []byte, r *htmlRefs) {
	if scanQuoted(data, r) {
		return
	}
	scanTokens(data, r)
}

// idSet returns r's ids as a set.
func (r *htmlRefs) idSet() map[string]bool {
	set := make(map[string]bool, len(r.ids))
	for _, id := range r.ids {
		set[string(id)] = true
	}
	return set
}

// Byte classes of scanQuoted, as bits: one table lookup ends a name, where
// a chain of comparisons per byte cost a third of the scan.
const (
	endsTagName  = 1 << iota // whitespace, '>', '/'
	endsAttrName             // those and '='
	htmlSpace                // whitespace
)

// scanClass is scanQuoted's table of byte classes; it is never written to.
var scanClass = [256]uint8{
	' ': endsTagName | endsAttrName | htmlSpace, '\n': endsTagName | endsAttrName | htmlSpace,
	'\t': endsTagName | endsAttrName | htmlSpace, '\r': endsTagName | endsAttrName | htmlSpace,
	'\f': endsTagName | endsAttrName | htmlSpace,
	'>':  endsTagName | endsAttrName, '/': endsTagName | endsAttrName, '=': endsAttrName,
}

// scanQuoted is scanHTML for the HTML this package writes, where every
// attribute value is in double quotes and no '"', '<' or '>' stands for
// itself inside one (html/template, the page writer, goldmark and chroma
// all escape them). That is an order of magnitude faster than tokenizing,
// and it is 100,000 pages at 10,000 records. It gives up (false) at the
// first tag it does not expect, and the page is tokenized instead.
func scanQuoted(data []byte, r *htmlRefs) bool {
	r.ids, r.refs = r.ids[:0], r.refs[:0]
	for i := 0; ; {
		// Tags mostly follow each other ("</td><td"): a look at the next
		// byte saves IndexByte's call.
		if i >= len(data) || data[i] != '<' {
			lt := bytes.IndexByte(data[i:], '<')
			if lt < 0 {
				return true
			}
			i += lt
		}
		i++
		if i >= len(data) {
			return true
		}
		switch c := data[i]; {
		case c == '!' && bytes.HasPrefix(data[i:], []byte("!--")):
			end := bytes.Index(data[i:], []byte("-->"))
			if end < 0 {
				return false
			}
			i += end + 3
			continue
		case c == '/' || c == '!':
			// An end tag or the doctype: short, so a loop beats
			// IndexByte's call.
			for i < len(data) && data[i] != '>' {
				i++
			}
			if i == len(data) {
				return false
			}
			i++
			continue
		case !isASCIILetter(c):
			return false // a '<' that is not a tag: not our HTML
		}
		for i < len(data) && scanClass[data[i]]&endsTagName == 0 {
			i++
		}
		// The attributes, up to the end of the tag.
		for {
			for i < len(data) && scanClass[data[i]]&htmlSpace != 0 {
				i++
			}
			if i >= len(data) {
				return false
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
			for i < len(data) && scanClass[data[i]]&endsAttrName == 0 {
				i++
			}
			name := data[start:i]
			if len(name) == 0 || i >= len(data) {
				return false
			}
			if data[i] != '=' {
				continue // an attribute without a value
			}
			if i+1 >= len(data) || data[i+1] != '"' {
				return false
			}
			i += 2
			// Most values are a few bytes (a class, a number): a loop
			// finds their end sooner than IndexByte's call.
			end := i
			for end < len(data) && end-i < 16 && data[end] != '"' {
				end++
			}
			if end-i == 16 {
				n := bytes.IndexByte(data[end:], '"')
				if n < 0 {
					return false
				}
				end += n
			}
			if end >= len(data) {
				return false
			}
			val := data[i:end]
			i = end + 1
			r.add(name, val)
		}
	}
}

// scanTokens is scanHTML for any HTML, with a tokenizer.
func scanTokens(data []byte, r *htmlRefs) {
	r.ids, r.refs = r.ids[:0], r.refs[:0]
	l := phtml.NewLexer(parse.NewInputBytes(data))
	for {
		tt, _ := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return
		case phtml.AttributeToken:
			// The lexer's bytes are its own: keep a copy.
			r.add(l.AttrKey(), bytes.Clone(bytes.Trim(l.AttrVal(), `"'`)))
		}
	}
}

// add records an attribute if it is an id or a site link.
func (r *htmlRefs) add(key, val []byte) {
	isID, isLink := refAttr(key)
	if !isID && !isLink {
		return
	}
	if bytes.IndexByte(val, '&') >= 0 {
		val = []byte(html.UnescapeString(string(val)))
	}
	if isID {
		r.ids = append(r.ids, val)
	} else if siteLink(val) {
		r.refs = append(r.refs, val)
	}
}

// refAttr reports whether an attribute named key is an id, or an href or
// src, in any case.
func refAttr(key []byte) (isID, isLink bool) {
	switch len(key) {
	case 2:
		return lower(key[0]) == 'i' && lower(key[1]) == 'd', false
	case 3:
		return false, lower(key[0]) == 's' && lower(key[1]) == 'r' && lower(key[2]) == 'c'
	case 4:
		if key[0] >= utf8.RuneSelf {
			// Case folding takes U+017F, "ſ", for an 's'.
			return false, bytes.EqualFold(key, []byte("src"))
		}
		return false, lower(key[0]) == 'h' && lower(key[1]) == 'r' && lower(key[2]) == 'e' && lower(key[3]) == 'f'
	}
	return false, false
}

// lower folds an ASCII letter to lower case: lower(c) is a lower-case
// letter exactly when c is that letter in either case (other bytes become
// no letter).
func lower(c byte) byte { return c | 0x20 }

// siteLink reports whether a link's value is a site path or a #fragment.
func siteLink(v []byte) bool {
	return len(v) > 0 && (v[0] == '#' || v[0] == '/' && (len(v) == 1 || v[1] != '/'))
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// linkIndex is what the link check keeps of a whole build, filled from
// several goroutines as files are made: every file's name, every page's
// element ids, and every distinct link once. A page's scan is dropped as
// soon as it is merged, so a site of 100,000 files is checked without
// holding 100,000 scans.
type linkIndex struct {
	scans sync.Pool // of *pageScan, reused from page to page

	mu     sync.Mutex
	names  map[string]bool
	ids    map[string][]string // a page → its element ids, repeats and all
	refs   map[string]string   // a link with a path → the first page, by name, that has it
	misses map[string]string   // a "#fragment" its own page lacks → the first such page
}

// ownKept is how many ids a pageScan's set may have held and still be
// cleared for the next page rather than made anew.
const ownKept = 256

// pageScan is what linkIndex.add needs for one page, kept for the next.
type pageScan struct {
	htmlRefs
	joined []byte              // the page's ids end to end, made one string
	own    map[string]struct{} // the page's ids, for its bare #fragments
	frag   []byte              // a fragment, percent-decoded
}

func newLinkIndex() *linkIndex {
	return &linkIndex{
		scans:  sync.Pool{New: func() any { return &pageScan{own: map[string]struct{}{}} }},
		names:  map[string]bool{},
		ids:    map[string][]string{},
		refs:   map[string]string{},
		misses: map[string]string{},
	}
}

// add records a file; an HTML file is scanned for its ids and links.
func (x *linkIndex) add(name string, data []byte) {
	if !strings.HasSuffix(name, ".html") {
		x.mu.Lock()
		x.names[name] = true
		x.mu.Unlock()
		return
	}
	s := x.scans.Get().(*pageScan)
	defer func() {
		// The scan's slices point into data: cleared, they do not keep
		// a large page (the matrix: 30 MB) alive for as long as the scan
		// waits in the pool.
		clear(s.ids)
		clear(s.refs)
		x.scans.Put(s)
	}()
	scanHTML(data, &s.htmlRefs)
	ids := s.idStrings()
	refs := s.unresolved(ids)
	x.mu.Lock()
	defer x.mu.Unlock()
	x.names[name] = true
	if len(ids) > 0 {
		// A file emitted twice keeps the ids of both.
		x.ids[name] = append(x.ids[name], ids...)
	}
	for _, ref := range refs {
		seen := x.refs
		if ref[0] == '#' {
			seen = x.misses
		}
		// Looking up string(ref) does not allocate; only a new key does.
		if first, ok := seen[string(ref)]; !ok || name < first {
			seen[string(ref)] = name
		}
	}
}

// idStrings returns the scanned ids as strings, all cut from one, so
// that a page's ids cost one allocation and not one each.
func (s *pageScan) idStrings() []string {
	if len(s.ids) == 0 {
		return nil
	}
	s.joined = s.joined[:0]
	for _, id := range s.ids {
		s.joined = append(s.joined, id...)
	}
	joined := string(s.joined)
	ids := make([]string, len(s.ids))
	for i, id := range s.ids {
		ids[i], joined = joined[:len(id)], joined[len(id):]
	}
	return ids
}

// unresolved returns the scanned links the index must keep: a link with
// a path, and a bare fragment only when the page, whose ids are ids, does
// not have it. It reuses the slice of s.refs.
func (s *pageScan) unresolved(ids []string) [][]byte {
	if len(s.own) > ownKept {
		// clear walks every slot a map ever grew: after the incidents
		// page (10,000 ids), every later page paid for 10,000 slots.
		s.own = make(map[string]struct{}, len(ids))
	}
	clear(s.own)
	for _, id := range ids {
		s.own[id] = struct{}{}
	}
	keep := s.refs[:0]
	for _, ref := range s.refs {
		if ref[0] == '#' {
			if _, ok := s.own[string(s.fragment(ref))]; ok {
				continue
			}
		}
		keep = append(keep, ref)
	}
	return keep
}

// fragment is fragment(ref) for a bare fragment, decoded into s.frag
// when it has to be.
func (s *pageScan) fragment(ref []byte) []byte {
	frag := ref[1:]
	if bytes.IndexByte(frag, '%') < 0 {
		return frag // PathUnescape would give it back as it is
	}
	f, err := url.PathUnescape(string(frag))
	if err != nil {
		return frag
	}
	s.frag = append(s.frag[:0], f...)
	return s.frag
}

// check reports every internal link that leads nowhere: links written in
// chapters with their file and line, and links in any generated page (from
// templates or records) with the first page that carries them. The index
// is only read by now, so the links are resolved on every CPU, each worker
// with a checker of its own.
func (x *linkIndex) check(c *course.Course) diag.Problems {
	var docs []*course.Doc
	if c != nil {
		docs = c.Docs
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(docs)+len(x.refs)+len(x.misses)))
	probs := make([]diag.Problems, workers)
	reports := make([]map[string]bool, workers)
	checkers := make([]*linkChecker, workers) // each keeps its id sets for both passes
	parallel.Each(workers, func(w int) {
		checkers[w] = x.checker()
		probs[w], reports[w] = checkers[w].docLinks(part(docs, w, workers))
	})
	reported := map[string]bool{}
	for _, r := range reports {
		maps.Copy(reported, r)
	}
	type generated struct{ ref, page string }
	var gen []generated
	for _, links := range []map[string]string{x.refs, x.misses} {
		for ref, page := range links {
			if !reported[ref] {
				gen = append(gen, generated{ref, page})
			}
		}
	}
	parallel.Each(workers, func(w int) {
		for _, g := range part(gen, w, workers) {
			if msg := checkers[w].resolve(g.page, g.ref); msg != "" {
				probs[w] = append(probs[w], diag.Problem{File: "public/" + g.page, Msg: msg + " (generated by a template or a record)"})
			}
		}
	})
	all := slices.Concat(probs...)
	all.Sort()
	return all
}

// checker returns a link checker over the index, with a cache of its own
// of the pages' id sets.
func (x *linkIndex) checker() *linkChecker {
	sets := map[string]map[string]bool{}
	return &linkChecker{
		exists: func(name string) bool { return x.names[name] },
		hasID: func(name, id string) bool {
			set, ok := sets[name]
			if !ok {
				set = make(map[string]bool, len(x.ids[name]))
				for _, id := range x.ids[name] {
					set[id] = true
				}
				sets[name] = set
			}
			return set[id]
		},
	}
}

// part is the w-th of n nearly equal parts of s.
func part[T any](s []T, w, n int) []T {
	return s[w*len(s)/n : (w+1)*len(s)/n]
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
// asks for one of their ids. It is safe for concurrent use (two pages
// asking at once may both scan a file).
func lazyLinkChecker(get func(name string) ([]byte, bool)) *linkChecker {
	var mu sync.Mutex
	scanned := map[string]map[string]bool{}
	return &linkChecker{
		exists: func(name string) bool {
			_, ok := get(name)
			return ok
		},
		hasID: func(name, id string) bool {
			mu.Lock()
			ids, ok := scanned[name]
			mu.Unlock()
			if !ok {
				data, _ := get(name)
				var r htmlRefs
				scanHTML(data, &r)
				ids = r.idSet()
				mu.Lock()
				scanned[name] = ids
				mu.Unlock()
			}
			return ids[id]
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
