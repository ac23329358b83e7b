package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/testsite"
)

// TestShippedSite builds the content this repository ships, as a new user
// would with `go run ./cmd/atlas build`, and checks what every page must
// be: self-contained, free of inline script and style, minified.
func TestShippedSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole shipped site")
	}
	root := testsite.Root(t)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := atlas(t, "build", "--source", root, "--out", out)
	if code != exitOK {
		t.Fatalf("atlas build exited %d:\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"index.html", "ru/index.html", "course/index.html", "ru/course/index.html",
		"vendors/index.html", "ru/vendors/index.html", "sitemap.xml", "404.html", "robots.txt",
		"vendors/oneplus-oxygenos/index.html", "course/telemetry-or-spying/index.html"} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Errorf("missing %s", want)
		}
	}
	var (
		csp       = regexp.MustCompile(`<meta http-equiv="?Content-Security-Policy"? content="default-src 'self';`)
		inlineJS  = regexp.MustCompile(`(?i)<script(\s[^>]*)?>\s*[^<\s]`)
		styleElem = regexp.MustCompile(`(?i)<style[\s>]`)
		styleAttr = regexp.MustCompile(`(?i)<[a-z][^>]*\sstyle=`)
		external  = regexp.MustCompile(`(?i)<(?:script|img|iframe|source|audio|video|embed|object)\b[^>]*\ssrc="?(?:https?:)?//|<link\b[^>]*\shref="?(?:https?:)?//[^>]*>`)
		indent    = regexp.MustCompile(`\n\s*<(?:meta|link|header|footer|nav|main|section|ul|li)\b`)
	)
	pages := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		rel, _ := filepath.Rel(out, p)
		if !csp.MatchString(s) {
			t.Errorf("%s: no Content-Security-Policy meta allowing only 'self'", rel)
		}
		if m := inlineJS.FindString(s); m != "" {
			t.Errorf("%s: inline script %q", rel, m)
		}
		if styleElem.MatchString(s) || styleAttr.MatchString(s) {
			t.Errorf("%s: a <style> element or style attribute", rel)
		}
		if m := external.FindString(s); m != "" && !strings.Contains(m, `rel="alternate"`) && !strings.Contains(m, `rel=alternate`) && !strings.Contains(m, "canonical") {
			t.Errorf("%s: loads from another origin: %q", rel, m)
		}
		if indent.MatchString(s) {
			t.Errorf("%s: not minified (indented markup)", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 40 {
		t.Errorf("only %d pages built", pages)
	}
	sitemap, _ := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if !strings.Contains(string(sitemap), `hreflang="ru"`) {
		t.Error("sitemap has no hreflang alternates")
	}
}
