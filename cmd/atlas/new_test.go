package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/telemetry-atlas/atlas/internal/testsite"
)

func TestNewVendorSkeletonFailsCheckUntilFilled(t *testing.T) {
	src := testsite.Make(t, nil)
	if code, out, errs := atlas(t, "new", "vendor", "--source", src, "foo-phone"); code != exitOK {
		t.Fatalf("atlas new vendor: %d\n%s%s", code, out, errs)
	}
	data, err := os.ReadFile(filepath.Join(src, "vendors", "foo-phone.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=schema.json") || !strings.Contains(string(data), "id: foo-phone") {
		t.Fatalf("skeleton lacks the schema line or the id:\n%.300s", data)
	}
	code, out, _ := atlas(t, "check", "--source", src, "--today", "2026-11-22")
	if code != exitContent {
		t.Fatalf("check on a fresh skeleton exited %d, want %d", code, exitContent)
	}
	n := strings.Count(out, "vendors/foo-phone.yaml:")
	if n < 3 || !strings.Contains(out, "fill in") {
		t.Fatalf("check should say what to fill, field by field; got %d lines:\n%s", n, out)
	}
	if code, _, errs := atlas(t, "new", "vendor", "--source", src, "foo-phone"); code == exitOK || !strings.Contains(errs, "exists") {
		t.Fatalf("a second 'new' overwrote the record: %d %s", code, errs)
	}
	if code, _, _ := atlas(t, "new", "vendor", "--source", src, "Bad_ID"); code != exitUsage {
		t.Fatalf("a bad id: exit %d, want %d", code, exitUsage)
	}
}

func TestSchemaIsCurrent(t *testing.T) {
	if code, out, errs := atlas(t, "schema", "--check", "--source", testsite.Root(t)); code != exitOK {
		t.Fatalf("vendors/schema.json is stale: run go run ./cmd/atlas schema\n%s%s", out, errs)
	}
}
