package search

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Doc is one search result: a chapter section, a vendor record, a category
// page or another page.
type Doc struct {
	// URL is site-relative, with a #fragment for a chapter section, e.g.
	// "/course/protecting-yourself/#block-it" or "/ru/vendors/oneplus-oxygenos/".
	// URLs are unique within one Build.
	URL string
	// Type is "chapter", "vendor", "category" or "page"; it is also the
	// "type" facet.
	Type string
	// Title is the section heading, or "OnePlus OxygenOS".
	Title string
	// Where is the breadcrumb shown under the title: "Course › Protecting
	// yourself", or "Vendor · Operating system".
	Where string
	// Headings is heading text of the document (the chapter title for a
	// section), weighted between title and body.
	Headings string
	// Body is plain text without markup.
	Body string
	// Facets are the filters a document answers to: "kind", "platform",
	// "category" mapped to ids. The key "type" is taken from Type.
	Facets map[string][]string
}

// Options configure one language's index.
type Options struct {
	// Lang is the language code, "en" or "ru"; the files go to search/<Lang>/.
	Lang string
	// ShardPrefixLen is the shortest shard key in characters (0 means 1).
	// Shards bigger than ShardBytes are split by one more character as long
	// as splitting makes them smaller.
	ShardPrefixLen int
	// ShardBytes is the size a shard is split above (0 means 12 KiB).
	ShardBytes int
}

// Ranking and layout constants. The client reads none of them: scores are
// precomputed per posting.
const (
	k1             = 1.2
	bm25B          = 0.75
	scoreScale     = 10 // posting score = round(BM25 × scoreScale)
	maxVariantBits = 30 // bits of a variant mask; JS bitwise operators are 32-bit
	defaultShard   = 12 << 10
	fragBytes      = 6 << 10 // a fragment file holds documents up to this size
	maxBodyBytes   = 3000    // body text kept for snippets per document
)

// fieldWeights are the BM25F weights of title, headings and body.
var fieldWeights = [3]float64{4, 2, 1}

var langRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// docIndex is what the builder learns from one document.
type docIndex struct {
	length [3]int
	tf     map[string]*[3]int         // stem → occurrences per field
	words  map[string]map[string]bool // stem → surface words present
}

// Build returns the files of one language's index, keyed by path relative to
// the site root ("search/en/manifest.<hash>.json", "search/en/t/<key>.<hash>.json",
// "search/en/d/<n>.<hash>.json", "search/en/f/<facet>-<value>.<hash>.json"),
// and the site-relative URL of the manifest the client loads. The output
// depends only on the set of documents, not on their order.
func Build(docs []Doc, opt Options) (files map[string][]byte, manifestURL string, err error) {
	if !langRE.MatchString(opt.Lang) {
		return nil, "", fmt.Errorf("search: language %q: want a two- or three-letter code", opt.Lang)
	}
	if opt.ShardPrefixLen <= 0 {
		opt.ShardPrefixLen = 1
	}
	if opt.ShardBytes <= 0 {
		opt.ShardBytes = defaultShard
	}
	sorted := slices.Clone(docs)
	slices.SortFunc(sorted, func(a, b Doc) int { return cmp.Compare(a.URL, b.URL) })
	for i, d := range sorted {
		if d.URL == "" {
			return nil, "", fmt.Errorf("search: document %q has no URL", d.Title)
		}
		if d.Type == "" {
			return nil, "", fmt.Errorf("search: document %s has no type", d.URL)
		}
		if i > 0 && sorted[i-1].URL == d.URL {
			return nil, "", fmt.Errorf("search: two documents have the URL %s", d.URL)
		}
	}

	b := &builder{opt: opt, docs: sorted}
	b.analyse()
	b.score()
	files = map[string][]byte{}
	prefix := "search/" + opt.Lang + "/"
	m := manifest{
		Version: formatVersion, Lang: opt.Lang, N: len(sorted), Avg: b.avg, FW: fieldWeights,
		K1: k1, B: bm25B, Scale: scoreScale, Shards: map[string]string{}, Facets: map[string]map[string]string{},
	}
	if err := b.shards(func(key string, data []byte) {
		h := contentHash(data)
		m.Shards[key] = h
		files[prefix+shardPath(key, h)] = data
	}); err != nil {
		return nil, "", err
	}
	if err := b.fragments(func(n, first int, data []byte) {
		h := contentHash(data)
		m.DocFirst = append(m.DocFirst, first)
		m.DocHash = append(m.DocHash, h)
		files[prefix+fragPath(n, h)] = data
	}); err != nil {
		return nil, "", err
	}
	if err := b.facets(func(facet, value string, data []byte) {
		h := contentHash(data)
		if m.Facets[facet] == nil {
			m.Facets[facet] = map[string]string{}
		}
		m.Facets[facet][value] = h
		files[prefix+facetPath(facet, value, h)] = data
	}); err != nil {
		return nil, "", err
	}
	data, err := marshal(m)
	if err != nil {
		return nil, "", fmt.Errorf("search: encoding the manifest: %w", err)
	}
	name := prefix + manifestPath(contentHash(data))
	files[name] = data
	return files, "/" + name, nil
}

