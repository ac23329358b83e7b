package course

import (
	"slices"

	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/highlight"
)

// ParseFile parses one already-read file on its own, for the preview
// server, which re-parses only the file that changed.
func ParseFile(f SourceFile) (*Doc, diag.Problems) {
	return newDocParser(highlight.New(), []string{f.Lang}).parse(f)
}

// Replace returns a course in which d takes the place of the document with
// the same file, language, kind, key and order; every other document is
// shared with c, which is left as it was. It reports false when there is no
// such document (a new file, a changed key or order): the course's shape
// changed, and the caller parses it whole.
func (c *Course) Replace(d *Doc) (*Course, bool) {
	i := slices.IndexFunc(c.Docs, func(o *Doc) bool {
		return o.File == d.File && o.Lang == d.Lang && o.Kind == d.Kind && o.Key == d.Key && o.Order == d.Order
	})
	if i < 0 {
		return nil, false
	}
	old := c.Docs[i]
	out := &Course{Docs: slices.Clone(c.Docs)}
	out.Docs[i] = d
	if c.index != nil {
		out.index = make(map[docKey]*Doc, len(c.index))
		for k, v := range c.index {
			if v == old {
				v = d
			}
			out.index[k] = v
		}
	}
	return out, true
}
