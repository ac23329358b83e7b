package site_test

import (
	"bytes"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/search"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// TestRenderRecordMatchesFullBuild: after an edit of one record, every file
// a whole build of the edited tree makes differently from the build before
// is among the files RenderRecord makes (the search index aside, which the
// preview leaves to the next whole build), and each of those is the whole
// build's, byte for byte, but for the name of the search index they point
// at.
func TestRenderRecordMatchesFullBuild(t *testing.T) {
	// As in the preview: the verdicts of the records an edit leaves as
	// they were are the build's before.
	dir, load, in, prev := previewSite(t, new(site.Judged))
	const id = "acme-phone"
	name := "vendors/" + id + ".yaml"
	src := testsite.Record(id)

	tests := []struct {
		name, from, to string
		problems       int
		changed        []string // files that must differ from prev's
	}{
		{"summary", "summary: Sends the serial number with usage statistics.",
			"summary: Sends the serial number and the **IMEI** with usage statistics.", 0,
			[]string{"vendors/acme-phone/index.html", "api/v1/vendors.json", "api/v1/vendors/acme-phone.json"}},
		{"verdict", "    linked: identified", "    linked: anonymous", 0,
			[]string{"vendors/index.html", "categories/device-identifiers/index.html", "api/v1/vendors.csv"}},
		{"incident", "    title: Serial numbers found in analytics", "    title: IMEI found in analytics", 0,
			[]string{"incidents/index.html", "incidents.xml"}},
		{"host", "  - host: telemetry.acme.test", "  - host: metrics.acme.test", 0,
			[]string{"api/v1/hosts.txt", "api/v1/hosts/acme-phone.txt"}},
		{"broken link", "    how: Point the host nowhere.", "    how: See [nowhere](/course/nowhere/).", 2, nil},
		{"broken anchor", "    how: Point the host nowhere.", "    how: See [the chapter](/course/second/#nowhere).", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := strings.Replace(src, tt.from, tt.to, 1)
			if edited == src {
				t.Fatalf("%q is not in the record", tt.from)
			}
			r, ps := vendor.Decode(name, []byte(edited), in.Taxonomy, in.Today)
			if len(ps) > 0 {
				t.Fatal(ps)
			}
			i := slices.IndexFunc(in.Records, func(r *vendor.Record) bool { return r.ID == id })
			next := *in
			next.Records = slices.Clone(in.Records)
			next.Records[i] = r
			got, probs, ok, err := site.RenderRecord(next, prev, in.Records[i], r)
			if err != nil || !ok || len(probs) != tt.problems {
				t.Fatalf("ok=%v err=%v problems=%v", ok, err, probs)
			}
			testsite.Write(t, dir, name, edited)
			defer testsite.Write(t, dir, name, src)
			full, fullProbs := buildMinified(t, load())
			// The problems are the whole build's.
			if probs.Error() != fullProbs.Error() {
				t.Fatalf("problems:\n%v\nthe whole build's:\n%v", probs, fullProbs)
			}
			if tt.problems > 0 {
				return
			}
			same := func(a, b []byte) bool {
				return bytes.Equal(manifest.ReplaceAll(a, nil), manifest.ReplaceAll(b, nil))
			}
			for _, f := range tt.changed {
				if same(prev[f], full[f]) {
					t.Errorf("%s: the edit does not change it; the test would prove nothing", f)
				}
			}
			for f, data := range full {
				if strings.HasPrefix(f, "search/") && !strings.HasSuffix(f, ".html") {
					continue // the index: left to the next whole build
				}
				g, made := got[f]
				switch {
				case made && !same(g, data):
					t.Errorf("%s differs from the whole build's", f)
				case !made && !same(prev[f], data):
					t.Errorf("%s changed but was not re-rendered", f)
				}
			}
			for f := range got {
				if _, ok := full[f]; !ok {
					t.Errorf("%s is not in the whole build", f)
				}
			}
			// The index, updated in place, answers as the whole build's.
			ch, ok, err := site.ReindexRecord(next, r)
			if err != nil || !ok {
				t.Fatalf("ReindexRecord: ok=%v err=%v", ok, err)
			}
			served := maps.Clone(prev)
			for _, f := range ch.Removed {
				delete(served, f)
			}
			maps.Copy(served, ch.Files)
			sameSearch(t, served, full, edited)
			// Only what shows records: no chapter, no other record's page.
			for f := range got {
				if strings.Contains(f, "course/") || strings.Contains(f, "zeta-browser/") {
					t.Errorf("%s re-rendered, but it does not show the record", f)
				}
			}
		})
	}

	t.Run("another id", func(t *testing.T) {
		other := slices.IndexFunc(in.Records, func(r *vendor.Record) bool { return r.ID == "zeta-browser" })
		i := slices.IndexFunc(in.Records, func(r *vendor.Record) bool { return r.ID == id })
		got, _, ok, err := site.RenderRecord(*in, prev, in.Records[i], in.Records[other])
		if ok || err != nil || got != nil {
			t.Errorf("RenderRecord of another id: ok=%v err=%v %d files, want it refused", ok, err, len(got))
		}
	})
}

