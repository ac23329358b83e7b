package search

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
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
	fragBytes      = 8 << 10 // a fragment file holds about this much
	maxGroup       = 64      // and at most this many documents
	maxBodyBytes   = 3000    // body text kept for snippets per document
	docWordChunk   = 1 << 16 // docWords allocated at a time for short documents
)

// fieldWeights are the BM25F weights of title, headings and body.
var fieldWeights = [3]float64{4, 2, 1}

var langRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// Build returns the files of one language's index, keyed by path relative to
// the site root ("search/en/manifest.<hash>.json", "search/en/t/<key>.<hash>.json",
// "search/en/d/<n>.<hash>.json", "search/en/f/<facet>-<value>.<hash>.json"),
// and the site-relative URL of the manifest the client loads. The output
// depends only on the set of documents, not on their order.
func Build(docs []Doc, opt Options) (files map[string][]byte, manifestURL string, err error) {
	files, manifestURL, _, err = buildIndex(docs, opt, false)
	return files, manifestURL, err
}

// buildIndex is Build; with keep, it also returns the builder with what an
// update needs (see Live): the postings, their weighted term frequencies,
// the shards' words and the facets' sets.
func buildIndex(docs []Doc, opt Options, keep bool) (files map[string][]byte, manifestURL string, b *builder, err error) {
	if !langRE.MatchString(opt.Lang) {
		return nil, "", nil, fmt.Errorf("search: language %q: want a two- or three-letter code", opt.Lang)
	}
	if opt.ShardPrefixLen <= 0 {
		opt.ShardPrefixLen = 1
	}
	if opt.ShardBytes <= 0 {
		opt.ShardBytes = defaultShard
	}
	sorted := sortByURL(docs)
	for i, d := range sorted {
		if d.URL == "" {
			return nil, "", nil, fmt.Errorf("search: document %q has no URL", d.Title)
		}
		if d.Type == "" {
			return nil, "", nil, fmt.Errorf("search: document %s has no type", d.URL)
		}
		if i > 0 && sorted[i-1].URL == d.URL {
			return nil, "", nil, fmt.Errorf("search: two documents have the URL %s", d.URL)
		}
	}

	b = &builder{opt: opt, docs: sorted, keep: keep}
	if keep {
		b.shardWords = map[string][]int32{}
	}
	b.analyse()
	b.score()
	files = map[string][]byte{}
	prefix := "search/" + opt.Lang + "/"
	m := manifest{
		Version: formatVersion, Lang: opt.Lang, N: len(sorted), Avg: b.avg, FW: fieldWeights,
		K1: k1, B: bm25B, Scale: scoreScale, Shards: map[string]string{}, Facets: map[string]map[string]string{},
	}
	b.shards(func(key string, words []int32, data []byte) {
		if keep {
			b.shardWords[key] = slices.Clone(words)
		}
		h := contentHash(data)
		m.Shards[key] = h
		files[prefix+shardPath(key, h)] = data
	})
	if !keep {
		b.postings = nil // encoded: let the collector have them for the fragments
	}
	group, frags, fragHash := b.fragments()
	m.DocGroup, m.DocHash = group, fragHash
	for n, data := range frags {
		files[prefix+fragPath(n, m.DocHash)] = data
	}
	b.facets(func(facet, value string, data []byte) {
		h := contentHash(data)
		if m.Facets[facet] == nil {
			m.Facets[facet] = map[string]string{}
		}
		m.Facets[facet][value] = h
		files[prefix+facetPath(facet, value, h)] = data
	})
	data, err := marshal(m)
	if err != nil {
		return nil, "", nil, fmt.Errorf("search: encoding the manifest: %w", err)
	}
	name := prefix + manifestPath(contentHash(data))
	files[name] = data
	b.m = m
	return files, "/" + name, b, nil
}

// sortByURL returns a copy of docs in URL order. It sorts positions and
// copies each Doc once: sorting the 120-byte Docs themselves moved each
// many times.
func sortByURL(docs []Doc) []Doc {
	order := make([]int32, len(docs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return cmp.Compare(docs[x].URL, docs[y].URL) })
	sorted := make([]Doc, len(docs))
	for i, j := range order {
		sorted[i] = docs[j]
	}
	return sorted
}

