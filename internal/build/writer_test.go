package build

import (
	"errors"
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

func TestWriter(t *testing.T) {
	for _, tc := range []struct {
		name    string
		files   []string
		refuse  string
		written []string // the sink's names, in order
		wantErr bool
	}{
		{name: "in order", files: []string{"b", "a", "c", "a"}, written: []string{"b", "a", "c", "a"}},
		{name: "none", written: nil},
		{name: "stops at a failure", files: []string{"a", "bad", "b", "c"}, refuse: "bad", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sink := &recordingSink{refuse: tc.refuse}
			var freed sync.Map // buffers given back, by name
			free := func(buf *[]byte) { freed.Store(string(*buf), true) }
			w := newWriter(sink, 1, free)
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
			if tc.wantErr {
				// What was queued before the failure was seen may be
				// written; nothing after the refused file is.
				if i := slices.Index(tc.files, tc.refuse); slices.ContainsFunc(sink.names, func(n string) bool {
					return slices.Index(tc.files, n) > i
				}) {
					t.Errorf("wrote %v, past the refused %q", sink.names, tc.refuse)
				}
			} else {
				if putErr != nil {
					t.Errorf("put: %v", putErr)
				}
				if !slices.Equal(sink.names, tc.written) {
					t.Errorf("wrote %v, want %v", sink.names, tc.written)
				}
				for i, name := range sink.names {
					if sink.data[i] != name {
						t.Errorf("file %s has %q", name, sink.data[i])
					}
				}
			}
			for _, name := range tc.files {
				if _, ok := freed.Load(name); !ok {
					t.Errorf("buffer of %s not given back", name)
				}
			}
		})
	}
}
