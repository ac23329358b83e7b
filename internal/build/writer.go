package build

import (
	"sync"
	"time"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

// writer puts files into a Sink from a few goroutines, its lanes, while
// the workers that made the files go on rendering.
//
// A build creates tens of thousands of files in a few directories (a page
// per record under vendors/, a JSON file per record under api/, the search
// fragments). Written from every worker at once, the creates queue on each
// directory's lock inside the kernel, which spins while it waits: on two
// cores, a core lost for as long as the other creates. So the files wait
// in a queue per directory, and a lane takes the directory that has waited
// longest of those no other lane is writing into: no two lanes ever create
// files in one directory at once, the files of a directory are written in
// the order they came, and when files come for two directories (the search
// index's two languages, the per-record JSON and hosts files) both are
// written at once.
type writer struct {
	sink  Sink
	free  func(*[]byte) // takes back a buffer the writer is done with
	lanes int
	limit int // files waiting at most; put waits for room beyond it
	wg    sync.WaitGroup

	mu      sync.Mutex
	work    sync.Cond            // a directory is ready, or the writer closed
	room    sync.Cond            // a file left the queues
	dirs    map[string]*dirQueue // by publish.CreatedIn
	ready   []*dirQueue          // directories with files and no lane, oldest first
	waiting int                  // files in the queues
	closed  bool
	err     error         // the first failure; files after it are dropped
	busy    time.Duration // time spent in sink.Put, summed over the lanes
}

// dirQueue holds the files of one directory that wait to be written.
type dirQueue struct {
	files   []file
	writing bool // a lane is writing one of its files
	ready   bool // in writer.ready
}

// file is one file on its way to the sink; buf holds its bytes and is the
// writer's until it is freed, unless owned: then they are the caller's
// for good, and never freed (see putOwned).
type file struct {
	name  string
	buf   *[]byte
	owned bool
}

// newWriter starts a writer of lanes lanes, which holds up to depth files
// per lane; put waits when it holds that many.
func newWriter(sink Sink, lanes, depth int, free func(*[]byte)) *writer {
	lanes = max(lanes, 1)
	w := &writer{sink: sink, free: free, lanes: lanes, limit: lanes * max(depth, 1), dirs: map[string]*dirQueue{}}
	w.work.L = &w.mu
	w.room.L = &w.mu
	for range lanes {
		w.wg.Add(1)
		go w.run()
	}
	return w
}

// run is one lane: it writes the first file of the directory that has
// waited longest, then puts the directory back in line if it has more.
func (w *writer) run() {
	defer w.wg.Done()
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		for len(w.ready) == 0 && !w.closed {
			w.work.Wait()
		}
		if len(w.ready) == 0 {
			return
		}
		d := w.ready[0]
		w.ready = w.ready[1:]
		d.ready, d.writing = false, true
		f := d.files[0]
		d.files[0] = file{}
		d.files = d.files[1:]
		w.waiting--
		w.room.Signal()
		failed := w.err != nil
		w.mu.Unlock()

		var took time.Duration
		var err error
		if !failed {
			t0 := time.Now()
			err = w.sink.Put(f.name, *f.buf)
			took = time.Since(t0)
		}
		if !f.owned {
			w.free(f.buf)
		}

		w.mu.Lock()
		w.busy += took
		if w.err == nil {
			w.err = err
		}
		d.writing = false
		w.line(d)
	}
}

// line puts d in line for a lane if it has files and is neither being
// written nor in line already.
func (w *writer) line(d *dirQueue) {
	if len(d.files) > 0 && !d.writing && !d.ready {
		d.ready = true
		w.ready = append(w.ready, d)
		w.work.Signal()
	}
}

// put queues a file; buf is the writer's from now on. It returns an
// earlier file's failure, if any, so that the build stops soon after.
func (w *writer) put(name string, buf *[]byte) error { return w.queue(file{name: name, buf: buf}) }

// putOwned queues a file whose bytes are not the writer's to give back:
// it writes them as they are and drops them (they may share memory with
// other files, so they never go to be reused).
func (w *writer) putOwned(name string, data []byte) error {
	return w.queue(file{name: name, buf: &data, owned: true})
}

func (w *writer) queue(f file) error {
	dir := publish.CreatedIn(f.name)
	w.mu.Lock()
	for w.waiting >= w.limit && w.err == nil {
		w.room.Wait()
	}
	if err := w.err; err != nil {
		w.mu.Unlock()
		if !f.owned {
			w.free(f.buf)
		}
		return err
	}
	d, ok := w.dirs[dir]
	if !ok {
		d = &dirQueue{}
		w.dirs[dir] = d
	}
	d.files = append(d.files, f)
	w.waiting++
	w.line(d)
	w.mu.Unlock()
	return nil
}

// close waits until every queued file is written or dropped and returns
// the first failure and the time spent writing, summed over the lanes. No
// Put runs after it returns.
func (w *writer) close() (time.Duration, error) {
	w.mu.Lock()
	w.closed = true
	w.work.Broadcast()
	w.mu.Unlock()
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.busy, w.err
}
