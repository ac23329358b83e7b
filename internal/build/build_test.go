package build

import (
	"bytes"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"testing"

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