type builder struct {
	opt  Options
	docs []Doc
	avg  [3]float64

	// The vocabulary, by id: words[i] is a folded word, wordTerm[i] the id
	// of its stem in stems (-1 for a stop word), wordDocs[i] the number of
	// documents it occurs in, wordBit[i] its variant bit (-1 for none).
	wordID   *wordTable
	words    []string
	wordTerm []int32
	wordDocs []int32
	wordBit  []int32
	// The stems, by id: df is the document frequency, variants the number
	// of words of the stem, entryLen the length of its encoded shard entry.
	stemID   map[string]int32
	stems    []string
	df       []int32
	variants []int32
	entryLen []int32

	// docWords[i] are the distinct indexed words of document i, most of
	// them cut from shared chunks: one allocation per many documents.
	docWords [][]docWord
	length   [][3]int32 // per document, the indexed words per field
	postings [][]int32  // per stem, flat: doc id, score, variant mask

	// Scratch space of the shard encoder, per stem: the shard it was last
	// counted in, and its index in the shard being encoded.
	seen     []int32
	shardNo  int32
	stemIdx  []int32
	scratch  []byte
	shardBuf []byte

	// Kept for Live when keep is set: per stem, the weighted term
	// frequency of each posting (its score before idf); per shard key, its
	// words in word order; the manifest. And per facet and value, the
	// documents' bitset, which facets makes.
	keep bool
	tfws [][]float64
	// liveVariants, once an update has made words no document holds, is
	// the number of each stem's words that documents hold: the variants
	// its shard entry declares.
	liveVariants []int32
	shardWords   map[string][]int32
	facetSets    map[string]map[string][]byte
	m            manifest
}

// docWord is one distinct word of a document and its count per field.
type docWord struct {
	word int32
	tf   [3]int32
}

// word returns the id of a folded word, adding it to the vocabulary. Each
// distinct word is stemmed once per build.
func (b *builder) word(w []byte) int32 {
	id, hash, ok := b.wordID.find(w, b.words)
	if ok {
		return id
	}
	id = int32(len(b.words))
	s := string(w)
	b.wordID.add(id, hash)
	b.words = append(b.words, s)
	b.wordDocs = append(b.wordDocs, 0)
	st, ok := term(s)
	if !ok {
		b.wordTerm = append(b.wordTerm, -1)
		return id
	}
	sid, seen := b.stemID[st]
	if !seen {
		sid = int32(len(b.stems))
		b.stemID[st] = sid
		b.stems = append(b.stems, st)
		b.df = append(b.df, 0)
	}
	b.wordTerm = append(b.wordTerm, sid)
	return id
}

func (b *builder) analyse() {
	b.wordID, b.stemID = newWordTable(), map[string]int32{}
	b.docWords = make([][]docWord, len(b.docs))
	b.length = make([][3]int32, len(b.docs))
	var t tally
	var total [3]int
	for i := range b.docs {
		b.docWords[i] = b.analyseDoc(i, &t)
		for f := range 3 {
			total[f] += int(b.length[i][f])
		}
	}
	for f := range 3 {
		if len(b.docs) > 0 {
			b.avg[f] = math.Round(float64(total[f])/float64(len(b.docs))*100) / 100
		}
	}
	b.variantBits()
}

// tally is the scratch space of analyseDoc, reused from one document to
// the next.
type tally struct {
	// Per word, the last document it was seen in (+1) and its index in
	// that document's list; per stem, the last document counted in its df
	// (+1).
	slotDoc, slot, lastDoc []int32
	// The free part of chunk holds the next short documents' lists.
	chunk []docWord
	sc    wordScanner
}

