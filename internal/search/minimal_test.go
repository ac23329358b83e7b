package search

import (
	"bytes"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

// TestFilesAreMinimal: every index file is written as compact as the
// minifier would make it, so the build can write it without minifying it
// (publish skips search/*.json); the hostile fixtures and synthetic text
// cover escapes, quotes and non-ASCII words.
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
			if !bytes.Equal(min, data) {
				t.Errorf("%s: the minifier changes it (%d → %d bytes)", name, len(data), len(min))
			}
		}
	}
}
