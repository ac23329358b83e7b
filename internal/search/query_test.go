package search

import (
	"slices"
	"strings"
	"testing"
)

func urls(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.URL)
	}
	return out
}

func TestRanking(t *testing.T) {
	tests := []struct {
		name    string
		docs    []Doc
		lang    string
		query   string
		first   string   // the expected first hit
		within  int      // or: first is among the first within hits
		include []string // also among the hits
		exclude []string // never among the hits
	}{
		{name: "two words, both in one record", docs: fixtureEN(), lang: "en", query: "serial number",
			first: "/vendors/oneplus-oxygenos/", within: 2, include: []string{"/categories/device-identifiers/"}},
		{name: "a question in plain words", docs: fixtureEN(), lang: "en", query: "does my phone send my serial number?",
			first: "/vendors/oneplus-oxygenos/", within: 3},
		{name: "prefix while typing", docs: fixtureEN(), lang: "en", query: "xiao",
			first: "/vendors/xiaomi-miui/"},
		{name: "no prefix after a space", docs: fixtureEN(), lang: "en", query: "xiao ",
			exclude: []string{"/vendors/xiaomi-miui/"}},
		{name: "title over body", docs: fixtureEN(), lang: "en", query: "firewall ",
			first: "/course/protecting-yourself/#block-it", include: []string{"/vendors/microsoft-windows-10/"}},
		{name: "stems: plural query finds singular", docs: fixtureEN(), lang: "en", query: "identifier ",
			first: "/categories/device-identifiers/", include: []string{"/course/what-devices-send/#identifiers", "/vendors/oneplus-oxygenos/"}},
		{name: "unknown inflection falls back to a stem prefix", docs: fixtureEN(), lang: "en", query: "blockings ",
			first: "/course/protecting-yourself/#block-it"},
		{name: "case and punctuation", docs: fixtureEN(), lang: "en", query: "OPEN.ONEPLUS.NET ",
			first: "/vendors/oneplus-oxygenos/"},
		{name: "Russian word finds Russian chapters", docs: fixtureRU(), lang: "ru", query: "телеметрия",
			first: "/ru/course/telemetry-or-spying/#difference", include: []string{"/ru/course/protecting-yourself/#settings"}},
		{name: "Russian inflection", docs: fixtureRU(), lang: "ru", query: "как отключить телеметрию",
			first: "/ru/course/protecting-yourself/#settings"},
		{name: "ё folds to е", docs: fixtureRU(), lang: "ru", query: "имен ",
			first: "/ru/course/protecting-yourself/#block-it"},
		{name: "Latin word in a Russian index", docs: fixtureRU(), lang: "ru", query: "серийный номер oneplus",
			first: "/ru/vendors/oneplus-oxygenos/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ix := build(t, tt.docs, Options{Lang: tt.lang})
			hits, n, err := ix.Search(tt.query, nil, 10)
			if err != nil {
				t.Fatal(err)
			}
			got := urls(hits)
			if n != len(hits) && len(hits) != 10 {
				t.Errorf("total %d, hits %d", n, len(hits))
			}
			if within := max(tt.within, 1); tt.first != "" && !slices.Contains(got[:min(within, len(got))], tt.first) {
				t.Errorf("Search(%q) = %q, want %s among the first %d", tt.query, got, tt.first, within)
			}
			for _, u := range tt.include {
				if !slices.Contains(got, u) {
					t.Errorf("Search(%q) = %q, want it to include %s", tt.query, got, u)
				}
			}
			for _, u := range tt.exclude {
				if slices.Contains(got, u) {
					t.Errorf("Search(%q) = %q, want it without %s", tt.query, got, u)
				}
			}
		})
	}
}

