package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing/fstest"
)

// FS returns the corpus as an in-memory source tree, with templates/ and
// static/ read from repo, the repository root: what benchmarks hand to the
// pipeline so that they time the stages, not the disk.
func FS(o Options, repo string) (fstest.MapFS, error) {
	m := fstest.MapFS{}
	for _, sub := range []string{"templates", "static"} {
		root := filepath.Join(repo, sub)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(repo, p)
			if err != nil {
				return err
			}
			m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data, Mode: 0o644}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
	}
	m["vendors"] = &fstest.MapFile{Mode: fs.ModeDir | 0o755}
	err := Each(o, false, func(f File) error {
		m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		return nil
	})
	return m, err
}

// Sizes are the corpus sizes the benchmarks run at: a hundred, a thousand
// and ten thousand documents.
var Sizes = []int{100, 1000, 10000}
