package search

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query weights, the same in static/js/search.js.
const (
	weightExact      = 1.0 // the query word is an indexed word
	weightStemPrefix = 0.8 // an indexed stem is a prefix of the query word
	weightComplete   = 0.6 // the last word, still being typed, is a prefix of an indexed word
	variantPenalty   = 0.8 // the document has the stem but not the exact word
	maxExtraShards   = 4   // prefix completion loads at most this many more shards
	maxCompletions   = 8   // prefix completion expands to at most this many words
	minStemPrefix    = 3   // shortest stem matched as a prefix of an unknown word
	minStemNear      = 5   // shortest common prefix with a stem one letter longer
	maxSuffix        = 4   // longest ending of an unknown word left unmatched
)

// stemPrefix says how well an indexed stem fits a query word that is not an
// indexed word (an inflection the corpus lacks): the length of their common
// prefix if the stem is a prefix of the word ("block" for "blockings"), or if
// all but its last letter is ("отключа" for "отключить": Russian verb stems
// vary in their last vowel), and the word's unmatched ending is short; else 0.
func stemPrefix(stem, w string) int {
	s, q := []rune(stem), []rune(w)
	p := 0
	for p < len(s) && p < len(q) && s[p] == q[p] {
		p++
	}
	if p < len(q)-maxSuffix {
		return 0
	}
	if p == len(s) && p >= minStemPrefix || p == len(s)-1 && p >= minStemNear {
		return p
	}
	return 0
}

// Index reads a built index exactly as the browser client does: the tests
// check ranking and sharding with it, and the budget measurement counts the
// files it fetched. It is not safe for concurrent use.
type Index struct {
	files   map[string][]byte
	base    string // "search/en/"
	m       manifest
	keys    []string // shard keys, sorted
	fetched []string
	seen    map[string]bool
	shards  map[string]*shardFile
}

// Hit is one result.
type Hit struct {
	ID                      int
	URL, Title, Where, Type string
	Score                   float64
}

// Open reads the manifest at manifestURL (as returned by Build) from files.
func Open(files map[string][]byte, manifestURL string) (*Index, error) {
	path := strings.TrimPrefix(manifestURL, "/")
	ix := &Index{files: files, base: path[:strings.LastIndexByte(path, '/')+1],
		seen: map[string]bool{}, shards: map[string]*shardFile{}}
	if err := ix.fetch(path, &ix.m); err != nil {
		return nil, err
	}
	for k := range ix.m.Shards {
		ix.keys = append(ix.keys, k)
	}
	slices.Sort(ix.keys)
	return ix, nil
}

// Fetched returns the site-relative paths of the files read so far, in order.
func (ix *Index) Fetched() []string { return slices.Clone(ix.fetched) }

func (ix *Index) fetch(path string, v any) error {
	data, ok := ix.files[path]
	if !ok {
		return fmt.Errorf("search: %s: no such file", path)
	}
	if !ix.seen[path] {
		ix.seen[path] = true
		ix.fetched = append(ix.fetched, path)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("search: %s: %w", path, err)
	}
	return nil
}

func (ix *Index) shard(key string) (*shardFile, error) {
	if s := ix.shards[key]; s != nil {
		return s, nil
	}
	s := &shardFile{}
	if err := ix.fetch(ix.base+shardPath(key, ix.m.Shards[key]), s); err != nil {
		return nil, err
	}
	ix.shards[key] = s
	return s, nil
}

// shardKeys returns the keys of the shards a query word needs: the shard
// whose key is the word's longest prefix, and, when the word is being typed
// (prefix), the shards whose keys extend the word, unless there are more
// than maxExtraShards of them.
func (ix *Index) shardKeys(w string, prefix bool) (main string, extra []string) {
	for n := utf8.RuneCountInString(w); n > 0; n-- {
		if k := runePrefix(w, n); ix.m.Shards[k] != "" {
			main = k
			break
		}
	}
	if prefix {
		for _, k := range ix.keys {
			if k != main && strings.HasPrefix(k, w) {
				extra = append(extra, k)
			}
		}
		if len(extra) > maxExtraShards {
			extra = nil
		}
	}
	return main, extra
}

