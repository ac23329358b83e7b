package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/telemetry-atlas/atlas/internal/testsite"
)

// TestScreenshots writes screenshots of the main pages, light and dark, on a
// desktop (1280 px) and a phone (360 px), to screenshots/ at the repository
// root, for a person to look at. It runs only when asked:
//
//	ATLAS_SCREENSHOTS=1 go test ./internal/browsertest -run TestScreenshots
func TestScreenshots(t *testing.T) {
	if os.Getenv("ATLAS_SCREENSHOTS") == "" {
		t.Skip("set ATLAS_SCREENSHOTS=1 to write screenshots to screenshots/")
	}
	out := filepath.Join(testsite.Root(t), "screenshots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	b := startBrowser(t)
	s := serve(t, buildRepo(t))
	tb := b.tab(t, s)

	type shot struct {
		name, path string
		ready      func() // waits for what the page shows after scripts run
	}
	shots := []shot{
		{"home", "/", nil},
		{"chapter", "/course/protecting-yourself/", nil},
		{"vendors", "/vendors/", nil},
		{"vendor", "/vendors/oneplus-oxygenos/", nil},
		{"compare", "/compare/?v=oneplus-oxygenos&v=google-android&v=apple-ios", func() {
			waitCompare(tb, []string{"oneplus-oxygenos", "google-android", "apple-ios"})
		}},
		{"search", "/search/?q=serial+number", func() {
			waitFor(tb, `document.querySelector('#search-page-results a.search-option')`, "search results")
		}},
		{"search-dropdown", "/", func() {
			tb.do(chromedp.Click(chromedp.ID("search-q")), chromedp.KeyEvent("firewall"))
			waitFor(tb, `!document.getElementById('search-results').hidden`, "the search dropdown")
		}},
		{"ru-home", "/ru/", nil},
		{"ru-vendor", "/ru/vendors/oneplus-oxygenos/", nil},
	}
	n := 0
	for _, device := range []struct {
		name          string
		width, height int64
		phone         bool
	}{{"desktop", 1280, 900, false}, {"phone", 360, 740, true}} {
		for _, dark := range []bool{false, true} {
			theme := map[bool]string{false: "light", true: "dark"}[dark]
			tb.viewport(device.width, device.height, device.phone)
			tb.scheme(dark)
			for _, sh := range shots {
				tb.open(sh.path)
				if sh.ready != nil {
					sh.ready()
					tb.settle()
				}
				var png []byte
				if strings.HasPrefix(sh.name, "search-dropdown") {
					png = run(tb, chromedp.CaptureScreenshot()) // the open dropdown, as seen
				} else {
					png = run(tb, chromedp.FullScreenshot(100))
				}
				name := filepath.Join(out, sh.name+"-"+device.name+"-"+theme+".png")
				if err := os.WriteFile(name, png, 0o644); err != nil {
					t.Fatal(err)
				}
				n++
				for _, problem := range tb.take() {
					t.Errorf("%s: %s", sh.path, problem)
				}
			}
		}
	}
	t.Logf("wrote %d screenshots to %s", n, out)
}
