package site_test

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/site"
)

// TestFeedKeepsTheNewest: on an atlas with more incidents than the feed
// carries, each language's feed holds the newest 100, newest first, the
// API page says so, and the incidents page still lists them all.
func TestFeedKeepsTheNewest(t *testing.T) {
	in := loadCorpus(t, corpusFS(t, corpus.Options{Chapters: 4, Records: 300}))
	var dates []string
	for _, r := range in.Records {
		for _, inc := range r.Incidents {
			dates = append(dates, inc.Date.String()+"T00:00:00Z")
		}
	}
	if len(dates) <= 100 {
		t.Fatalf("the corpus has %d incidents; the test needs more than the feed carries", len(dates))
	}
	slices.Sort(dates)
	slices.Reverse(dates)
	files, probs, err := site.Build(*in)
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", err, probs)
	}
	for _, tt := range []struct{ feed, page, api, says string }{
		{"incidents.xml", "incidents/index.html", "api/index.html", "the 100 newest incidents"},
		{"ru/incidents.xml", "ru/incidents/index.html", "ru/api/index.html", "со ста последними инцидентами"},
	} {
		if !strings.Contains(string(files[tt.api]), tt.says) {
			t.Errorf("%s does not say the feed holds 100 (%q)", tt.api, tt.says)
		}
		var f struct {
			Entries []struct {
				Published string `xml:"published"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(files[tt.feed], &f); err != nil {
			t.Fatalf("%s: %v", tt.feed, err)
		}
		var got []string
		for _, e := range f.Entries {
			got = append(got, e.Published)
		}
		if !slices.Equal(got, dates[:100]) {
			t.Errorf("%s: %d entries from %v, want the newest 100 of %d", tt.feed, len(got), got[:min(3, len(got))], len(dates))
		}
		if n := strings.Count(string(files[tt.page]), `id="incident-`); n != len(dates) {
			t.Errorf("%s lists %d incidents, want all %d", tt.page, n, len(dates))
		}
	}
}
