package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/course"
)

// Page is one HTML page of the site in one language.
type Page struct {
	Lang        string
	URL         string // site path, e.g. /ru/course/x/; /404.html for the error page
	Template    string // templates/<Template>.html
	Section     string // the navigation entry it belongs to: course, vendors, search…
	Title       string
	Description string
	// ContentLang is the language of the main content when it differs from
	// Lang: a page shown in English because no translation exists yet.
	ContentLang string
	NoIndex     bool // kept out of the sitemap (the 404 page)
	Alternates  []Alternate
	Data        any
	// Main, when set, writes the page's own part in Go instead of the
	// template's "main" (render_vendor.go says why).
	Main func(w *pageWriter)
	// minimal says that Main writes minified, as the layout does (see
	// pageWriter), so that the whole page needs no minifying.
	minimal bool
	// done, when set, is called once the page is out in a build that
	// consumes its input (Input.Consume).
	done func()
}

// release drops what only rendering the page needed, once it is out.
func (p *Page) release() {
	p.Main, p.Data = nil, nil
	if p.done != nil {
		p.done()
	}
}

// Alternate is the same page in another language.
type Alternate struct {
	Lang, URL string
}

// File is the output path of the page.
func (p *Page) File() string {
	if strings.HasSuffix(p.URL, ".html") {
		return strings.TrimPrefix(p.URL, "/")
	}
	return strings.TrimPrefix(p.URL, "/") + "index.html"
}

// Fallback reports whether the content is shown in another language.
func (p *Page) Fallback() bool { return p.ContentLang != "" && p.ContentLang != p.Lang }

// localized makes one page per language from a function that fills in the
// language-specific parts, with hreflang alternates between them.
func localized(path string, make func(lang, url string) *Page) []*Page {
	var out []*Page
	var alts []Alternate
	for _, lang := range course.Languages {
		url := course.Localize(lang, path)
		p := make(lang, url)
		if p == nil {
			continue
		}
		p.Lang, p.URL = lang, url
		out = append(out, p)
		alts = append(alts, Alternate{Lang: lang, URL: url})
	}
	for _, p := range out {
		p.Alternates = alts
	}
	return out
}

// view is what a template sees: the page, plus methods for UI strings,
// asset URLs and localised links.
type view struct {
	*Page
	b *builder
	w *pageWriter // the page's writer, for Spliced; nil outside a page
}

// T returns the UI string key in the page's language.
func (v view) T(key string) (string, error) { return v.b.in.Templates.text(v.Lang, key) }

// Tf formats the UI string key with args.
func (v view) Tf(key string, args ...any) (string, error) {
	s, err := v.T(key)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(s, args...), nil
}

// Asset returns the fingerprinted URL of a file under static/.
func (v view) Asset(name string) (string, error) {
	u, ok := v.b.assetURLs[name]
	if !ok {
		return "", fmt.Errorf("no asset %q under static/", name)
	}
	return u, nil
}

// Link points a path of the English site at the page's language.
func (v view) Link(path string) string { return course.Localize(v.Lang, path) }

// SiteTitle is the site's name in the page's language.
func (v view) SiteTitle() string {
	if t := v.b.in.Config.Title[v.Lang]; t != "" {
		return t
	}
	return v.b.in.Config.Title["en"]
}

// Repository is the source repository's address.
func (v view) Repository() string { return v.b.in.Config.Repository }

// Canonical is the absolute URL of the page.
func (v view) Canonical() string { return v.b.absolute(v.URL) }

// Absolute makes a site path absolute.
func (v view) Absolute(path string) string { return v.b.absolute(path) }

// SearchIndex is the URL of the search manifest of the page's language.
func (v view) SearchIndex() string { return v.b.searchManifest[v.Lang] }

// LangName is the name of a language in itself, for the switcher.
func (v view) LangName(lang string) string {
	switch lang {
	case "ru":
		return "Русский"
	default:
		return "English"
	}
}

// maxPooledBuffer is the largest buffer kept for the next file: a few
// pages are much larger than the rest, and keeping their buffers would
// hold tens of MB for the whole build.
const maxPooledBuffer = 1 << 20

// render returns the page's bytes.
func (b *builder) render(p *Page) ([]byte, error) {
	var out []byte
	err := b.renderTo(p, func(data []byte, _, owned bool) error {
		if owned {
			out = data
		} else {
			out = bytes.Clone(data)
		}
		return nil
	})
	return out, err
}

// renderTo writes the page into a reused buffer and hands it to use, which
// must not keep it: the next page is written into the same memory. A site
// of 30,000 pages then allocates no page twice, nor at all when use only
// minifies and writes it. minimal says that the page is written as htmlmin
// would write it (see pageWriter). owned says that the bytes are use's to
// keep instead: a page spliced together from its rows (the matrix: 30 MB
// at 10,000 records) is made in memory of its own.
func (b *builder) renderTo(p *Page, use func(data []byte, minimal, owned bool) error) error {
	buf := b.buffers.Get().(*[]byte)
	w := &pageWriter{b: (*buf)[:0], v: view{Page: p, b: b}, minimal: p.minimal}
	w.v.w = w
	defer func() {
		// A page of every record (the matrix: 30 MB at 10,000) would
		// leave its buffer to every page after it: it is let go instead.
		if cap(w.b) <= maxPooledBuffer {
			*buf = w.b[:0]
			b.buffers.Put(buf)
		}
	}()
	main, head := p.Main, (func(*pageWriter))(nil)
	if main == nil {
		t, err := b.in.Templates.page(p.Template)
		if err != nil {
			return err
		}
		main = func(w *pageWriter) { w.execute(t, "main") }
		if t.Lookup("head") != nil {
			head = func(w *pageWriter) { w.execute(t, "head") }
		}
	}
	w.layout(head, main)
	if w.err != nil {
		return w.err
	}
	if len(w.spliced) > 0 {
		page, minimal, err := splice(w)
		if err != nil {
			return err
		}
		return use(page, minimal, true)
	}
	return use(w.b, w.minimal, false)
}

// funcs are the template functions; they depend on nothing but their
// arguments.
var funcs = template.FuncMap{
	"join": func(sep string, items []string) string {
		return strings.Join(items, sep)
	},
}
