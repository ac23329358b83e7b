package search

import (
	"bytes"
	"errors"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
)

// liveDocs are the documents the Live tests edit: the fixture and enough
// synthetic ones for many shards.
func liveDocs() []Doc {
	return append(fixtureEN(), synthDocs(300, 7)...)
}

var liveOpt = Options{Lang: "en", ShardBytes: 2048}

// apply applies an update's changes to files.
func apply(files map[string][]byte, ch Changes) {
	for _, p := range ch.Removed {
		delete(files, p)
	}
	maps.Copy(files, ch.Files)
}

// edit returns docs with the document of url replaced by f of it, and the
// new document.
func edit(docs []Doc, url string, f func(d *Doc)) ([]Doc, Doc) {
	out := slices.Clone(docs)
	for i := range out {
		if out[i].URL == url {
			d := out[i]
			d.Facets = maps.Clone(d.Facets)
			f(&d)
			out[i] = d
			return out, d
		}
	}
	panic("no document " + url)
}

// queryWordsOf returns the distinct words of docs, for queries.
func queryWordsOf(docs ...Doc) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range docs {
		for _, w := range strings.FieldsFunc(strings.ToLower(d.Title+" "+d.Headings+" "+d.Body), func(r rune) bool {
			return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
		}) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	slices.Sort(out)
	return out
}

// sameResults fails the test unless every query gives the same hits from
// want and got: with tol 0, in the same order with the same scores; with tol
// above 0, the same documents with scores within tol of each other,
// relative, give or take one step of a posting's quantised score.
func sameResults(t *testing.T, want, got *Index, queries []string, filters map[string][]string, tol float64) {
	t.Helper()
	slack := 0.0
	if tol > 0 {
		slack = 1.0 / scoreScale
	}
	for _, q := range queries {
		wh, wn, err := want.Search(q, filters, 1000)
		if err != nil {
			t.Fatalf("%q in a whole build: %v", q, err)
		}
		gh, gn, err := got.Search(q, filters, 1000)
		if err != nil {
			t.Fatalf("%q after the update: %v", q, err)
		}
		if wn != gn {
			t.Errorf("%q: %d hits after the update, a whole build has %d", q, gn, wn)
			continue
		}
		if tol > 0 {
			// Scores may differ a little: compare the sets of documents.
			slices.SortFunc(wh, func(a, b Hit) int { return strings.Compare(a.URL, b.URL) })
			slices.SortFunc(gh, func(a, b Hit) int { return strings.Compare(a.URL, b.URL) })
		}
		for i := range wh {
			w, g := wh[i], gh[i]
			if w.URL != g.URL || w.Title != g.Title || w.Where != g.Where || w.Type != g.Type ||
				math.Abs(w.Score-g.Score) > tol*w.Score+slack+1e-9 {
				t.Errorf("%q, hit %d: %+v after the update, a whole build gives %+v", q, i, g, w)
				break
			}
		}
	}
}

func TestLiveUpdateMatchesBuild(t *testing.T) {
	docs := liveDocs()
	x, files, url, err := BuildLive(docs, liveOpt)
	if err != nil {
		t.Fatal(err)
	}
	// Three edits that keep each field's count of indexed words, so that
	// the mean lengths stay and the scores must come out exactly as a whole
	// build's: a new word for an old one in a record, which also changes
	// platform; a word that was in one document only for a common one;
	// and a section's title, with a word the index has never seen.
	edited, a := edit(docs, "/vendors/oneplus-oxygenos/", func(d *Doc) {
		d.Body = strings.Replace(d.Body, "handset", "zorbulator", 1)
		d.Facets["platform"] = []string{"android", "linux"}
	})
	edited, b := edit(edited, "/vendors/xiaomi-miui/", func(d *Doc) {
		d.Body = strings.Replace(d.Body, "incognito", "firewall", 1)
	})
	edited, c := edit(edited, docs[len(docs)-1].URL, func(d *Doc) {
		ws := strings.Fields(d.Title)
		ws[0] = "quetzalcoatl"
		d.Title = strings.Join(ws, " ")
	})
	ch, err := x.Update([]Doc{a, b, c})
	if err != nil {
		t.Fatal(err)
	}
	apply(files, ch)
	if len(ch.Files) > len(files)/5 {
		t.Errorf("the update wrote %d files of %d: it should write only those the edits touch", len(ch.Files), len(files))
	}
	for _, p := range ch.Removed {
		if _, ok := ch.Files[p]; ok {
			t.Errorf("%s is both removed and written", p)
		}
	}
	got, err := Open(files, url)
	if err != nil {
		t.Fatal(err)
	}
	wantFiles, wantURL, err := Build(edited, liveOpt)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Open(wantFiles, wantURL)
	if err != nil {
		t.Fatal(err)
	}
	if want.m.Avg != got.m.Avg {
		t.Fatalf("the edits changed the mean lengths (%v, built %v): the test needs edits that keep them", want.m.Avg, got.m.Avg)
	}
	queries := queryWordsOf(a, b, c, docs[0], docs[1])
	queries = append(queries, "handset", "incognito", "zorb", "quetz", "serial number", "firewall rule")
	sameResults(t, want, got, queries, nil, 0)
	sameResults(t, want, got, []string{"oneplus", "phone", "zorbulator"}, map[string][]string{"platform": {"linux"}}, 0)
	sameResults(t, want, got, []string{"firewall", "data"}, map[string][]string{"type": {"vendor"}}, 0)
	if hits, _, _ := got.Search("handset", nil, 10); len(hits) != 0 {
		t.Errorf("a word no document holds any more still finds %v", urls(hits))
	}
}

