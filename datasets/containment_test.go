package datasets_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// Read within a root, a sidecar whose foreign key names a file outside it is not read: the
// key is marked refused, with the key and line that named it; inside the root, or without a
// root, it reads as before.
func TestForeignKeyOutsideTheRootIsRefused(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "roll")
	write(t, top, "outside/secret.csv", "id\n1\n")
	write(t, dir, "lookup/codes.csv", "id\n1\n")
	data := write(t, dir, "roll.csv", "id,code\n")
	meta := write(t, dir, "roll.meta.yaml", `schema: dgcheck/metadata/v1
foreign_keys:
  - fields: [id]
    reference:
      path: ../outside/secret.csv
      fields: [id]
  - fields: [code]
    reference: {path: lookup/codes.csv, fields: [id]}
`)
	mf, err := datasets.ReadMetadata(meta, data, datasets.WithinRoot(dir))
	if err != nil {
		t.Fatal(err)
	}
	want := datasets.RefusedPath{Key: "foreign_keys[0].reference.path", Line: 5, Path: "../outside/secret.csv", Root: dir}
	if len(mf.Refused) != 1 || mf.Refused[0] != want {
		t.Fatalf("refused %+v, want [%+v]", mf.Refused, want)
	}
	fks := mf.Metadata.ForeignKeys
	if len(fks) != 2 || !fks[0].Reference.Refused || fks[1].Reference.Refused {
		t.Errorf("foreign keys %+v: want the first refused, the second (inside) read", fks)
	}

	mf, err = datasets.ReadMetadata(meta, data)
	if err != nil || len(mf.Refused) != 0 || mf.Metadata.ForeignKeys[0].Reference.Refused {
		t.Errorf("without a root: refused %+v (%v), want none", mf.Refused, err)
	}
}

// A link inside the root that leads out is outside: the wall is where the file is, not
// where its name is.
func TestContainedFollowsLinks(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "root")
	write(t, top, "elsewhere/secret.csv", "x\n")
	write(t, root, "own.csv", "x\n")
	if err := os.Symlink(filepath.Join(top, "elsewhere", "secret.csv"), filepath.Join(root, "link.csv")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path   string
		inside bool
	}{
		{filepath.Join(root, "own.csv"), true},
		{filepath.Join(root, "link.csv"), false},
		{filepath.Join(root, "sub", "..", "..", "elsewhere", "secret.csv"), false},
		{filepath.Join(root, "not-yet.csv"), true}, // judged by its name: reading it fails, and says so
		{filepath.Join(top, "elsewhere", "missing.csv"), false},
	} {
		inside, _, err := datasets.Contained(root, c.path)
		if err != nil || inside != c.inside {
			t.Errorf("Contained(root, %s) = %v, %v; want %v", c.path, inside, err, c.inside)
		}
	}
}

// A DCAT record's data dictionary outside the root is refused and not read.
func TestDescribedByOutsideTheRootIsRefused(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "roll")
	write(t, top, "dict/roll.schema.json", `{"fields": [{"name": "id", "type": "string"}]}`)
	data := write(t, dir, "roll.csv", "id\n")
	record := write(t, dir, "roll.dcat.json", `{"@type": "dcat:Dataset", "title": "Roll",
  "describedBy": "../dict/roll.schema.json", "describedByType": "application/json"}`)
	mf, err := datasets.ReadMetadata(record, data, datasets.WithinRoot(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(mf.Refused) != 1 || mf.Refused[0].Key != "describedBy" || mf.Refused[0].Line != 2 || len(mf.Metadata.Fields) != 0 {
		t.Errorf("refused %+v, fields %+v; want describedBy refused at line 2 and no field read from it", mf.Refused, mf.Metadata.Fields)
	}
	if mf, err := datasets.ReadMetadata(record, data); err != nil || len(mf.Metadata.Fields) != 1 || !strings.Contains(mf.Metadata.Fields[0].Name, "id") {
		t.Errorf("without a root the dictionary is read: %+v, %v", mf, err)
	}
}
