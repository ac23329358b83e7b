package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		perm os.FileMode
		old  string // what name held before, if anything
	}{
		{"new", 0o644, ""},
		{"secret", 0o600, ""},
		{"replaced", 0o644, "the file before"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := filepath.Join(dir, tc.name)
			if tc.old != "" {
				if err := os.WriteFile(name, []byte(tc.old), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := WriteFileAtomic(name, []byte("body of "+tc.name), tc.perm); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(name)
			if err != nil || string(got) != "body of "+tc.name {
				t.Fatalf("read %q, %v; want the new body", got, err)
			}
			if info, err := os.Stat(name); err != nil || runtime.GOOS != "windows" && info.Mode().Perm() != tc.perm {
				t.Fatalf("mode %v, %v; want %v", info.Mode().Perm(), err, tc.perm)
			}
		})
	}
	// A rename that fails (a directory where the file goes) leaves
	// neither the file nor the new one beside it.
	blocked := filepath.Join(dir, "blocked")
	if err := os.MkdirAll(filepath.Join(blocked, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(blocked, []byte("x"), 0o644); err == nil {
		t.Fatal("writing over a directory that is not empty succeeded")
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*.new-*"))
	if len(left) > 0 {
		t.Fatalf("new files left behind: %v", left)
	}
}
