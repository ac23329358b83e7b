package serve

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/telemetry-atlas/atlas/internal/build"
	"github.com/telemetry-atlas/atlas/internal/corpus"
	"github.com/telemetry-atlas/atlas/internal/testsite"
	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// TestReloadInBrowser times an edit from the file's write to the edited
// text showing in a real browser that has the chapter open: the watcher,
// the incremental rebuild, the event, the reload and the page's load. It
// needs Chromium ($ATLAS_CHROMIUM or /usr/bin/chromium) and skips without
// it. ATLAS_RELOAD_CHAPTERS sets the corpus size, as for TestReloadLatency.
func TestReloadInBrowser(t *testing.T) {
	exe := os.Getenv("ATLAS_CHROMIUM")
	if exe == "" {
		exe, _ = exec.LookPath("chromium")
	}
	if exe == "" {
		t.Skip("no Chromium: set ATLAS_CHROMIUM or install chromium")
	}
	n := 40
	if v := os.Getenv("ATLAS_RELOAD_CHAPTERS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	if err := corpus.WriteDir(dir, corpus.Options{Chapters: n, Records: n}, false, testsite.Root(t)); err != nil {
		t.Fatal(err)
	}
	today, _ := vendor.ParseDate(corpus.Today)
	srv := New(build.Options{Source: os.DirFS(dir), Today: today}, logWriter{t})
	defer srv.Close()
	if err := srv.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Watch(ctx, dir)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	i := n / 4
	key := corpus.ChapterKey(i)
	if _, err := chromedp.Run(bctx, chromedp.Navigate(ts.URL+"/course/"+key+"/")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the page's event stream connects
	name := filepath.Join(dir, filepath.FromSlash(corpus.ChapterFile(i, "en")))
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var took []time.Duration
	for edit := 1; edit <= 3; edit++ {
		marker := fmt.Sprintf("Browser edit number %d.", edit)
		start := time.Now()
		if err := os.WriteFile(name, append(append([]byte{}, src...), "\n"+marker+"\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		check := fmt.Sprintf("document.readyState === 'complete' && document.body.innerText.includes(%q)", marker)
		for {
			// The page may be between documents while it reloads.
			shown, _ := chromedp.Run(bctx, chromedp.Evaluate[bool](check))
			if shown {
				break
			}
			if time.Since(start) > 30*time.Second {
				t.Fatalf("edit %d never showed in the browser", edit)
			}
			time.Sleep(2 * time.Millisecond)
		}
		took = append(took, time.Since(start))
		time.Sleep(300 * time.Millisecond)
	}
	slices.Sort(took)
	t.Logf("write → edit shown in Chromium, %d edits at %d chapters: median %s, max %s", len(took), n,
		took[len(took)/2].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond))
	if took[len(took)/2] > 2*time.Second {
		t.Errorf("median %s", took[len(took)/2])
	}

	// A record's edit reloads the record's page open in a second tab, and
	// not the chapter open in the first: an incremental rebuild reloads
	// only the pages it made.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[int]("window.atlasKept = 1")); err != nil {
		t.Fatal(err)
	}
	id := corpus.RecordID(i)
	tab, cancelTab := chromedp.NewContext(bctx)
	defer cancelTab()
	if _, err := chromedp.Run(tab, chromedp.Navigate(ts.URL+"/vendors/"+id+"/")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the page's event stream connects
	recName := filepath.Join(dir, "vendors", id+".yaml")
	recSrc, err := os.ReadFile(recName)
	if err != nil {
		t.Fatal(err)
	}
	marker := "Browser record edit."
	edited := strings.Replace(string(recSrc), "summary: >-\n  ", "summary: >-\n  "+marker+" ", 1)
	start := time.Now()
	if err := os.WriteFile(recName, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	check := fmt.Sprintf("document.readyState === 'complete' && document.body.innerText.includes(%q)", marker)
	for {
		if shown, _ := chromedp.Run(tab, chromedp.Evaluate[bool](check)); shown {
			break
		}
		if time.Since(start) > 30*time.Second {
			t.Fatal("the record's edit never showed in its tab")
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Logf("write → record edit shown in Chromium: %s", time.Since(start).Round(time.Millisecond))
	for {
		if _, data := get(t, ts.URL+"/api/v1/vendors.json"); strings.Contains(data, marker) {
			break
		}
		if time.Since(start) > 60*time.Second {
			t.Fatal("the record's tables were never made again")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // a reload, had there been one, starts
	kept, err := chromedp.Run(bctx, chromedp.Evaluate[bool]("window.atlasKept === 1"))
	if err != nil || !kept {
		t.Errorf("the chapter's tab reloaded after a record's edit (kept=%v, %v)", kept, err)
	}
}
