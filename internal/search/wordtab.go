package search

import "hash/maphash"

// wordTable finds the id of a word among the words seen so far: a hash
// table with open addressing over the ids. The index builder looks up
// every word of every document, and a map[string]int32 was a quarter of
// the tokenizing; here a lookup is one hash of the bytes, usually one slot
// read and one comparison. Ids are given in the order words are added,
// whatever the seed, so the index does not depend on it.
type wordTable struct {
	seed  maphash.Seed
	slots []wordSlot // a power of two long, at most half full
	n     int
}

// wordSlot is one slot: id+1 (0 for an empty slot) and the word's hash,
// compared before the words are.
type wordSlot struct {
	id   int32
	hash uint32
}

func newWordTable() *wordTable {
	return &wordTable{seed: maphash.MakeSeed(), slots: make([]wordSlot, 1<<10)}
}

// find returns the id of w among words (the words added, by id) and
// whether it is there; when it is not, hash is what add needs.
func (t *wordTable) find(w []byte, words []string) (id int32, hash uint32, ok bool) {
	hash = uint32(maphash.Bytes(t.seed, w))
	mask := uint32(len(t.slots) - 1)
	for i := hash & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.id == 0 {
			return 0, hash, false
		}
		if s.hash == hash && words[s.id-1] == string(w) {
			return s.id - 1, hash, true
		}
	}
}

// add records that the word of the given hash has the given id, the next
// one: find said the word is not there.
func (t *wordTable) add(id int32, hash uint32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	t.put(wordSlot{id: id + 1, hash: hash})
	t.n++
}

func (t *wordTable) put(s wordSlot) {
	mask := uint32(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

// grow doubles the table, placing the slots again by their hashes.
func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, 2*len(old))
	for _, s := range old {
		if s.id != 0 {
			t.put(s)
		}
	}
}
