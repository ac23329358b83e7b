package build

import (
	"path"
	"sync"
	"time"
)

// writer puts files into a Sink from a few goroutines, its lanes, while
// the workers that made the files go on rendering.
//
// A build creates tens of thousands of files in a few directories (a page
// per record under vendors/, a JSON file per record under api/, the search
// fragments). Written from every worker at once, the creates queue on each
// directory's lock inside the kernel, which spins while it waits: on two
// cores, a core lost for as long as the other creates. So each directory
// has one lane, and a lane writes its files one after another, in the
// order they were queued: two lanes never wait on each other's directory.
// More than one lane lets the bursts of small files (the search index
// before the pages, the per-record exports after them) go into two
// directories at once.
type writer struct {
	sink  Sink
	lanes []chan file
	wg    sync.WaitGroup
	free  func(*[]byte) // takes back a buffer the writer is done with

	mu     sync.Mutex
	laneOf map[string]int // by directory; see lane
	err    error          // the first failure; files after it are dropped
	busy   time.Duration  // time spent in sink.Put, summed over the lanes
}

// file is one file on its way to the sink; buf holds its bytes and is the
// writer's until it is freed.
type file struct {
	name string
	buf  *[]byte
}

// newWriter starts a writer of lanes lanes, each of which holds up to
// depth files; put waits when the file's lane is full.
func newWriter(sink Sink, lanes, depth int, free func(*[]byte)) *writer {
	w := &writer{sink: sink, free: free, laneOf: map[string]int{}}
	for range max(lanes, 1) {
		lane := make(chan file, depth)
		w.lanes = append(w.lanes, lane)
		w.wg.Add(1)
		go w.run(lane)
	}
	return w
}

func (w *writer) run(lane chan file) {
	defer w.wg.Done()
	for f := range lane {
		if w.failed() == nil {
			t0 := time.Now()
			err := w.sink.Put(f.name, *f.buf)
			w.mu.Lock()
			w.busy += time.Since(t0)
			if w.err == nil {
				w.err = err
			}
			w.mu.Unlock()
		}
		w.free(f.buf)
	}
}

// lane returns the lane of the file name: the lane of the directory its
// create locks. That is its own directory, but for a page (a directory of
// its own with an index.html) the directory its directory is made in.
// Directories take the lanes in turn as they first come.
func (w *writer) lane(name string) chan file {
	dir := path.Dir(name)
	if path.Base(name) == "index.html" {
		dir = path.Dir(dir)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	l, ok := w.laneOf[dir]
	if !ok {
		l = len(w.laneOf) % len(w.lanes)
		w.laneOf[dir] = l
	}
	return w.lanes[l]
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
	w.lane(name) <- file{name, buf}
	return nil
}

// close waits until every queued file is written or dropped and returns
// the first failure and the time spent writing, summed over the lanes. No
// Put runs after it returns.
func (w *writer) close() (time.Duration, error) {
	for _, lane := range w.lanes {
		close(lane)
	}
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.busy, w.err
}