// QueryShards returns the shard files a query reads, sorted.
func (ix *Index) QueryShards(query string) []string {
	ws, typing := queryWords(query)
	var out []string
	for i, w := range ws {
		main, extra := ix.shardKeys(w, typing && i == len(ws)-1)
		for _, k := range append(extra, main) {
			if k != "" {
				out = append(out, ix.base+shardPath(k, ix.m.Shards[k]))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// queryWords tokenizes a query; typing says the last word is unfinished (the
// query does not end with a space) and is matched as a prefix too.
func queryWords(q string) (ws []string, typing bool) {
	ws = tokens(q)
	r, _ := utf8.DecodeLastRuneInString(q)
	return ws, len(ws) > 0 && !unicode.IsSpace(r)
}

// match is how one stem answers one query word.
type match struct {
	stem   *shardStem
	weight float64
	mask   int // variant bits of the exact words; 0 when none apply
}

// Search runs a query with optional filters (facet → accepted values) and
// returns the total number of matching documents and the first limit hits.
func (ix *Index) Search(query string, filters map[string][]string, limit int) ([]Hit, int, error) {
	hits, err := ix.rank(query, filters)
	if err != nil {
		return nil, 0, err
	}
	n := len(hits)
	hits = hits[:min(max(limit, 0), n)]
	for i := range hits {
		if err := ix.describe(&hits[i]); err != nil {
			return nil, 0, err
		}
	}
	return hits, n, nil
}

// rank returns every matching document, best first, with its ID and score.
func (ix *Index) rank(query string, filters map[string][]string) ([]Hit, error) {
	ws, typing := queryWords(query)
	total := map[int]float64{}
	cover := map[int]int{}
	used := 0
	for i, w := range ws {
		ms, err := ix.matches(w, typing && i == len(ws)-1)
		if err != nil {
			return nil, err
		}
		if len(ms) == 0 {
			continue
		}
		used++
		best := map[int]float64{}
		for _, m := range ms {
			st := m.stem
			stride := st.stride()
			id := 0
			for j := 0; j < len(st.Postings); j += stride {
				id += st.Postings[j]
				f := 1.0
				if stride == 3 && m.mask != 0 && st.Postings[j+2]&m.mask == 0 {
					f = variantPenalty
				}
				s := m.weight * (float64(st.Postings[j+1]) / float64(ix.m.Scale)) * f
				if s > best[id] {
					best[id] = s
				}
			}
		}
		for id, s := range best {
			total[id] += s
			cover[id]++
		}
	}
	allow, err := ix.filter(filters)
	if err != nil {
		return nil, err
	}
	var hits []Hit
	for id, s := range total {
		if allow != nil && !allow(id) {
			continue
		}
		c := float64(cover[id]) / float64(used)
		hits = append(hits, Hit{ID: id, Score: s * c * c})
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.ID, b.ID))
	})
	return hits, nil
}

// matches finds the stems a query word stands for.
func (ix *Index) matches(w string, prefix bool) ([]match, error) {
	main, extra := ix.shardKeys(w, prefix)
	if main == "" && len(extra) == 0 {
		return nil, nil
	}
	byStem := map[string]*match{}
	var order []string
	add := func(st *shardStem, weight float64, bit int) {
		mask := 0
		if bit >= 0 {
			mask = 1 << bit
		}
		m := byStem[st.Stem]
		switch {
		case m == nil:
			byStem[st.Stem] = &match{stem: st, weight: weight, mask: mask}
			order = append(order, st.Stem)
		case weight > m.weight:
			m.weight, m.mask = weight, mask
		case weight == m.weight:
			m.mask |= mask
		}
	}
	var loaded []*shardFile
	if main != "" {
		sh, err := ix.shard(main)
		if err != nil {
			return nil, err
		}
		loaded = append(loaded, sh)
		if e, ok := sh.Words[w]; ok {
			add(&sh.Stems[e[0]], weightExact, e[1])
		} else {
			best, pick := 0, []*shardStem(nil)
			for i := range sh.Stems {
				if p := stemPrefix(sh.Stems[i].Stem, w); p > 0 && p >= best {
					if p > best {
						best, pick = p, nil
					}
					pick = append(pick, &sh.Stems[i])
				}
			}
			for _, st := range pick {
				add(st, weightStemPrefix, -1)
			}
		}
	}
	if prefix {
		for _, k := range extra {
			sh, err := ix.shard(k)
			if err != nil {
				return nil, err
			}
			loaded = append(loaded, sh)
		}
		type cand struct {
			word string
			st   *shardStem
			bit  int
		}
		var cs []cand
		for _, sh := range loaded {
			for word, e := range sh.Words {
				if word != w && strings.HasPrefix(word, w) {
					cs = append(cs, cand{word, &sh.Stems[e[0]], e[1]})
				}
			}
		}
		slices.SortFunc(cs, func(a, b cand) int {
			return cmp.Or(cmp.Compare(len(b.st.Postings)/b.st.stride(), len(a.st.Postings)/a.st.stride()),
				cmp.Compare(a.word, b.word))
		})
		for _, c := range cs[:min(len(cs), maxCompletions)] {
			add(c.st, weightComplete, c.bit)
		}
	}
	out := make([]match, len(order))
	for i, s := range order {
		out[i] = *byStem[s]
	}
	return out, nil
}

// filter returns the predicate of the active filters, or nil for none.
func (ix *Index) filter(filters map[string][]string) (func(int) bool, error) {
	var sets [][][]byte
	facets := make([]string, 0, len(filters))
	for f := range filters {
		facets = append(facets, f)
	}
	slices.Sort(facets)
	for _, f := range facets {
		var any [][]byte
		active := false
		for _, v := range filters[f] {
			if v == "" {
				continue
			}
			active = true
			h := ix.m.Facets[f][v]
			if h == "" {
				continue
			}
			var s string
			if err := ix.fetch(ix.base+facetPath(f, v, h), &s); err != nil {
				return nil, err
			}
			bs, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return nil, fmt.Errorf("search: facet %s=%s: %w", f, v, err)
			}
			any = append(any, bs)
		}
		if active {
			sets = append(sets, any)
		}
	}
	if len(sets) == 0 {
		return nil, nil
	}
	return func(id int) bool {
		for _, any := range sets {
			ok := false
			for _, bs := range any {
				if bs[id>>3]&(1<<(id&7)) != 0 {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}, nil
}

// describe fills a hit from its fragment file.
func (ix *Index) describe(h *Hit) error {
	if ix.m.DocGroup < 1 || h.ID < 0 || h.ID >= ix.m.N {
		return fmt.Errorf("search: no fragment file holds document %d", h.ID)
	}
	g := h.ID / ix.m.DocGroup
	var frag [][5]string
	if err := ix.fetch(ix.base+fragPath(g, ix.m.DocHash), &frag); err != nil {
		return err
	}
	i := h.ID - g*ix.m.DocGroup
	if i >= len(frag) {
		return fmt.Errorf("search: fragment file %d does not hold document %d", g, h.ID)
	}
	e := frag[i]
	h.URL, h.Title, h.Where, h.Type = e[0], e[1], e[2], e[3]
	return nil
}
