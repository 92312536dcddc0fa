package datasets_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// FuzzReadMetadata feeds the metadata readers arbitrary bytes under each name they dispatch
// on: whatever the input, a reader returns metadata or an error naming the file, never panics.
func FuzzReadMetadata(f *testing.F) {
	f.Add("roll.meta.yaml", []byte("schema: dgcheck/metadata/v1\ntitle: {zh: 名册}\nfields: [{name: id, constraints: {enum: [1, 2]}}]\n"))
	f.Add("roll.meta.yaml", []byte("modified: [2025-07-05, 2025-06-01]\npublisher: [{name: A}]\n"))
	f.Add("datapackage.json", []byte(dataPackageWithExtensions))
	f.Add("roll.dcat.jsonld", []byte(dcatAP))
	f.Add("roll.jsonld", []byte(`{"@graph": [{"@id": "x", "@type": "dcat:Catalog", "dcat:dataset": {"@id": "x"}}]}`))
	// describedBy naming the record itself, which is no Table Schema, and a folder.
	f.Add("roll.jsonld", []byte(`{"@type": "dcat:Dataset", "describedBy": "roll.jsonld", "dgcheck:fields": [{"name": "id"}]}`))
	f.Add("roll.dcat.jsonld", []byte(`{"@type": "dcat:Dataset", "distribution": [{"describedBy": "file://."}]}`))
	// CSVW, a bare Table Schema and a DCAT-US catalogue without a context.
	for _, seed := range []string{"../testdata/csvw/test011/tree-ops.csv-metadata.json", "../testdata/csvw/test125-metadata.json", "../testdata/dcat-us/catalog-sample.json"} {
		b, err := os.ReadFile(seed)
		if err != nil {
			f.Fatal(err)
		}
		f.Add("roll.csv-metadata.json", b)
	}
	f.Add("schema.json", []byte(`{"fields": [{"name": "id", "type": "integer", "constraints": {"exclusiveMinimum": 0}}], "primaryKey": "id"}`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		switch name {
		case "roll.meta.yaml", "datapackage.json", "roll.dcat.jsonld", "roll.jsonld", "roll.csv-metadata.json", "schema.json":
		default:
			return
		}
		dir := t.TempDir()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		mf, err := datasets.ReadMetadata(p, filepath.Join(dir, "roll.csv"))
		var pe *datasets.ParseError
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("error %v is not a *ParseError naming the file", err)
		}
		if err == nil && mf == nil {
			t.Fatal("no metadata and no error")
		}
	})
}
