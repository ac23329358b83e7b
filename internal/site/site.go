// Package site turns the loaded content into the files of the site: the
// page model, navigation, template rendering, assets, the sitemap, and the
// check that every internal link resolves. It reads nothing from the disk:
// everything arrives in Input.
package site

import (
	"fmt"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"sync/atomic"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/diag"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// Input is everything a build needs, already loaded and checked.
type Input struct {
	Config    Config
	Course    *course.Course
	Records   []*vendor.Record // sorted by id
	Taxonomy  *vendor.Taxonomy
	Templates *Templates
	Static    publish.Files // files under static/, by path relative to it
	Today     vendor.Date   // the build's clock, for "needs review"
	// Progress, when set, is told how many pages have rendered of how
	// many; it is called from several goroutines at once.
	Progress func(done, total int)
}

// Build renders the whole site. Problems are content problems with a place
// (a broken link in a chapter); err is a failure of the build itself (a
// template that does not execute).
func Build(in Input) (publish.Files, diag.Problems, error) {
	b, err := newBuilder(in)
	if err != nil {
		return nil, nil, err
	}
	pages := b.pages()
	out := publish.Files{}
	for name, data := range b.assetFiles {
		out[name] = data
	}
	rendered := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	var done atomic.Int64
	parallel.Each(len(pages), func(i int) {
		rendered[i], errs[i] = b.render(pages[i])
		if in.Progress != nil {
			in.Progress(int(done.Add(1)), len(pages))
		}
	})
	for i, p := range pages {
		if errs[i] != nil {
			return nil, nil, fmt.Errorf("render %s: %w", p.URL, errs[i])
		}
		out[p.File()] = rendered[i]
	}
	extra, err := b.extraFiles(pages)
	if err != nil {
		return nil, nil, err
	}
	for name, data := range extra {
		out[name] = data
	}
	probs := checkLinks(out, in.Course)
	probs.Sort()
	return out, probs, nil
}
