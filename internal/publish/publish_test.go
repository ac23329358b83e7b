package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesAndRemovesStale(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, Files{"index.html": []byte("one"), "stale.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, Files{"index.html": []byte("two"), "ru/index.html": []byte("два")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "two" {
		t.Fatalf("index.html = %q", b)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Fatalf("stale file survived: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Fatalf("leftovers beside out: %v", entries)
	}
}

func TestWriteFailureLeavesPreviousSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, Files{"index.html": []byte("good")}); err != nil {
		t.Fatal(err)
	}
	// A path that cannot be written: a file and a directory of one name.
	err := Write(out, Files{"a": []byte("file"), "a/b.html": []byte("x"), "index.html": []byte("bad")})
	if err == nil {
		t.Fatal("expected an error")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "good" {
		t.Fatalf("previous site changed: index.html = %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Fatalf("temporary directory left behind: %v", entries)
	}
	if err := Write(out, Files{"../escape.html": []byte("x")}); err == nil || !strings.Contains(err.Error(), "not a clean relative path") {
		t.Fatalf("escaping path: err = %v", err)
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("css/site.css", []byte("a"))
	b := Fingerprint("css/site.css", []byte("b"))
	if a == b || !strings.HasPrefix(a, "css/site.") || !strings.HasSuffix(a, ".css") {
		t.Fatalf("fingerprints %q %q", a, b)
	}
	if a != Fingerprint("css/site.css", []byte("a")) {
		t.Fatal("fingerprint not stable")
	}
}

func TestMinify(t *testing.T) {
	mn := NewMinifier()
	tests := []struct{ name, in, want string }{
		{"a.html", "<!doctype html><html lang=\"en\"><head><title>x</title></head><body>\n  <p>  hi  </p>\n</body></html>", "<p>hi</p>"},
		{"a.css", "body {\n  color : red ;\n}\n", "body{color:red}"},
		{"a.js", "function f ( a ) {\n  return a + 1 ;\n}\n", "return e+1}"},
		{"a.json", "{ \"a\" : 1 }", `{"a":1}`},
		{"search/en/a.json", "{ \"a\" : 1 }", `{ "a" : 1 }`},
		{"b.json", "{ \"a\" : 1 }", `{"a":1}`},
		// The exports and the search index are written minimal: see minimal.
		{"api/v1/vendors.json", "{ \"a\" : 1 }", `{ "a" : 1 }`},
		{"api/index.html", "<p>  hi  </p>", "<p>hi</p>"},
		// htmlmin leaves pages with inline script or SVG to tdewolff.
		{"script.html", "<p>  hi  </p>\n<script>var  a = 1 ;</script>", "<p>hi</p><script>var a=1</script>"},
		{"svg.html", "<p>  hi  </p> <svg viewBox=\"0 0 1 1\">  <path d=\"M 0 0 L 1 1\"/> </svg>", "<p>hi</p><svg viewBox=\"0 0 1 1\"><path d=\"M0 0 1 1\"/></svg>"},
		{"a.txt", "  keep  ", "  keep  "},
	}
	for _, tt := range tests {
		got, err := mn.Bytes(tt.name, []byte(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !strings.Contains(string(got), tt.want) {
			t.Errorf("%s: got %q, want it to contain %q", tt.name, got, tt.want)
		}
		// Take makes the same bytes, from bytes it may change.
		if got, err := mn.Take(tt.name, []byte(tt.in)); err != nil || !strings.Contains(string(got), tt.want) {
			t.Errorf("%s: Take gives %q (err %v), want it to contain %q", tt.name, got, err, tt.want)
		}
		// Append makes them after what the buffer holds, and leaves that.
		want, _ := mn.Bytes(tt.name, []byte(tt.in))
		dst := append(make([]byte, 0, 8), "kept"...)
		if got, err := mn.Append(dst, tt.name, []byte(tt.in)); err != nil || string(got) != "kept"+string(want) {
			t.Errorf("%s: Append gives %q (err %v), want %q", tt.name, got, err, "kept"+string(want))
		}
	}
}

func TestUnchanged(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"api/v1/vendors.json", true},
		{"search/en/d/0001.json", true},
		{"api/v1/vendors.csv", true},
		{"api/v1/hosts.txt", true},
		{"robots.txt", true},
		{"sitemap.xml", false},
		{"index.html", false},
		{"api/index.html", false},
		{"css/site.css", false},
		{"js/search.js", false},
		{"heatmap.svg", false},
		{"other.json", false},
	} {
		if got := Unchanged(tc.name); got != tc.want {
			t.Errorf("Unchanged(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
