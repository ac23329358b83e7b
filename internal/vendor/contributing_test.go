package vendor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestContributingListsTheTaxonomy keeps CONTRIBUTING.md, which messages
// point to for the long lists of allowed values, in step with the taxonomy.
func TestContributingListsTheTaxonomy(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "CONTRIBUTING.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	tx := mustTaxonomy(t)
	for name, terms := range map[string][]Term{
		"categories": tx.Categories, "purposes": tx.Purposes, "links": tx.Links,
		"controls": tx.Controls, "kinds": tx.Kinds, "platforms": tx.Platforms,
	} {
		for _, term := range terms {
			if !strings.Contains(doc, "`"+term.ID+"`") {
				t.Errorf("%s: %q is not in CONTRIBUTING.md", name, term.ID)
			}
		}
	}
	for _, vals := range [][]string{Defaults, OffSwitch, Disclosure, Statuses, Stops, Snippets} {
		for _, v := range vals {
			if !strings.Contains(doc, "`"+v+"`") {
				t.Errorf("%q is not in CONTRIBUTING.md", v)
			}
		}
	}
}
