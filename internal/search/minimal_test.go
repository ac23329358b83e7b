package search

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

// TestFilesAreMinimal: every index file is written compact, so the build
// writes it without minifying it (publish skips search/*.json): the
// minifier would give back the same JSON value, and at most respell a round
// number (1000 as 1e3), which JSON.parse reads the same. The hostile
// fixtures and synthetic text cover escapes, quotes and non-ASCII words.
func TestFilesAreMinimal(t *testing.T) {
	mn := publish.NewMinifier()
	for _, tt := range []struct {
		lang string
		docs []Doc
	}{
		{"en", append(fixtureEN(), synthDocs(300, 7)...)},
		{"ru", fixtureRU()},
	} {
		files, _, err := Build(tt.docs, Options{Lang: tt.lang, ShardBytes: 2048})
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range files {
			min, err := mn.Bytes("x.json", data) // a name the minifier does not skip
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var got, want any
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if err := json.Unmarshal(min, &want); err != nil {
				t.Fatalf("%s minified: %v", name, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the minifier changes its value", name)
			}
			// Only numbers may be spelled shorter: a byte or two each.
			if len(data)-len(min) > len(data)/100+8 {
				t.Errorf("%s: %d bytes, %d minified: not written compact", name, len(data), len(min))
			}
		}
	}
}
