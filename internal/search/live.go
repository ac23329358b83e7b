package search

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Live is one language's index kept after it is built, with what built it,
// so that the preview server can put an edited document in at once
// (Update) and rewrite only the files the edit touches: the shards of the
// stems whose postings changed (the document's own, and every posting of
// a stem it gained or lost, whose idf moved) or whose words came or went,
// its fragment, the facets it left or joined, and the manifest.
//
// What an update leaves as it was, the next whole build makes exact:
//   - the mean field lengths (the manifest's avg) stay the built ones, so
//     the scores of the postings an edit touches are normalised against
//     them; an edit of one document in thousands moves them by a fraction
//     of a word;
//   - a word that no document holds any more keeps its variant bit, and a
//     new word takes the next free one, not the bit of its frequency;
//   - a shard is not split or merged as it grows or shrinks;
//   - the manifest and the fragments keep their names (the pages name the
//     manifest; the fragments share one fingerprint), while their bytes
//     change: the preview serves every file with Cache-Control: no-store.
//
// Documents cannot be added or removed, only replaced: a document whose URL
// is not in the index is an error (ErrNotIndexed), and the caller builds
// the whole index. Live is safe for concurrent use.
type Live struct {
	mu       sync.Mutex
	b        *builder
	prefix   string           // "search/en/"
	manifest string           // the manifest's path as built, relative to the site root
	byURL    map[string]int32 // document ids
	// shardOf is the key of each word's shard, by word id; "" until the
	// word is given one.
	shardOf []string
}

// ErrNotIndexed is Update's error for a document whose URL is not in the
// index.
var ErrNotIndexed = errors.New("search: not in the index")

// BuildLive is Build, keeping the index for updates.
func BuildLive(docs []Doc, opt Options) (*Live, map[string][]byte, string, error) {
	files, url, b, err := buildIndex(docs, opt, true)
	if err != nil {
		return nil, nil, "", err
	}
	x := &Live{b: b, prefix: "search/" + opt.Lang + "/", manifest: strings.TrimPrefix(url, "/"),
		byURL: make(map[string]int32, len(b.docs)), shardOf: make([]string, len(b.words))}
	for id, d := range b.docs {
		x.byURL[d.URL] = int32(id)
	}
	for key, words := range b.shardWords {
		for _, id := range words {
			x.shardOf[id] = key
		}
	}
	return x, files, url, nil
}

// Changes are the files an update rewrote or made, and those it made
// obsolete, by path relative to the site root.
type Changes struct {
	Files   map[string][]byte
	Removed []string
}

