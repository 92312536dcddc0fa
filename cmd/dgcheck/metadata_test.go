package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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

// The DCAT-US v1.1 schema's own sample catalogue (testdata/dcat-us) describes the file its
// distribution's downloadURL names: that dataset is judged, a downloadURL is an access URL,
// a mediaType names the format, and what the record lacks is found (no catalogue title or
// description, no field dictionary); what it gives (title, description, contact, keywords,
// modified) is not.
func TestDCATUSSampleCatalogue(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"widgets.csv", "widgets-modulator-ranges.csv"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("id,widgets\n1,5\n2,7\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ record, data, title string }{
		{"catalog-sample.json", "widgets.csv", "U.S. Widget Manufacturing Statistics"},
		{"catalog-sample.json", "widgets-modulator-ranges.csv", "U.S. Widget Phase Modulation Ranges for 2011"},
		{"catalog-sample-extended.json", "widgets.csv", "U.S. Widget Manufacturing Statistics"},
	} {
		got, code := checkReport(t, "--metadata", filepath.Join("..", "..", "testdata", "dcat-us", tt.record), filepath.Join(dir, tt.data))
		if code != exitNonConformant || got.Dataset.MetadataKind != datasets.DCAT {
			t.Errorf("%s: exit %d, read as %q", tt.record, code, got.Dataset.MetadataKind)
			continue
		}
		found := map[string]bool{}
		for _, f := range got.Findings {
			found[f.ID] = true
			switch {
			case slices.Contains([]string{"META-001", "META-002", "META-003", "META-005", "META-015"}, f.ID),
				f.ID == "META-006" && strings.Contains(f.Message, "keywords"):
				t.Errorf("%s for %s: %s fires on what the record gives: %s", tt.record, tt.data, f.ID, f.Message)
			}
		}
		for _, id := range []string{"META-004", "META-016"} {
			if !found[id] {
				t.Errorf("%s for %s: no %s; findings %q", tt.record, tt.data, id, ids(got.Findings))
			}
		}
		meta, _ := got.Metadata.(map[string]any)
		if title := fmt.Sprint(meta["title"]); !strings.Contains(title, tt.title) {
			t.Errorf("%s for %s: judged the dataset titled %q, want %q", tt.record, tt.data, title, tt.title)
		}
	}
}

// What is wrong in a data package's Table Schema is a finding, not an exit 2 without a line,
// nor silence: a type Table Schema does not have (META-017), a primary key naming a field the
// file lacks and a foreign key that references fewer fields than it has (QUAL-002).
func TestDataPackageMistakesAreFindings(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data.csv")
	if err := os.WriteFile(data, []byte("id,amount\n1,5\n2,7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg := `{"name": "t", "resources": [{"name": "data", "path": "data.csv", "schema": {
  "fields": [{"name": "id", "type": "integr"}, {"name": "amount", "type": "number"}],
  "primaryKey": ["ident"],
  "foreignKeys": [{"fields": "id", "reference": {"fields": "id"}}, {"fields": ["amount"]}]}}]}`
	if err := os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte(pkg), 0o644); err != nil {
		t.Fatal(err)
	}
	got, code := checkReport(t, data)
	if code != exitNonConformant {
		t.Fatalf("exit %d, want %d", code, exitNonConformant)
	}
	want := map[string]string{
		"META-017 id":    `declared "integr"`,
		"QUAL-002 ident": "the primary key names ident",
		"QUAL-002 ":      "foreign_keys[1]: fields [amount] reference []",
	}
	for _, f := range got.Findings {
		if w, ok := want[f.ID+" "+f.Column]; ok && strings.Contains(f.Message, w) {
			delete(want, f.ID+" "+f.Column)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing findings %v; findings %q", want, ids(got.Findings))
	}
}
