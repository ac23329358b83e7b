// Package browsertest proves the built site in a real browser: Debian's
// Chromium, started headless and driven from Go with chromedp, against the
// site built in memory by internal/build and served on 127.0.0.1.
//
// The package has no code outside its tests. `go test ./internal/browsertest`
// runs the whole suite: every kind of page in both languages (console, CSP,
// network, dark theme, 360 px layout, language switcher), search end to end,
// the vendor matrix, compare, keyboard use, axe-core, the Nu HTML Checker and
// a hostile fixture site. Without a browser (or without the npm tools in
// .ci/tools, or Java) the tests skip with a message saying what is missing;
// with CI=true they fail instead, so CI can never pass by skipping.
//
// Screenshots for a person to look at:
//
//	ATLAS_SCREENSHOTS=1 go test ./internal/browsertest -run TestScreenshots
//
// writes PNGs of the main pages, light and dark, 1280 and 360 px wide, to
// screenshots/ at the repository root (git-ignored).
//
// ATLAS_CHROMIUM names another Chromium binary (default: chromium on PATH).
package browsertest