// Update replaces the documents of the same URLs with docs, and returns
// the files that changed. On an error nothing is changed.
func (x *Live) Update(docs []Doc) (Changes, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	ids := make([]int32, len(docs))
	seen := map[int32]bool{}
	for k, d := range docs {
		id, ok := x.byURL[d.URL]
		switch {
		case !ok:
			return Changes{}, fmt.Errorf("%w: %s", ErrNotIndexed, d.URL)
		case d.Type == "":
			return Changes{}, fmt.Errorf("search: document %s has no type", d.URL)
		case seen[id]:
			return Changes{}, fmt.Errorf("search: two documents have the URL %s", d.URL)
		}
		seen[id], ids[k] = true, id
	}
	b := x.b
	rescore := map[int32]bool{}    // stems whose document frequency changed
	dirty := map[int32]bool{}      // stems whose postings changed
	frags := map[int]bool{}        // fragment files to write again
	facets := map[[2]string]bool{} // facet values whose sets changed
	for k, d := range docs {
		id := ids[k]
		old := b.docs[id]
		for _, fv := range facetValues(old) {
			facets[fv] = true
			b.setFacet(fv, id, false)
		}
		for _, fv := range facetValues(d) {
			facets[fv] = true
			b.setFacet(fv, id, true)
		}
		oldWords, _ := b.count(old)
		newWords, length := b.count(d)
		x.grow()
		b.docs[id], b.length[id] = d, length
		// A word no document held before, or none holds now, comes into
		// or goes out of its shard's table of words.
		for _, w := range oldWords {
			if b.wordDocs[w.word]--; b.wordDocs[w.word] == 0 {
				b.liveVariants[b.wordTerm[w.word]]--
				dirty[b.wordTerm[w.word]] = true
			}
		}
		for _, w := range newWords {
			if b.wordDocs[w.word]++; b.wordDocs[w.word] == 1 {
				b.liveVariants[b.wordTerm[w.word]]++
				dirty[b.wordTerm[w.word]] = true
			}
		}
		// A stem the document gained or lost changes its document
		// frequency, and so every posting's score (rescore); a stem it
		// kept changes only the document's own posting, if that.
		now := b.stemCounts(newWords)
		for _, w := range oldWords {
			sid := b.wordTerm[w.word]
			if _, kept := now[sid]; !kept {
				if _, had := b.postingAt(sid, id); had {
					b.df[sid]--
					b.removePosting(sid, id)
					rescore[sid], dirty[sid] = true, true
				}
			}
		}
		for sid, a := range now {
			tfw := b.tfWeight(length, a.tf)
			k, had := b.postingAt(sid, id)
			if !had {
				b.df[sid]++
				b.insertPosting(sid, id, tfw, a.mask)
				rescore[sid] = true
				continue
			}
			p := b.postings[sid][3*k : 3*k+3]
			b.tfws[sid][k] = tfw
			if q := quantise(idf(len(b.docs), b.df[sid]), tfw); q != p[1] || a.mask != p[2] {
				p[1], p[2] = q, a.mask
				dirty[sid] = true
			}
		}
		frags[int(id)/b.m.DocGroup] = true
	}
	for sid := range rescore {
		if b.rescore(sid) {
			dirty[sid] = true
		}
	}

	ch := Changes{Files: map[string][]byte{}}
	keys := map[string]bool{}
	for id, sid := range b.wordTerm {
		if sid >= 0 && dirty[sid] {
			keys[x.shardOf[id]] = true
		}
	}
	for key := range keys {
		x.writeShard(key, &ch)
	}
	for n := range frags {
		first := n * b.m.DocGroup
		last := min(first+b.m.DocGroup, len(b.docs))
		bodies, plain := make([]string, last), make([]bool, last)
		for id := first; id < last; id++ {
			bodies[id], plain[id] = snippetBody(b.docs[id].Body)
		}
		ch.Files[x.prefix+fragPath(n, b.m.DocHash)] = b.appendFragment(nil, first, last, bodies, plain)
	}
	for fv := range facets {
		x.writeFacet(fv, &ch)
	}
	data, err := marshal(b.m)
	if err != nil {
		return Changes{}, fmt.Errorf("search: encoding the manifest: %w", err)
	}
	ch.Files[x.manifest] = data
	slices.Sort(ch.Removed)
	return ch, nil
}

// grow extends what is kept per word and per stem to words and stems the
// last count added. A new word takes its stem's next variant bit.
func (x *Live) grow() {
	b := x.b
	if b.liveVariants == nil {
		b.liveVariants = slices.Clone(b.variants)
	}
	for len(b.variants) < len(b.stems) {
		b.variants = append(b.variants, 0)
		b.liveVariants = append(b.liveVariants, 0)
		b.postings = append(b.postings, nil)
		b.tfws = append(b.tfws, nil)
		b.seen = append(b.seen, 0)
		b.stemIdx = append(b.stemIdx, 0)
	}
	for id := len(b.wordBit); id < len(b.words); id++ {
		bit := int32(-1)
		if sid := b.wordTerm[id]; sid >= 0 {
			if b.variants[sid] < maxVariantBits {
				bit = b.variants[sid]
			}
			b.variants[sid]++
			x.place(int32(id))
		}
		b.wordBit = append(b.wordBit, bit)
	}
	for len(x.shardOf) < len(b.words) {
		x.shardOf = append(x.shardOf, "")
	}
}

// place puts a new word in the shard whose key is its longest prefix, or
// in a new shard of the shortest key when there is none.
func (x *Live) place(id int32) {
	b := x.b
	for len(x.shardOf) <= int(id) {
		x.shardOf = append(x.shardOf, "")
	}
	w := b.words[id]
	key := runePrefix(w, b.opt.ShardPrefixLen)
	for end := len(w); end > 0; end-- {
		if _, ok := b.shardWords[w[:end]]; ok && strings.HasPrefix(w[:end], key) {
			key = w[:end]
			break
		}
	}
	words := b.shardWords[key]
	i, _ := slices.BinarySearchFunc(words, w, func(id int32, w string) int { return strings.Compare(b.words[id], w) })
	b.shardWords[key] = slices.Insert(words, i, id)
	x.shardOf[id] = key
}

