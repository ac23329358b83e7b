// Package publish is the only part of atlas that writes: it minifies every
// output file, gives assets content-hash names, and swaps the finished tree
// into place in one step, so a failed build never touches the previous site.
package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"sort"
	"strings"
)

// Files is a site being built: output paths (slash-separated, relative to
// the output root, e.g. "ru/course/x/index.html") to their bytes.
type Files map[string][]byte

// Paths returns the paths in sorted order.
func (f Files) Paths() []string {
	out := make([]string, 0, len(f))
	for p := range f {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Fingerprint returns name with a hash of data before its extension:
// css/site.css becomes css/site.3f2a9c1b.css. A changed file gets a new
// name, so it can be cached for ever.
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])[:10]
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + h + ext
}