func TestLiveUpdateNearBuild(t *testing.T) {
	docs := liveDocs()
	x, files, url, err := BuildLive(docs, liveOpt)
	if err != nil {
		t.Fatal(err)
	}
	// An edit that makes a record three times as long, with words new to
	// the index: the mean lengths move, and the scores with them, a little.
	edited, a := edit(docs, "/vendors/mozilla-firefox/", func(d *Doc) {
		d.Body += " Telemetry pings go to incoming.telemetry.mozilla.org with a client identifier; " +
			"the crash reporter asks before it sends. Glean replaced the older pipeline in 2023."
		d.Facets["category"] = []string{"usage-statistics", "crash-reports"}
	})
	ch, err := x.Update([]Doc{a})
	if err != nil {
		t.Fatal(err)
	}
	apply(files, ch)
	got, err := Open(files, url)
	if err != nil {
		t.Fatal(err)
	}
	_, want := build(t, edited, liveOpt)
	sameResults(t, want, got, queryWordsOf(a), nil, 0.02)
	sameResults(t, want, got, []string{"crash"}, map[string][]string{"category": {"crash-reports"}}, 0.02)
	if hits, _, _ := got.Search("glean", nil, 10); len(hits) != 1 || hits[0].URL != a.URL {
		t.Errorf("a word the edit added finds %v, want %s", urls(hits), a.URL)
	}
}

func TestLiveUpdateAndBack(t *testing.T) {
	docs := liveDocs()
	x, files, _, err := BuildLive(docs, liveOpt)
	if err != nil {
		t.Fatal(err)
	}
	built := maps.Clone(files)
	if plain, _, _ := Build(docs, liveOpt); !maps.EqualFunc(plain, built, bytes.Equal) {
		t.Fatal("BuildLive's files are not Build's")
	}
	for i, d := range []Doc{docs[0], docs[5], docs[40]} {
		_, e := edit(docs, d.URL, func(e *Doc) {
			e.Title += " wholly newfangled"
			e.Body = "Nothing else: " + strings.Repeat("rewritten ", i+1)
			e.Type = "page"
			e.Facets = map[string][]string{"kind": {"brand-new-kind"}}
		})
		ch, err := x.Update([]Doc{e})
		if err != nil {
			t.Fatal(err)
		}
		apply(files, ch)
		if len(ch.Removed) == 0 {
			t.Errorf("editing %s removed no file: its shards and facets are renamed", d.URL)
		}
		// Every file the manifest names is there.
		ix, err := Open(files, "/"+x.manifest)
		if err != nil {
			t.Fatal(err)
		}
		for key := range ix.m.Shards {
			if _, err := ix.shard(key); err != nil {
				t.Errorf("after editing %s: %v", d.URL, err)
			}
		}
		if hits, _, _ := ix.Search("newfangled", map[string][]string{"kind": {"brand-new-kind"}}, 10); len(hits) != 1 || hits[0].URL != d.URL {
			t.Errorf("after editing %s, its new word and kind find %v", d.URL, urls(hits))
		}
		// Putting the document back gives the files of the build.
		ch, err = x.Update([]Doc{d})
		if err != nil {
			t.Fatal(err)
		}
		apply(files, ch)
		if !maps.EqualFunc(files, built, bytes.Equal) {
			for p := range files {
				if !bytes.Equal(files[p], built[p]) {
					t.Errorf("after editing %s and back, %s is not the built one", d.URL, p)
				}
			}
			for p := range built {
				if _, ok := files[p]; !ok {
					t.Errorf("after editing %s and back, %s is missing", d.URL, p)
				}
			}
			t.FailNow()
		}
	}
}

func TestLiveUpdateErrors(t *testing.T) {
	docs := liveDocs()
	x, files, url, err := BuildLive(docs, liveOpt)
	if err != nil {
		t.Fatal(err)
	}
	_, changed := edit(docs, docs[0].URL, func(d *Doc) { d.Body = "replaced" })
	cases := []struct {
		name string
		docs []Doc
		want error
	}{
		{"a new URL", []Doc{changed, {URL: "/vendors/new/", Type: "vendor", Title: "New"}}, ErrNotIndexed},
		{"no type", []Doc{{URL: docs[1].URL, Title: "No type"}}, nil},
		{"twice", []Doc{changed, changed}, nil},
	}
	for _, c := range cases {
		_, err := x.Update(c.docs)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
	// Nothing was changed: an update of nothing writes the manifest as built.
	ch, err := x.Update(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Files) != 1 || !bytes.Equal(ch.Files[url[1:]], files[url[1:]]) || len(ch.Removed) != 0 {
		t.Errorf("after refused updates, an empty one changes %d files and removes %v", len(ch.Files), ch.Removed)
	}
}
