package publish

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"sync/atomic"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"

	"github.com/telemetry-atlas/atlas/internal/htmlmin"
	"github.com/telemetry-atlas/atlas/internal/parallel"
)

// mediaTypes maps the extensions that are minified to their media types.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
}

// minimal reports whether name is a file that is made minimal already, so
// that minifying it would give back the same bytes and only cost time: the
// JSON exports under api/, which internal/export writes compact, and the
// search index under search/, which internal/search does (the tests of both
// check it; the minifier would at most respell a round number in the index,
// 1000 as 1e3, which JSON.parse reads the same). At ten thousand records
// they are 300 MB of JSON.
func minimal(name string) bool {
	return (strings.HasPrefix(name, "api/") || strings.HasPrefix(name, "search/")) && path.Ext(name) == ".json"
}

// Unchanged reports whether minifying the file name gives its bytes back
// as they are (Bytes, Take and Append): files of a type that is not
// minified, and files made minimal already.
func Unchanged(name string) bool {
	_, ok := mediaTypes[path.Ext(name)]
	return !ok || minimal(name)
}

// fastHTML minifies an HTML page with htmlmin, which gives tdewolff's
// bytes several times faster for the markup the site writes; ok is false
// for other files and for pages with markup htmlmin leaves to tdewolff.
func fastHTML(dst []byte, name string, data []byte) (out []byte, ok bool) {
	if path.Ext(name) != ".html" {
		return dst, false
	}
	return htmlmin.Append(dst, data)
}

// Minifier minifies files by extension. It is safe for concurrent use.
type Minifier struct {
	m *minify.M
}

// NewMinifier returns a Minifier for HTML, CSS, JS, JSON, SVG and XML.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/xml", xml.Minify)
	return &Minifier{m: m}
}

// Bytes minifies data as the type its name's extension says; other files,
// and files made minimal already (the JSON exports under api/), come back
// unchanged. data is left as it was.
func (mn *Minifier) Bytes(name string, data []byte) ([]byte, error) {
	if Unchanged(name) {
		return data, nil
	}
	mt := mediaTypes[path.Ext(name)]
	if out, ok := fastHTML(nil, name, data); ok {
		return out, nil
	}
	var out bytes.Buffer
	out.Grow(len(data))
	if err := mn.m.Minify(mt, &out, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out.Bytes(), nil
}

// Take is Bytes for generated files (HTML, JSON, XML) whose unminified
// bytes the caller never uses again: the minifier reads them in place and
// may change them, which saves copying every page whole. Other files go
// through Bytes.
func (mn *Minifier) Take(name string, data []byte) ([]byte, error) {
	if Unchanged(name) {
		return data, nil
	}
	switch path.Ext(name) {
	case ".html", ".json", ".xml":
	default:
		return mn.Bytes(name, data)
	}
	if out, ok := fastHTML(nil, name, data); ok {
		return out, nil
	}
	out, err := mn.m.Bytes(mediaTypes[path.Ext(name)], data)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out, nil
}

// Append is Take that writes the minified bytes after dst and returns the
// extended slice, so that a caller who writes each file and drops it can
// minify every file into the same memory. Files that are not minified are
// appended as they are.
func (mn *Minifier) Append(dst []byte, name string, data []byte) ([]byte, error) {
	if Unchanged(name) {
		return append(dst, data...), nil
	}
	switch path.Ext(name) {
	case ".html", ".json", ".xml":
	default:
		min, err := mn.Bytes(name, data)
		return append(dst, min...), err
	}
	if out, ok := fastHTML(dst, name, data); ok {
		return out, nil
	}
	out := buffer.NewWriter(dst)
	if err := mn.m.Minify(mediaTypes[path.Ext(name)], out, buffer.NewReader(data)); err != nil {
		return dst, fmt.Errorf("minify %s: %w", name, err)
	}
	return out.Bytes(), nil
}

// All minifies every file in place, in parallel. The map's unminified
// generated files (HTML, JSON, XML) may be changed: see Take.
func (mn *Minifier) All(files Files) error { return mn.AllProgress(files, nil) }

// AllProgress is All that tells progress, when set, how many files are
// done of how many; it is called from several goroutines at once.
func (mn *Minifier) AllProgress(files Files, progress func(done, total int)) error {
	paths := files.Paths()
	// The bytes move out of the map while they are minified, so that each
	// file's unminified bytes can be freed as soon as its minified bytes
	// exist: a large site is not held twice.
	data := make([][]byte, len(paths))
	for i, p := range paths {
		data[i] = files[p]
	}
	clear(files)
	errs := make([]error, len(paths))
	var done atomic.Int64
	parallel.Each(len(paths), func(i int) {
		var min []byte
		if min, errs[i] = mn.Take(paths[i], data[i]); errs[i] == nil {
			data[i] = min
		}
		if progress != nil {
			progress(int(done.Add(1)), len(paths))
		}
	})
	for i, p := range paths {
		files[p] = data[i]
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
