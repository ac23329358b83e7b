package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteDir writes the corpus into dir (which should be empty or absent):
// the generated files, and templates/ and static/ copied from repo, the
// repository root, so the corpus builds with the project's real templates.
func WriteDir(dir string, o Options, hugo bool, repo string) error {
	for _, sub := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(repo, sub))); err != nil {
			return fmt.Errorf("corpus: copy %s: %w", sub, err)
		}
	}
	// The build reads vendors/ even when there are no records.
	if err := os.MkdirAll(filepath.Join(dir, "vendors"), 0o755); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	made := map[string]bool{}
	return Each(o, hugo, func(f File) error {
		if !fs.ValidPath(f.Name) {
			return fmt.Errorf("corpus: bad path %q", f.Name)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("corpus: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		return nil
	})
}
