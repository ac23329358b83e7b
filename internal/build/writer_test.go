package build

import (
	"errors"
	"path"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

// recordingSink keeps the names it was given, in order, and refuses one.
type recordingSink struct {
	mu     sync.Mutex
	names  []string
	data   []string
	refuse string
}

func (s *recordingSink) Put(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if name == s.refuse {
		return errors.New("disk full")
	}
	s.names = append(s.names, name)
	s.data = append(s.data, string(data))
	return nil
}

// inDir returns the names of names whose create locks dir, in order (see
// publish.CreatedIn).
func inDir(names []string, dir string) []string {
	var out []string
	for _, n := range names {
		if publish.CreatedIn(n) == dir {
			out = append(out, n)
		}
	}
	return out
}

func TestWriter(t *testing.T) {
	files := []string{"a/x", "b/y", "a/z", "c/p/index.html", "b/w", "c/q/index.html", "a/x", "index.html"}
	for _, tc := range []struct {
		name    string
		lanes   int
		files   []string
		refuse  string
		wantErr bool
	}{
		{name: "one lane", lanes: 1, files: files},
		{name: "three lanes", lanes: 3, files: files},
		{name: "no lane asked for", lanes: 0, files: files},
		{name: "nothing", lanes: 2},
		{name: "stops at a failure", lanes: 1, files: []string{"a", "bad", "b", "c"}, refuse: "bad", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sink := &recordingSink{refuse: tc.refuse}
			var mu sync.Mutex
			freed := 0 // buffers given back
			free := func(*[]byte) { mu.Lock(); freed++; mu.Unlock() }
			w := newWriter(sink, tc.lanes, 1, free)
			var putErr error
			for _, name := range tc.files {
				buf := []byte(name)
				if err := w.put(name, &buf); err != nil && putErr == nil {
					putErr = err
				}
			}
			_, err := w.close()
			if (err != nil) != tc.wantErr {
				t.Fatalf("close: err = %v, want an error: %v", err, tc.wantErr)
			}
			if freed != len(tc.files) {
				t.Errorf("%d buffers given back, want %d", freed, len(tc.files))
			}
			if tc.wantErr {
				// What was queued before the failure was seen may be
				// written; nothing after the refused file is.
				i := slices.Index(tc.files, tc.refuse)
				if slices.ContainsFunc(sink.names, func(n string) bool { return slices.Index(tc.files, n) > i }) {
					t.Errorf("wrote %v, past the refused %q", sink.names, tc.refuse)
				}
				return
			}
			if putErr != nil {
				t.Errorf("put: %v", putErr)
			}
			if len(sink.names) != len(tc.files) {
				t.Fatalf("wrote %v, want %v", sink.names, tc.files)
			}
			// The files of one directory are written in the order they
			// came, so that a file put twice ends with its later bytes.
			for _, dir := range []string{".", "a", "b", "c"} {
				if got, want := inDir(sink.names, dir), inDir(tc.files, dir); !slices.Equal(got, want) {
					t.Errorf("directory %s: wrote %v, want %v", dir, got, want)
				}
			}
			for i, name := range sink.names {
				if sink.data[i] != name {
					t.Errorf("file %s has %q", name, sink.data[i])
				}
			}
		})
	}
}

// overlapSink fails a Put that starts while another Put into the same
// directory is still running.
type overlapSink struct {
	mu     sync.Mutex
	active map[string]bool
	err    error
}

func (s *overlapSink) Put(name string, data []byte) error {
	dir := publish.CreatedIn(name)
	s.mu.Lock()
	if s.active[dir] && s.err == nil {
		s.err = errors.New("two lanes wrote into " + dir + " at once")
	}
	s.active[dir] = true
	s.mu.Unlock()
	time.Sleep(50 * time.Microsecond) // long enough for another lane to step in
	s.mu.Lock()
	s.active[dir] = false
	s.mu.Unlock()
	return nil
}

// A directory moves between lanes only when none of its files is on one,
// so that no two lanes ever create files in it at once.
func TestWriterOneLanePerDirectory(t *testing.T) {
	sink := &overlapSink{active: map[string]bool{}}
	w := newWriter(sink, 3, 4, func(*[]byte) {})
	var wg sync.WaitGroup
	for g := range 4 { // four workers, like the render workers, by turns
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 300 {
				name := []string{"a/", "b/", "c/x/", "d/"}[(i+g)%4] + string(rune('a'+i%26))
				if i%3 == 0 {
					name = path.Join(name, "index.html")
				}
				buf := []byte(name)
				if err := w.put(name, &buf); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if _, err := w.close(); err != nil {
		t.Fatal(err)
	}
	if sink.err != nil {
		t.Error(sink.err)
	}
}

// gateSink holds the Put of "a/1" until "b/1" is being put, and tells
// written of every other file it wrote.
type gateSink struct {
	bStarted chan struct{}
	written  chan string
}

func (s *gateSink) Put(name string, data []byte) error {
	switch name {
	case "a/1":
		select {
		case <-s.bStarted:
			return nil
		case <-time.After(5 * time.Second):
			return errors.New("b/1 was queued behind a/1 on a lane of its own")
		}
	case "b/1":
		close(s.bStarted)
	}
	s.written <- name
	return nil
}

// A directory that comes while another lane is busy goes to an idle lane,
// whatever the order the directories first came in: x, a, y, b would put
// a and b on one lane if directories took the lanes in turn.
func TestWriterNewDirectoryTakesAnIdleLane(t *testing.T) {
	sink := &gateSink{bStarted: make(chan struct{}), written: make(chan string, 4)}
	w := newWriter(sink, 2, 4, func(*[]byte) {})
	put := func(name string) {
		buf := []byte(name)
		if err := w.put(name, &buf); err != nil {
			t.Fatal(err)
		}
	}
	put("x/1")
	<-sink.written
	put("a/1") // held until b/1 is put
	put("y/1")
	<-sink.written
	put("b/1")
	if _, err := w.close(); err != nil {
		t.Error(err)
	}
}

// A file put as owned is written as it is and never given back to be
// reused: its bytes may be shared with files not yet written.
func TestWriterLeavesOwnedBytesAlone(t *testing.T) {
	sink := &recordingSink{}
	var freed []*[]byte
	var mu sync.Mutex
	w := newWriter(sink, 2, 2, func(b *[]byte) { mu.Lock(); freed = append(freed, b); mu.Unlock() })
	shared := []byte("abcdef")
	if err := w.putOwned("api/a.json", shared[:3]); err != nil {
		t.Fatal(err)
	}
	if err := w.putOwned("api/b.json", shared[3:]); err != nil {
		t.Fatal(err)
	}
	mine := []byte("page")
	if err := w.put("p/index.html", &mine); err != nil {
		t.Fatal(err)
	}
	if _, err := w.close(); err != nil {
		t.Fatal(err)
	}
	if len(freed) != 1 || freed[0] != &mine {
		t.Errorf("%d buffers given back, want only the page's", len(freed))
	}
	got := map[string]string{}
	for i, n := range sink.names {
		got[n] = sink.data[i]
	}
	if got["api/a.json"] != "abc" || got["api/b.json"] != "def" || got["p/index.html"] != "page" {
		t.Errorf("wrote %v", got)
	}
}