// analyseDoc counts the words of document i: its field lengths, the
// document frequencies, and the list of its distinct words it returns.
func (b *builder) analyseDoc(i int, t *tally) []docWord {
	d, doc := b.docs[i], int32(i+1)
	// A short document's list is cut from the free part of the chunk, with
	// room for as many words as the text can hold: a word takes at least
	// two bytes, one of them a separator, but for the last word of each of
	// the three fields. A long document's list grows on its own.
	var dw []docWord
	most := (len(d.Title)+len(d.Headings)+len(d.Body))/2 + 3
	short := most <= docWordChunk/8
	if short {
		if cap(t.chunk)-len(t.chunk) < most {
			t.chunk = make([]docWord, 0, docWordChunk)
		}
		dw = t.chunk[len(t.chunk) : len(t.chunk) : len(t.chunk)+most]
	}
	for f, text := range [3]string{d.Title, d.Headings, d.Body} {
		t.sc.reset(text)
		for {
			w, _, _, ok := t.sc.next()
			if !ok {
				break
			}
			id := b.word(w)
			sid := b.wordTerm[id]
			if sid < 0 {
				continue
			}
			b.length[i][f]++
			if int(id) >= len(t.slotDoc) {
				t.slotDoc = grow(t.slotDoc, len(b.words))
				t.slot = grow(t.slot, len(b.words))
			}
			if t.slotDoc[id] != doc {
				t.slotDoc[id], t.slot[id] = doc, int32(len(dw))
				dw = append(dw, docWord{word: id})
				b.wordDocs[id]++
				if int(sid) >= len(t.lastDoc) {
					t.lastDoc = grow(t.lastDoc, len(b.stems))
				}
				if t.lastDoc[sid] != doc {
					t.lastDoc[sid] = doc
					b.df[sid]++
				}
			}
			dw[t.slot[id]].tf[f]++
		}
	}
	if short {
		t.chunk = t.chunk[:len(t.chunk)+len(dw)]
	}
	return dw[:len(dw):len(dw)]
}

// grow extends s with zeros to length n.
func grow(s []int32, n int) []int32 {
	return append(s, make([]int32, n-len(s))...)
}

// variantBits numbers the words of each stem, most frequent first (ties in
// word order): the first maxVariantBits get a bit of the posting masks.
func (b *builder) variantBits() {
	// The words of stem sid are byStem[start[sid]:start[sid+1]].
	b.variants = make([]int32, len(b.stems))
	for _, sid := range b.wordTerm {
		if sid >= 0 {
			b.variants[sid]++
		}
	}
	start := make([]int32, len(b.stems)+1)
	for sid, n := range b.variants {
		start[sid+1] = start[sid] + n
	}
	byStem := make([]int32, start[len(b.stems)])
	next := slices.Clone(start[:len(b.stems)])
	for id, sid := range b.wordTerm {
		if sid >= 0 {
			byStem[next[sid]] = int32(id)
			next[sid]++
		}
	}
	b.wordBit = make([]int32, len(b.words))
	for sid := range b.stems {
		ws := byStem[start[sid]:start[sid+1]]
		slices.SortFunc(ws, func(x, y int32) int {
			return cmp.Or(cmp.Compare(b.wordDocs[y], b.wordDocs[x]), cmp.Compare(b.words[x], b.words[y]))
		})
		for i, id := range ws {
			if i < maxVariantBits {
				b.wordBit[id] = int32(i)
			} else {
				b.wordBit[id] = -1
			}
		}
	}
}

// idf is the inverse document frequency of a stem in df of n documents.
func idf(n int, df int32) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// tfWeight is the weighted term frequency of a stem in a document whose
// fields hold length indexed words, tf of them the stem's: BM25F's sum
// over the fields, each normalised by its length against the mean.
func (b *builder) tfWeight(length, tf [3]int32) float64 {
	var tfw float64
	for f := range 3 {
		if tf[f] == 0 || b.avg[f] == 0 {
			continue
		}
		norm := 1 - bm25B + bm25B*float64(length[f])/b.avg[f]
		tfw += fieldWeights[f] * float64(tf[f]) / norm
	}
	return tfw
}

// quantise is a posting's score: BM25 of idf and tfw, as an integer.
func quantise(idf, tfw float64) int32 {
	s := idf * tfw * (k1 + 1) / (tfw + k1)
	return max(1, int32(math.Round(s*scoreScale)))
}

