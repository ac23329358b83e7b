package browsertest

import (
	"context"
	"fmt"
	atlasserve "github.com/telemetry-atlas/atlas/internal/serve"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/publish"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// inCI reports whether the suite runs in CI, where a missing browser or tool
// is a failure and never a skip.
func inCI() bool { return os.Getenv("CI") == "true" }

// need stops the test when a prerequisite is missing: a skip on a developer's
// machine, a failure in CI.
func need(t testing.TB, ok bool, format string, args ...any) {
	t.Helper()
	if ok {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if inCI() {
		t.Fatalf("%s; CI=true, so the browser suite fails instead of skipping (bash .ci/run installs it)", msg)
	}
	t.Skipf("%s; skipping (bash .ci/run installs it; CI=true turns this skip into a failure)", msg)
}

// chromiumPath finds the browser: $ATLAS_CHROMIUM, else Debian's chromium.
func chromiumPath() string {
	if p := os.Getenv("ATLAS_CHROMIUM"); p != "" {
		if p, err := exec.LookPath(p); err == nil {
			return p
		}
		return ""
	}
	for _, name := range []string{"chromium", "/usr/bin/chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// toolsDir is where .ci/run installs the npm tools (axe-core, vnu-jar).
func toolsDir(t testing.TB) string {
	return filepath.Join(testsite.Root(t), ".ci", "tools", "node_modules")
}

// buildSite builds the site of the source tree with the project's own
// pipeline, in memory, and fails the test on any problem.
func buildSite(t testing.TB, src fs.FS) publish.Files {
	t.Helper()
	res, err := build.Run(build.Options{Source: src, Today: vendor.NewDate(time.Now().UTC().Date())})
	if err != nil {
		if res != nil && len(res.Problems) > 0 {
			t.Fatalf("the site does not build:\n%s", res.Problems.Error())
		}
		t.Fatalf("the site does not build: %v", err)
	}
	return res.Files
}

// buildRepo builds the repository's own site.
func buildRepo(t testing.TB) publish.Files {
	return buildSite(t, os.DirFS(testsite.Root(t)))
}

// site is a build served from memory on 127.0.0.1, as a static host would
// serve public/: a directory's index.html, and the language's 404.html with
// status 404 for anything else.
type site struct {
	files publish.Files
	URL   string // http://127.0.0.1:port, no trailing slash
}

func serve(t testing.TB, files publish.Files) *site {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.1: %v", err)
	}
	srv := httptest.NewUnstartedServer(atlasserve.Static(files))
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return &site{files: files, URL: srv.URL}
}

// isDocument reports whether a file is a whole HTML document (and not, say,
// a fragment that a script inserts into a page).
func isDocument(name string, data []byte) bool {
	if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".htm") {
		return false
	}
	head := strings.ToLower(string(data[:min(len(data), 20)]))
	return strings.HasPrefix(strings.TrimSpace(head), "<!doctype html")
}

// isPage reports whether a file is a page for readers: a whole .html
// document with a viewport. Documents without one (such as the columns
// /compare/ fetches) are data for scripts; the Nu checker still reads them.
func isPage(name string, data []byte) bool {
	return strings.HasSuffix(name, ".html") && isDocument(name, data) && viewportMeta.Match(data)
}

// viewportMeta finds a viewport meta element, quoted or minified.
var viewportMeta = regexp.MustCompile(`<meta name="?viewport"?`)

// pages lists the URL path of every HTML page of the build, sorted.
func (s *site) pages() []string {
	var out []string
	for name, data := range s.files {
		if !isPage(name, data) {
			continue
		}
		switch {
		case name == "index.html":
			out = append(out, "/")
		case strings.HasSuffix(name, "/index.html"):
			out = append(out, "/"+strings.TrimSuffix(name, "index.html"))
		case strings.HasSuffix(name, ".html"):
			out = append(out, "/"+name)
		}
	}
	slices.Sort(out)
	return out
}

// has reports whether the build has a page at the URL path.
func (s *site) has(urlPath string) bool {
	_, status, _ := atlasserve.Resolve(s.files, urlPath)
	return status == http.StatusOK
}

// browser is one headless Chromium shared by the tests of a run.
type browser struct {
	ctx context.Context // the first tab's context; new tabs derive from it
}

// startBrowser starts Debian's Chromium headless with a fresh profile, or
// skips (fails in CI) when there is none.
func startBrowser(t testing.TB) *browser {
	t.Helper()
	exe := chromiumPath()
	need(t, exe != "", "no Chromium found (looked for $ATLAS_CHROMIUM, chromium on PATH, /usr/bin/chromium): apt-get install chromium")
	profile, err := os.MkdirTemp("", "atlas-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Chromium may still be writing as it exits; retry briefly.
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	return &browser{ctx: ctx}
}
