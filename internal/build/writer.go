package build

import (
	"sync"
	"time"
)

// writer puts files into a Sink from one goroutine, in the order they are
// queued, while the workers that made them go on rendering.
//
// A build creates tens of thousands of files in a few directories (a page
// per record under vendors/, a JSON file per record under api/, the search
// fragments). Written from every worker at once, the creates queue on each
// directory's lock inside the kernel, which spins while it waits: on two
// cores, a core lost for as long as the other creates. One writer never
// waits on another.
type writer struct {
	sink  Sink
	files chan file
	done  chan struct{}
	free  func(*[]byte) // takes back a buffer the writer is done with

	mu   sync.Mutex
	err  error         // the first failure; files after it are dropped
	busy time.Duration // time spent in sink.Put
}

// file is one file on its way to the sink; buf holds its bytes and is the
// writer's until it is freed.
type file struct {
	name string
	buf  *[]byte
}

// newWriter starts a writer that holds up to depth files in its queue;
// put waits when the queue is full.
func newWriter(sink Sink, depth int, free func(*[]byte)) *writer {
	w := &writer{sink: sink, files: make(chan file, depth), done: make(chan struct{}), free: free}
	go w.run()
	return w
}

func (w *writer) run() {
	defer close(w.done)
	for f := range w.files {
		if w.failed() == nil {
			t0 := time.Now()
			err := w.sink.Put(f.name, *f.buf)
			w.mu.Lock()
			w.busy += time.Since(t0)
			w.err = err
			w.mu.Unlock()
		}
		w.free(f.buf)
	}
}

// failed returns the first failure of a Put, if any.
func (w *writer) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// put queues a file; buf is the writer's from now on. It returns an
// earlier file's failure, if any, so that the build stops soon after.
func (w *writer) put(name string, buf *[]byte) error {
	if err := w.failed(); err != nil {
		w.free(buf)
		return err
	}
	w.files <- file{name, buf}
	return nil
}

// close waits until every queued file is written or dropped and returns
// the first failure and the time spent writing. No Put runs after it
// returns.
func (w *writer) close() (time.Duration, error) {
	close(w.files)
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.busy, w.err
}