// score computes every posting: BM25F with per-field length normalisation,
// quantised to an integer.
func (b *builder) score() {
	idfs := make([]float64, len(b.stems))
	all := 0
	for sid, df := range b.df {
		idfs[sid] = idf(len(b.docs), df)
		all += int(df)
	}
	// A stem has one posting per document it occurs in: the postings of all
	// stems share one exactly sized array.
	flat := make([]int32, 3*all)
	b.postings = make([][]int32, len(b.stems))
	for sid, df := range b.df {
		b.postings[sid], flat = flat[:0:3*df], flat[3*df:]
	}
	var tfFlat []float64
	if b.keep {
		tfFlat = make([]float64, all)
		b.tfws = make([][]float64, len(b.stems))
		for sid, df := range b.df {
			b.tfws[sid], tfFlat = tfFlat[:0:df], tfFlat[df:]
		}
	}
	type acc struct {
		tf   [3]int32
		mask int32
	}
	accs := make([]acc, len(b.stems)) // zero between documents
	var order []int32
	for id := range b.docs {
		order = order[:0]
		for _, w := range b.docWords[id] {
			sid := b.wordTerm[w.word]
			a := &accs[sid]
			if a.tf == [3]int32{} {
				order = append(order, sid)
			}
			for f := range 3 {
				a.tf[f] += w.tf[f]
			}
			if bit := b.wordBit[w.word]; bit >= 0 {
				a.mask |= 1 << bit
			}
		}
		for _, sid := range order {
			a := accs[sid]
			accs[sid] = acc{}
			tfw := b.tfWeight(b.length[id], a.tf)
			b.postings[sid] = append(b.postings[sid], int32(id), quantise(idfs[sid], tfw), a.mask)
			if b.keep {
				b.tfws[sid] = append(b.tfws[sid], tfw)
			}
		}
	}
	b.docWords = nil // the largest table: free it before the shards are encoded
	b.entryLen = make([]int32, len(b.stems))
	for sid := range b.stems {
		b.entryLen[sid] = int32(b.entrySize(int32(sid)))
	}
}

// appendEntry appends the encoded [stem, variants, postings] of a stem.
func (b *builder) appendEntry(e []byte, sid int32) []byte {
	v := b.variants[sid]
	if b.liveVariants != nil {
		v = b.liveVariants[sid]
	}
	p := b.postings[sid]
	e = append(e, '[')
	e = appendJSONString(e, b.stems[sid])
	e = append(e, ',')
	e = strconv.AppendInt(e, int64(v), 10)
	e = append(e, ",["...)
	var prev int32
	for j := 0; j < len(p); j += 3 {
		if j > 0 {
			e = append(e, ',')
		}
		e = strconv.AppendInt(e, int64(p[j]-prev), 10)
		e = append(e, ',')
		e = strconv.AppendInt(e, int64(p[j+1]), 10)
		if v > 1 {
			e = append(e, ',')
			e = strconv.AppendInt(e, int64(p[j+2]), 10)
		}
		prev = p[j]
	}
	return append(e, "]]"...)
}

// entrySize is len(appendEntry(nil, sid)), counted without encoding.
func (b *builder) entrySize(sid int32) int {
	v := b.variants[sid]
	p := b.postings[sid]
	b.scratch = appendJSONString(b.scratch[:0], b.stems[sid])
	n := len("[") + len(b.scratch) + len(",") + intLen(v) + len(",[") + len("]]")
	var prev int32
	for j := 0; j < len(p); j += 3 {
		if j > 0 {
			n++
		}
		n += intLen(p[j]-prev) + 1 + intLen(p[j+1])
		if v > 1 {
			n += 1 + intLen(p[j+2])
		}
		prev = p[j]
	}
	return n
}

// intLen is the length of v in decimal.
func intLen(v int32) int {
	n := 1
	if v < 0 {
		n++
		v = -v // no posting number is math.MinInt32
	}
	for ; v >= 10; v /= 10 {
		n++
	}
	return n
}

// shardStems returns the distinct stems of words, in stem order.
func (b *builder) shardStems(words []int32) []int32 {
	b.shardNo++
	var stems []int32
	for _, id := range words {
		if sid := b.wordTerm[id]; b.seen[sid] != b.shardNo {
			b.seen[sid] = b.shardNo
			stems = append(stems, sid)
		}
	}
	slices.SortFunc(stems, func(x, y int32) int { return strings.Compare(b.stems[x], b.stems[y]) })
	return stems
}

// shardSize is the size of the shard holding words, give or take a few
// bytes per word.
func (b *builder) shardSize(words []int32) int {
	b.shardNo++
	n := 16
	for _, id := range words {
		if sid := b.wordTerm[id]; b.seen[sid] != b.shardNo {
			b.seen[sid] = b.shardNo
			n += int(b.entryLen[sid]) + 1
		}
		n += len(b.words[id]) + 12
	}
	return n
}

