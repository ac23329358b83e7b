package site

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/highlight"
	"github.com/telemetry-atlas/atlas/internal/parallel"
	"github.com/telemetry-atlas/atlas/internal/publish"
)

// builder holds what every page of one build shares. It is made once per
// build and only read while pages render in parallel.
type builder struct {
	in             Input
	text           *course.TextRenderer
	highlighter    *highlight.Highlighter
	assetFiles     publish.Files     // output path → bytes, fingerprinted
	assetURLs      map[string]string // static name → site URL
	searchManifest map[string]string // language → manifest URL
	searchFiles    publish.Files
	memo           memo      // what many pages share, derived once
	judged         *Judged   // the records' verdicts: Input.Judged, or the build's own
	buffers        sync.Pool // *[]byte for rendering pages
	snippets       sync.Map  // highlighted record snippets (highlight)
	layout         sync.Map  // layoutKey → written: the parts every page shares
}

// emptyBuilder returns a builder with nothing made yet: no assets, no
// search index.
func emptyBuilder(in Input) *builder {
	judged := in.Judged
	if judged == nil {
		judged = new(Judged)
	}
	return &builder{
		judged:         judged,
		buffers:        sync.Pool{New: func() any { return new([]byte) }},
		in:             in,
		text:           course.NewTextRenderer(),
		highlighter:    highlight.New(),
		assetFiles:     publish.Files{},
		assetURLs:      map[string]string{},
		searchManifest: map[string]string{},
	}
}

func newBuilder(in Input) (*builder, error) {
	b := emptyBuilder(in)
	if err := b.assets(); err != nil {
		return nil, err
	}
	return b, nil
}

// assets copies static/ into the output. CSS and JS are minified first and
// then named by their content's hash, so the name changes exactly when the
// bytes do; other files keep their names. The code-highlighting stylesheet
// is generated here from chroma's themes.
func (b *builder) assets() error {
	files := publish.Files{}
	for name, data := range b.in.Static {
		files[name] = data
	}
	css, err := highlight.Stylesheet()
	if err != nil {
		return err
	}
	files["css/code.css"] = []byte(css)
	mn := publish.NewMinifier()
	for _, name := range files.Paths() {
		data := files[name]
		switch path.Ext(name) {
		case ".css", ".js":
			min, err := mn.Bytes(name, data)
			if err != nil {
				return fmt.Errorf("static/%s: %w", name, err)
			}
			out := publish.Fingerprint(name, min)
			b.assetFiles[out] = min
			b.assetURLs[name] = "/" + out
		default:
			b.assetFiles[name] = data
			b.assetURLs[name] = "/" + name
		}
	}
	return nil
}

// absolute makes a site path absolute under the base URL.
func (b *builder) absolute(p string) string {
	return strings.TrimSuffix(b.in.Config.BaseURL, "/") + p
}

// pages lists every HTML page of the site.
func (b *builder) pages() []*Page {
	groups := []func() []*Page{
		b.homePages,
		b.coursePages,
		b.matrixPages,
		b.vendorPages,
		b.categoryPages,
		b.comparePages,
		b.methodologyPages,
		b.incidentsPages,
		b.apiPages,
		b.searchPages,
		b.notFoundPages,
	}
	out := makeGroups(groups)
	sort.SliceStable(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}

// makeGroups makes the pages of each group and joins them in the order of
// the groups. The groups only read the builder (and its memo, which
// locks), so they are made on every CPU.
func makeGroups(groups []func() []*Page) []*Page {
	made := make([][]*Page, len(groups))
	parallel.Each(len(groups), func(i int) { made[i] = groups[i]() })
	return slices.Concat(made...)
}

// extraFiles are the files that are not pages, but for the search index:
// the sitemap, robots.txt, the data exports, the incident feeds and the
// heatmaps.
func (b *builder) extraFiles(pages []*Page) (publish.Files, error) {
	files := publish.Files{}
	files["sitemap.xml"] = b.sitemap(pages)
	files["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + b.absolute("/sitemap.xml") + "\n")
	exports, err := b.exports(nil)
	if err != nil {
		return nil, err
	}
	for name, data := range exports {
		files[name] = data
	}
	return files, nil
}
