package site

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"github.com/goccy/go-yaml"
)

// Config is content/site.yaml: what the site calls itself and where it and
// its sources live.
type Config struct {
	// Title is the site name per language.
	Title map[string]string `yaml:"title"`
	// BaseURL is the absolute URL the site is served from, ending in /. The
	// --base-url flag overrides it.
	BaseURL string `yaml:"base_url"`
	// Repository is the web address of the source repository, for "edit
	// this record" links and the footer.
	Repository string `yaml:"repository"`
	// Branch is the branch edit links point at.
	Branch string `yaml:"branch"`
}

// LoadConfig reads content/site.yaml; a missing file gives the defaults.
func LoadConfig(fsys fs.FS, name string) (Config, error) {
	c := Config{
		Title:      map[string]string{"en": "Telemetry Atlas", "ru": "Атлас телеметрии"},
		BaseURL:    "https://telemetry-atlas.example/",
		Repository: "https://github.com/telemetry-atlas/atlas",
		Branch:     "main",
	}
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("read %s: %w", name, err)
	}
	if err := yaml.UnmarshalWithOptions(data, &c, yaml.Strict()); err != nil {
		return c, fmt.Errorf("%s: %s", name, yaml.FormatError(err, false, true))
	}
	return c, nil
}

// WithBaseURL returns c with the base URL replaced, after checking it.
func (c Config) WithBaseURL(raw string) (Config, error) {
	if raw == "" {
		return c, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, fmt.Errorf("--base-url %q: give an absolute http(s) URL such as https://example.org/atlas/", raw)
	}
	if !strings.HasSuffix(raw, "/") {
		raw += "/"
	}
	c.BaseURL = raw
	return c, nil
}
