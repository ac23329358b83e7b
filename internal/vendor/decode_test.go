package vendor

import (
	"os"
	"strings"
	"testing"
)

var testToday = NewDate(2026, 11, 22)

func mustTaxonomy(t testing.TB) *Taxonomy {
	t.Helper()
	tx, err := LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	return tx
}

func goodRecord(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/good/oneplus-oxygenos.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDecodeGood(t *testing.T) {
	rec, probs := Decode("vendors/oneplus-oxygenos.yaml", goodRecord(t), mustTaxonomy(t), testToday)
	if len(probs) > 0 {
		t.Fatalf("problems in the good record:\n%v", probs)
	}
	if rec.ID != "oneplus-oxygenos" || rec.Collects[0].Default != "on" || rec.Reviewed.String() != "2026-11-22" {
		t.Errorf("decoded wrongly: %+v", rec)
	}
	if got := rec.Translations["ru"].Controls[0].How; !strings.Contains(got, "Настройки") {
		t.Errorf("translation not decoded: %q", got)
	}
}

func TestDecodeEnumTypo(t *testing.T) {
	data := strings.Replace(string(goodRecord(t)), "category: device-identifiers", "category: identifers", 1)
	_, probs := Decode("vendors/oneplus-oxygenos.yaml", []byte(data), mustTaxonomy(t), testToday)
	want := `vendors/oneplus-oxygenos.yaml:11:15: collects[0].category: unknown category "identifers" (did you mean "device-identifiers"?)`
	if len(probs) != 1 || probs[0].String() != want {
		t.Errorf("got %v\nwant %s", probs, want)
	}
}

// TestDecodeLineEnds checks that Windows line ends and a byte-order mark, as
// some editors save them, change nothing, not even the places.
func TestDecodeLineEnds(t *testing.T) {
	tx := mustTaxonomy(t)
	lf := string(goodRecord(t))
	crlf := "\ufeff" + strings.ReplaceAll(lf, "\n", "\r\n")
	rec, probs := Decode("vendors/oneplus-oxygenos.yaml", []byte(crlf), tx, testToday)
	if len(probs) > 0 {
		t.Fatalf("CRLF record: %v", probs)
	}
	if strings.Contains(rec.Translations["ru"].Controls[0].How, "\r") || strings.Contains(rec.Summary, "\r") {
		t.Error("a carriage return reached the text")
	}
	bad := strings.Replace(crlf, "kind: os", "kind: phone", 1)
	_, probs = Decode("vendors/oneplus-oxygenos.yaml", []byte(bad), tx, testToday)
	if len(probs) != 1 || probs[0].Line != 5 || probs[0].Col != 7 {
		t.Errorf("CRLF record problem misplaced: %v", probs)
	}
}

func BenchmarkDecode(b *testing.B) {
	tx := mustTaxonomy(b)
	data := goodRecord(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, probs := Decode("vendors/oneplus-oxygenos.yaml", data, tx, testToday); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

// BenchmarkLoadDirShipped loads the records shipped in vendors/.
func BenchmarkLoadDirShipped(b *testing.B) {
	tx := mustTaxonomy(b)
	fsys := os.DirFS("../..")
	for b.Loop() {
		if _, _, err := LoadDir(fsys, "vendors", tx, testToday, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDecodeNilTaxonomy(t *testing.T) {
	if _, probs := Decode("vendors/oneplus-oxygenos.yaml", goodRecord(t), nil, Date{}); len(probs) > 0 {
		t.Errorf("nil taxonomy: %v", probs)
	}
}
