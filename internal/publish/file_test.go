package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestFileWriters holds createFile and overwrite to what os.WriteFile and
// an overwrite by os.OpenFile would leave: the bytes given, nothing of a
// longer file before, and an error that names the file.
// createOnly, overwriteFile and rewriteFile are the writers as writers of
// the tests' tables. Each checks that the identity it returns is the
// written file's, where identities are read.
func createOnly(name string, data []byte) error {
	id, err := createFile(name, data)
	return sameID(name, id, err)
}

func overwriteFile(name string, data []byte) error {
	_, id, err := overwrite(name, data)
	return sameID(name, id, err)
}

func rewriteFile(name string, data []byte) error {
	id, err := rewrite(name, data)
	return sameID(name, id, err)
}

func sameID(name string, id fileID, err error) error {
	if err != nil {
		return err
	}
	if now := lstatID(name); id != now {
		return fmt.Errorf("the writer said the file is %+v; it is %+v", id, now)
	}
	return nil
}

func TestFileWriters(t *testing.T) {
	big := make([]byte, 3<<20) // more than one write(2) may take
	for i := range big {
		big[i] = byte(i * 7)
	}
	tests := []struct {
		name   string
		before []byte // nil: no file there
		write  func(name string, data []byte) error
		data   []byte
	}{
		{"create new", nil, createOnly, []byte("<p>new</p>")},
		{"create over longer", []byte("a much longer old file"), createOnly, []byte("short")},
		{"create empty", []byte("old"), createOnly, []byte{}},
		{"create large", nil, createOnly, big},
		{"create one chunk", nil, createOnly, big[:writeChunk]},
		{"create a byte past a chunk", nil, createOnly, big[:writeChunk+1]},
		{"create a byte short of a chunk", nil, createOnly, big[:writeChunk-1]},
		{"overwrite longer", []byte("a much longer old file"), overwriteFile, []byte("short")},
		{"overwrite shorter", []byte("old"), overwriteFile, []byte("a longer new file")},
		{"overwrite to empty", []byte("old"), overwriteFile, nil},
		{"overwrite large", []byte("old"), overwriteFile, big},
		{"overwrite the same length", []byte("one"), overwriteFile, []byte("two")},
		{"overwrite large, its last byte changed", append(bytes.Clone(big[:len(big)-1]), 0xff), overwriteFile, big},
		{"rewrite longer", []byte("a much longer old file"), rewriteFile, []byte("short")},
		{"rewrite shorter", []byte("old"), rewriteFile, []byte("a longer new file")},
		{"rewrite large", []byte("old"), rewriteFile, big},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := filepath.Join(t.TempDir(), "f.html")
			if tt.before != nil {
				if err := os.WriteFile(name, tt.before, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := tt.write(name, tt.data); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(tt.data) {
				t.Errorf("file holds %d bytes, want the %d written", len(got), len(tt.data))
			}
			fi, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			if runtime.GOOS != "windows" && fi.Mode().Perm()&0o600 != 0o600 {
				t.Errorf("mode %v: the owner cannot read and write it", fi.Mode())
			}
		})
	}
}

func TestFileWriterErrorsNameTheFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-dir", "f.html")
	for name, write := range map[string]func(string, []byte) error{"createFile": createOnly, "overwrite": overwriteFile, "rewrite": rewriteFile} {
		err := write(missing, []byte("x"))
		var pe *fs.PathError
		if !errors.As(err, &pe) || pe.Path != missing || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s into a missing directory: %v, want a *fs.PathError for %s that is fs.ErrNotExist", name, err, missing)
		}
	}
}

func TestOverwriteRefusesALink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no O_NOFOLLOW here; the inventory removes links instead (recycle_test.go)")
	}
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	if err := os.WriteFile(outside, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "index.html")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	if _, _, err := overwrite(link, []byte("changed")); err == nil {
		t.Error("overwrite followed a symbolic link")
	}
	if _, err := rewrite(link, []byte("changed")); err == nil {
		t.Error("rewrite followed a symbolic link")
	}
	if got, _ := os.ReadFile(outside); string(got) != "keep" {
		t.Errorf("the link's target holds %q, want it untouched", got)
	}
}

// TestOverwriteLeavesTheSameBytesAlone checks that a file that already
// holds what a build would write is not written: its bytes and its
// modification time stay, and overwrite says so. A file that differs
// anywhere, or only in length, is written.
func TestOverwriteLeavesTheSameBytesAlone(t *testing.T) {
	big := make([]byte, 3<<20)
	for i := range big {
		big[i] = byte(i * 13)
	}
	changedAt := func(i int) []byte {
		b := bytes.Clone(big)
		b[i] ^= 1
		return b
	}
	tests := []struct {
		name        string
		before, now []byte
		same        bool
	}{
		{"small, the same", []byte("<p>page</p>"), []byte("<p>page</p>"), true},
		{"empty, the same", []byte{}, nil, true},
		{"large, the same", big, big, true},
		{"small, one byte changed", []byte("<p>page</p>"), []byte("<p>pagE</p>"), false},
		{"large, the first byte changed", big, changedAt(0), false},
		{"large, a byte in the second chunk changed", big, changedAt(20 << 10), false},
		{"large, the last byte changed", big, changedAt(len(big) - 1), false},
		{"longer now", []byte("<p>page</p>"), []byte("<p>page</p>\n"), false},
		{"shorter now", big, big[:len(big)-1], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := filepath.Join(t.TempDir(), "f.html")
			if err := os.WriteFile(name, tt.before, 0o644); err != nil {
				t.Fatal(err)
			}
			past := time.Now().Add(-time.Hour).Truncate(time.Second)
			if err := os.Chtimes(name, past, past); err != nil {
				t.Fatal(err)
			}
			same, _, err := overwrite(name, tt.now)
			if err != nil {
				t.Fatal(err)
			}
			if same != tt.same {
				t.Errorf("overwrite said same = %v, want %v", same, tt.same)
			}
			got, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.now) {
				t.Errorf("file holds %d bytes, not the %d given", len(got), len(tt.now))
			}
			fi, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			if untouched := fi.ModTime().Equal(past); untouched != tt.same {
				t.Errorf("modified at %v (an hour ago: %v): the file was written %v, want %v", fi.ModTime(), past, !untouched, !tt.same)
			}
		})
	}
}
