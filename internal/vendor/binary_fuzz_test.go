package vendor_test

import (
	"reflect"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// FuzzDecodeRecord feeds DecodeRecord any bytes: it returns a record or an
// error, never panics, and a record it returns survives a round trip.
//
//	go test -run '^$' -fuzz FuzzDecodeRecord -fuzztime 60s ./internal/vendor/
func FuzzDecodeRecord(f *testing.F) {
	r := &vendor.Record{}
	n := 0
	fillRecord(f, reflect.ValueOf(r).Elem(), &n)
	data, err := r.AppendBinary(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := vendor.DecodeRecord(data)
		if err != nil {
			return
		}
		if rec == nil {
			t.Fatal("neither a record nor an error")
		}
		b, err := rec.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		again, err := vendor.DecodeRecord(b)
		if err != nil {
			t.Fatalf("a decoded record does not decode again: %v", err)
		}
		if !reflect.DeepEqual(again, rec) {
			t.Fatal("a decoded record changes through a round trip")
		}
	})
}
