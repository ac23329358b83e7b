package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// step is how long one browser action may take before the test fails; a
// page of this site loads in well under a second.
const step = 30 * time.Second

// probeJS runs in every document before the page's own scripts: it records
// Content-Security-Policy violations where the test can read them.
const probeJS = `(() => {
  const seen = [];
  Object.defineProperty(window, '__atlasCSP', { value: seen });
  window.addEventListener('securitypolicyviolation', (e) => {
    seen.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + (e.sourceFile || e.documentURI) + ':' + e.lineNumber);
  }, true);
})();`

// tab is one browser tab on one served site. It records everything a reader
// should never meet: console messages, uncaught exceptions, browser log
// errors and warnings, CSP violations, requests to another origin, failed
// loads and dialogs (which it dismisses).
type tab struct {
	t    testing.TB
	ctx  context.Context
	site *site

	mu       sync.Mutex
	docs     map[network.RequestID]bool // requests for documents: their status is checked by open
	problems []string
	console  []string // the text of every console message and dialog
}

// tab opens a new tab of the shared browser for the site.
func (b *browser) tab(t testing.TB, s *site) *tab {
	t.Helper()
	tb := &tab{t: t, site: s, docs: map[network.RequestID]bool{}}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	tb.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: probeJS}); err != nil {
		t.Fatalf("install the CSP probe: %v", err)
	}
	return tb
}

func (tb *tab) note(format string, args ...any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.problems = append(tb.problems, fmt.Sprintf(format, args...))
}

// listen runs in the tab's event loop: it only records.
func (tb *tab) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		text := argsText(ev.Args)
		tb.mu.Lock()
		tb.console = append(tb.console, text)
		tb.mu.Unlock()
		tb.note("console.%s: %s", ev.Type, text)
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		tb.mu.Lock()
		tb.console = append(tb.console, text)
		tb.mu.Unlock()
		tb.note("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text)
	case *log.EventEntryAdded:
		e := ev.Entry
		tb.mu.Lock()
		tb.console = append(tb.console, e.Text)
		tb.mu.Unlock()
		tb.mu.Lock()
		doc := tb.docs[e.NetworkRequestID]
		tb.mu.Unlock()
		if (e.Level == log.EntryLevelError || e.Level == log.EntryLevelWarning) && !doc {
			tb.note("browser log (%s, %s): %s %s", e.Level, e.Source, e.Text, e.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if ev.Type == network.ResourceTypeDocument {
			tb.mu.Lock()
			tb.docs[ev.RequestID] = true
			tb.mu.Unlock()
		}
		if !tb.local(u) {
			tb.note("request to another origin: %s %s (%s)", ev.Request.Method, u, ev.Type)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 && ev.Type != network.ResourceTypeDocument {
			tb.note("%s answered %d (%s)", ev.Response.URL, ev.Response.Status, ev.Type)
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			tb.note("a %s failed to load: %s %s", ev.Type, ev.ErrorText, ev.BlockedReason)
		}
	case *page.EventJavascriptDialogOpening:
		tb.mu.Lock()
		tb.console = append(tb.console, ev.Message)
		tb.mu.Unlock()
		tb.note("a %s dialog opened: %q", ev.Type, ev.Message)
		go chromedp.Call(tb.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
	}
}

// local reports whether a request stays on the served site.
func (tb *tab) local(u string) bool {
	for _, p := range []string{"data:", "blob:", "about:"} {
		if strings.HasPrefix(u, p) {
			return true
		}
	}
	return u == tb.site.URL || strings.HasPrefix(u, tb.site.URL+"/")
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			var s string
			if json.Unmarshal(a.Value, &s) == nil {
				parts = append(parts, s)
			} else {
				parts = append(parts, string(a.Value))
			}
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// take returns the problems recorded so far, with the CSP violations of the
// current document, and forgets them.
func (tb *tab) take() []string {
	tb.t.Helper()
	csp, _ := evalErr[[]string](tb, `Array.from(window.__atlasCSP || [])`)
	for _, v := range csp {
		tb.note("Content-Security-Policy violation: %s", v)
	}
	evalErr[chromedp.Void](tb, `window.__atlasCSP && window.__atlasCSP.splice(0)`)
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	return p
}

// consoleText is everything the page wrote to the console or a dialog.
func (tb *tab) consoleText() string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return strings.Join(tb.console, "\n")
}

// do runs actions, failing the test on error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, step)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("browser: %v", err)
	}
}

// run runs one action with a value, failing the test on error.
func run[T any](tb *tab, a chromedp.Action[T]) T {
	tb.t.Helper()
	v, err := runErr(tb, a)
	if err != nil {
		tb.t.Fatalf("browser: %v", err)
	}
	return v
}

// runErr runs one action with a value and a time limit.
func runErr[T any](tb *tab, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(tb.ctx, step)
	defer cancel()
	return chromedp.Run(ctx, a)
}

// eval evaluates JavaScript in the page (awaiting a promise), failing the
// test on error. Runtime.evaluate is not subject to the page's CSP.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := evalErr[T](tb, js)
	if err != nil {
		tb.t.Fatalf("evaluate %.80q: %v", js, err)
	}
	return v
}

func evalErr[T any](tb *tab, js string) (T, error) {
	ctx, cancel := context.WithTimeout(tb.ctx, step)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// open loads a path of the site and waits until it has settled: loaded,
// fonts ready, two frames painted. A status other than 200 is an error.
func (tb *tab) open(urlPath string) {
	tb.t.Helper()
	if status := tb.openStatus(urlPath); status != 200 {
		tb.t.Errorf("%s: HTTP status %d", urlPath, status)
	}
}

// openStatus loads a path like open and returns the document's HTTP status.
func (tb *tab) openStatus(urlPath string) int64 {
	tb.t.Helper()
	resp := run(tb, chromedp.NavigateResponse(tb.site.URL+urlPath))
	tb.settle()
	if resp == nil {
		return 0
	}
	return resp.Status
}

// settle waits for fonts and two animation frames, so layout and
// scripts run on load have finished.
func (tb *tab) settle() {
	tb.t.Helper()
	eval[chromedp.Void](tb, `document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20)))))`)
}

// viewport sets the window size; phone also emulates a mobile device, so the
// page's viewport meta applies.
func (tb *tab) viewport(width, height int64, phone bool) {
	tb.t.Helper()
	if phone {
		tb.do(chromedp.EmulateViewport(width, height, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	} else {
		tb.do(chromedp.EmulateViewport(width, height))
	}
}

// scheme sets prefers-color-scheme.
func (tb *tab) scheme(dark bool) {
	tb.t.Helper()
	v := "light"
	if dark {
		v = "dark"
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v}},
	}); err != nil {
		tb.t.Fatalf("emulate prefers-color-scheme: %s: %v", v, err)
	}
}

// path is the current location's path, query and fragment.
func (tb *tab) path() string {
	tb.t.Helper()
	return eval[string](tb, `location.pathname + location.search + location.hash`)
}

// clickAndWait clicks an element and waits for the page it leads to.
func clickAndWait[S chromedp.Selectable](tb *tab, sel S) {
	tb.t.Helper()
	run(tb, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(sel)))
	tb.settle()
}

// pressEnter presses Enter as a keyboard does when the page handles the
// keydown: a raw key down and a key up. chromedp's KeyEvent also sends the
// char event, which a real keyboard does not send after a cancelled keydown,
// and which would submit the form behind the page's back.
func pressEnter() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13,
			}); err != nil {
				return fmt.Errorf("press Enter: %w", err)
			}
		}
		return nil
	})
}
