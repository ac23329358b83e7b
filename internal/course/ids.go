package course

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading ids that keep letters of every script (Cyrillic
// included), never collide within a document, and depend only on the
// document's own headings, so they stay stable when other files change.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for n := 1; h.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	h.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs: explicit {#id} attributes are reserved.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// slugify lowercases s, keeps letters and digits of any script, and joins
// the words with single hyphens.
func slugify(s string) string {
	var b strings.Builder
	pendingHyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pendingHyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingHyphen = false
			if r == 'ё' {
				r = 'е'
			}
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' || r == '.':
			pendingHyphen = true
		}
	}
	return b.String()
}
