package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
)

// clientPath is the browser client, relative to this package.
var clientPath = filepath.Join("..", "..", "static", "js", "search.js")

// clientBudget is the most the client may weigh minified and gzipped.
const clientBudget = 6 << 10

func readClient(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile(clientPath)
	if err != nil {
		t.Fatalf("reading the client: %v", err)
	}
	return src
}

// minifyJS minifies JavaScript the way the site's publish step does.
func minifyJS(t testing.TB, src []byte) []byte {
	t.Helper()
	m := minify.New()
	m.AddFunc("application/javascript", js.Minify)
	out, err := m.Bytes("application/javascript", src)
	if err != nil {
		t.Fatalf("minifying the client: %v", err)
	}
	return out
}

func gzipSize(t testing.TB, b []byte, level int) int {
	t.Helper()
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, level)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

func TestClientSize(t *testing.T) {
	src := readClient(t)
	min := minifyJS(t, src)
	gz := gzipSize(t, min, gzip.BestCompression)
	t.Logf("search.js: %d bytes source, %d minified, %d minified+gzip -9 (budget %d)", len(src), len(min), gz, clientBudget)
	if gz > clientBudget {
		t.Errorf("search.js is %d bytes minified and gzipped, over the budget of %d", gz, clientBudget)
	}
}

// The client never turns data into markup and never sets inline style (the
// site's CSP forbids it).
func TestClientSafeDOM(t *testing.T) {
	src := string(readClient(t))
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", ".style", "eval(", "new Function", "setAttribute('style'", "http:", "https:"} {
		if strings.Contains(src, bad) {
			t.Errorf("search.js contains %q", bad)
		}
	}
}

// The client's query constants are the Go reader's.
func TestClientConstants(t *testing.T) {
	src := string(readClient(t))
	num := func(f float64) string { return strings.TrimPrefix(fmt.Sprint(f), "0") }
	want := map[string]string{
		"EXACT": num(weightExact), "STEMP": num(weightStemPrefix), "COMPL": num(weightComplete),
		"VARP": num(variantPenalty), "XSH": fmt.Sprint(maxExtraShards), "XCOMP": fmt.Sprint(maxCompletions),
		"MINSTEM": fmt.Sprint(minStemPrefix), "NEAR": fmt.Sprint(minStemNear), "SUFFIX": fmt.Sprint(maxSuffix),
	}
	for name, v := range want {
		re := regexp.MustCompile(`\b` + name + ` = 0?(\.?[0-9.]+)[,;]`)
		m := re.FindStringSubmatch(src)
		if m == nil {
			t.Errorf("search.js does not define %s", name)
			continue
		}
		if m[1] != v {
			t.Errorf("search.js: %s = %s, query.go has %s", name, m[1], v)
		}
	}
}
