package course

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// A Doc in binary, for a cache of parsed documents (internal/doccache):
// AppendBinary writes it, DecodeDoc reads it back equal to what Parse made
// of the same file. The file's name, language and kind are not written:
// they are what the cache looks a document up by.
//
// The text is in three blocks, each read into one string: the small
// strings (key, title, summary, date, ids, TOC text, link URLs), the
// rendered body, and the sections' headings and text, so that a document
// costs a handful of allocations and its sections can still go on their
// own (DropSections). The lengths and numbers follow as varints, in field
// order; each string is the next so many bytes of its block.
//
// Change the layout and the cache's format version (doccache) with it.

// AppendBinary appends d in binary to b.
func (d *Doc) AppendBinary(b []byte) []byte {
	date := updatedString(d.Updated)
	var small, secs int
	for _, s := range []string{d.Key, d.Title, d.Summary, date} {
		small += len(s)
	}
	for _, h := range d.TOC {
		small += len(h.ID) + len(h.Text)
	}
	for _, s := range d.Sections {
		small += len(s.ID)
		secs += len(s.Heading) + len(s.Text)
	}
	for _, l := range d.Links {
		small += len(l.URL)
	}
	for _, id := range d.IDs {
		small += len(id)
	}

	// The text, and at most a few bytes for each number after it.
	b = slices.Grow(b, small+len(d.HTML)+secs+3*binary.MaxVarintLen64+
		binary.MaxVarintLen32*(8+3*(len(d.TOC)+len(d.Sections)+len(d.Links))+len(d.IDs)))
	b = binary.AppendUvarint(b, uint64(small))
	b = append(b, d.Key...)
	b = append(b, d.Title...)
	b = append(b, d.Summary...)
	b = append(b, date...)
	for _, h := range d.TOC {
		b = append(b, h.ID...)
		b = append(b, h.Text...)
	}
	for _, s := range d.Sections {
		b = append(b, s.ID...)
	}
	for _, l := range d.Links {
		b = append(b, l.URL...)
	}
	for _, id := range d.IDs {
		b = append(b, id...)
	}
	b = binary.AppendUvarint(b, uint64(len(d.HTML)))
	b = append(b, d.HTML...)
	b = binary.AppendUvarint(b, uint64(secs))
	for _, s := range d.Sections {
		b = append(b, s.Heading...)
		b = append(b, s.Text...)
	}

	n := func(v int) { b = binary.AppendUvarint(b, uint64(v)) }
	n(len(d.Key))
	n(len(d.Title))
	n(len(d.Summary))
	n(len(date))
	b = binary.AppendVarint(b, int64(d.Order))
	n(d.Words)
	n(len(d.TOC))
	for _, h := range d.TOC {
		n(h.Level)
		n(len(h.ID))
		n(len(h.Text))
	}
	n(len(d.Sections))
	for _, s := range d.Sections {
		n(len(s.ID))
		n(len(s.Heading))
		n(len(s.Text))
	}
	n(len(d.Links))
	for _, l := range d.Links {
		n(len(l.URL))
		n(l.Line)
		n(l.Col)
	}
	n(len(d.IDs))
	for _, id := range d.IDs {
		n(len(id))
	}
	return b
}

func updatedString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// ErrDocData is any way a cached document fails to add up.
var ErrDocData = errors.New("document data is cut short or does not add up")

// DecodeDoc reads back a document that AppendBinary wrote for f.
func DecodeDoc(f SourceFile, b []byte) (*Doc, error) {
	r := reader{b: b}
	small := r.block()
	html := r.block()
	secs := r.block()
	if r.err != nil {
		return nil, r.err
	}
	sm, sc := cutter{s: small}, cutter{s: secs}

	d := &Doc{File: f.Name, Lang: f.Lang, Kind: f.Kind, HTML: html}
	d.Key = sm.next(r.number())
	d.Title = sm.next(r.number())
	d.Summary = sm.next(r.number())
	if date := sm.next(r.number()); date != "" {
		t, err := time.Parse(time.DateOnly, date)
		if err != nil {
			return nil, fmt.Errorf("document date %q: %w", date, err)
		}
		d.Updated = t
	}
	d.Order = r.int()
	d.Words = r.number()
	if k := r.items(); k > 0 {
		d.TOC = make([]Heading, k)
		for i := range d.TOC {
			level := r.number()
			d.TOC[i] = Heading{Level: level, ID: sm.next(r.number()), Text: sm.next(r.number())}
		}
	}
	if k := r.items(); k > 0 {
		d.Sections = make([]Section, k)
		for i := range d.Sections {
			d.Sections[i] = Section{ID: sm.next(r.number()), Heading: sc.next(r.number()), Text: sc.next(r.number())}
		}
	}
	if k := r.items(); k > 0 {
		d.Links = make([]Link, k)
		for i := range d.Links {
			d.Links[i] = Link{URL: sm.next(r.number()), Line: r.number(), Col: r.number()}
		}
	}
	if k := r.items(); k > 0 {
		d.IDs = make([]string, k)
		for i := range d.IDs {
			d.IDs[i] = sm.next(r.number())
		}
	}
	if r.err != nil || sm.bad || sc.bad || len(r.b) > 0 || len(sm.s) > 0 || len(sc.s) > 0 {
		return nil, ErrDocData
	}
	return d, nil
}

// reader reads the varints and blocks of a document, remembering the first
// failure.
type reader struct {
	b   []byte
	err error
}

// fail stops the reading: every read after it gives zero.
func (r *reader) fail() { r.err, r.b = ErrDocData, nil }

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// number reads a length, a count of words or a place in the file.
func (r *reader) number() int {
	v := r.uvarint()
	if v > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int(v)
}

// items reads how many entries a list has. Each takes at least a byte of
// what is left, so no list is made larger than the data could fill.
func (r *reader) items() int {
	v := r.uvarint()
	if v > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *reader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// block reads a length and that many bytes, as one new string.
func (r *reader) block() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// cutter hands out the strings of a block, in order.
type cutter struct {
	s   string
	bad bool
}

func (c *cutter) next(n int) string {
	if n > len(c.s) {
		c.bad = true
		return ""
	}
	s := c.s[:n]
	c.s = c.s[n:]
	return s
}
