package vendor_test

import (
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// TestRecordBinaryRoundTrip holds DecodeRecord to giving back exactly what
// Decode made, over the shipped records and synthetic ones.
func TestRecordBinaryRoundTrip(t *testing.T) {
	tx, err := vendor.LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	today := vendor.NewDate(2026, 11, 22)
	shipped, probs, err := vendor.LoadDir(os.DirFS(testsite.Root(t)), "vendors", tx, today, nil)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	fsys, err := corpus.FS(corpus.Options{Records: 60}, testsite.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	synthetic, probs, err := vendor.LoadDir(fsys, "vendors", tx, today, nil)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	recs := append(shipped, synthetic...)
	if len(recs) < 60 {
		t.Fatalf("only %d records", len(recs))
	}
	for _, r := range recs {
		data, err := r.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := vendor.DecodeRecord(data)
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("%s: decoded record differs from the decoded YAML", r.ID)
		}
	}
}

// TestRecordBinaryCoversEveryField fills every field of a Record, by
// reflection, nil and empty lists among them.
func TestRecordBinaryCoversEveryField(t *testing.T) {
	r := &vendor.Record{}
	n := 0
	fillRecord(t, reflect.ValueOf(r).Elem(), &n)
	data, err := r.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := vendor.DecodeRecord(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("round trip lost fields:\n got %+v\nwant %+v", got, r)
	}
}

// fillRecord gives v and everything in it a value of its own; every third
// list is empty rather than nil, which must survive too.
func fillRecord(t testing.TB, v reflect.Value, n *int) {
	*n++
	switch {
	case v.Type() == reflect.TypeFor[vendor.Date]():
		v.Set(reflect.ValueOf(vendor.NewDate(2000+*n%30, time.Month(1+*n%12), 1+*n%28)))
	case v.Kind() == reflect.String:
		v.SetString("v" + string(rune('a'+*n%26)) + "…" + string(rune('0'+*n%10)))
	case v.Kind() == reflect.Slice:
		k := 2
		if *n%3 == 0 {
			k = 0
		}
		v.Set(reflect.MakeSlice(v.Type(), k, k))
		for i := range k {
			fillRecord(t, v.Index(i), n)
		}
	case v.Kind() == reflect.Map:
		m := reflect.MakeMap(v.Type())
		for _, k := range []string{"ru", "de"} {
			e := reflect.New(v.Type().Elem()).Elem()
			fillRecord(t, e, n)
			m.SetMapIndex(reflect.ValueOf(k), e)
		}
		v.Set(m)
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			fillRecord(t, v.Field(i), n)
		}
	default:
		t.Fatalf("fillRecord: a field of kind %s: teach the record's codec and this test about it", v.Kind())
	}
}

// TestDecodeRecordRefusesDamage cuts and flips a record's data: an error
// or a record, never a panic.
func TestDecodeRecordRefusesDamage(t *testing.T) {
	r := &vendor.Record{}
	n := 0
	fillRecord(t, reflect.ValueOf(r).Elem(), &n)
	data, err := r.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	for k := range len(data) {
		if _, err := vendor.DecodeRecord(data[:k]); err == nil {
			t.Errorf("data cut to %d of %d bytes decoded without an error", k, len(data))
		}
	}
	if _, err := vendor.DecodeRecord(append(data[:len(data):len(data)], 0)); err == nil {
		t.Error("a byte too many decoded without an error")
	}
	for i := range data {
		damaged := append([]byte(nil), data...)
		damaged[i] ^= 0x81
		if got, err := vendor.DecodeRecord(damaged); err == nil && got == nil {
			t.Fatal("neither a record nor an error")
		}
	}
}