// An exact word outranks another word of the same stem, other things equal.
func TestExactOverStem(t *testing.T) {
	docs := []Doc{
		{URL: "/a/", Type: "page", Title: "A", Body: "The app is tracking you everywhere."},
		{URL: "/b/", Type: "page", Title: "B", Body: "The app has tracked you everywhere."},
	}
	_, ix := build(t, docs, Options{Lang: "en"})
	for q, want := range map[string][]string{
		"tracking ": {"/a/", "/b/"},
		"tracked ":  {"/b/", "/a/"},
	} {
		hits, _, err := ix.Search(q, nil, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := urls(hits); !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %q, want %q", q, got, want)
		}
		if len(hits) == 2 && !(hits[0].Score > hits[1].Score) {
			t.Errorf("Search(%q): scores %v and %v, want the exact word strictly first", q, hits[0].Score, hits[1].Score)
		}
	}
}

// A document with every query word beats one with a single word many times.
func TestCoverage(t *testing.T) {
	docs := []Doc{
		{URL: "/many/", Type: "page", Title: "Numbers", Body: strings.Repeat("number numbers numbered ", 20)},
		{URL: "/both/", Type: "page", Title: "Hardware", Body: "Every device has a serial number printed on a label, and software reads it."},
	}
	_, ix := build(t, docs, Options{Lang: "en"})
	hits, _, err := ix.Search("serial number", nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := urls(hits); len(got) != 2 || got[0] != "/both/" {
		t.Errorf("Search = %q, want /both/ first of two", got)
	}
}

func TestFilters(t *testing.T) {
	_, ix := build(t, fixtureEN(), Options{Lang: "en"})
	tests := []struct {
		filters map[string][]string
		want    []string // all hits, in any order
	}{
		{nil, []string{"/vendors/oneplus-oxygenos/", "/course/what-devices-send/#identifiers",
			"/categories/device-identifiers/", "/course/telemetry-or-spying/#difference", "/vendors/mozilla-firefox/"}},
		{map[string][]string{"type": {"vendor"}}, []string{"/vendors/oneplus-oxygenos/", "/vendors/mozilla-firefox/"}},
		{map[string][]string{"type": {"vendor", "category"}}, []string{"/vendors/oneplus-oxygenos/",
			"/categories/device-identifiers/", "/vendors/mozilla-firefox/"}},
		{map[string][]string{"type": {"vendor"}, "kind": {"browser"}}, []string{"/vendors/mozilla-firefox/"}},
		{map[string][]string{"platform": {"linux"}}, []string{"/vendors/mozilla-firefox/"}},
		{map[string][]string{"category": {"device-identifiers"}, "type": {""}}, []string{"/vendors/oneplus-oxygenos/", "/categories/device-identifiers/"}},
		{map[string][]string{"kind": {"no-such-kind"}}, nil},
	}
	for _, tt := range tests {
		hits, n, err := ix.Search("serial number", tt.filters, 100)
		if err != nil {
			t.Fatal(err)
		}
		got := urls(hits)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) || n != len(want) {
			t.Errorf("filters %v: got %d %q, want %q", tt.filters, n, got, want)
		}
	}
}

func TestHitDescription(t *testing.T) {
	_, ix := build(t, fixtureEN(), Options{Lang: "en"})
	hits, _, err := ix.Search("oneplus", nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := Hit{URL: "/vendors/oneplus-oxygenos/", Title: "OnePlus OxygenOS", Where: "Vendor · Operating system", Type: "vendor"}
	if len(hits) != 1 {
		t.Fatalf("hits = %v", hits)
	}
	h := hits[0]
	h.ID, h.Score = 0, 0
	if h != want {
		t.Errorf("hit = %+v, want %+v", h, want)
	}
}

func TestEmptyQuery(t *testing.T) {
	_, ix := build(t, fixtureEN(), Options{Lang: "en"})
	for _, q := range []string{"", "  ", "?!", "the of and "} {
		hits, n, err := ix.Search(q, nil, 10)
		if err != nil || n != 0 || len(hits) != 0 {
			t.Errorf("Search(%q) = %v, %d, %v; want nothing", q, hits, n, err)
		}
	}
}
