package site_test

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// hostileRecord is a valid record whose texts have what htmlmin respells:
// runs and ends of whitespace, line breaks, tabs, quotes, '&' and '<', in
// text, in attributes and in the Markdown of its summary and notes.
func hostileRecord() string {
	r := testsite.Record("hostile")
	for _, sub := range [][2]string{
		{"product: Phone hostile", `product: "  Tom &  Jerry's \"best\"\t phone  "`},
		{`versions: "Acme OS 1 (2017)"`, `versions: "1 &amp; 2\n  (2017)  "`},
		{"summary: Sends the serial number with usage statistics.", `summary: "Sends  the *serial*\nnumber & \\<b> more.\n\nA second   paragraph, 'quoted' &amp; &copy; «quoted»."`},
		{"items: [serial number]", `items: ["  serial   number ", "a & b", "x &lt; y"]`},
		{"how: Point the host nowhere.", `how: "  Point the  host\nnowhere & \\<away> ` + "`code`" + `. "`},
		{"title: Serial numbers found in analytics", `title: " Serial \"numbers\" &amp; more "`},
		{"summary: A researcher found the serial number in the analytics stream.", `summary: "A researcher   found it.\n  See **this** & that. "`},
		{"title: A report", `title: "A \"report\" & 'notes' "`},
		{"url: https://example.org/report", "url: https://example.org/report?a=1&b=2&amp=3&lt=4"},
		{"publisher: Example", `publisher: "Ex & \"ample\""`},
	} {
		if !strings.Contains(r, sub[0]) {
			panic("hostileRecord: the test record lacks " + sub[0])
		}
		r = strings.Replace(r, sub[0], sub[1], 1)
	}
	return r
}

// TestPagesAreWrittenMinified: a record's page and a chapter, in every
// language, and the tables of every record (the matrix, the categories)
// are handed over as written minified already (Input.EmitMinified), and
// the minifier leaves them as they are: the build may skip minifying them.
func TestPagesAreWrittenMinified(t *testing.T) {
	hostile := testsite.Make(t, map[string]string{"vendors/hostile.yaml": hostileRecord()})
	corpusDay, _ := vendor.ParseDate(corpus.Today)
	for _, tc := range []struct {
		name  string
		fsys  fs.FS
		today vendor.Date
		// tables says that the tables of every record are handed over
		// minified: their rows have no attribute value with a double
		// quote (a name, an item), which would go in single quotes, which
		// only tdewolff reads: such a table is minified whole.
		tables bool
	}{
		{"shipped", os.DirFS(testsite.Root(t)), vendor.NewDate(2026, 11, 22), false},
		{"hostile", os.DirFS(hostile), vendor.NewDate(2026, 11, 22), false},
		{"corpus", corpusFS(t, corpus.Options{Chapters: 10, Records: 40}), corpusDay, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, probs, err := build.Load(build.Options{Source: tc.fsys, Today: tc.today})
			if err != nil || len(probs) > 0 {
				t.Fatalf("%v %v", err, probs)
			}
			var mu sync.Mutex
			minified, others := map[string][]byte{}, map[string][]byte{}
			owned := map[string]bool{}
			keepMinified := keep(&mu, minified)
			in.Emit = keep(&mu, others)
			in.EmitMinified = func(name string, data []byte, own bool) error {
				mu.Lock()
				owned[name] = own
				mu.Unlock()
				return keepMinified(name, data)
			}
			if _, probs, err := site.Build(*in); err != nil || len(probs) > 0 {
				t.Fatalf("%v %v", err, probs)
			}
			// wantMinified checks that the page at url in lang was handed
			// over minified.
			wantMinified := func(lang, url string) {
				name := strings.TrimPrefix(course.Localize(lang, url), "/") + "index.html"
				if _, ok := minified[name]; !ok {
					_, emitted := others[name]
					t.Errorf("%s was not handed over as minified (emitted as it is: %v)", name, emitted)
				}
			}
			for _, lang := range course.Languages {
				if !tc.tables {
					break
				}
				// The tables of every record splice their rows in: the
				// matrix, and each category that a record collects.
				tables := []string{"/vendors/"}
				for _, c := range in.Taxonomy.Categories {
					if slices.ContainsFunc(in.Records, func(r *vendor.Record) bool {
						return slices.ContainsFunc(r.Collects, func(col vendor.Collection) bool { return col.Category == c.ID })
					}) {
						tables = append(tables, "/categories/"+c.ID+"/")
					}
				}
				for _, url := range tables {
					wantMinified(lang, url)
					// Spliced in memory of its own: handed over, not copied.
					if name := strings.TrimPrefix(course.Localize(lang, url), "/") + "index.html"; !owned[name] {
						t.Errorf("%s was not handed over as the receiver's own", name)
					}
				}
			}
			for _, lang := range course.Languages {
				for _, d := range in.Course.Chapters(lang) {
					wantMinified(lang, "/course/"+d.Key+"/")
				}
			}
			for _, r := range in.Records {
				for _, lang := range course.Languages {
					// A description with a double quote goes in single
					// quotes, which only tdewolff reads: that page is
					// minified as a whole.
					if !strings.Contains(r.Summary, `"`) && !strings.Contains(r.Translations[lang].Summary, `"`) {
						wantMinified(lang, "/vendors/"+r.ID+"/")
					}
					// Written into a buffer the next page reuses: the
					// receiver must copy it.
					if name := strings.TrimPrefix(course.Localize(lang, "/vendors/"+r.ID+"/"), "/") + "index.html"; owned[name] {
						t.Errorf("%s was handed over as the receiver's own, but its memory is reused", name)
					}
				}
			}
			// What the build would have made of them: htmlmin, or tdewolff
			// for the markup htmlmin leaves to it (a value in single
			// quotes, because it has double ones).
			mn := publish.NewMinifier()
			for name, data := range minified {
				out, err := mn.Bytes(name, bytes.Clone(data))
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				if i := firstDifference(out, data); i >= 0 {
					t.Errorf("%s: htmlmin changes it at byte %d:\n written: %q\nminified: %q", name, i,
						data[max(0, i-60):min(len(data), i+60)], out[max(0, i-60):min(len(out), i+60)])
				}
			}
		})
	}
}

