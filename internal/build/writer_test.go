package build

import (
	"errors"
	"path"
	"slices"
	"sync"
	"testing"
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
// writer.lane).
func inDir(names []string, dir string) []string {
	var out []string
	for _, n := range names {
		d := path.Dir(n)
		if path.Base(n) == "index.html" {
			d = path.Dir(d)
		}
		if d == dir {
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