type builder struct {
	opt  Options
	docs []Doc
	idx  []docIndex
	avg  [3]float64

	df       map[string]int
	wordStem map[string]string
	variants map[string][]string // stem → surface words, most frequent first
	bit      map[string]int      // word → variant bit or -1
	postings map[string][]int    // stem → flat postings: doc id, score, variant mask
}

func (b *builder) analyse() {
	b.idx = make([]docIndex, len(b.docs))
	b.df = map[string]int{}
	b.wordStem = map[string]string{}
	wordDocs := map[string]int{}
	var total [3]int
	for i, d := range b.docs {
		di := docIndex{tf: map[string]*[3]int{}, words: map[string]map[string]bool{}}
		seen := map[string]bool{}
		for f, text := range [3]string{d.Title, d.Headings, d.Body} {
			for _, w := range tokens(text) {
				st, ok := term(w)
				if !ok {
					continue
				}
				di.length[f]++
				if di.tf[st] == nil {
					di.tf[st] = &[3]int{}
					di.words[st] = map[string]bool{}
				}
				di.tf[st][f]++
				di.words[st][w] = true
				b.wordStem[w] = st
				if !seen[w] {
					seen[w] = true
					wordDocs[w]++
				}
			}
		}
		for f := range 3 {
			total[f] += di.length[f]
		}
		for st := range di.tf {
			b.df[st]++
		}
		b.idx[i] = di
	}
	for f := range 3 {
		if len(b.docs) > 0 {
			b.avg[f] = math.Round(float64(total[f])/float64(len(b.docs))*100) / 100
		}
	}
	b.variants = map[string][]string{}
	for w, st := range b.wordStem {
		b.variants[st] = append(b.variants[st], w)
	}
	b.bit = map[string]int{}
	for _, ws := range b.variants {
		slices.SortFunc(ws, func(x, y string) int {
			return cmp.Or(cmp.Compare(wordDocs[y], wordDocs[x]), cmp.Compare(x, y))
		})
		for i, w := range ws {
			if i < maxVariantBits {
				b.bit[w] = i
			} else {
				b.bit[w] = -1
			}
		}
	}
}

// score computes every posting: BM25F with per-field length normalisation,
// quantised to an integer.
func (b *builder) score() {
	n := float64(len(b.docs))
	b.postings = map[string][]int{}
	for id, di := range b.idx {
		stems := make([]string, 0, len(di.tf))
		for st := range di.tf {
			stems = append(stems, st)
		}
		slices.Sort(stems)
		for _, st := range stems {
			tf := di.tf[st]
			var tfw float64
			for f := range 3 {
				if tf[f] == 0 || b.avg[f] == 0 {
					continue
				}
				norm := 1 - bm25B + bm25B*float64(di.length[f])/b.avg[f]
				tfw += fieldWeights[f] * float64(tf[f]) / norm
			}
			df := float64(b.df[st])
			idf := math.Log(1 + (n-df+0.5)/(df+0.5))
			s := idf * tfw * (k1 + 1) / (tfw + k1)
			q := max(1, int(math.Round(s*scoreScale)))
			mask := 0
			for w := range di.words[st] {
				if bit := b.bit[w]; bit >= 0 {
					mask |= 1 << bit
				}
			}
			b.postings[st] = append(b.postings[st], id, q, mask)
		}
	}
}

// encodeShard encodes the shard holding the given words (sorted).
func (b *builder) encodeShard(words []string) ([]byte, error) {
	var stems []string
	for _, w := range words {
		stems = append(stems, b.wordStem[w])
	}
	slices.Sort(stems)
	stems = slices.Compact(stems)
	sf := shardFile{Words: make(map[string][2]int, len(words)), Stems: make([]shardStem, len(stems))}
	for i, st := range stems {
		v := len(b.variants[st])
		p := b.postings[st]
		ss := shardStem{Stem: st, Variants: v}
		prev := 0
		for j := 0; j < len(p); j += 3 {
			ss.Postings = append(ss.Postings, p[j]-prev, p[j+1])
			if v > 1 {
				ss.Postings = append(ss.Postings, p[j+2])
			}
			prev = p[j]
		}
		sf.Stems[i] = ss
	}
	for _, w := range words {
		i, _ := slices.BinarySearch(stems, b.wordStem[w])
		sf.Words[w] = [2]int{i, b.bit[w]}
	}
	return marshal(sf)
}

