package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress shows the stage of a long build and its count on one line of a
// terminal ("render 12034/30056"), redrawn at most ten times a second. When
// the writer is not a terminal (a log, CI, a pipe) it shows nothing.
type progress struct {
	w       io.Writer
	enabled bool

	mu    sync.Mutex
	stage string
	last  time.Time
	shown bool
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, enabled: isTerminal(w)}
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// report draws the stage and count; total 0 means the stage does not count.
// It is safe to call from several goroutines.
func (p *progress) report(stage string, done, total int) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if stage == p.stage && done != total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.stage, p.last, p.shown = stage, now, true
	fmt.Fprint(p.w, line(stage, done, total))
}

// line is one redraw: back to the start of the line, clear it, write.
func line(stage string, done, total int) string {
	if total == 0 {
		return fmt.Sprintf("\r\033[K%s…", stage)
	}
	return fmt.Sprintf("\r\033[K%s %d/%d", stage, done, total)
}

// clear removes the progress line before other output.
func (p *progress) clear() {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
