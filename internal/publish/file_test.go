package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestFileWriters holds createFile and overwrite to what os.WriteFile and
// an overwrite by os.OpenFile would leave: the bytes given, nothing of a
// longer file before, and an error that names the file.
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
		{"create new", nil, createFile, []byte("<p>new</p>")},
		{"create over longer", []byte("a much longer old file"), createFile, []byte("short")},
		{"create empty", []byte("old"), createFile, []byte{}},
		{"create large", nil, createFile, big},
		{"create one chunk", nil, createFile, big[:writeChunk]},
		{"create a byte past a chunk", nil, createFile, big[:writeChunk+1]},
		{"create a byte short of a chunk", nil, createFile, big[:writeChunk-1]},
		{"overwrite longer", []byte("a much longer old file"), overwrite, []byte("short")},
		{"overwrite shorter", []byte("old"), overwrite, []byte("a longer new file")},
		{"overwrite to empty", []byte("old"), overwrite, nil},
		{"overwrite large", []byte("old"), overwrite, big},
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
	for name, write := range map[string]func(string, []byte) error{"createFile": createFile, "overwrite": overwrite} {
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
	if err := overwrite(link, []byte("changed")); err == nil {
		t.Error("overwrite followed a symbolic link")
	}
	if got, _ := os.ReadFile(outside); string(got) != "keep" {
		t.Errorf("the link's target holds %q, want it untouched", got)
	}
}
