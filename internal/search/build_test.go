package search

import (
	"bytes"
	"encoding/json"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestBuildDeterministic(t *testing.T) {
	docs := append(fixtureEN(), synthDocs(300, 7)...)
	files1, url1, err := Build(docs, Options{Lang: "en", ShardBytes: 2048})
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(docs)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	files2, url2, err := Build(shuffled, Options{Lang: "en", ShardBytes: 2048})
	if err != nil {
		t.Fatal(err)
	}
	if url1 != url2 {
		t.Errorf("manifest URL %s, then %s", url1, url2)
	}
	if !maps.EqualFunc(files1, files2, bytes.Equal) {
		t.Errorf("the same documents in another order give other files")
	}
	if len(files1) < 20 {
		t.Errorf("only %d files: the test should cover many shards", len(files1))
	}
}

func TestBuildPaths(t *testing.T) {
	files, url, err := Build(fixtureRU(), Options{Lang: "ru"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(url, "/search/ru/manifest.") || files[url[1:]] == nil {
		t.Errorf("manifest URL %q is not among the files", url)
	}
	for p, data := range files {
		if !strings.HasPrefix(p, "search/ru/") || !strings.HasSuffix(p, ".json") {
			t.Errorf("file %q is outside search/ru/ or not JSON", p)
		}
		for _, r := range p {
			if r > 0x7e {
				t.Errorf("file name %q is not ASCII", p)
				break
			}
		}
		if h := contentHash(data); !strings.HasSuffix(p, "."+h+".json") {
			t.Errorf("file %q does not end with its content hash %s", p, h)
		}
		if !json.Valid(data) {
			t.Errorf("file %q is not valid JSON", p)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
		opt  Options
		want string
	}{
		{"language", fixtureEN(), Options{Lang: "english"}, "language"},
		{"no URL", []Doc{{Type: "page", Title: "x"}}, Options{Lang: "en"}, "no URL"},
		{"no type", []Doc{{URL: "/a/", Title: "x"}}, Options{Lang: "en"}, "no type"},
		{"duplicate", []Doc{{URL: "/a/", Type: "page"}, {URL: "/a/", Type: "page"}}, Options{Lang: "en"}, "two documents"},
	}
	for _, tt := range tests {
		_, _, err := Build(tt.docs, tt.opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}

func TestBuildEmpty(t *testing.T) {
	_, ix := build(t, nil, Options{Lang: "en"})
	hits, n, err := ix.Search("anything", nil, 10)
	if err != nil || n != 0 || len(hits) != 0 {
		t.Errorf("empty index: %v %d %v", hits, n, err)
	}
}

// readShards decodes every shard file of an index.
func readShards(t *testing.T, files map[string][]byte, lang string) map[string]shardFile {
	t.Helper()
	out := map[string]shardFile{}
	for p, data := range files {
		if !strings.HasPrefix(p, "search/"+lang+"/t/") {
			continue
		}
		var sf shardFile
		if err := json.Unmarshal(data, &sf); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[p] = sf
	}
	return out
}

// Every indexed word lives in exactly one shard, and a query reads exactly
// the shards of its words.
func TestShardsOfQuery(t *testing.T) {
	docs := append(fixtureEN(), synthDocs(250, 3)...)
	for _, opt := range []Options{
		{Lang: "en"},
		{Lang: "en", ShardBytes: 1024},
		{Lang: "en", ShardPrefixLen: 2, ShardBytes: 4096},
	} {
		files, ix := build(t, docs, opt)
		shards := readShards(t, files, "en")
		if len(shards) < 2 {
			t.Fatalf("%+v: %d shards", opt, len(shards))
		}
		home := map[string]string{} // word → shard file
		for p, sf := range shards {
			for w, e := range sf.Words {
				if prev, dup := home[w]; dup {
					t.Errorf("%+v: %q is in %s and %s", opt, w, prev, p)
				}
				home[w] = p
				if e[0] < 0 || e[0] >= len(sf.Stems) {
					t.Fatalf("%s: word %q points at stem %d of %d", p, w, e[0], len(sf.Stems))
				}
				if st, _ := term(w); sf.Stems[e[0]].Stem != st {
					t.Errorf("%s: word %q points at stem %q, want %q", p, w, sf.Stems[e[0]].Stem, st)
				}
			}
		}
		for p, sf := range shards {
			if len(sf.Words) == 0 {
				t.Errorf("%+v: shard %s holds no word", opt, p)
			}
		}
		if len(shards) != len(ix.m.Shards) {
			t.Errorf("%+v: %d shard files, %d in the manifest", opt, len(shards), len(ix.m.Shards))
		}
		words := slices.Sorted(maps.Keys(home))
		for i, w := range words {
			// A finished query: only the words' own shards.
			other := words[(i*7+3)%len(words)]
			q := w + " " + other + " "
			want := []string{home[w], home[other]}
			slices.Sort(want)
			want = slices.Compact(want)
			if got := ix.QueryShards(q); !slices.Equal(got, want) {
				t.Fatalf("%+v: QueryShards(%q) = %q, want %q", opt, q, got, want)
			}
		}
		// Running the query fetches the manifest, those shards and nothing else
		// before the fragments of the results.
		for _, q := range []string{"serial number ", "firewall rule ", words[len(words)/2] + " "} {
			ix2, err := Open(files, "/"+manifestKey(files, "en"))
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := ix2.Search(q, nil, 0); err != nil {
				t.Fatal(err)
			}
			got := ix2.Fetched()[1:]
			slices.Sort(got)
			if want := ix2.QueryShards(q); !slices.Equal(got, want) {
				t.Errorf("%+v: Search(%q) fetched %q, want %q", opt, q, got, want)
			}
		}
	}
}

// While typing, the last word also reads the shards that extend it.
func TestShardsOfPrefix(t *testing.T) {
	files, ix := build(t, append(fixtureEN(), synthDocs(250, 3)...), Options{Lang: "en", ShardBytes: 1024})
	shards := readShards(t, files, "en")
	for _, q := range []string{"xiao", "ser", "fire", "numb", "te"} {
		var want []string
		for p, sf := range shards {
			for w := range sf.Words {
				if strings.HasPrefix(w, q) {
					want = append(want, p)
					break
				}
			}
		}
		slices.Sort(want)
		got := ix.QueryShards(q)
		if len(want) <= maxExtraShards+1 {
			if !slices.Equal(got, want) {
				t.Errorf("QueryShards(%q) = %q, want the shards of the words it begins: %q", q, got, want)
			}
		} else if len(got) > 1 {
			t.Errorf("QueryShards(%q) = %q: too short a prefix must not read %d shards", q, got, len(got))
		}
	}
}

func manifestKey(files map[string][]byte, lang string) string {
	for p := range files {
		if strings.HasPrefix(p, "search/"+lang+"/manifest.") {
			return p
		}
	}
	return ""
}

// Fragment files hold every document once, in id order, and the manifest
// finds each.
func TestFragments(t *testing.T) {
	docs := synthDocs(400, 11)
	files, ix := build(t, docs, Options{Lang: "en"})
	if ix.m.DocGroup < 1 || ix.m.DocGroup > maxGroup {
		t.Fatalf("%d documents per fragment file", ix.m.DocGroup)
	}
	sorted := slices.Clone(docs)
	slices.SortFunc(sorted, func(a, b Doc) int { return strings.Compare(a.URL, b.URL) })
	for id, d := range sorted {
		h := Hit{ID: id}
		if err := ix.describe(&h); err != nil {
			t.Fatal(err)
		}
		if h.URL != d.URL || h.Title != d.Title || h.Where != d.Where || h.Type != d.Type {
			t.Fatalf("document %d: %+v, want %s", id, h, d.URL)
		}
	}
	n := 0
	for p, data := range files {
		if strings.Contains(p, "/d/") {
			n++
			if len(data) > 2*fragBytes+maxBodyBytes {
				t.Errorf("fragment file %s is %d bytes", p, len(data))
			}
		}
	}
	if want := (len(docs) + ix.m.DocGroup - 1) / ix.m.DocGroup; n != want {
		t.Errorf("%d fragment files, want %d", n, want)
	}
	// Small documents share a file.
	_, ix = build(t, fixtureEN(), Options{Lang: "en"})
	if ix.m.DocGroup < 2 {
		t.Errorf("%d documents per fragment file for small documents", ix.m.DocGroup)
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("слово ", 1000)
	got := clip(long, 100)
	if len(got) > 100 || strings.HasSuffix(got, " ") || !strings.HasPrefix(long, got) {
		t.Errorf("clip = %q", got)
	}
	if got := clip("  a \n b  ", 100); got != "a b" {
		t.Errorf("clip collapses space: %q", got)
	}
}
