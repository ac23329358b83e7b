package vendor

import "testing"

func TestTaxonomyComplete(t *testing.T) {
	tx, err := LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string][]Term{
		"categories": tx.Categories, "purposes": tx.Purposes, "links": tx.Links,
		"controls": tx.Controls, "kinds": tx.Kinds, "platforms": tx.Platforms,
	}
	for name, terms := range lists {
		if len(terms) == 0 {
			t.Errorf("%s: empty", name)
		}
		seen := map[string]bool{}
		for _, term := range terms {
			if seen[term.ID] {
				t.Errorf("%s: duplicate id %q", name, term.ID)
			}
			seen[term.ID] = true
			if term.En.Label == "" || term.Ru.Label == "" {
				t.Errorf("%s/%s: a label is missing in en or ru", name, term.ID)
			}
		}
	}
	for _, c := range tx.Categories {
		if c.Apple == "" || c.Google == "" {
			t.Errorf("category %s: Apple or Google equivalent missing", c.ID)
		}
		if c.En.Description == "" || c.Ru.Description == "" {
			t.Errorf("category %s: description missing", c.ID)
		}
	}
	for _, c := range tx.Controls {
		switch c.Way {
		case "turn-off", "block", "stop-using":
		default:
			t.Errorf("control %s: way %q is not one of the course's three ways", c.ID, c.Way)
		}
	}
}
