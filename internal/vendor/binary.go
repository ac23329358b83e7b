package vendor

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// A Record in binary, for a cache of checked records (internal/doccache):
// AppendBinary writes it and DecodeRecord reads it back equal to what
// Decode made of the same file.
//
// The codec follows Record's type by reflection, so a field added to
// Record is written without more code: strings as a length and their
// bytes, a Date as its YYYY-MM-DD, a slice or map as its length plus one
// (0 for nil, so that nil and empty stay apart) and its elements (a map's
// by sorted key), a struct as its fields in order. A field of any other
// kind makes both functions fail, and TestRecordBinaryCoversEveryField
// with them. Change the layout and the cache's format version (doccache)
// with it.

// AppendBinary appends r in binary to b.
func (r *Record) AppendBinary(b []byte) ([]byte, error) {
	c, err := recordCodec()
	if err != nil {
		return b, err
	}
	return c.enc(b, reflect.ValueOf(r).Elem()), nil
}

// ErrRecordData is any way a cached record fails to add up.
var ErrRecordData = errors.New("record data is cut short or does not add up")

// DecodeRecord reads back a record that AppendBinary wrote.
func DecodeRecord(b []byte) (*Record, error) {
	c, err := recordCodec()
	if err != nil {
		return nil, err
	}
	// One string for the record's text: its strings are slices of it.
	r := &recordReader{b: b, s: string(b)}
	var rec Record
	c.dec(r, reflect.ValueOf(&rec).Elem())
	if r.err != nil || r.off != len(b) {
		return nil, ErrRecordData
	}
	return &rec, nil
}

// codec writes and reads one type.
type codec struct {
	enc func(b []byte, v reflect.Value) []byte
	dec func(r *recordReader, v reflect.Value)
}

var recordCodec = sync.OnceValues(func() (*codec, error) {
	return codecFor(reflect.TypeFor[Record]())
})

func codecFor(t reflect.Type) (*codec, error) {
	switch {
	case t == dateType:
		return &codec{
			enc: func(b []byte, v reflect.Value) []byte {
				return appendString(b, v.Interface().(Date).String())
			},
			dec: func(r *recordReader, v reflect.Value) {
				s := r.string()
				if s == "" || r.err != nil {
					return
				}
				d, err := ParseDate(s)
				if err != nil {
					r.fail()
					return
				}
				v.Set(reflect.ValueOf(d))
			},
		}, nil
	case t.Kind() == reflect.String:
		return &codec{
			enc: func(b []byte, v reflect.Value) []byte { return appendString(b, v.String()) },
			dec: func(r *recordReader, v reflect.Value) { v.SetString(r.string()) },
		}, nil
	case t.Kind() == reflect.Slice:
		elem, err := codecFor(t.Elem())
		if err != nil {
			return nil, err
		}
		return &codec{
			enc: func(b []byte, v reflect.Value) []byte {
				if v.IsNil() {
					return binary.AppendUvarint(b, 0)
				}
				b = binary.AppendUvarint(b, uint64(v.Len())+1)
				for i := range v.Len() {
					b = elem.enc(b, v.Index(i))
				}
				return b
			},
			dec: func(r *recordReader, v reflect.Value) {
				n, ok := r.length()
				if !ok {
					return
				}
				s := reflect.MakeSlice(t, n, n)
				for i := 0; i < n && r.err == nil; i++ {
					elem.dec(r, s.Index(i))
				}
				v.Set(s)
			},
		}, nil
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		elem, err := codecFor(t.Elem())
		if err != nil {
			return nil, err
		}
		return &codec{
			enc: func(b []byte, v reflect.Value) []byte {
				if v.IsNil() {
					return binary.AppendUvarint(b, 0)
				}
				keys := v.MapKeys()
				slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
				b = binary.AppendUvarint(b, uint64(len(keys))+1)
				for _, k := range keys {
					b = appendString(b, k.String())
					b = elem.enc(b, v.MapIndex(k))
				}
				return b
			},
			dec: func(r *recordReader, v reflect.Value) {
				n, ok := r.length()
				if !ok {
					return
				}
				m := reflect.MakeMapWithSize(t, n)
				for i := 0; i < n && r.err == nil; i++ {
					k := reflect.New(t.Key()).Elem()
					k.SetString(r.string())
					e := reflect.New(t.Elem()).Elem()
					elem.dec(r, e)
					m.SetMapIndex(k, e)
				}
				if m.Len() != n { // a key twice
					r.fail()
				}
				v.Set(m)
			},
		}, nil
	case t.Kind() == reflect.Struct:
		fields := make([]*codec, t.NumField())
		for i := range fields {
			f := t.Field(i)
			if !f.IsExported() {
				return nil, fmt.Errorf("record binary: %s.%s is not exported", t.Name(), f.Name)
			}
			c, err := codecFor(f.Type)
			if err != nil {
				return nil, err
			}
			fields[i] = c
		}
		return &codec{
			enc: func(b []byte, v reflect.Value) []byte {
				for i, f := range fields {
					b = f.enc(b, v.Field(i))
				}
				return b
			},
			dec: func(r *recordReader, v reflect.Value) {
				for i, f := range fields {
					if r.err != nil {
						return
					}
					f.dec(r, v.Field(i))
				}
			},
		}, nil
	}
	return nil, fmt.Errorf("record binary: no encoding for %s (a field of kind %s)", t, t.Kind())
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// recordReader reads a record's data, remembering the first failure.
type recordReader struct {
	b   []byte
	s   string // b as a string, which the record's strings are slices of
	off int
	err error
}

func (r *recordReader) fail() { r.err, r.off = ErrRecordData, len(r.b) }

func (r *recordReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.off += n
	return v
}

func (r *recordReader) string() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)-r.off) {
		r.fail()
		return ""
	}
	s := r.s[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

// length reads the length of a slice or map: ok is false for nil. Every
// element takes at least a byte, so no length exceeds what is left.
func (r *recordReader) length() (int, bool) {
	v := r.uvarint()
	if v == 0 || r.err != nil {
		return 0, false
	}
	if v-1 > uint64(len(r.b)-r.off) {
		r.fail()
		return 0, false
	}
	return int(v - 1), true
}
