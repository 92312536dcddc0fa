package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

const (
	metadataSchemaPath = "../../docs/metadata.schema.json"
	exampleSidecar     = "../../examples/dibao/hongshan_dibao_2025.meta.yaml"
	exampleDataPackage = "../../examples/dibao/datapackage.json"
	exampleDCAT        = "../../examples/dibao/hongshan_dibao_2025.dcat.jsonld"
)

// The sidecar's schema is published in docs/ from the copy datasets validates with, so the
// document cannot drift from the check.
func TestMetadataSchemaIsPublished(t *testing.T) {
	got := datasets.MetadataSchema()
	if *updateDocs {
		if err := os.WriteFile(metadataSchemaPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(metadataSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("docs/metadata.schema.json is not datasets/metadata.schema.json\nrun go test ./cmd/dgcheck -update-docs and review the diff")
	}
}

// The example's metadata in its three forms (the native sidecar, a Frictionless data package,
// a DCAT-AP JSON-LD record) is one description: each gives the same findings, on the CSV and
// on its Parquet twin.
func TestMetadataFormsGiveTheSameFindings(t *testing.T) {
	for _, data := range []string{example, strings.TrimSuffix(example, ".csv") + ".parquet"} {
		want, wantCode := checkReport(t, "--metadata", exampleSidecar, data)
		if len(want.Findings) == 0 {
			t.Fatal("the sidecar gives no findings to compare")
		}
		for path, kind := range map[string]string{exampleDataPackage: datasets.DataPackage, exampleDCAT: datasets.DCAT} {
			got, code := checkReport(t, "--metadata", path, data)
			if got.Dataset.MetadataKind != kind {
				t.Errorf("%s read as %q, want %q", path, got.Dataset.MetadataKind, kind)
			}
			if code != wantCode || !reflect.DeepEqual(got.Findings, want.Findings) || !reflect.DeepEqual(got.Scores, want.Scores) {
				t.Errorf("%s on %s: findings %q\nwant the sidecar's %q", path, data, ids(got.Findings), ids(want.Findings))
			}
			if len(got.Notices) > 0 {
				t.Errorf("%s: notices %q: every key of the twin is known", path, got.Notices)
			}
		}
	}
}

// A bare Table Schema given with --metadata judges the data as the same schema inside a data
// package does: its enum, minimum, primary key and missing values give their findings
// (before, it was read as a sidecar, six of its keys notices and its constraints ignored).
func TestBareTableSchemaGivesTheFindingsItImplies(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data.csv")
	schema := `{"fields": [
    {"name": "id", "type": "integer", "constraints": {"required": true}},
    {"name": "amount", "type": "number", "constraints": {"minimum": 0}},
    {"name": "sex", "type": "string", "constraints": {"enum": ["1", "2"]}}],
  "primaryKey": "id", "missingValues": ["", "NA"]}`
	for name, text := range map[string]string{
		"data.csv":             "id,amount,sex\n1,5,1\n1,-3,9\n2,NA,1\n",
		"schema.json":          schema,
		"pkg/datapackage.json": `{"resources": [{"path": "../data.csv", "schema": ` + schema + `}]}`, // no name: it would be the identifier
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, code := checkReport(t, "--metadata", filepath.Join(dir, "schema.json"), data)
	if got.Dataset.MetadataKind != datasets.TableSchema || len(got.Notices) > 0 {
		t.Errorf("read as %q with notices %q", got.Dataset.MetadataKind, got.Notices)
	}
	implied := map[string]bool{"QUAL-003 sex": false, "QUAL-009 amount": false, "QUAL-012 id": false}
	for _, f := range got.Findings {
		if _, ok := implied[f.ID+" "+f.Column]; ok {
			implied[f.ID+" "+f.Column] = true
		}
		if f.ID == "QUAL-009" && !strings.Contains(f.Message, "1 of 2 values") {
			t.Errorf("QUAL-009 counts NA as a value: %s", f.Message)
		}
	}
	for id, found := range implied {
		if !found {
			t.Errorf("no %s finding; findings %q", id, ids(got.Findings))
		}
	}
	want, wantCode := checkReport(t, "--metadata", filepath.Join(dir, "pkg", "datapackage.json"), data)
	if code != wantCode || !reflect.DeepEqual(got.Findings, want.Findings) {
		t.Errorf("findings %q\nwant the data package's %q", ids(got.Findings), ids(want.Findings))
	}
}
