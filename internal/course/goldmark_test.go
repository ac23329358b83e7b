package course

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

// withShippedChapters adds every chapter the site ships to docs, by its
// path, and fails when there are too few for the site's to be among them.
func withShippedChapters(t *testing.T, docs map[string]string) map[string]string {
	t.Helper()
	filepath.WalkDir(filepath.Join("..", "..", "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs[p] = string(data)
		}
		return nil
	})
	if len(docs) < 20 {
		t.Fatalf("only %d documents: the shipped chapters were not found", len(docs))
	}
	return docs
}

// sameHTML converts every document with theirs and ours, reports each
// whose HTML differs, and returns ours' HTML by document name.
func sameHTML(t *testing.T, theirs, ours goldmark.Markdown, docs map[string]string) map[string]string {
	t.Helper()
	out := make(map[string]string, len(docs))
	for name, src := range docs {
		var want, got bytes.Buffer
		if err := theirs.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s:\n got %s\nwant %s", name, got.String(), want.String())
		}
		out[name] = got.String()
	}
	return out
}