// runePrefix returns the first n runes of s (all of s if shorter).
func runePrefix(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// shards partitions the vocabulary by word prefix and emits each shard.
// A word lives in the shard whose key is its longest prefix among the keys.
func (b *builder) shards(emit func(key string, data []byte)) error {
	all := make([]string, 0, len(b.wordStem))
	for w := range b.wordStem {
		all = append(all, w)
	}
	slices.Sort(all)
	groups := groupBy(all, b.opt.ShardPrefixLen)
	for _, g := range groups {
		if err := b.split(g.key, g.words, emit); err != nil {
			return err
		}
	}
	return nil
}

type wordGroup struct {
	key   string
	words []string
}

// groupBy groups sorted words by their first n runes; words of n runes or
// fewer form the group of their own key. Groups come out in key order.
func groupBy(words []string, n int) []wordGroup {
	var out []wordGroup
	for _, w := range words {
		k := runePrefix(w, n)
		if len(out) > 0 && out[len(out)-1].key == k {
			out[len(out)-1].words = append(out[len(out)-1].words, w)
			continue
		}
		out = append(out, wordGroup{key: k, words: []string{w}})
	}
	slices.SortStableFunc(out, func(a, b wordGroup) int { return cmp.Compare(a.key, b.key) })
	return out
}

func (b *builder) split(key string, words []string, emit func(string, []byte)) error {
	data, err := b.encodeShard(words)
	if err != nil {
		return fmt.Errorf("search: encoding shard %q: %w", key, err)
	}
	if len(data) <= b.opt.ShardBytes || len(words) == 1 {
		emit(key, data)
		return nil
	}
	depth := utf8.RuneCountInString(key)
	var terminal []string
	var rest []string
	for _, w := range words {
		if w == key {
			terminal = append(terminal, w)
		} else {
			rest = append(rest, w)
		}
	}
	children := groupBy(rest, depth+1)
	if len(children) == 1 && len(terminal) == 0 {
		return b.split(children[0].key, children[0].words, emit)
	}
	// Split only if it helps: a stem shared by the words of every child
	// would be copied into each of them.
	biggest := 0
	for _, c := range children {
		cd, err := b.encodeShard(c.words)
		if err != nil {
			return fmt.Errorf("search: encoding shard %q: %w", c.key, err)
		}
		biggest = max(biggest, len(cd))
	}
	if biggest*10 >= len(data)*9 {
		emit(key, data)
		return nil
	}
	if len(terminal) > 0 {
		td, err := b.encodeShard(terminal)
		if err != nil {
			return fmt.Errorf("search: encoding shard %q: %w", key, err)
		}
		emit(key, td)
	}
	for _, c := range children {
		if err := b.split(c.key, c.words, emit); err != nil {
			return err
		}
	}
	return nil
}

// fragments groups documents, in id order, into files of about fragBytes,
// each a JSON array of [url, title, where, type, body].
func (b *builder) fragments(emit func(n, first int, data []byte)) error {
	var group [][5]string
	first, size, n := 0, 0, 0
	flush := func() error {
		if len(group) == 0 {
			return nil
		}
		data, err := marshal(group)
		if err != nil {
			return fmt.Errorf("search: encoding fragments from document %d: %w", first, err)
		}
		emit(n, first, data)
		n++
		group = nil
		size = 0
		return nil
	}
	for id, d := range b.docs {
		e := [5]string{d.URL, d.Title, d.Where, d.Type, clip(d.Body, maxBodyBytes)}
		es := len(e[0]) + len(e[1]) + len(e[2]) + len(e[3]) + len(e[4])
		if len(group) > 0 && size+es > fragBytes {
			if err := flush(); err != nil {
				return err
			}
		}
		if len(group) == 0 {
			first = id
		}
		group = append(group, e)
		size += es
	}
	return flush()
}

// clip cuts s to at most n bytes, at a space when there is one near the end.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > n*3/4 {
		cut = sp
	}
	return s[:cut]
}

// facets emits, per facet value, a bitset of the documents having it:
// a base64 JSON string, bit i (least significant first) for document i.
func (b *builder) facets(emit func(facet, value string, data []byte)) error {
	sets := map[string]map[string][]byte{}
	nbytes := (len(b.docs) + 7) / 8
	set := func(facet, value string, id int) {
		if facet == "" || value == "" {
			return
		}
		if sets[facet] == nil {
			sets[facet] = map[string][]byte{}
		}
		bs := sets[facet][value]
		if bs == nil {
			bs = make([]byte, nbytes)
			sets[facet][value] = bs
		}
		bs[id>>3] |= 1 << (id & 7)
	}
	for id, d := range b.docs {
		set("type", d.Type, id)
		for facet, values := range d.Facets {
			if facet == "type" {
				continue
			}
			for _, v := range values {
				set(facet, v, id)
			}
		}
	}
	facetNames := make([]string, 0, len(sets))
	for f := range sets {
		facetNames = append(facetNames, f)
	}
	slices.Sort(facetNames)
	for _, f := range facetNames {
		values := make([]string, 0, len(sets[f]))
		for v := range sets[f] {
			values = append(values, v)
		}
		slices.Sort(values)
		for _, v := range values {
			data, err := marshal(base64.StdEncoding.EncodeToString(sets[f][v]))
			if err != nil {
				return fmt.Errorf("search: encoding facet %s=%s: %w", f, v, err)
			}
			emit(f, v, data)
		}
	}
	return nil
}
