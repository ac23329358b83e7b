package vendor

import (
	_ "embed"
	"fmt"

	"github.com/goccy/go-yaml"
)

//go:embed taxonomy.yaml
var taxonomyYAML []byte

// Text is a label and a description in one language.
type Text struct {
	Label       string `yaml:"label" json:"label"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}

// Term is one value of the taxonomy with its text in every site language.
type Term struct {
	ID string `yaml:"id" json:"id"`
	// Apple and Google name the matching category of Apple's privacy labels
	// and Google Play's data-safety section (categories only).
	Apple  string `yaml:"apple,omitempty" json:"apple,omitempty"`
	Google string `yaml:"google,omitempty" json:"google,omitempty"`
	// Way is the course's way of protecting yourself a control belongs to:
	// turn-off, block or stop-using (controls only).
	Way string `yaml:"way,omitempty" json:"way,omitempty"`
	En  Text   `yaml:"en" json:"en"`
	Ru  Text   `yaml:"ru" json:"ru"`
}

// In returns the term's text in lang, falling back to English.
func (t Term) In(lang string) Text {
	if lang == "ru" && t.Ru.Label != "" {
		return t.Ru
	}
	return t.En
}

// Taxonomy is the closed vocabulary records are written in.
type Taxonomy struct {
	Categories []Term `yaml:"categories"`
	Purposes   []Term `yaml:"purposes"`
	Links      []Term `yaml:"links"`
	Controls   []Term `yaml:"controls"`
	Kinds      []Term `yaml:"kinds"`
	Platforms  []Term `yaml:"platforms"`
}

// The small enums that need no descriptions of their own.
var (
	Defaults   = []string{"on", "off", "asked", "unknown"}
	OffSwitch  = []string{"works", "partial", "ignored", "none", "unknown"}
	Disclosure = []string{"documented", "undisclosed", "unknown"}
	Statuses   = []string{"confirmed", "reported", "alleged"}
	Stops      = []string{"works", "partial", "ignored", "unknown"}
	Snippets   = []string{"powershell", "bash", "nftables", "pf", "hosts", "text"}
)

// LoadTaxonomy decodes the taxonomy shipped with the program.
func LoadTaxonomy() (*Taxonomy, error) {
	var t Taxonomy
	if err := yaml.UnmarshalWithOptions(taxonomyYAML, &t, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("taxonomy: %w", err)
	}
	return &t, nil
}

// IDs returns the ids of terms, in taxonomy order.
func IDs(terms []Term) []string {
	ids := make([]string, len(terms))
	for i, t := range terms {
		ids[i] = t.ID
	}
	return ids
}

// Find returns the term with the given id.
func Find(terms []Term, id string) (Term, bool) {
	for _, t := range terms {
		if t.ID == id {
			return t, true
		}
	}
	return Term{}, false
}
