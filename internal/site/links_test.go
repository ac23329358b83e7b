package site

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/course"
	"github.com/telemetry-atlas/atlas/internal/publish"
)

func TestCheckLinksFragments(t *testing.T) {
	page := []byte(`<html><body><h2 id="block-it">B</h2><h3 id="серийные-номера">С</h3>` +
		`<a href="#block-it">a</a><a href="#%d1%81%d0%b5%d1%80%d0%b8%d0%b9%d0%bd%d1%8b%d0%b5-%d0%bd%d0%be%d0%bc%d0%b5%d1%80%d0%b0">b</a>LINK</body></html>`)
	tests := []struct {
		name, link string
		problems   int
	}{
		{"plain id", `<a href="/x/#block-it">`, 0},
		{"percent-encoded Cyrillic id", `<a href="/x/#%d1%81%d0%b5%d1%80%d0%b8%d0%b9%d0%bd%d1%8b%d0%b5-%d0%bd%d0%be%d0%bc%d0%b5%d1%80%d0%b0">`, 0},
		{"missing id", `<a href="/x/#nowhere">`, 1},
		{"missing page", `<a href="/y/">`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := publish.Files{
				"x/index.html": page,
				"index.html":   []byte("<html><body>" + tt.link + "</a></body></html>"),
			}
			if got := checkLinks(files, nil); len(got) != tt.problems {
				t.Fatalf("got %d problems, want %d: %v", len(got), tt.problems, got)
			}
		})
	}
}

// TestCheckReportsEveryBrokenLink: the check splits the chapters and the
// generated links between workers; each broken one is reported once, with
// as many workers as there are links or more, or fewer, and a chapter's
// link is not reported again as a generated one.
func TestCheckReportsEveryBrokenLink(t *testing.T) {
	for _, procs := range []int{1, 2, 3, 8} {
		for _, n := range []int{1, 2, 7, 50} {
			t.Run(fmt.Sprintf("%d CPUs, %d links each", procs, n), func(t *testing.T) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				files := publish.Files{"ok/index.html": []byte(`<p id="here">`)}
				c := &course.Course{}
				want := map[string]bool{}
				for i := range n {
					page := fmt.Sprintf("g%d/index.html", i)
					// The chapter's broken link is on a generated page too: it is
					// reported once, at the chapter's line.
					files[page] = []byte(fmt.Sprintf(`<a href="/ok/#here"><a href="/gone-%d/"><a href="#nothing-%d"><a href="/ok/#not-%d">`, i, i, i))
					want["public/"+page+": link \"/gone-"+fmt.Sprint(i)+"/\""] = true
					want["public/"+page+": link \"#nothing-"+fmt.Sprint(i)+"\""] = true
					c.Docs = append(c.Docs, &course.Doc{Lang: "en", Kind: course.KindChapter, Key: fmt.Sprintf("c%d", i),
						File:  fmt.Sprintf("content/en/c%d.md", i),
						Links: []course.Link{{URL: "/ok/#here", Line: 1, Col: 1}, {URL: fmt.Sprintf("/ok/#not-%d", i), Line: 2, Col: 3}}})
					want[fmt.Sprintf("content/en/c%d.md:2:3: link \"/ok/#not-%d\"", i, i)] = true
				}
				got := checkLinks(files, c)
				for _, p := range got {
					key := upToLink(p.String())
					if !want[key] {
						t.Errorf("unexpected or repeated problem: %s", p)
					}
					delete(want, key)
				}
				for w := range want {
					t.Errorf("not reported: %s", w)
				}
			})
		}
	}
}

// upToLink cuts a problem's text after the link it names in quotes.
func upToLink(s string) string {
	open := strings.IndexByte(s, '"')
	return s[:open+strings.IndexByte(s[open+1:], '"')+2]
}

// TestRefAttr: the attribute names the link scan keeps are the ones
// bytes.EqualFold takes for id, href and src, Unicode folding included.
func TestRefAttr(t *testing.T) {
	for _, key := range []string{
		"id", "ID", "iD", "Id", "href", "HREF", "hReF", "src", "SRC", "sRc", "\u017frc", "\u017fRC",
		"", "i", "d", "ids", "idd", "hre", "hrefs", "sr", "srcs", "srcset", "\u017f", "\u212aid",
		"name", "class", "hr\u00e9f", "IdX", "h\u0000ef", "i@", "`d", "sr{", "HRE_",
	} {
		wantID := bytes.EqualFold([]byte(key), []byte("id"))
		wantLink := bytes.EqualFold([]byte(key), []byte("href")) || bytes.EqualFold([]byte(key), []byte("src"))
		if isID, isLink := refAttr([]byte(key)); isID != wantID || isLink != wantLink {
			t.Errorf("refAttr(%q) = %v, %v; want %v, %v", key, isID, isLink, wantID, wantLink)
		}
	}
}

// TestSiteLink: the links the scan keeps are site paths and fragments.
func TestSiteLink(t *testing.T) {
	for _, tt := range []struct {
		v    string
		want bool
	}{
		{"/", true}, {"/a/", true}, {"#x", true}, {"#", true}, {"/#x", true},
		{"", false}, {"//cdn.example/x", false}, {"https://x/", false}, {"a/", false}, {"?q", false},
	} {
		if got := siteLink([]byte(tt.v)); got != tt.want {
			t.Errorf("siteLink(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

// A scan goes back to the pool holding nothing of the page it scanned, so
// that a large page is not kept alive by it.
func TestLinkIndexLetsGoOfThePage(t *testing.T) {
	x := newLinkIndex()
	x.add("matrix/index.html", []byte(`<table id="m"><tr><td><a href="/vendors/a/">a</a><a href="/vendors/b/">b</a></table>`))
	s := x.scans.Get().(*pageScan)
	if cap(s.refs) == 0 {
		t.Skip("the pool gave a new scan (it may drop what it holds); nothing to check")
	}
	for i, ref := range s.refs[:cap(s.refs)] {
		if ref != nil {
			t.Errorf("the pooled scan still holds link %d, %q, of the page", i, ref)
		}
	}
	for i, id := range s.ids[:cap(s.ids)] {
		if id != nil {
			t.Errorf("the pooled scan still holds id %d, %q, of the page", i, id)
		}
	}
}
