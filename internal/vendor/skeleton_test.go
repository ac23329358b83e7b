package vendor

import (
	"strings"
	"testing"
)

// TestSkeletonSaysWhatToFill checks that a new record is valid YAML with
// every field present, and that each of its problems asks to fill a field.
func TestSkeletonSaysWhatToFill(t *testing.T) {
	tx := mustTaxonomy(t)
	data := Skeleton("acme-phone", tx)
	rec, probs := Decode("vendors/acme-phone.yaml", data, tx, testToday)
	if rec != nil {
		t.Fatal("the skeleton passes the check; it must ask for the facts first")
	}
	want := []string{"vendor", "product", "kind", "platforms", "versions", "summary",
		"collects[0].category", "collects[0].items", "collects[0].linked", "collects[0].purposes",
		"collects[0].default", "collects[0].off_switch", "collects[0].disclosed", "collects[0].status",
		"collects[0].sources", "sources[0].id", "sources[0].title", "sources[0].url", "sources[0].publisher",
		"sources[0].accessed", "reviewed"}
	got := map[string]string{}
	for _, p := range probs {
		got[p.Path] = p.Msg
		if !strings.HasPrefix(p.Msg, "empty: ") || p.Line == 0 {
			t.Errorf("%s: does not say what to fill", p)
		}
	}
	for _, path := range want {
		if _, ok := got[path]; !ok {
			t.Errorf("no problem asks to fill %s", path)
		}
	}
	if len(probs) != len(want) {
		t.Errorf("%d problems, want %d:\n%v", len(probs), len(want), probs)
	}
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=schema.json\n") {
		t.Error("the skeleton does not start with the schema line")
	}
	for _, line := range strings.Split(string(data), "\n") {
		if len([]rune(line)) > 110 {
			t.Errorf("line too long for an editor: %q", line)
		}
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"acme-phone": true, "a1": true, "Acme": false, "acme--phone": false, "-acme": false,
		"acme_phone": false, "": false, "../etc/passwd": false, "acme.yaml": false,
	} {
		if ValidID(id) != want {
			t.Errorf("ValidID(%q) = %v", id, !want)
		}
	}
}

// TestSkeletonFilledIn fills in every empty value of a new record and
// expects it to pass: the skeleton has the shape of a real record.
func TestSkeletonFilledIn(t *testing.T) {
	tx := mustTaxonomy(t)
	fill := map[string]string{
		`vendor: ""`: `vendor: Acme`, `product: ""`: `product: Acme Phone`, `kind: ""`: `kind: device`,
		`platforms: []`: `platforms: [android]`, `versions: ""`: `versions: "Acme Phone 1 (2025)"`,
		`summary: ""`:  `summary: Acme Phone sends its serial number to Acme.`,
		`category: ""`: `category: device-identifiers`, `items: []`: `items: [serial number]`,
		`linked: ""`: `linked: identified`, `purposes: []`: `purposes: [analytics]`, `default: ""`: `default: "on"`,
		`off_switch: ""`: `off_switch: none`, `disclosed: ""`: `disclosed: undisclosed`, `status: ""`: `status: confirmed`,
		`sources: []`: `sources: [acme-2025]`, `id: ""`: `id: acme-2025`, `title: ""`: `title: Acme analytics`,
		`url: ""`: `url: https://example.com/acme`, `publisher: ""`: `publisher: A researcher`,
		`accessed: ""`: `accessed: 2026-11-20`, `reviewed: ""`: `reviewed: 2026-11-20`,
	}
	data := string(Skeleton("acme-phone", tx))
	for from, to := range fill {
		if !strings.Contains(data, from) {
			t.Fatalf("the skeleton has no %s", from)
		}
		data = strings.ReplaceAll(data, from, to)
	}
	if _, probs := Decode("vendors/acme-phone.yaml", []byte(data), tx, testToday); len(probs) > 0 {
		t.Errorf("the filled-in skeleton fails:\n%v", probs)
	}
}