// firstDifference returns the first index where a and b differ, or -1.
func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

// TestLayoutFitsEachPage: the parts of the layout written once and copied
// (see pageWriter.shared) still fit the page they are copied into: its
// language, its section marked in the navigation, its language marked in
// the list of languages, its language's search index.
func TestLayoutFitsEachPage(t *testing.T) {
	in := loadCorpus(t, corpusFS(t, corpus.Options{Chapters: 6, Records: 6}))
	files, probs, err := site.Build(*in)
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", err, probs)
	}
	sections := []string{"course", "vendors", "compare", "incidents", "methodology", "about"}
	checked := map[string]bool{}
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || !bytes.Contains(data, []byte(`<nav class="nav"`)) {
			continue
		}
		page := string(data)
		lang, rest := "en", name
		if r, ok := strings.CutPrefix(name, "ru/"); ok {
			lang, rest = "ru", r
		}
		prefix := strings.TrimSuffix(course.Localize(lang, "/"), "/")
		if !strings.Contains(page, `<html lang="`+lang+`"`) {
			t.Errorf("%s: not marked as %s", name, lang)
		}
		if !strings.Contains(page, `data-search-index="/search/`+lang+`/`) {
			t.Errorf("%s: not searching the %s index", name, lang)
		}
		top, _, _ := strings.Cut(rest, "/")
		for _, s := range sections {
			link := `<a href="` + prefix + "/" + s + `/"`
			marked := strings.Contains(page, link+` aria-current="page"`)
			if marked != (s == top) {
				t.Errorf("%s: the link to %s is marked current: %v", name, s, marked)
			}
			if s == top {
				checked[s] = true
			}
		}
		if !strings.Contains(page, `hreflang="`+lang+`" lang="`+lang+`" aria-current="true"`) {
			t.Errorf("%s: its language is not marked in the list of languages", name)
		}
	}
	for _, s := range sections {
		if !checked[s] {
			t.Errorf("no page of section %s was checked", s)
		}
	}
}

// TestSplicedOutsideTextFails: .Spliced used where html/template escapes
// its marker (an attribute) fails the build and says why, rather than
// leaving the rows out.
func TestSplicedOutsideTextFails(t *testing.T) {
	tpl, err := os.ReadFile(testsite.Root(t) + "/templates/vendors.html")
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(string(tpl), `<tbody>{{.Spliced $v.RowsHTML}}`, `<tbody title="{{.Spliced $v.RowsHTML}}">`, 1)
	if moved == string(tpl) {
		t.Fatal("templates/vendors.html no longer splices its rows into <tbody>")
	}
	src := testsite.Make(t, map[string]string{"templates/vendors.html": moved})
	in, probs, err := build.Load(build.Options{Source: os.DirFS(src), Today: vendor.NewDate(2026, 11, 22)})
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", err, probs)
	}
	_, _, err = site.Build(*in)
	if err == nil || !strings.Contains(err.Error(), "not in an attribute") || !strings.Contains(err.Error(), "/vendors/") {
		t.Fatalf("err = %v, want the page and that Spliced writes text", err)
	}
}
