package highlight

import (
	"io"
	"strings"
	"sync"
)

// Memo remembers the blocks a Highlighter wrote, by language and code, so
// a block that shows up again (a translation repeating its original's
// commands, a command repeated in one chapter) is lexed once. Lexing is
// most of the cost of highlighting.
//
// A Memo belongs to one build: make one per load and drop it with the load.
// It holds at most about maxBytes of code and HTML; when a new block would
// pass the bound, what it holds is forgotten first. It is safe for
// concurrent use.
type Memo struct {
	h        *Highlighter
	maxBytes int

	mu     sync.Mutex
	blocks map[memoKey]string
	size   int
}

type memoKey struct{ lang, code string }

// NewMemo returns a Memo in front of h holding about maxBytes.
func NewMemo(h *Highlighter, maxBytes int) *Memo {
	return &Memo{h: h, maxBytes: maxBytes, blocks: map[memoKey]string{}}
}

// Write is Highlighter.Write, from memory when the same block was written
// before.
func (m *Memo) Write(w io.Writer, lang, code string) error {
	k := memoKey{lang, code}
	m.mu.Lock()
	html, ok := m.blocks[k]
	m.mu.Unlock()
	if !ok {
		var b strings.Builder
		if err := m.h.Write(&b, lang, code); err != nil {
			return err
		}
		html = b.String()
		m.remember(k, html)
	}
	_, err := io.WriteString(w, html)
	return err
}

func (m *Memo) remember(k memoKey, html string) {
	n := len(k.lang) + len(k.code) + len(html)
	if n > m.maxBytes {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.blocks[k]; ok {
		return // another worker lexed it at the same time
	}
	if m.size+n > m.maxBytes {
		clear(m.blocks)
		m.size = 0
	}
	m.blocks[k] = html
	m.size += n
}
