package site

import (
	"fmt"
	"maps"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// RenderRecord re-renders what one edited record shows on, for the
// preview server: its own pages (RenderRecordPages), then everything else
// that shows it (RenderRecordTables), with the problems of both. in holds
// the records with r in old's place; prev is the site built before the
// edit.
//
// It reports false, rendering nothing, when r is not old's record edited
// (another id), so the caller builds the whole site.
func RenderRecord(in Input, prev publish.Files, old, r *vendor.Record) (publish.Files, diag.Problems, bool, error) {
	pages, probs, ok, err := RenderRecordPages(in, prev, old, r)
	if err != nil || !ok {
		return nil, nil, ok, err
	}
	withPages := maps.Clone(prev)
	maps.Copy(withPages, pages)
	tables, more, ok, err := RenderRecordTables(in, withPages, old, r)
	if err != nil || !ok {
		return nil, nil, ok, err
	}
	maps.Copy(pages, tables)
	probs = append(probs, more...)
	probs.Sort()
	return pages, probs, true, nil
}

// RenderRecordPages re-renders an edited record's own pages, one per
// language, minified as a build writes them: the first of the preview's
// two steps, which the page of the record open in the browser waits for.
// Their links are checked in full against prev with the new pages in it,
// and so are the links that chapters make to the record's page, whose
// anchors the edit may have removed. in holds the records with r in old's
// place; prev is the site built before the edit.
//
// It reports false, rendering nothing, when r is not old's record edited
// (another id), so the caller builds the whole site. The search index is
// not made here: the pages point at prev's, which ReindexRecord updates in
// place.
func RenderRecordPages(in Input, prev publish.Files, old, r *vendor.Record) (publish.Files, diag.Problems, bool, error) {
	if old.ID != r.ID {
		return nil, nil, false, nil
	}
	b, err := previewBuilder(in, prev)
	if err != nil {
		return nil, nil, false, err
	}
	out, err := b.renderAll(b.recordPages(r))
	if err != nil {
		return nil, nil, false, err
	}
	lc := lazyLinkChecker(overlay(out, prev))
	probs := checkPages(out, lc)
	docProbs, _ := lc.docLinks(docsLinkingTo(in.Course, "/vendors/"+r.ID+"/"))
	probs = append(probs, docProbs...)
	probs.Sort()
	return out, probs, true, nil
}

// RenderRecordTables re-renders the rest of what an edited record shows on,
// the second of the preview's two steps: every page that lists, tables or
// counts the records (the home page, the matrix at /vendors/, the category
// tables, /compare/, the incidents, the methodology, the API page, the
// search page's filters), and the files made from the records (the JSON,
// CSV and hosts exports, /compare/'s columns, the incident feeds, the
// heatmaps). Chapters do not show a record's data, and no other record's
// page shows this one's, so none of them is made. prev is the site with
// the record's own pages already made again (RenderRecordPages). The files
// are minified, as a build writes them: the two largest, the matrix in
// each language, are written minified already, and at ten thousand records
// minifying them again would take longer than the rest.
//
// The tables' links are made from the records as before; of the pages they
// lead to, only those made again (here, or the record's own) can have lost
// an element, so the ids of the others (the other records' pages,
// thousands of them) are not looked for.
func RenderRecordTables(in Input, prev publish.Files, old, r *vendor.Record) (publish.Files, diag.Problems, bool, error) {
	if old.ID != r.ID {
		return nil, nil, false, nil
	}
	b, err := previewBuilder(in, prev)
	if err != nil {
		return nil, nil, false, err
	}
	groups := []func() []*Page{
		b.homePages,
		b.matrixPages,
		b.categoryPages,
		b.comparePages,
		b.methodologyPages,
		b.incidentsPages,
		b.apiPages,
		b.searchPages,
	}
	out, err := b.renderAll(makeGroups(groups))
	if err != nil {
		return nil, nil, false, err
	}
	exports, err := b.exports(r)
	if err != nil {
		return nil, nil, false, err
	}
	if err := publish.NewMinifier().All(exports); err != nil {
		return nil, nil, false, err
	}
	maps.Copy(out, exports)

	own := map[string]bool{}
	for _, p := range b.recordPages(r) {
		own[p.File()] = true
	}
	lc := lazyLinkChecker(overlay(out, prev))
	tables := &linkChecker{exists: lc.exists, hasID: func(name, id string) bool {
		if _, ok := out[name]; !ok && !own[name] {
			return true
		}
		return lc.hasID(name, id)
	}}
	probs := checkPages(out, tables)
	probs.Sort()
	return out, probs, true, nil
}

// renderAll renders pages minified on every CPU.
func (b *builder) renderAll(pages []*Page) (publish.Files, error) {
	mn := publish.NewMinifier()
	rendered := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	parallel.Each(len(pages), func(i int) { rendered[i], errs[i] = b.renderMinified(pages[i], mn) })
	out := publish.Files{}
	for i, p := range pages {
		if errs[i] != nil {
			return nil, fmt.Errorf("render %s: %w", p.URL, errs[i])
		}
		out[p.File()] = rendered[i]
	}
	return out, nil
}

// overlay looks a file up in top, then in under.
func overlay(top, under publish.Files) func(name string) ([]byte, bool) {
	return func(name string) ([]byte, bool) {
		if data, ok := top[name]; ok {
			return data, true
		}
		data, ok := under[name]
		return data, ok
	}
}

// checkPages checks the links of the HTML pages among files with check,
// the pages on every CPU: after a record's edit they are the two 30 MB
// matrices and the category tables.
func checkPages(files publish.Files, check *linkChecker) diag.Problems {
	var names []string
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	found := make([]diag.Problems, len(names))
	parallel.Each(len(names), func(i int) {
		var refs htmlRefs
		scanHTML(files[names[i]], &refs)
		seen := map[string]bool{}
		for _, ref := range refs.refs {
			if seen[string(ref)] {
				continue
			}
			seen[string(ref)] = true
			if msg := check.resolve(names[i], string(ref)); msg != "" {
				found[i] = append(found[i], diag.Problem{File: "public/" + names[i], Msg: msg + " (generated by a template or a record)"})
			}
		}
	})
	var probs diag.Problems
	for _, p := range found {
		probs = append(probs, p...)
	}
	return probs
}

// docsLinkingTo returns the documents with a link to the page at path in
// any language.
func docsLinkingTo(c *course.Course, path string) []*course.Doc {
	if c == nil {
		return nil
	}
	var out []*course.Doc
	for _, d := range c.Docs {
		for _, l := range d.Links {
			if strings.Contains(l.URL, path) {
				out = append(out, d)
				break
			}
		}
	}
	return out
}
