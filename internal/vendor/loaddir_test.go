package vendor

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadDir(t *testing.T) {
	good := goodRecord(t)
	other := []byte(strings.ReplaceAll(string(good), "id: oneplus-oxygenos", "id: acme-phone"))
	broken := []byte(strings.Replace(string(other), "kind: os", "kind: phone", 1))
	fsys := fstest.MapFS{
		"vendors/oneplus-oxygenos.yaml": {Data: good},
		"vendors/acme-phone.yaml":       {Data: other},
		"vendors/zeta-broken.yaml":      {Data: []byte(strings.ReplaceAll(string(broken), "id: acme-phone", "id: zeta-broken"))},
		"vendors/b-empty.yaml":          {Data: nil},
		"vendors/old-style.yml":         {Data: good},
		"vendors/schema.json":           {Data: []byte("{}")},
		"vendors/README.md":             {Data: []byte("# not a record")},
		"vendors/sub/nested.yaml":       {Data: good},
		"vendors/link.yaml":             {Data: good, Mode: fs.ModeSymlink},
	}
	recs, probs, err := LoadDir(fsys, "vendors", mustTaxonomy(t), testToday, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, " ") != "acme-phone oneplus-oxygenos" {
		t.Errorf("records %v, want acme-phone and oneplus-oxygenos, sorted", ids)
	}
	want := []string{
		"vendors/b-empty.yaml:1:1: the file is empty; start from 'go run ./cmd/atlas new vendor <id>'",
		"vendors/link.yaml: not a regular file; a record is a plain YAML file",
		"vendors/old-style.yml: records end in .yaml; rename the file to old-style.yaml",
		`vendors/zeta-broken.yaml:5:7: kind: unknown kind "phone"; allowed: browser, os, device, app, service`,
	}
	if got := probs.Error(); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestLoadDirMissing(t *testing.T) {
	_, _, err := LoadDir(fstest.MapFS{}, "vendors", mustTaxonomy(t), testToday, nil)
	if err == nil {
		t.Error("no error for a missing directory")
	}
}

// TestLoadDirDeterministic checks that the same files give the same
// problems, sorted by file.
func TestLoadDirDeterministic(t *testing.T) {
	tx := mustTaxonomy(t)
	fsys := fstest.MapFS{}
	for _, id := range []string{"c-three", "a-one", "b-two"} {
		data := strings.ReplaceAll(string(goodRecord(t)), "id: oneplus-oxygenos", "id: "+id)
		data = strings.Replace(data, "status: confirmed", "status: sure", 1)
		fsys["vendors/"+id+".yaml"] = &fstest.MapFile{Data: []byte(data)}
	}
	_, first, err := LoadDir(fsys, "vendors", tx, testToday, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		_, again, _ := LoadDir(fsys, "vendors", tx, testToday, nil)
		if again.Error() != first.Error() {
			t.Fatalf("different output:\n%v\nthen\n%v", first, again)
		}
	}
	if len(first) != 3 || first[0].File != "vendors/a-one.yaml" || first[2].File != "vendors/c-three.yaml" {
		t.Errorf("problems not sorted by file: %v", first)
	}
}

// openFailFS fails to open the files named in bad, as a disk would.
type openFailFS struct {
	fstest.MapFS
	bad map[string]bool
}

func (f openFailFS) Open(name string) (fs.File, error) {
	if f.bad[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("input/output error")}
	}
	return f.MapFS.Open(name)
}

// TestLoadDirReadError checks that the files, read on every CPU, fail as
// one reader going through them in order would: with the first file that
// cannot be read.
func TestLoadDirReadError(t *testing.T) {
	good := string(goodRecord(t))
	fsys := fstest.MapFS{}
	for i := range 200 {
		id := fmt.Sprintf("r-%03d", i)
		fsys["vendors/"+id+".yaml"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(good, "id: oneplus-oxygenos", "id: "+id))}
	}
	recs, probs, err := LoadDir(fsys, "vendors", mustTaxonomy(t), testToday, nil)
	if err != nil || len(probs) > 0 || len(recs) != 200 {
		t.Fatalf("%d records, problems %v, err %v; want 200 records", len(recs), probs, err)
	}
	bad := openFailFS{fsys, map[string]bool{"vendors/r-150.yaml": true, "vendors/r-015.yaml": true}}
	_, _, err = LoadDir(bad, "vendors", mustTaxonomy(t), testToday, nil)
	if err == nil || !strings.Contains(err.Error(), "vendors/r-015.yaml") || !strings.Contains(err.Error(), "input/output error") {
		t.Errorf("err %v, want the error of vendors/r-015.yaml", err)
	}
}
