package course

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// failingFS fails to open the files named in bad, as a disk would.
type failingFS struct {
	fstest.MapFS
	bad map[string]bool
}

func (f failingFS) Open(name string) (fs.File, error) {
	if f.bad[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("input/output error")}
	}
	return f.MapFS.Open(name)
}

func (f failingFS) ReadFile(name string) ([]byte, error) {
	if f.bad[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("input/output error")}
	}
	return f.MapFS.ReadFile(name)
}

func chapter(key string, order int) []byte {
	return fmt.Appendf(nil, "---\ntitle: Chapter %s\nkey: %s\norder: %d\nsummary: S\nupdated: 2026-11-22\n---\n\nText of %s.\n", key, key, order, key)
}

// TestLoadReadsEveryFile holds Load's reading, done on every CPU, to what
// reading one file after the other gave: every file in, in the order of
// the directories, the files too large for a problem of their own, and the
// first file that cannot be read, in that order, for the error.
func TestLoadReadsEveryFile(t *testing.T) {
	const n = 300 // more files than CPUs, so that the readers overlap
	base := fstest.MapFS{}
	var want []string
	for i := 1; i <= n; i++ {
		key := fmt.Sprintf("c%03d", i)
		base[fmt.Sprintf("content/en/course/%03d-%s.md", i, key)] = &fstest.MapFile{Data: chapter(key, i)}
		want = append(want, key)
	}
	base["content/en/course/notes.txt"] = &fstest.MapFile{Data: []byte("not Markdown")}
	base["content/en/pages/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\nkey: about\nsummary: S\nupdated: 2026-11-22\n---\n\nAbout.\n")}
	base["content/ru/course/001-c001.md"] = &fstest.MapFile{Data: chapter("c001", 1)}

	t.Run("every file", func(t *testing.T) {
		c, probs, err := Load(base, "content", nil)
		if err != nil || len(probs) > 0 {
			t.Fatalf("err %v, problems %v", err, probs)
		}
		var got []string
		for _, d := range c.Docs {
			if d.Lang == "en" && d.Kind == KindChapter {
				got = append(got, d.Key)
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("English chapters %v, want %v", got, want)
		}
		if c.Find("en", KindPage, "about") == nil || c.Find("ru", KindChapter, "c001") == nil {
			t.Error("the page or the translation is missing")
		}
	})

	t.Run("too large", func(t *testing.T) {
		fsys := fstest.MapFS{}
		for name, f := range base {
			fsys[name] = f
		}
		big := "content/en/course/150-c150.md"
		fsys[big] = &fstest.MapFile{Data: append(chapter("c150", 150), strings.Repeat("x", maxFileSize)...)}
		c, probs, err := Load(fsys, "content", nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(probs) != 1 || probs[0].File != big || !strings.Contains(probs[0].Msg, "split the chapter") {
			t.Fatalf("problems %v, want one for %s", probs, big)
		}
		if c.Find("en", KindChapter, "c150") != nil || c.Find("en", KindChapter, "c149") == nil || c.Find("en", KindChapter, "c151") == nil {
			t.Error("the large file was parsed, or its neighbours were not")
		}
	})

	t.Run("unreadable", func(t *testing.T) {
		fsys := failingFS{base, map[string]bool{
			"content/en/course/200-c200.md": true,
			"content/en/course/020-c020.md": true,
		}}
		_, _, err := Load(fsys, "content", nil)
		if err == nil || !strings.Contains(err.Error(), "content/en/course/020-c020.md") || !strings.Contains(err.Error(), "input/output error") {
			t.Fatalf("err %v, want the first unreadable file's", err)
		}
	})
}
