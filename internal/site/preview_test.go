package site_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/site"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

var manifest = regexp.MustCompile(`search/[a-z]+/manifest\.[0-9a-f]+\.json`)

// TestRenderDocMatchesFullBuild: the pages RenderDoc re-renders after a
// body edit are byte for byte the pages a whole build makes of the edited
// tree, and an edit that reaches further is refused.
func TestRenderDocMatchesFullBuild(t *testing.T) {
	dir, load, in, prev := previewSite(t, nil)
	name := "content/en/course/02-second.md"
	src, _ := os.ReadFile(filepath.Join(dir, name))

	tests := []struct {
		name, from, to string
		ok             bool
		problems       int
	}{
		{"body edit", "Use a firewall.", "Use a firewall, or a hosts file.", true, 0},
		{"longer read", "Use a firewall.", "Use a firewall, or a hosts file. " + strings.Repeat("More words here. ", 300), true, 0},
		{"broken link", "Use a firewall.", "See [nowhere](/course/nowhere/).", true, 1},
		{"title edit", "title: Second chapter", "title: The second chapter", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := bytes.Replace(src, []byte(tt.from), []byte(tt.to), 1)
			d, ps := course.ParseFile(course.SourceFile{Name: name, Lang: "en", Kind: course.KindChapter, Data: edited})
			if d == nil || len(ps) > 0 {
				t.Fatal(ps)
			}
			old := in.Course.Find("en", course.KindChapter, "second")
			c, ok := in.Course.Replace(d)
			if !ok {
				t.Fatal("Replace refused a body edit")
			}
			next := *in
			next.Course = c
			got, probs, ok, err := site.RenderDoc(next, prev, old, d)
			if err != nil || ok != tt.ok || len(probs) != tt.problems {
				t.Fatalf("ok=%v err=%v problems=%v", ok, err, probs)
			}
			if !ok || tt.problems > 0 {
				return
			}
			// The same pages from a whole build of the edited tree.
			if err := os.WriteFile(filepath.Join(dir, name), edited, 0o644); err != nil {
				t.Fatal(err)
			}
			defer os.WriteFile(filepath.Join(dir, name), src, 0o644)
			full, _ := buildMinified(t, load())
			// The pages point at the index built before the edit: the
			// manifest's hashed name is the one difference allowed.
			// Unchanged pages must be the whole build's too, so that
			// skipping them is right.
			want := []string{"course/second/index.html", "ru/course/second/index.html"}
			if tt.name == "longer read" {
				want = append(want, "course/index.html", "ru/course/index.html")
			} else if a, b := manifest.ReplaceAll(prev["course/index.html"], nil), manifest.ReplaceAll(full["course/index.html"], nil); !bytes.Equal(a, b) {
				t.Error("the course index changed but was not re-rendered")
			}
			for _, f := range want {
				if _, ok := got[f]; !ok {
					t.Errorf("%s not re-rendered", f)
				} else if a, b := manifest.ReplaceAll(got[f], nil), manifest.ReplaceAll(full[f], nil); !bytes.Equal(a, b) {
					t.Errorf("%s differs from the whole build's", f)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%d files re-rendered, want %d", len(got), len(want))
			}
		})
	}
}

// previewSite writes the test site into a new directory and returns it, a
// loader of its content as it is on disk, the content loaded, and the site
// built from it, minified as the preview serves it. judged, when set, keeps
// the verdicts for the next build, as the preview's builds do.
func previewSite(t *testing.T, judged *site.Judged) (dir string, load func() *site.Input, in *site.Input, prev publish.Files) {
	t.Helper()
	today, _ := vendor.ParseDate("2026-11-21")
	dir = testsite.Make(t, nil)
	load = func() *site.Input {
		in, probs, err := build.Load(build.Options{Source: os.DirFS(dir), Today: today})
		if err != nil || len(probs) > 0 {
			t.Fatalf("%v %v", err, probs)
		}
		return in
	}
	in = load()
	in.Judged = judged
	in.LiveSearch = new(site.LiveSearch) // as the preview's
	prev, probs := buildMinified(t, in)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return dir, load, in, prev
}

// buildMinified builds the whole site of in and minifies it, as a build
// writes it.
func buildMinified(t *testing.T, in *site.Input) (publish.Files, diag.Problems) {
	t.Helper()
	files, probs, err := site.Build(*in)
	if err != nil {
		t.Fatal(err)
	}
	if err := publish.NewMinifier().All(files); err != nil {
		t.Fatal(err)
	}
	return files, probs
}
