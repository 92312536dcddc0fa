package datasets_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSidecarReadsTheModelAndReportsUnknownKeys(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "roll.csv", "id\n1\n")
	sidecar := write(t, dir, "roll.meta.yaml", `schema: dgcheck/metadata/v1
title: 低保名册
cn: {open_type: 无条件开放}
pi: {contains_pi: false}
primary_key: [id]
fields:
  - name: id
    nullable: false
    nulable: true
colour: blue
`)
	if got := datasets.FindMetadata(data); got != sidecar {
		t.Fatalf("FindMetadata = %q, want %q", got, sidecar)
	}
	mf, err := datasets.ReadMetadata(sidecar, data)
	if err != nil {
		t.Fatal(err)
	}
	m := mf.Metadata
	if m.Title["zh"] != "低保名册" || m.CN.OpenType != "无条件开放" || *m.PI.ContainsPI || !slices.Equal(m.PrimaryKey, []string{"id"}) {
		t.Errorf("metadata = %+v", m)
	}
	if f := m.Fields[0]; f.Name != "id" || f.Nullable == nil || *f.Nullable {
		t.Errorf("field = %+v, want id declared not nullable", f)
	}
	want := []string{"fields[0].nulable (line 9)", "colour (line 10)"}
	if !slices.Equal(mf.Unknown, want) {
		t.Errorf("Unknown = %q, want %q", mf.Unknown, want)
	}
}

func TestSidecarSyntaxErrorNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "bad.meta.yaml", "title: a\nfields:\n  - name: [unclosed\n")
	_, err := datasets.ReadMetadata(p, filepath.Join(dir, "bad.csv"))
	var pe *datasets.ParseError
	if !errors.As(err, &pe) || pe.File != p {
		t.Fatalf("err = %v, want a *ParseError naming %s", err, p)
	}
	if got := err.Error(); !strings.Contains(got, "bad.meta.yaml") || !strings.Contains(got, "line ") {
		t.Errorf("err = %q, want the file and line", got)
	}
}

func TestDataPackageMapsOntoTheModel(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "roll.csv", "id,name\n1,a\n")
	dp := write(t, dir, "datapackage.json", `{
  "name": "dibao",
  "title": "低保名册",
  "licenses": [{"name": "CC-BY-4.0"}],
  "resources": [
    {"name": "other", "path": "other.csv"},
    {"name": "roll", "path": "data/roll.csv", "format": "csv", "encoding": "utf-8",
     "schema": {"fields": [
        {"name": "id", "type": "integer", "constraints": {"required": true, "unique": true}},
        {"name": "name", "type": "string", "title": "姓名", "rdfType": "x", "sparkle": 1}],
      "primaryKey": "id"}}
  ]
}`)
	if got := datasets.FindMetadata(data); got != dp {
		t.Fatalf("FindMetadata = %q, want the datapackage", got)
	}
	mf, err := datasets.ReadMetadata(dp, data)
	if err != nil {
		t.Fatal(err)
	}
	m := mf.Metadata
	if mf.Kind != datasets.DataPackage || m.Title["zh"] != "低保名册" || m.License != "CC-BY-4.0" || m.Format != "csv" {
		t.Errorf("metadata = %+v", m)
	}
	if !slices.Equal(m.PrimaryKey, []string{"id"}) {
		t.Errorf("primary key = %q", m.PrimaryKey)
	}
	id, name := m.Fields[0], m.Fields[1]
	if id.Datatype != "integer" || id.Nullable == nil || *id.Nullable || !id.Unique {
		t.Errorf("id field = %+v", id)
	}
	if name.CNName != "姓名" || name.Nullable != nil {
		t.Errorf("name field = %+v", name)
	}
	// rdfType is a Table Schema key dgcheck does not use; sparkle is nobody's.
	if want := []string{"resources[1].schema.fields[1].sparkle (line 10)"}; !slices.Equal(mf.Unknown, want) {
		t.Errorf("Unknown = %q, want %q", mf.Unknown, want)
	}
}

// A data package beside a file that it does not list describes nothing of that file: the file
// is looked up without metadata and the notice says why, while a listed file (alone or among
// multipart paths) finds the package.
func TestLookupPassesOverADataPackageThatDoesNotListTheFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "datapackage.json", `{"resources": [{"path": "listed.csv"}, {"path": ["part1.csv", "data/part2.csv"]}]}`)
	for _, name := range []string{"listed.csv", "part1.csv", "part2.csv"} {
		if path, notice := datasets.LookupMetadata(filepath.Join(dir, name)); filepath.Base(path) != "datapackage.json" || notice != "" {
			t.Errorf("%s: metadata %q, notice %q; want the package", name, path, notice)
		}
	}
	path, notice := datasets.LookupMetadata(filepath.Join(dir, "other.csv"))
	if path != "" || !strings.Contains(notice, "does not list other.csv among its resources: checked without metadata") {
		t.Errorf("other.csv: metadata %q, notice %q; want none, and a notice", path, notice)
	}
	// A package that is not JSON is found, so that reading it reports the error where it is.
	write(t, dir, "datapackage.json", `{"resources": [`)
	if path, _ := datasets.LookupMetadata(filepath.Join(dir, "other.csv")); path == "" {
		t.Error("a broken package was passed over instead of reported")
	}
}

