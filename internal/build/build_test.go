package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// reversedFS lists every directory in reverse order, to prove the output
// does not depend on the order the file system returns names in.
type reversedFS struct{ fs.FS }

func (r reversedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.FS, name)
	slices.Reverse(entries)
	return entries, err
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := testsite.Make(t, nil)
	today := vendor.NewDate(2026, 11, 22)
	build := func(fsys fs.FS, procs int) map[string][]byte {
		t.Helper()
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		res, err := Run(Options{Source: fsys, Today: today})
		if err != nil {
			if res != nil {
				t.Fatalf("build: %v\n%s", err, res.Problems.Error())
			}
			t.Fatalf("build: %v", err)
		}
		return res.Files
	}
	a := build(os.DirFS(dir), runtime.NumCPU())
	b := build(reversedFS{os.DirFS(dir)}, 1)
	if len(a) != len(b) {
		t.Fatalf("file counts differ: %d and %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between GOMAXPROCS=N in listing order and GOMAXPROCS=1 in reverse order", name)
		}
	}
	for _, want := range []string{"index.html", "ru/index.html", "course/index.html", "course/first/index.html",
		"ru/course/second/index.html", "vendors/index.html", "vendors/acme-phone/index.html", "sitemap.xml", "404.html", "robots.txt"} {
		if _, ok := a[want]; !ok {
			t.Errorf("build lacks %s", want)
		}
	}
}

func TestUntranslatedPageFallsBackToEnglish(t *testing.T) {
	dir := testsite.Make(t, nil)
	res, err := Run(Options{Source: os.DirFS(dir), Today: vendor.NewDate(2026, 11, 22)})
	if err != nil {
		t.Fatal(err)
	}
	page := string(res.Files["ru/course/second/index.html"])
	for _, want := range []string{`lang="ru"`, "Эта страница ещё не переведена", `lang="en"`, "Second chapter"} {
		if !bytes.Contains([]byte(page), []byte(want)) {
			t.Errorf("ru/course/second/ lacks %q", want)
		}
	}
	translated := string(res.Files["ru/course/first/index.html"])
	if bytes.Contains([]byte(translated), []byte("Эта страница ещё не переведена")) || !bytes.Contains([]byte(translated), []byte("«слежка»")) {
		t.Errorf("translated chapter marked as fallback or lacks Russian quotes")
	}
}

// failingSink refuses one file and counts the Puts still running.
type failingSink struct {
	refuse  string
	running atomic.Int32
	after   atomic.Int32 // Puts that started after Run returned
	done    atomic.Bool
}

func (s *failingSink) Put(name string, data []byte) error {
	if s.done.Load() {
		s.after.Add(1)
	}
	s.running.Add(1)
	defer s.running.Add(-1)
	if name == s.refuse {
		return errors.New("disk full")
	}
	return nil
}

// TestStreamStopsOnAWriteError: a file the sink cannot take fails the
// build with the sink's error, and no write is still going on, or starts,
// once Run has returned (the caller then removes what was written).
func TestStreamStopsOnAWriteError(t *testing.T) {
	src := testsite.Make(t, nil)
	sink := &failingSink{refuse: "course/first/index.html"}
	_, err := Run(Options{Source: os.DirFS(src), Today: vendor.NewDate(2026, 11, 22), Out: sink})
	sink.done.Store(true)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the sink's error", err)
	}
	if n := sink.running.Load(); n != 0 {
		t.Errorf("%d writes still running after Run returned", n)
	}
	if n := sink.after.Load(); n != 0 {
		t.Errorf("%d writes started after Run returned", n)
	}
}

// discardSink takes every file and keeps nothing.
type discardSink struct{}

func (discardSink) Put(string, []byte) error { return nil }

// A build's stats have a stage for every step of rendering, in order, with
// the CPU time the process spent in it where the system tells it.
func TestStatsHaveTheSteps(t *testing.T) {
	src := testsite.Make(t, nil)
	for _, tc := range []struct {
		name string
		out  Sink
	}{
		{"in memory", nil},
		{"streamed", discardSink{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Run(Options{Source: os.DirFS(src), Today: vendor.NewDate(2026, 11, 22), Out: tc.out})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			var cpu time.Duration
			for _, st := range res.Stats.Stages {
				names = append(names, st.Name)
				cpu += st.CPU
			}
			want := []string{"load", "index", "index out", "pages", "exports", "exports out", "links"}
			if tc.out == nil {
				want = append(want, "minify")
			}
			if !slices.Equal(names, want) {
				t.Errorf("stages %q, want %q", names, want)
			}
			if cpu <= 0 && runtime.GOOS == "linux" {
				t.Errorf("no CPU time in the stages %+v", res.Stats.Stages)
			}
		})
	}
}
