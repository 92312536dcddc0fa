package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// TestCSVWValidationSuite checks files of the W3C CSV on the Web validation tests
// (testdata/csvw/README.md) with their metadata: where the suite says a file breaks its
// metadata, dgcheck reports it with the rule of what it breaks, on the column the suite's test
// is about, and where the suite says the file is valid, none of those rules fire.
func TestCSVWValidationSuite(t *testing.T) {
	// The value-constraint rules whose findings the suite's verdicts are compared with.
	constraintRules := []string{"QUAL-003", "QUAL-007", "QUAL-009", "QUAL-010", "META-017"}
	for _, tt := range []struct {
		test string
		want []string // "rule column" of the findings among constraintRules; none for a valid file
	}{
		{"test125", []string{"QUAL-007 latitude"}},
		{"test126", []string{"QUAL-007 latitude"}},
		{"test195", nil},
		{"test196", []string{"QUAL-003 NMTOKEN"}},
		{"test197", []string{"QUAL-003 NMTOKEN"}},
		{"test198", []string{"QUAL-003 NMTOKEN"}},
		{"test202", nil},
		{"test203", []string{"QUAL-009 minimum"}},
		{"test204", []string{"QUAL-009 maximum"}},
		{"test205", []string{"QUAL-009 minInclusive"}},
		{"test207", []string{"QUAL-009 minExclusive"}},
		{"test209", nil},
		{"test210", []string{"QUAL-009 minimum"}},
		{"test211", []string{"QUAL-009 maximum"}},
		{"test212", []string{"QUAL-009 minInclusive"}},
		{"test214", []string{"QUAL-009 minExclusive"}},
	} {
		t.Run(tt.test, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", "csvw")
			got, _ := checkReport(t, "--metadata", filepath.Join(dir, tt.test+"-metadata.json"), filepath.Join(dir, tt.test+".csv"))
			if got.Dataset.MetadataKind != datasets.CSVW {
				t.Fatalf("read as %q", got.Dataset.MetadataKind)
			}
			var found []string
			for _, f := range got.Findings {
				if slices.Contains(constraintRules, f.ID) && f.Column != "" && !slices.Contains(found, f.ID+" "+f.Column) {
					found = append(found, f.ID+" "+f.Column)
				}
			}
			slices.Sort(found)
			if !slices.Equal(found, tt.want) {
				t.Errorf("findings %q, want %q (notices %q)", found, tt.want, got.Notices)
			}
		})
	}
}

// The spec's tree-operations example is found beside its file and read into the model: the
// title in the context's language, keywords, publisher, licence, the columns under their
// titles with their descriptions, the required identifier and the primary key by name.
func TestCSVWMetadataBesideTheFile(t *testing.T) {
	data := filepath.Join("..", "..", "testdata", "csvw", "test011", "tree-ops.csv")
	if got := datasets.FindMetadata(data); filepath.Base(got) != "tree-ops.csv-metadata.json" {
		t.Fatalf("FindMetadata = %q", got)
	}
	mf, err := datasets.ReadMetadata(datasets.FindMetadata(data), data)
	if err != nil {
		t.Fatal(err)
	}
	m := mf.Metadata
	if m.Title["en"] != "Tree Operations" || !slices.Equal(m.Keywords, []string{"tree", "street", "maintenance"}) ||
		m.Publisher == nil || m.Publisher.Name != "Example Municipality" || m.License != "http://opendefinition.org/licenses/cc-by/" {
		t.Errorf("metadata %+v", m)
	}
	var names []string
	for _, f := range m.Fields {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, []string{"GID", "On Street", "Species", "Trim Cycle", "Inventory Date"}) || !slices.Equal(m.PrimaryKey, []string{"GID"}) {
		t.Errorf("fields %q, key %q", names, m.PrimaryKey)
	}
	if gid := m.Fields[0]; gid.Nullable == nil || *gid.Nullable || !strings.HasPrefix(gid.Description, "An identifier") {
		t.Errorf("GID %+v", gid)
	}
	// Its date column has a picture format dgcheck does not apply: said, and read as text.
	if date := m.Fields[4]; date.Datatype != "string" || len(mf.Notices) != 1 || !strings.Contains(mf.Notices[0], `"M/d/yyyy" is not applied`) {
		t.Errorf("Inventory Date %+v, notices %q", date, mf.Notices)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(data), "csv-metadata.json")); err == nil {
		t.Error("the test expects no csv-metadata.json beside the file")
	}
}
