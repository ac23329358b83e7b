package doccache

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIdentityDependsOnSecretAndProgram(t *testing.T) {
	id := func(secret, program string) [32]byte {
		t.Helper()
		got, err := identityOf([]byte(secret), strings.NewReader(program))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	base := id("secret one", "program one")
	if base != id("secret one", "program one") {
		t.Error("the same secret and program gave two identities")
	}
	if base == id("secret two", "program one") {
		t.Error("another secret gave the same identity")
	}
	if base == id("secret one", "program two") {
		t.Error("another program gave the same identity")
	}
}

func TestSecretIsMadeOnceAndPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "telemetry-atlas", "cache-key")
	first, err := loadSecret(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != secretSize || bytes.Equal(first, make([]byte, secretSize)) {
		t.Fatalf("secret %x", first)
	}
	again, err := loadSecret(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("the second build made a new secret")
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 && os.PathSeparator == '/' {
		t.Errorf("the secret is readable by others: %v", perm)
	}
	// A secret of the wrong size is made anew.
	if err := os.WriteFile(path, []byte("short"), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh, err := loadSecret(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh) != secretSize || bytes.Equal(fresh, first) {
		t.Errorf("a damaged secret was not made anew: %x", fresh)
	}
}

func TestIdentityOfThisProgram(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	t.Setenv("LocalAppData", t.TempDir())
	a, err := Identity()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Identity()
	if err != nil {
		t.Fatal(err)
	}
	if a != b || a == ([32]byte{}) {
		t.Errorf("identities %x and %x", a, b)
	}
}