// TestRenderRecordChecksChaptersLinks: a chapter's link to an anchor on the
// record's page that the edit removes is reported.
func TestRenderRecordChecksChaptersLinks(t *testing.T) {
	_, _, in, prev := previewSite(t, nil)
	i := slices.IndexFunc(in.Records, func(r *vendor.Record) bool { return r.ID == "acme-phone" })
	page := prev["vendors/acme-phone/index.html"]
	if !bytes.Contains(page, []byte(`id="incidents"`)) {
		t.Fatal("the record's page has no incidents section to link to")
	}
	// A chapter that links to the record's incidents.
	for _, d := range in.Course.Docs {
		if d.Lang == "en" && d.Key == "second" {
			d.Links = append(d.Links, linkTo("/vendors/acme-phone/#incidents"))
		}
	}
	edited := strings.Replace(testsite.Record("acme-phone"), `incidents:
  - date: 2017-10-10
    title: Serial numbers found in analytics
    summary: A researcher found the serial number in the analytics stream.
    sources: [report-2017]
`, "", 1)
	r, ps := vendor.Decode("vendors/acme-phone.yaml", []byte(edited), in.Taxonomy, in.Today)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	next := *in
	next.Records = slices.Clone(in.Records)
	next.Records[i] = r
	_, probs, ok, err := site.RenderRecord(next, prev, in.Records[i], r)
	if err != nil || !ok {
		t.Fatalf("ok=%v err=%v", ok, err)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, `"incidents"`) || !strings.HasSuffix(probs[0].File, "02-second.md") {
		t.Errorf("problems = %v, want the chapter's link to #incidents", probs)
	}
}

func linkTo(url string) course.Link { return course.Link{URL: url, Line: 1, Col: 1} }

// sameSearch checks that every word of text, as a query in every
// language, finds the same documents in the index of served as in the
// index of full, with scores within a few percent (an updated index keeps
// the built mean lengths).
func sameSearch(t *testing.T, served, full map[string][]byte, text string) {
	t.Helper()
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, lang := range course.Languages {
		open := func(files map[string][]byte) *search.Index {
			for f := range files {
				if strings.HasPrefix(f, "search/"+lang+"/manifest.") {
					ix, err := search.Open(files, "/"+f)
					if err != nil {
						t.Fatal(err)
					}
					return ix
				}
			}
			t.Fatalf("no search manifest for %s", lang)
			return nil
		}
		got, want := open(served), open(full)
		for _, q := range words {
			gh, gn, err := got.Search(q, nil, 1000)
			if err != nil {
				t.Fatalf("%s %q: %v", lang, q, err)
			}
			wh, wn, err := want.Search(q, nil, 1000)
			if err != nil {
				t.Fatalf("%s %q in the whole build: %v", lang, q, err)
			}
			if gn != wn {
				t.Errorf("%s %q: %d hits, the whole build %d", lang, q, gn, wn)
				continue
			}
			byURL := map[string]search.Hit{}
			for _, h := range wh {
				byURL[h.URL] = h
			}
			for _, h := range gh {
				w, ok := byURL[h.URL]
				if !ok || h.Title != w.Title || h.Where != w.Where || math.Abs(h.Score-w.Score) > 0.05*w.Score+0.1 {
					t.Errorf("%s %q: hit %+v, the whole build's %+v", lang, q, h, w)
				}
			}
		}
	}
}
