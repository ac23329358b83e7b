// Package testsite makes small, complete source trees for tests: the
// repository's real templates and static files with a few chapters and
// records written here, so tests do not change when the shipped content
// does.
package testsite

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is the repository root, found from this file's location.
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testsite: cannot find the repository root")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Files are the content files of the default test site, by path.
func Files() map[string]string {
	return map[string]string{
		"content/site.yaml": "title: {en: Test Atlas, ru: Тестовый атлас}\nbase_url: https://atlas.test/\nrepository: https://example.org/repo\nbranch: main\n",
		"content/en/course/01-first.md": "---\ntitle: First chapter\nkey: first\norder: 1\nsummary: The first chapter.\nupdated: 2026-11-01\n---\n\n" +
			"Intro text about telemetry. See [the record](/vendors/acme-phone/) and [the second chapter](/course/second/#block-it).\n\n" +
			"## Serial numbers {#serial}\n\nPhones send a serial number.\n\n```powershell\nGet-Process\n```\n",
		"content/en/course/02-second.md": "---\ntitle: Second chapter\nkey: second\norder: 2\nsummary: The second chapter.\nupdated: 2026-11-02\n---\n\n" +
			"## Block it {#block-it}\n\nUse a firewall. Back to [the first](/course/first/#serial).\n",
		"content/ru/course/01-first.md": "---\ntitle: Первая глава\nkey: first\norder: 1\nsummary: Первая глава курса.\nupdated: 2026-11-01\n---\n\n" +
			"Телеметрия и \"слежка\". См. [карточку](/vendors/acme-phone/).\n\n## Серийные номера {#serial}\n\nТекст.\n",
		"content/en/pages/about.md": "---\ntitle: About\nkey: about\nsummary: About the test atlas.\nupdated: 2026-11-01\n---\n\nAbout text.\n",
		"vendors/acme-phone.yaml":   Record("acme-phone"),
		"vendors/zeta-browser.yaml": Record("zeta-browser"),
	}
}

// Record returns a minimal valid record with the given id.
func Record(id string) string {
	return `# yaml-language-server: $schema=schema.json
id: ` + id + `
vendor: Acme
product: Phone ` + id + `
kind: device
platforms: [android]
versions: "Acme OS 1 (2017)"
summary: Sends the serial number with usage statistics.
collects:
  - category: device-identifiers
    items: [serial number]
    linked: identified
    purposes: [analytics]
    default: "on"
    off_switch: none
    disclosed: undisclosed
    status: confirmed
    sources: [report-2017]
endpoints:
  - host: telemetry.acme.test
    sources: [report-2017]
controls:
  - kind: hosts
    how: Point the host nowhere.
    snippet: "0.0.0.0 telemetry.acme.test"
    lang: hosts
    stops: unknown
    sources: [report-2017]
incidents:
  - date: 2017-10-10
    title: Serial numbers found in analytics
    summary: A researcher found the serial number in the analytics stream.
    sources: [report-2017]
sources:
  - id: report-2017
    title: A report
    url: https://example.org/report
    publisher: Example
    published: 2017-10-10
    accessed: 2026-11-01
reviewed: 2026-11-01
`
}

// Make writes a source tree into a new temporary directory: the repository's
// templates/ and static/, the default files, then files (a path mapped to ""
// is left out). It returns the directory.
func Make(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	root := Root(t)
	for _, sub := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(root, sub))); err != nil {
			t.Fatalf("testsite: copy %s: %v", sub, err)
		}
	}
	all := Files()
	for name, data := range files {
		all[name] = data
	}
	for name, data := range all {
		if data == "" {
			continue
		}
		Write(t, dir, name, data)
	}
	return dir
}

// Write writes one file below dir.
func Write(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
