package main

import (
	"bytes"
	"crypto/sha256"
	tparse "github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/testsite"
)

// atlas runs the command line in-process.
func atlas(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// snapshot hashes every file below dir.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestUsageAndExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "Usage: atlas"},
		{[]string{"--help"}, exitOK, "Commands:"},
		{[]string{"nope"}, exitUsage, `unknown command "nope"`},
		{[]string{"build", "--help"}, exitOK, "Usage: atlas build"},
		{[]string{"check", "--help"}, exitOK, "--format"},
		{[]string{"serve", "--help"}, exitOK, "--port"},
		{[]string{"version", "--help"}, exitOK, "Usage: atlas version"},
		{[]string{"build", "--bogus"}, exitUsage, "flag provided but not defined"},
		{[]string{"build", "--source", "/nonexistent-atlas-dir"}, exitUsage, "is not a directory"},
		{[]string{"check", "--format", "xml"}, exitUsage, "use text or github"},
		{[]string{"build", "--base-url", "ftp://x"}, exitContent, "--base-url"},
	}
	for _, tt := range tests {
		code, out, errs := atlas(t, tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("atlas %q = %d, output %q; want %d and %q", tt.args, code, out+errs, tt.code, tt.want)
		}
	}
}

func TestBuildIsAtomicAndRemovesStaleFiles(t *testing.T) {
	src := testsite.Make(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errs := atlas(t, "build", "--source", src, "--out", out, "--today", "2026-11-22"); code != exitOK {
		t.Fatalf("first build: %d\n%s", code, errs)
	}
	testsite.Write(t, out, "stale.html", "old")
	if code, _, errs := atlas(t, "build", "--source", src, "--out", out, "--today", "2026-11-22"); code != exitOK {
		t.Fatalf("second build: %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Fatalf("stale file survived the build: %v", err)
	}
	before := snapshot(t, out)

	// A broken record: the build must fail, say where, and leave out alone.
	testsite.Write(t, src, "vendors/zeta-browser.yaml", strings.Replace(testsite.Record("zeta-browser"), "category: device-identifiers", "category: identifers", 1))
	code, _, errs := atlas(t, "build", "--source", src, "--out", out, "--today", "2026-11-22")
	if code != exitContent {
		t.Fatalf("build with a broken record exited %d, want %d", code, exitContent)
	}
	if !regexp.MustCompile(`vendors/zeta-browser\.yaml:\d+:\d+: .*identifers`).MatchString(errs) {
		t.Fatalf("error lacks the place of the problem:\n%s", errs)
	}
	leftAlone(t, out, before)
}

// leftAlone checks what a failed build leaves: out exactly as snapshot
// found it before, and nothing beside it but the site kept for the next
// build to write over and the chapters' cache.
func leftAlone(t *testing.T, out string, before map[string][32]byte) {
	t.Helper()
	after := snapshot(t, out)
	if len(before) != len(after) {
		t.Fatalf("failed build changed the file count: %d → %d", len(before), len(after))
	}
	for name, sum := range before {
		if after[name] != sum {
			t.Fatalf("failed build changed %s", name)
		}
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch e.Name() {
		case filepath.Base(out), "." + filepath.Base(out) + ".prev", "." + filepath.Base(out) + ".cache",
			"." + filepath.Base(out) + ".sums", "." + filepath.Base(out) + ".prev.sums": // notes on the sites' files (publish/sums.go)
		default:
			t.Fatalf("the failed build left %s beside out", e.Name())
		}
	}
}

func TestBrokenChapterLinkIsAnErrorWithItsPlace(t *testing.T) {
	src := testsite.Make(t, map[string]string{
		"content/en/course/02-second.md": "---\ntitle: Second chapter\nkey: second\norder: 2\nsummary: S.\nupdated: 2026-11-02\n---\n\n## Block it {#block-it}\n\nSee [nothing](/course/nope/) and [no heading](/course/first/#nope).\n",
	})
	code, out, _ := atlas(t, "check", "--source", src, "--today", "2026-11-22")
	if code != exitContent {
		t.Fatalf("check exited %d, want %d\n%s", code, exitContent, out)
	}
	for _, want := range []string{
		`content/en/course/02-second.md:11:5: link "/course/nope/" leads to no page`,
		`content/en/course/02-second.md:11:34: link "/course/first/#nope": the page has no heading or element with id "nope"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = atlas(t, "check", "--source", src, "--today", "2026-11-22", "--format", "github")
	if code != exitContent || !strings.Contains(out, "::error file=content/en/course/02-second.md,line=11,col=5::") {
		t.Fatalf("github format: %d\n%s", code, out)
	}
}

func TestHostileTextIsEscaped(t *testing.T) {
	hostile := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	rec := testsite.Record("zeta-browser")
	// The record checker refuses raw HTML; what it lets through must still
	// come out as text: quotes that try to leave an attribute, entities.
	rec = strings.Replace(rec, "vendor: Acme", `vendor: 'Acme" onmouseover="alert(6)'`, 1)
	rec = strings.Replace(rec, "items: [serial number]", `items: ["' onfocus='alert(3)' x='", "&lt;script&gt;alert(7)&lt;/script&gt;"]`, 1)
	src := testsite.Make(t, map[string]string{
		"content/en/course/02-second.md": "---\ntitle: '" + hostile + "'\nkey: second\norder: 2\nsummary: '\"><script>alert(4)</script>'\nupdated: 2026-11-02\n---\n\n## Block it {#block-it}\n\n" +
			hostile + "\n\n<div onclick=\"alert(5)\">raw block</div>\n\n[x](/course/first/)\n",
		"vendors/zeta-browser.yaml": rec,
	})
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errs := atlas(t, "build", "--source", src, "--out", out, "--today", "2026-11-22"); code != exitOK {
		t.Fatalf("build: %d\n%s", code, errs)
	}
	found := 0
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, _ := os.ReadFile(p)
		for _, bad := range markupProblems(b) {
			t.Errorf("%s: %s", p, bad)
		}
		if strings.Contains(string(b), "alert(") {
			found++
		}
		return nil
	})
	if found == 0 {
		t.Fatal("the hostile text vanished: it should show, escaped")
	}
}

// markupProblems parses a page as a browser would tokenize it and lists
// what could run script: a script element without src, an event-handler
// attribute, a javascript: URL.
func markupProblems(page []byte) []string {
	var out []string
	l := phtml.NewLexer(tparse.NewInputBytes(page))
	tag := ""
	hasSrc := false
	for {
		tt, data := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return out
		case phtml.StartTagToken:
			tag = strings.ToLower(strings.TrimPrefix(string(data), "<"))
			hasSrc = false
		case phtml.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			val := strings.ToLower(strings.Trim(string(l.AttrVal()), `"'`))
			if strings.HasPrefix(key, "on") {
				out = append(out, "event handler attribute "+string(data))
			}
			if key == "src" {
				hasSrc = true
			}
			if (key == "href" || key == "src" || key == "action") && strings.HasPrefix(strings.TrimSpace(val), "javascript:") {
				out = append(out, "javascript: URL "+string(data))
			}
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			if tag == "script" && !hasSrc {
				out = append(out, "inline script element")
			}
			tag = ""
		}
	}
}
