package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/search"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// sse reads server-sent events from a stream.
type sse struct{ r *bufio.Reader }

func (s sse) next(t *testing.T) (name, data string) {
	t.Helper()
	var lines []string
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			t.Fatalf("event stream: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "" && name != "":
			return name, strings.Join(lines, "\n")
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			lines = append(lines, strings.TrimPrefix(line, "data: "))
		}
	}
}

// subscribe opens the server's event stream and reads its first event,
// which must be hello; the stream closes when ctx ends.
func subscribe(t *testing.T, ctx context.Context, base string) sse {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/_atlas/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	events := sse{bufio.NewReader(resp.Body)}
	if name, _ := events.next(t); name != "hello" {
		t.Fatalf("first event %q, want hello", name)
	}
	return events
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// serveTestsite builds the test site in a preview server and serves it
// until the test ends; dir is its source tree.
func serveTestsite(t *testing.T) (dir string, srv *Server, ts *httptest.Server) {
	t.Helper()
	dir = testsite.Make(t, nil)
	srv = New(build.Options{Source: os.DirFS(dir), Today: vendor.NewDate(2026, 11, 22)}, io.Discard)
	if err := srv.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ts = httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return dir, srv, ts
}

func TestServeReloadsAndKeepsTheLastGoodSite(t *testing.T) {
	dir, srv, ts := serveTestsite(t)

	code, page := get(t, ts.URL+"/course/first/")
	if code != 200 || !strings.Contains(page, `<script src="/_atlas/reload.js?v=1" defer></script>`) {
		t.Fatalf("served page: %d, reload script of build 1 missing", code)
	}
	if code, body := get(t, ts.URL+"/no/such/page/"); code != 404 || !strings.Contains(body, "<html") {
		t.Fatalf("missing page: %d", code)
	}
	if code, body := get(t, ts.URL+"/_atlas/reload.js"); code != 200 || !strings.Contains(body, "EventSource") {
		t.Fatalf("reload.js: %d", code)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := subscribe(t, ctx, ts.URL)

	// Watch the tree; a broken record must show as problems, with its place,
	// while the last good site stays served.
	go srv.Watch(ctx, dir)
	time.Sleep(200 * time.Millisecond) // let the watcher start
	testsite.Write(t, dir, "vendors/zeta-browser.yaml", strings.Replace(testsite.Record("zeta-browser"), "linked: identified", "linked: identifed", 1))
	name, data := events.next(t)
	if name != "problems" || !strings.Contains(data, "vendors/zeta-browser.yaml:") || !strings.Contains(data, `did you mean "identified"`) {
		t.Fatalf("after a broken record: event %q %q", name, data)
	}
	if code, again := get(t, ts.URL+"/course/first/"); code != 200 || again != page {
		t.Fatalf("the last good site is no longer served: %d", code)
	}

	testsite.Write(t, dir, "vendors/zeta-browser.yaml", testsite.Record("zeta-browser"))
	if name, _ := events.next(t); name != "reload" {
		t.Fatalf("after the fix: event %q, want reload", name)
	}
}

// TestReloadOnConnectAfterAMissedBuild: a page served by one build whose
// event stream opens only after the next build has ended (it was still
// loading when that build's reload went out) is told to reload at once; a
// page of the current build is greeted.
func TestReloadOnConnectAfterAMissedBuild(t *testing.T) {
	_, srv, ts := serveTestsite(t)
	if _, page := get(t, ts.URL+"/course/first/"); !strings.Contains(page, "reload.js?v=1") {
		t.Fatal("the page does not say it is from build 1")
	}
	if err := srv.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, tt := range []struct{ query, want string }{
		{"?v=1", "reload"},
		{"?v=2", "hello"},
		{"", "hello"},        // a page that does not say
		{"?v=junk", "hello"}, // or says nonsense
	} {
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/_atlas/events"+tt.query, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := sse{bufio.NewReader(resp.Body)}.next(t)
		resp.Body.Close()
		if name != tt.want {
			t.Errorf("events%s: first event %q, want %q", tt.query, name, tt.want)
		}
	}
}

// TestRecordEditReRendersWhatShowsIt: after one record is edited, its
// pages and its data are served new at once, re-rendered without a whole
// build; an edit that breaks it shows its problems and keeps the site.
func TestRecordEditReRendersWhatShowsIt(t *testing.T) {
	dir := testsite.Make(t, nil)
	var log lockedBuffer
	srv := New(build.Options{Source: os.DirFS(dir), Today: vendor.NewDate(2026, 11, 22)}, &log)
	defer srv.Close()
	if err := srv.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	const name = "vendors/zeta-browser.yaml"
	edited := strings.Replace(testsite.Record("zeta-browser"), "Sends the serial number with usage statistics.", "Sends the IMEI with usage statistics.", 1)
	testsite.Write(t, dir, name, edited)
	if err := srv.Changed(dir, []string{name}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), name+": re-rendered") {
		t.Errorf("the edit was not re-rendered on its own; log:\n%s", log.String())
	}
	for _, path := range []string{"/vendors/zeta-browser/", "/ru/vendors/zeta-browser/", "/api/v1/vendors/zeta-browser.json", "/api/v1/vendors.json"} {
		if code, body := get(t, ts.URL+path); code != 200 || !strings.Contains(body, "Sends the IMEI") {
			t.Errorf("%s: %d, the edit is not served", path, code)
		}
	}
	if _, body := get(t, ts.URL+"/vendors/acme-phone/"); strings.Contains(body, "IMEI") {
		t.Error("another record's page shows the edit")
	}

	testsite.Write(t, dir, name, strings.Replace(edited, "linked: identified", "linked: identifed", 1))
	if err := srv.Changed(dir, []string{name}); err != nil {
		t.Fatal(err)
	}
	srv.mu.RLock()
	problems := srv.lastErr
	srv.mu.RUnlock()
	if !strings.Contains(problems, name+":") || !strings.Contains(problems, `did you mean "identified"`) {
		t.Errorf("after a broken edit, the problems are %q", problems)
	}
	if _, body := get(t, ts.URL+"/vendors/zeta-browser/"); !strings.Contains(body, "Sends the IMEI") {
		t.Error("after a broken edit, the last good page is no longer served")
	}

	// The fix of the same file is re-rendered on its own too: the rest of
	// the site is still the last good build's.
	fixed := strings.Replace(edited, "Sends the IMEI", "Sends the IMEI and the MAC address", 1)
	testsite.Write(t, dir, name, fixed)
	if err := srv.Changed(dir, []string{name}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(log.String(), name+": re-rendered"); n != 2 {
		t.Errorf("the fix was not re-rendered on its own (%d re-renders); log:\n%s", n, log.String())
	}
	if n := strings.Count(log.String(), "built "); n != 1 {
		t.Errorf("%d whole builds, want only the first; log:\n%s", n, log.String())
	}
	srv.mu.RLock()
	problems = srv.lastErr
	srv.mu.RUnlock()
	if problems != "" {
		t.Errorf("after the fix, the problems are still %q", problems)
	}
	if _, body := get(t, ts.URL+"/vendors/zeta-browser/"); !strings.Contains(body, "the MAC address") {
		t.Error("the fix is not served")
	}

	// A broken record and then an edit of another file: the site is not
	// the last good build plus that file, so the whole site is built.
	testsite.Write(t, dir, name, strings.Replace(fixed, "linked: identified", "linked: identifed", 1))
	if err := srv.Changed(dir, []string{name}); err != nil {
		t.Fatal(err)
	}
	other := "vendors/acme-phone.yaml"
	testsite.Write(t, dir, other, strings.Replace(testsite.Record("acme-phone"), "Sends the serial number", "Sends the serial number again", 1))
	if err := srv.Changed(dir, []string{other}); err == nil {
		t.Error("an edit of another file while a record is broken built without its problems")
	}
	if strings.Contains(log.String(), other+": re-rendered") {
		t.Error("an edit of another file while a record is broken was re-rendered on its own")
	}
}

// lockedBuffer is a log that the server may write from more than one
// goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// searchServed runs query on the search index that the served page at path
// names, as the browser would, and returns the URLs of the hits.
func searchServed(t *testing.T, srv *Server, ts *httptest.Server, path, query string) []string {
	t.Helper()
	_, body := get(t, ts.URL+path)
	m := regexp.MustCompile(`data-search-index="?([^" >]+)`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s names no search index", path)
	}
	srv.mu.RLock()
	files := srv.files
	srv.mu.RUnlock()
	ix, err := search.Open(files, m[1])
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	hits, _, err := ix.Search(query, nil, 100)
	if err != nil {
		t.Fatalf("%s, %q: %v", path, query, err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, h.URL)
	}
	return out
}

// TestEditGoesIntoTheSearchIndex checks that an edit re-rendered on its own
// also updates the search index the pages name, before any whole build:
// a record's and a chapter's; and that a chapter edit that renames a
// section, which the index cannot take in place, leaves it as it was.
func TestEditGoesIntoTheSearchIndex(t *testing.T) {
	dir, srv, ts := serveTestsite(t)
	var log lockedBuffer
	srv.log = &log
	defer srv.Close()

	const record = "vendors/zeta-browser.yaml"
	if hits := searchServed(t, srv, ts, "/", "zorbulator"); len(hits) != 0 {
		t.Fatalf("before the edit, a made-up word finds %v", hits)
	}
	testsite.Write(t, dir, record, strings.Replace(testsite.Record("zeta-browser"),
		"Sends the serial number with usage statistics.", "Sends the zorbulator number with usage statistics.", 1))
	if err := srv.Changed(dir, []string{record}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), record+": re-rendered") {
		t.Fatalf("the record's edit was not re-rendered on its own; log:\n%s", log.String())
	}
	if hits := searchServed(t, srv, ts, "/vendors/", "zorbulator"); !slices.Equal(hits, []string{"/vendors/zeta-browser/"}) {
		t.Errorf("after the record's edit, its new word finds %v", hits)
	}

	const chapter = "content/en/course/02-second.md"
	data, err := os.ReadFile(filepath.Join(dir, chapter))
	if err != nil {
		t.Fatal(err)
	}
	testsite.Write(t, dir, chapter, strings.Replace(string(data), "Use a firewall.", "Use a firewall or a quetzal.", 1))
	if err := srv.Changed(dir, []string{chapter}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), chapter+": re-rendered") {
		t.Fatalf("the chapter's edit was not re-rendered on its own; log:\n%s", log.String())
	}
	if hits := searchServed(t, srv, ts, "/course/", "quetzal"); !slices.Equal(hits, []string{"/course/second/#block-it"}) {
		t.Errorf("after the chapter's edit, its new word finds %v", hits)
	}
	if hits := searchServed(t, srv, ts, "/vendors/", "zorbulator"); !slices.Equal(hits, []string{"/vendors/zeta-browser/"}) {
		t.Errorf("after the chapter's edit, the record's edit finds %v", hits)
	}

	// A renamed section moves the index's documents: it stays as it was
	// until the whole build.
	testsite.Write(t, dir, chapter, strings.Replace(string(data), "## Block it {#block-it}\n\nUse a firewall.", "## Block it {#block-it}\n\nUse a firewall.\n\n## Ocelots {#ocelots}\n\nAn ocelot section.", 1))
	if err := srv.Changed(dir, []string{chapter}); err != nil {
		t.Fatal(err)
	}
	if hits := searchServed(t, srv, ts, "/course/", "ocelot"); len(hits) != 0 {
		t.Errorf("a new section is in the index before a whole build: %v", hits)
	}
	if hits := searchServed(t, srv, ts, "/course/", "quetzal"); !slices.Equal(hits, []string{"/course/second/#block-it"}) {
		t.Errorf("after an edit the index cannot take, it finds %v for the last one it took", hits)
	}
	if err := srv.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if hits := searchServed(t, srv, ts, "/course/", "ocelot"); !slices.Equal(hits, []string{"/course/second/#ocelots"}) {
		t.Errorf("after the whole build, the new section's word finds %v", hits)
	}
}