// writeShard encodes the shard of key again with the words documents still
// hold, and names it in the manifest; a shard left without words goes.
func (x *Live) writeShard(key string, ch *Changes) {
	b := x.b
	var live []int32
	for _, id := range b.shardWords[key] {
		if b.wordDocs[id] > 0 {
			live = append(live, id)
		}
	}
	oldHash, had := b.m.Shards[key]
	if len(live) == 0 {
		if had {
			delete(b.m.Shards, key)
			ch.Removed = append(ch.Removed, x.prefix+shardPath(key, oldHash))
		}
		return
	}
	data := b.encodeShard(live)
	h := contentHash(data)
	if had && h == oldHash {
		return
	}
	if had {
		ch.Removed = append(ch.Removed, x.prefix+shardPath(key, oldHash))
	}
	b.m.Shards[key] = h
	ch.Files[x.prefix+shardPath(key, h)] = data
}

// writeFacet encodes a facet value's set again and names it in the
// manifest; a set left empty goes.
func (x *Live) writeFacet(fv [2]string, ch *Changes) {
	b := x.b
	facet, value := fv[0], fv[1]
	oldHash, had := b.m.Facets[facet][value]
	if !slices.ContainsFunc(b.facetSets[facet][value], func(c byte) bool { return c != 0 }) {
		delete(b.facetSets[facet], value)
		if had {
			delete(b.m.Facets[facet], value)
			if len(b.m.Facets[facet]) == 0 {
				delete(b.m.Facets, facet)
			}
			ch.Removed = append(ch.Removed, x.prefix+facetPath(facet, value, oldHash))
		}
		return
	}
	data := encodeFacet(b.facetSets[facet][value])
	h := contentHash(data)
	if had && h == oldHash {
		return
	}
	if had {
		ch.Removed = append(ch.Removed, x.prefix+facetPath(facet, value, oldHash))
	}
	if b.m.Facets[facet] == nil {
		b.m.Facets[facet] = map[string]string{}
	}
	b.m.Facets[facet][value] = h
	ch.Files[x.prefix+facetPath(facet, value, h)] = data
}

// count returns the distinct indexed words of d with their counts per
// field, and d's length per field, as analyseDoc counts them; new words
// join the vocabulary.
func (b *builder) count(d Doc) ([]docWord, [3]int32) {
	var sc wordScanner
	var dw []docWord
	var length [3]int32
	at := map[int32]int{}
	for f, text := range [3]string{d.Title, d.Headings, d.Body} {
		sc.reset(text)
		for {
			w, _, _, ok := sc.next()
			if !ok {
				break
			}
			id := b.word(w)
			if b.wordTerm[id] < 0 {
				continue
			}
			length[f]++
			k, ok := at[id]
			if !ok {
				k = len(dw)
				at[id] = k
				dw = append(dw, docWord{word: id})
			}
			dw[k].tf[f]++
		}
	}
	return dw, length
}

// stemCount is a document's count of a stem per field, and the mask of the
// stem's words it holds.
type stemCount struct {
	tf   [3]int32
	mask int32
}

// stemCounts sums a document's words by stem, as score does.
func (b *builder) stemCounts(words []docWord) map[int32]stemCount {
	out := map[int32]stemCount{}
	for _, w := range words {
		sid := b.wordTerm[w.word]
		a := out[sid]
		for f := range 3 {
			a.tf[f] += w.tf[f]
		}
		if bit := b.wordBit[w.word]; bit >= 0 {
			a.mask |= 1 << bit
		}
		out[sid] = a
	}
	return out
}

// postingAt finds document id among a stem's postings: its index, and
// whether it is there.
func (b *builder) postingAt(sid, id int32) (int, bool) {
	p := b.postings[sid]
	lo, hi := 0, len(p)/3
	for lo < hi {
		m := (lo + hi) / 2
		if p[3*m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(p)/3 && p[3*lo] == id
}

func (b *builder) removePosting(sid, id int32) {
	if k, ok := b.postingAt(sid, id); ok {
		b.postings[sid] = slices.Delete(b.postings[sid], 3*k, 3*k+3)
		b.tfws[sid] = slices.Delete(b.tfws[sid], k, k+1)
	}
}

// insertPosting adds document id to a stem's postings; rescore gives it
// its score.
func (b *builder) insertPosting(sid, id int32, tfw float64, mask int32) {
	k, _ := b.postingAt(sid, id)
	b.postings[sid] = slices.Insert(b.postings[sid], 3*k, id, 0, mask)
	b.tfws[sid] = slices.Insert(b.tfws[sid], k, tfw)
}

// rescore scores a stem's postings again, with its document frequency
// now, and reports whether any score changed; a posting just inserted,
// scored 0, always does.
func (b *builder) rescore(sid int32) bool {
	f := idf(len(b.docs), b.df[sid])
	changed := false
	for k, tfw := range b.tfws[sid] {
		if q := quantise(f, tfw); q != b.postings[sid][3*k+1] {
			b.postings[sid][3*k+1] = q
			changed = true
		}
	}
	return changed
}
