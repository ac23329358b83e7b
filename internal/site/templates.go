package site

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

// Templates are the page templates and the UI string catalogues, read from
// templates/ once, before rendering starts.
type Templates struct {
	pages   map[string]*template.Template // by page template name, e.g. "chapter"
	strings map[string]map[string]string  // language → key → text
}

// LoadTemplates parses every templates/*.html with templates/partials/*.html,
// and templates/i18n/<lang>.yaml. A page template defines "main", the page's
// own part, and may define "head", added to the page's <head>; the layout
// around them is code (layout.go).
func LoadTemplates(fsys fs.FS, dir string, langs []string) (*Templates, error) {
	t := &Templates{pages: map[string]*template.Template{}, strings: map[string]map[string]string{}}
	partials, _ := fs.Glob(fsys, path.Join(dir, "partials", "*.html"))
	sort.Strings(partials)
	base := template.New("partials").Funcs(funcs)
	if len(partials) > 0 {
		var err error
		if base, err = base.ParseFS(fsys, partials...); err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
	}
	pages, err := fs.Glob(fsys, path.Join(dir, "*.html"))
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	sort.Strings(pages)
	for _, p := range pages {
		name := strings.TrimSuffix(path.Base(p), ".html")
		clone, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		if _, err := clone.ParseFS(fsys, p); err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		if clone.Lookup("main") == nil {
			return nil, fmt.Errorf("%s: no {{define \"main\"}}: a page template defines its main part", p)
		}
		t.pages[name] = clone
	}
	for _, lang := range langs {
		name := path.Join(dir, "i18n", lang+".yaml")
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("UI strings: %w", err)
		}
		m := map[string]string{}
		if err := yaml.UnmarshalWithOptions(data, &m, yaml.Strict()); err != nil {
			return nil, fmt.Errorf("%s: %s", name, yaml.FormatError(err, false, true))
		}
		t.strings[lang] = m
	}
	// Every language must have every key English has, so that no page shows
	// a key instead of text.
	for _, lang := range langs[1:] {
		var missing []string
		for k := range t.strings[langs[0]] {
			if _, ok := t.strings[lang][k]; !ok {
				missing = append(missing, k)
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			return nil, fmt.Errorf("%s: missing UI strings %s: add them", path.Join(dir, "i18n", lang+".yaml"), strings.Join(missing, ", "))
		}
	}
	return t, nil
}

// text returns the UI string key in lang.
func (t *Templates) text(lang, key string) (string, error) {
	s, ok := t.strings[lang][key]
	if !ok {
		return "", fmt.Errorf("no UI string %q for %s: add it to templates/i18n/%s.yaml", key, lang, lang)
	}
	return s, nil
}

var errNoTemplate = errors.New("no such template")

func (t *Templates) page(name string) (*template.Template, error) {
	p, ok := t.pages[name]
	if !ok {
		return nil, fmt.Errorf("templates/%s.html: %w", name, errNoTemplate)
	}
	return p, nil
}
