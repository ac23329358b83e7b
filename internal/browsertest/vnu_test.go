package browsertest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNuHTMLChecker runs the Nu HTML Checker (vnu-jar from npm, with the
// installed Java) over every HTML page of the build: zero errors.
func TestNuHTMLChecker(t *testing.T) {
	t.Parallel()
	jar := filepath.Join(toolsDir(t), "vnu-jar", "build", "dist", "vnu.jar")
	_, err := os.Stat(jar)
	need(t, err == nil, "vnu-jar is not installed (cd .ci/tools && npm ci): %v", err)
	java, err := exec.LookPath("java")
	need(t, err == nil, "no java on PATH for the Nu HTML Checker")

	files := buildRepo(t)
	dir := t.TempDir()
	n := 0
	for name, data := range files {
		if !isDocument(name, data) {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n == 0 {
		t.Fatal("the build has no HTML pages")
	}
	// A page with a known error proves the checker reads what it is given.
	const canary = "zz-canary/index.html"
	if err := os.MkdirAll(filepath.Join(dir, "zz-canary"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(canary)), []byte(`<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	caught := false
	for _, m := range vnu(t, java, jar, dir) {
		if strings.HasPrefix(m, "/"+canary+":") {
			caught = true
			continue
		}
		t.Errorf("%s", m)
	}
	if !caught {
		t.Error("the Nu HTML Checker missed the errors of a broken page: it is not checking")
	}
	t.Logf("the Nu HTML Checker read %d pages", n)
}

// vnuMessage is one message of vnu's JSON output.
type vnuMessage struct {
	Type      string `json:"type"`
	SubType   string `json:"subType"`
	URL       string `json:"url"`
	LastLine  int    `json:"lastLine"`
	FirstCol  int    `json:"firstColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
	LastCol   int    `json:"lastColumn"`
	HiliteLen int    `json:"hiliteLength"`
}

// vnu checks every .html file below dir and returns its errors as
// "page:line:col: message (extract)", with page relative to dir.
func vnu(t *testing.T, java, jar, dir string) []string {
	t.Helper()
	cmd := exec.Command(java, "-Xss4m", "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	// vnu writes its JSON report to stderr and exits 1 when there are errors.
	out := stderr.Bytes()
	if len(bytes.TrimSpace(out)) == 0 {
		out = stdout.Bytes()
	}
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("vnu: %v (exit: %v); output:\n%.2000s", err, runErr, out)
	}
	var errs []string
	for _, m := range report.Messages {
		if m.Type != "error" && m.SubType != "fatal" && m.Type != "non-document-error" {
			continue
		}
		page := m.URL
		if i := strings.Index(page, filepath.ToSlash(dir)); i >= 0 {
			page = page[i+len(filepath.ToSlash(dir)):]
		}
		errs = append(errs, page+":"+itoa(m.LastLine)+":"+itoa(m.FirstCol)+": "+m.Message+" ("+strings.TrimSpace(m.Extract)+")")
	}
	if runErr != nil && len(errs) == 0 {
		t.Fatalf("vnu failed with no message: %v\n%.2000s", runErr, out)
	}
	return errs
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