// A bare Table Schema (--metadata schema.json) is read as the schema of a one-resource data
// package for the data file: its fields, constraints, key, missing values and foreign keys,
// unknown keys named as in the schema. Before, its keys were 150 unknown sidecar keys.
func TestBareTableSchemaMapsOntoTheModel(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "roll.csv", "id,parent,amount\n1,,5\n")
	schema := write(t, dir, "schema.json", `{
  "fields": [
    {"name": "id", "type": "integer", "constraints": {"required": true, "unique": true}},
    {"name": "parent", "type": "integer"},
    {"name": "amount", "type": "number", "title": "金额", "constraints": {"minimum": 0, "maximum": 10000, "exclusiveMaximum": 10001}, "sparkle": 1}
  ],
  "primaryKey": ["id"],
  "missingValues": ["", "NA"],
  "foreignKeys": [{"fields": "parent", "reference": {"resource": "", "fields": "id"}}]
}`)
	mf, err := datasets.ReadMetadata(schema, data)
	if err != nil {
		t.Fatal(err)
	}
	m := mf.Metadata
	if mf.Kind != datasets.TableSchema || len(m.Fields) != 3 || !slices.Equal(m.PrimaryKey, []string{"id"}) {
		t.Fatalf("kind %q, metadata %+v", mf.Kind, m)
	}
	if id := m.Fields[0]; id.Datatype != "integer" || id.Nullable == nil || *id.Nullable || !id.Unique {
		t.Errorf("id field = %+v", id)
	}
	if a := m.Fields[2]; a.CNName != "金额" || a.Constraints == nil || a.Constraints.Minimum != "0" || a.Constraints.Maximum != "10000" || a.Constraints.ExclusiveMaximum != "10001" {
		t.Errorf("amount field = %+v", a)
	}
	if !slices.Equal(m.MissingValues, []string{"NA"}) {
		t.Errorf("missing values = %q", m.MissingValues)
	}
	if len(m.ForeignKeys) != 1 || !slices.Equal(m.ForeignKeys[0].Fields, []string{"parent"}) || !slices.Equal(m.ForeignKeys[0].Reference.Fields, []string{"id"}) {
		t.Errorf("foreign keys = %+v", m.ForeignKeys)
	}
	if want := []string{"fields[2].sparkle (line 5)"}; !slices.Equal(mf.Unknown, want) {
		t.Errorf("Unknown = %q, want %q", mf.Unknown, want)
	}
	// A sidecar's fields are not a Table Schema's: it says datatype where Table Schema says
	// type (both say constraints), may name its schema, and is named <name>.meta.*.
	for name, text := range map[string]string{
		"named.json":     `{"schema": "dgcheck/metadata/v1", "fields": [{"name": "id", "datatype": "integer"}]}`,
		"datatype.json":  `{"fields": [{"name": "id", "datatype": "integer", "constraints": {"minimum": 1}}]}`,
		"roll.meta.json": `{"fields": [{"name": "id", "type": "integer"}]}`,
	} {
		mf, err := datasets.ReadMetadata(write(t, dir, name, text), data)
		if err != nil || mf.Kind != datasets.SidecarSchema {
			t.Errorf("%s: read as %+v (%v), want a sidecar", name, mf, err)
		}
	}
	if mf, err := datasets.ReadMetadata(write(t, dir, "fields-only.json", `{"fields": [{"name": "id", "type": "integer"}]}`), data); err != nil || mf.Kind != datasets.TableSchema {
		t.Errorf("fields with types alone: read as %+v (%v), want a Table Schema", mf, err)
	}
}

// A descriptor that breaks Frictionless' profiles is read for what it says, and every
// violation is a notice at its line, said as what to fix: one list of the types a field may
// have, not one complaint per type; the closest form of a foreign key, not every form's.
func TestDataPackageIsHeldToTheFrictionlessProfiles(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "data.csv", "id,amount\n1,5\n")
	dp := write(t, dir, "datapackage.json", `{"name": "Test Package", "resources": [{"name": "data", "path": "data.csv", "schema": {
  "fields": [{"name": "id", "type": "integr"}, {"name": "amount", "type": "number"}],
  "foreignKeys": [{"fields": "id", "reference": {"fields": "id"}}, {"fields": ["amount"]}]}}]}`)
	mf, err := datasets.ReadMetadata(dp, data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"datapackage.json:1:10: name: 'Test Package' does not match pattern",
		"datapackage.json:2:37: resources.0.schema.fields.0.type: value must be one of 'string', 'number', 'integer'",
		"datapackage.json:3:49: resources.0.schema.foreignKeys.0.reference: missing property 'resource'",
		"datapackage.json:3:68: resources.0.schema.foreignKeys.1: missing property 'reference'",
	}
	if len(mf.Notices) != len(want) {
		t.Fatalf("notices:\n%s\nwant %d", strings.Join(mf.Notices, "\n"), len(want))
	}
	for i, w := range want {
		if !strings.Contains(mf.Notices[i], w) || !strings.HasSuffix(mf.Notices[i], ".json)") {
			t.Errorf("notice %d = %q, want it to hold %q and name its profile", i, mf.Notices[i], w)
		}
	}
	if len(mf.Metadata.Fields) != 2 || mf.Metadata.Fields[0].Datatype != "integr" {
		t.Errorf("the package was not read for what it says: %+v", mf.Metadata.Fields)
	}
}