// encodeShard encodes the shard holding the given words (sorted), the JSON
// of a shardFile with its keys in order. It is encoded in a reused buffer
// and returned in a copy of the exact size.
func (b *builder) encodeShard(words []int32) []byte {
	b.shardBuf = b.appendShard(b.shardBuf[:0], words)
	return bytes.Clone(b.shardBuf)
}

func (b *builder) appendShard(out []byte, words []int32) []byte {
	stems := b.shardStems(words)
	out = append(out, `{"s":[`...)
	for i, sid := range stems {
		if i > 0 {
			out = append(out, ',')
		}
		out = b.appendEntry(out, sid)
		b.stemIdx[sid] = int32(i)
	}
	out = append(out, `],"w":{`...)
	for i, id := range words {
		if i > 0 {
			out = append(out, ',')
		}
		out = appendJSONString(out, b.words[id])
		out = append(out, ":["...)
		out = strconv.AppendInt(out, int64(b.stemIdx[b.wordTerm[id]]), 10)
		out = append(out, ',')
		out = strconv.AppendInt(out, int64(b.wordBit[id]), 10)
		out = append(out, ']')
	}
	return append(out, "}}"...)
}

// appendJSONString appends s as a JSON string. Words and stems are letters
// and digits, which need no escaping; anything else goes through
// encoding/json.
func appendJSONString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(dst, q...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
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
func (b *builder) shards(emit func(key string, words []int32, data []byte)) {
	all := make([]int32, 0, len(b.words))
	for id, sid := range b.wordTerm {
		if sid >= 0 {
			all = append(all, int32(id))
		}
	}
	slices.SortFunc(all, func(x, y int32) int { return strings.Compare(b.words[x], b.words[y]) })
	b.seen = make([]int32, len(b.stems))
	b.stemIdx = make([]int32, len(b.stems))
	for _, g := range b.groupBy(all, b.opt.ShardPrefixLen) {
		b.split(g.key, g.words, emit)
	}
}

type wordGroup struct {
	key   string
	words []int32
}

// groupBy groups sorted words by their first n runes; words of n runes or
// fewer form the group of their own key. Groups come out in key order.
// The words of a group are a part of words: in sorted order, the words
// sharing a prefix are adjacent.
func (b *builder) groupBy(words []int32, n int) []wordGroup {
	var out []wordGroup
	for i, id := range words {
		k := runePrefix(b.words[id], n)
		if last := len(out) - 1; last >= 0 && out[last].key == k {
			out[last].words = words[i-len(out[last].words) : i+1]
			continue
		}
		out = append(out, wordGroup{key: k, words: words[i : i+1]})
	}
	slices.SortStableFunc(out, func(a, b wordGroup) int { return cmp.Compare(a.key, b.key) })
	return out
}

func (b *builder) split(key string, words []int32, emit func(string, []int32, []byte)) {
	size := b.shardSize(words)
	if size <= b.opt.ShardBytes || len(words) == 1 {
		emit(key, words, b.encodeShard(words))
		return
	}
	depth := utf8.RuneCountInString(key)
	var terminal, rest []int32
	for _, id := range words {
		if b.words[id] == key {
			terminal = append(terminal, id)
		} else {
			rest = append(rest, id)
		}
	}
	children := b.groupBy(rest, depth+1)
	if len(children) == 1 && len(terminal) == 0 {
		b.split(children[0].key, children[0].words, emit)
		return
	}
	// Split only if it helps: a stem shared by the words of every child
	// would be copied into each of them.
	biggest := 0
	for _, c := range children {
		biggest = max(biggest, b.shardSize(c.words))
	}
	if biggest*10 >= size*9 {
		emit(key, words, b.encodeShard(words))
		return
	}
	if len(terminal) > 0 {
		emit(key, terminal, b.encodeShard(terminal))
	}
	for _, c := range children {
		b.split(c.key, c.words, emit)
	}
}

// fragments groups documents, in id order, a fixed number per file, so that
// a file is about fragBytes; each file is a JSON array of
// [url, title, where, type, body]. hash is the content hash of all the
// files joined by newlines.
func (b *builder) fragments() (group int, files [][]byte, hash string) {
	// Most bodies are short, collapsed already and need no escaping: one
	// look says so, and they are copied as they are. The others are
	// clipped, then escaped.
	bodies := make([]string, len(b.docs))
	plain := make([]bool, len(b.docs))
	size := 0
	for id, d := range b.docs {
		bodies[id], plain[id] = snippetBody(d.Body)
		size += len(d.URL) + len(d.Title) + len(d.Where) + len(d.Type) + len(bodies[id]) + 12
	}
	group = 1
	if size > 0 {
		group = min(maxGroup, max(1, fragBytes*len(b.docs)/size))
	}
	var sum uint32
	var buf []byte
	for first := 0; first < len(b.docs); first += group {
		// Encoded in a reused buffer, kept in a copy of the exact size.
		buf = b.appendFragment(buf[:0], first, min(first+group, len(b.docs)), bodies, plain)
		if first > 0 {
			sum = crc32.Update(sum, castagnoli, []byte{'\n'})
		}
		sum = crc32.Update(sum, castagnoli, buf)
		files = append(files, bytes.Clone(buf))
	}
	return group, files, hashString(sum)
}

// snippetBody is the body a fragment holds for snippets: body clipped,
// and whether it is plain text, which needs no escaping.
func snippetBody(body string) (string, bool) {
	if len(body) <= maxBodyBytes && plainText(body) {
		return body, true
	}
	return clip(body, maxBodyBytes), false
}

// appendFragment appends the fragment file of documents first to last-1:
// bodies[id] is the clipped body of document id, plain[id] says that it
// needs no escaping.
func (b *builder) appendFragment(data []byte, first, last int, bodies []string, plain []bool) []byte {
	data = append(data, '[')
	for id := first; id < last; id++ {
		d := b.docs[id]
		if id > first {
			data = append(data, ',')
		}
		for f, s := range [4]string{d.URL, d.Title, d.Where, d.Type} {
			if f == 0 {
				data = append(data, '[')
			} else {
				data = append(data, ',')
			}
			data = appendText(data, s)
		}
		data = append(data, ',')
		if plain[id] {
			data = append(data, '"')
			data = append(data, bodies[id]...)
			data = append(data, '"')
		} else {
			data = appendText(data, bodies[id])
		}
		data = append(data, ']')
	}
	return append(data, ']')
}

// plainText says whether s comes out of clip and appendText as it went in,
// but for appendText's quotes, when it is no longer than clip's limit: it is
// collapsed already (no space at either end, no two in a row, no space but
// ' ') and has nothing to escape (no quote, backslash, control character,
// byte that is not UTF-8, U+2028 or U+2029). One pass over s where clip
// and appendText take one each.
func plainText(s string) bool {
	if len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ') {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case ' ' < c && c < utf8.RuneSelf:
			if c == '"' || c == '\\' {
				return false
			}
			i++
		case c == ' ':
			if s[i+1] == ' ' { // s does not end in a space: s[i+1] is there
				return false
			}
			i++
		case c < utf8.RuneSelf: // control characters, tab and newline among them
			return false
		case 0xC2 <= c && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80: // two bytes: Cyrillic
			if c == 0xC2 && (s[i+1] == 0x85 || s[i+1] == 0xA0) { // U+0085, no-break space
				return false
			}
			i += 2
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' || unicode.IsSpace(r) {
				return false
			}
			i += size
		}
	}
	return true
}

