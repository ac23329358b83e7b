package doccache

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/crypto/blake2b"

	"github.com/telemetry-atlas/atlas/internal/publish"
)

// secretSize is the length of the secret a machine's user keeps for the
// caches of every site they build.
const secretSize = 32

// Identity is what a cache's keys are made under: the running program's
// bytes, hashed with the user's secret (created at the first build, in
// the user's cache directory: telemetry-atlas/cache-key). Another build of
// atlas, or another user, makes other keys.
func Identity() ([32]byte, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return [32]byte{}, fmt.Errorf("no cache directory: %w", err)
	}
	secret, err := loadSecret(filepath.Join(dir, "telemetry-atlas", "cache-key"))
	if err != nil {
		return [32]byte{}, err
	}
	exe, err := os.Executable()
	if err != nil {
		return [32]byte{}, fmt.Errorf("find the program: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return [32]byte{}, fmt.Errorf("read the program: %w", err)
	}
	defer f.Close()
	return identityOf(secret, f)
}

// identityOf hashes program under secret.
func identityOf(secret []byte, program io.Reader) ([32]byte, error) {
	h, err := blake2b.New256(secret)
	if err != nil {
		return [32]byte{}, err
	}
	if _, err := io.Copy(h, program); err != nil {
		return [32]byte{}, fmt.Errorf("read the program: %w", err)
	}
	var id [32]byte
	h.Sum(id[:0])
	return id, nil
}

// loadSecret reads the secret at path, or makes one there, readable by its
// owner only.
func loadSecret(path string) ([]byte, error) {
	secret, err := os.ReadFile(path)
	if err == nil && len(secret) == secretSize {
		return secret, nil
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read the cache key: %w", err)
	}
	secret = make([]byte, secretSize)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("make the cache key: %w", err)
	}
	// A new file beside it, renamed into place: two builds at once keep
	// one secret between them, whichever's rename comes last.
	if err := publish.WriteFileAtomic(path, secret, 0o600); err != nil {
		return nil, fmt.Errorf("make the cache key: %w", err)
	}
	return secret, nil
}
