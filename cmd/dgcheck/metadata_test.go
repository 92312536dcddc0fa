package main

import (
	"bytes"
	"os"
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