// clip cuts s to at most n bytes, at a space when there is one near the end,
// after collapsing each run of space to one and trimming it at both ends.
func clip(s string, n int) string {
	if len(s) > 2*n { // collapsing space shortens; no need to look further
		cut := 2 * n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = collapseSpace(s, n)
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

// collapseSpace is strings.Join(strings.Fields(s), " "), except that it may
// stop once the result is longer than limit. Text that is collapsed already,
// as most is, comes back as a part of s, without a copy.
func collapseSpace(s string, limit int) string {
	var out []byte // nil while the result is s[:same]
	same := collapsedPrefix(s, limit)
	for i := same; i < len(s) && len(out) <= limit && same <= limit; {
		// The field s[i:end], then the space up to next.
		end := fieldEnd(s, i)
		if end == i {
			i = spaceEnd(s, i)
			continue
		}
		switch {
		case out == nil && (same == 0 && i == 0 || same > 0 && i == same+1 && s[same] == ' '):
			same = end
		case out == nil:
			out = append(make([]byte, 0, min(len(s), limit+utf8.UTFMax)), s[:same]...)
			fallthrough
		default:
			if len(out) > 0 {
				out = append(out, ' ')
			}
			out = append(out, s[i:end]...)
		}
		i = end
	}
	if out == nil {
		return s[:same]
	}
	return string(out)
}

// collapsedPrefix returns the end of the longest prefix of s that is
// collapsed already and ends a field, looking no further than the first
// space past limit: a fast start for collapseSpace, byte by byte. In UTF-8,
// every space but ASCII's begins with 0xC2 (U+0085, U+00A0), 0xE1 (U+1680)
// 0xE2 (U+2000 to U+205F) or 0xE3 (U+3000); the scan stops there.
func collapsedPrefix(s string, limit int) int {
	end := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ' ' < c && c < 0xC2 { // most bytes: ASCII other than space, and UTF-8 continuations
			continue
		}
		switch {
		case c == ' ':
			if i == 0 || s[i-1] == ' ' {
				return end
			}
			end = i
			if i > limit {
				return end
			}
		case '\t' <= c && c <= '\r', c == 0xC2, c == 0xE1, c == 0xE2, c == 0xE3:
			return end
		}
	}
	if len(s) > 0 && s[len(s)-1] != ' ' {
		return len(s)
	}
	return end
}

// fieldEnd returns where the run of non-space from i ends; spaceEnd, where
// the run of space does. Space is unicode.IsSpace, as in strings.Fields; a
// byte that is not UTF-8 is not space.
func fieldEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if isASCIISpace(c) {
				break
			}
			i++
			continue
		}
		r, size := decodeRune(s, i)
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

func spaceEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIISpace(c) {
				break
			}
			i++
			continue
		}
		r, size := decodeRune(s, i)
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// isASCIISpace is unicode.IsSpace for ASCII: tab, newline, vertical tab,
// form feed, carriage return and space.
func isASCIISpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// appendText appends s as a JSON string the way encoding/json does without
// HTML escaping: quotes, backslashes and control characters escaped, bytes
// that are not UTF-8 as \ufffd, U+2028 and U+2029 as escapes.
func appendText(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := decodeRune(s, i)
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// facets emits, per facet value, a bitset of the documents having it:
// a base64 JSON string, bit i (least significant first) for document i.
func (b *builder) facets(emit func(facet, value string, data []byte)) {
	b.facetSets = map[string]map[string][]byte{}
	for id, d := range b.docs {
		for _, fv := range facetValues(d) {
			b.setFacet(fv, int32(id), true)
		}
	}
	sets := b.facetSets
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
			emit(f, v, encodeFacet(sets[f][v]))
		}
	}
}

// facetValues are the facet values of d, [facet, value], the type among
// them; an empty facet or value is none.
func facetValues(d Doc) [][2]string {
	out := [][2]string{{"type", d.Type}}
	for facet, values := range d.Facets {
		if facet == "type" || facet == "" {
			continue
		}
		for _, v := range values {
			if v != "" {
				out = append(out, [2]string{facet, v})
			}
		}
	}
	return out
}

// setFacet sets or clears document id's bit in a facet value's set.
func (b *builder) setFacet(fv [2]string, id int32, on bool) {
	if b.facetSets[fv[0]] == nil {
		b.facetSets[fv[0]] = map[string][]byte{}
	}
	bs := b.facetSets[fv[0]][fv[1]]
	if bs == nil {
		bs = make([]byte, (len(b.docs)+7)/8)
		b.facetSets[fv[0]][fv[1]] = bs
	}
	if on {
		bs[id>>3] |= 1 << (id & 7)
	} else {
		bs[id>>3] &^= 1 << (id & 7)
	}
}

// encodeFacet encodes a facet value's bitset: a JSON string, for base64
// needs no escaping.
func encodeFacet(bs []byte) []byte {
	data := make([]byte, base64.StdEncoding.EncodedLen(len(bs))+2)
	data[0], data[len(data)-1] = '"', '"'
	base64.StdEncoding.Encode(data[1:len(data)-1], bs)
	return data
}
