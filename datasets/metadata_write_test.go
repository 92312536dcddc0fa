package datasets_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/internal/jsonobj"
)

// smallDraft is a draft as the root package's Draft makes one, written by hand: the writers
// only write what they are given, so they are tested without a scan.
func smallDraft(file, format string) *datasets.Draft {
	rows, yes, no, two := int64(3), true, false, 2
	return &datasets.Draft{
		File: file,
		Placeholders: map[string]string{"title": "the dataset's name", "fields[0].cn_name": "中文信息项名",
			"fields[1].identifier_role": "direct, quasi, sensitive or other"},
		Metadata: datasets.Metadata{
			Schema: datasets.SidecarSchema, Format: format, Encoding: "utf-8", RecordCount: &rows,
			PI:         &datasets.PI{ContainsPI: &yes, ContainsSensitivePI: &no},
			PrimaryKey: []string{"id"},
			Fields: []datasets.Field{
				{Name: "id", Datatype: "integer", Nullable: &no, Unique: true, Constraints: &datasets.Constraints{Minimum: "1", Maximum: "3"}},
				{Name: "code", Datatype: "string", Nullable: &yes, Constraints: &datasets.Constraints{MinLength: &two, MaxLength: &two}},
				{Name: "flag", Datatype: "string", Nullable: &no, Constraints: &datasets.Constraints{Enum: []string{"true", "01", "", "是"}}, CodeList: "GB/T 2261.1"},
				{Name: "day", Datatype: "date", Nullable: &no, Constraints: &datasets.Constraints{Minimum: "2025-01-01", Maximum: "2025-12-31"}},
				{Name: "sfzh", Datatype: "string", Nullable: &no, IdentifierRole: "direct", Validator: "cn_resident_id"},
			},
		},
	}
}

// smallSidecar is smallDraft's sidecar, byte for byte: text YAML would read as another type
// ("true", "01", "") is quoted, bounds are written as YAML types them, placeholders are empty
// values with a TODO comment, and what was measured says so.
const smallSidecar = `# Drafted by dgcheck init from roll.csv: the fields were measured on all 3 rows. Fill in every
# empty value marked TODO, review the rest, then run dgcheck check.
schema: dgcheck/metadata/v1
title: {zh: ""} # TODO: the dataset's name
description: {zh: ""}
identifier: ""
publisher:
  name: ""
  uscc: ""
  dept: ""
contact_point:
  email: ""
issued: ""
modified: ""
accrual_periodicity: ""
keywords: []
theme: ""
spatial: ""
temporal:
  start: ""
  end: ""
license: ""
format: csv # measured
encoding: utf-8 # measured
record_count: 3 # measured
cn:
  resource_class: ""
  resource_code: ""
  share_type: ""
  open_type: ""
classification: {level: ""}
pi:
  contains_pi: true # detected
  contains_sensitive_pi: false # detected
primary_key: [id]
fields:
  - name: id
    cn_name: "" # TODO: 中文信息项名
    datatype: integer
    description: ""
    nullable: false
    unique: true
    constraints: {minimum: 1, maximum: 3} # measured
    identifier_role: ""
  - name: code
    cn_name: ""
    datatype: string
    description: ""
    nullable: true
    constraints: {min_length: 2, max_length: 2} # measured
    identifier_role: "" # TODO: direct, quasi, sensitive or other
  - name: flag
    cn_name: ""
    datatype: string
    description: ""
    nullable: false
    constraints: {enum: ["true", "01", "", 是]} # measured
    code_list: GB/T 2261.1 # every value is in it
    identifier_role: ""
  - name: day
    cn_name: ""
    datatype: date
    description: ""
    nullable: false
    constraints: {minimum: 2025-01-01, maximum: 2025-12-31} # measured
    identifier_role: ""
  - name: sfzh
    cn_name: ""
    datatype: string
    description: ""
    nullable: false
    identifier_role: direct
    validator: cn_resident_id
`

func TestWriteSidecar(t *testing.T) {
	d := smallDraft("roll.csv", "csv")
	var out bytes.Buffer
	if err := d.WriteSidecar(&out); err != nil {
		t.Fatal(err)
	}
	if out.String() != smallSidecar {
		t.Errorf("sidecar:\n%s\nwant:\n%s", out.String(), smallSidecar)
	}
	// It is a sidecar dgcheck reads back to the declarations drafted.
	dir := t.TempDir()
	path := filepath.Join(dir, "roll.meta.yaml")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	mf, err := datasets.ReadMetadata(path, filepath.Join(dir, "roll.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(mf.Unknown) > 0 || len(mf.Metadata.Fields) != 5 {
		t.Fatalf("read back: unknown %q, %d fields", mf.Unknown, len(mf.Metadata.Fields))
	}
	if c := mf.Metadata.Fields[2].Constraints; !slices.Equal(c.Enum, []string{"true", "01", "", "是"}) {
		t.Errorf("enum read back as %q", c.Enum)
	}
	if c := mf.Metadata.Fields[3].Constraints; c.Minimum != "2025-01-01" || c.Maximum != "2025-12-31" {
		t.Errorf("date bounds read back as %q, %q", c.Minimum, c.Maximum)
	}
}

// dataPackageOf writes d as a data package and decodes it.
func dataPackageOf(t *testing.T, d *datasets.Draft) map[string]any {
	t.Helper()
	var out bytes.Buffer
	if err := d.WriteDataPackage(&out); err != nil {
		t.Fatal(err)
	}
	var pkg map[string]any
	if err := json.Unmarshal(out.Bytes(), &pkg); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return pkg
}

func TestWriteDataPackage(t *testing.T) {
	pkg := dataPackageOf(t, smallDraft("roll.csv", "csv"))
	res := pkg["resources"].([]any)[0].(map[string]any)
	if pkg["profile"] != "tabular-data-package" || res["profile"] != "tabular-data-resource" || res["path"] != "roll.csv" {
		t.Errorf("a CSV's package: profile %v, resource %v", pkg["profile"], res)
	}
	for _, k := range []string{"keywords", "licenses"} {
		if _, ok := pkg[k]; ok {
			t.Errorf("%s written: the Data Package profile wants at least one item", k)
		}
	}
	fields := res["schema"].(map[string]any)["fields"].([]any)
	bounds := func(i int) (any, any) {
		c := fields[i].(map[string]any)["constraints"].(map[string]any)
		return c["minimum"], c["maximum"]
	}
	if lo, hi := bounds(0); lo != 1.0 || hi != 3.0 {
		t.Errorf("integer bounds = %#v, %#v: want numbers", lo, hi)
	}
	if lo, hi := bounds(3); lo != "2025-01-01" || hi != "2025-12-31" {
		t.Errorf("date bounds = %#v, %#v: want ISO 8601 text", lo, hi)
	}
	if pk := res["schema"].(map[string]any)["primaryKey"]; len(pk.([]any)) != 1 {
		t.Errorf("primaryKey = %v", pk)
	}

	parquet := dataPackageOf(t, smallDraft("roll.parquet", "parquet"))
	if _, ok := parquet["profile"]; ok {
		t.Error("a Parquet file's package declares the tabular profile, which is for CSV")
	}

	// The package and resource name is one Data Package accepts, made from the file's name.
	for file, want := range map[string]string{
		"Hongshan Roll 2025.csv": "hongshan-roll-2025", "hongshan_dibao_2025.csv": "hongshan_dibao_2025",
		"名册.csv": "data", "洪山2025.csv": "2025", "-a..b-.csv": "a..b", "roll.v2.csv": "roll.v2",
	} {
		pkg := dataPackageOf(t, smallDraft(file, "csv"))
		if pkg["name"] != want || pkg["resources"].([]any)[0].(map[string]any)["name"] != want {
			t.Errorf("%s: name %v, want %s", file, pkg["name"], want)
		}
	}
}

// Merging a draft into a data package a person wrote replaces only its resource, in place; the
// other resources and the package's properties stay as written, in their order, and only the
// properties the package lacks are added.
func TestMergeDataPackage(t *testing.T) {
	const existing = `{
  "name": "hongshan-dibao", "title": "洪山区低保", "profile": "data-package",
  "resources": [
    {"name": "streets", "path": "streets.csv", "schema": {"fields": [{"name": "street", "type": "string"}]}},
    {"name": "roll", "path": "roll.csv", "title": "old draft"}
  ],
  "keywords": ["低保"]
}`
	d := smallDraft("roll.csv", "csv")
	var out bytes.Buffer
	if err := d.MergeDataPackage(&out, []byte(existing)); err != nil {
		t.Fatal(err)
	}
	members, err := jsonobj.Members(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, m := range members {
		keys = append(keys, m.Key)
	}
	// The package's own keys, in its order, then the draft's others, sorted.
	want := []string{"name", "title", "profile", "resources", "keywords", "accrual_periodicity", "classification", "cn",
		"contact_point", "description", "id", "issued", "modified", "pi", "publisher", "spatial", "temporal", "theme"}
	if !slices.Equal(keys, want) {
		t.Errorf("keys = %q\nwant %q", keys, want)
	}
	var pkg struct {
		Name, Title, Profile string
		Resources            []map[string]any
	}
	if err := json.Unmarshal(out.Bytes(), &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Name != "hongshan-dibao" || pkg.Title != "洪山区低保" || pkg.Profile != "data-package" {
		t.Errorf("package properties changed: %+v", pkg)
	}
	if len(pkg.Resources) != 2 || pkg.Resources[0]["path"] != "streets.csv" || pkg.Resources[1]["path"] != "roll.csv" ||
		pkg.Resources[1]["title"] != nil || pkg.Resources[1]["record_count"] != 3.0 {
		t.Errorf("resources = %v: want streets kept, then the roll redrafted", pkg.Resources)
	}
	if !strings.HasSuffix(out.String(), "}\n") {
		t.Error("the merged package does not end with a newline")
	}

	// A package without the file gets it after its resources.
	out.Reset()
	if err := d.MergeDataPackage(&out, []byte(`{"name": "x", "resources": [{"name": "a", "path": "a.csv"}]}`)); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out.Bytes(), &pkg); err != nil || len(pkg.Resources) != 2 || pkg.Resources[1]["path"] != "roll.csv" {
		t.Errorf("resources = %v, %v: want a.csv, then roll.csv", pkg.Resources, err)
	}

	// A file that is no data package is refused, not replaced.
	for _, bad := range []string{`[1]`, `{"resources": {}}`, `{"name": "x"} trailing`, ``} {
		if err := d.MergeDataPackage(&bytes.Buffer{}, []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "not a data package") {
			t.Errorf("merged into %q: %v", bad, err)
		}
	}
}

func TestSidecarPath(t *testing.T) {
	for in, want := range map[string]string{"a/roll.csv": "a/roll.meta.yaml", "roll.parquet": "roll.meta.yaml", "名册.2025.csv": "名册.2025.meta.yaml"} {
		if got := datasets.SidecarPath(in); got != want {
			t.Errorf("SidecarPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// Amending a sidecar fills in only what is absent or null, keeps what a person wrote and
// their comments, and says where each added value came from.
func TestAmendSidecarKeepsWhatIsDeclared(t *testing.T) {
	src := []byte(`# reviewed by the data office
schema: dgcheck/metadata/v1
classification:
  level: important # decided by the committee
pi: ~
fields:
  - name: sfzh
    sensitive: false
`)
	out, err := datasets.AmendSidecar("roll.meta.yaml", src, func(e datasets.SidecarEditor) {
		if e.SetIfAbsent([]string{"classification", "level"}, "general", "suggested") {
			t.Error("a declared level was replaced")
		}
		if !e.SetIfAbsent([]string{"pi", "contains_pi"}, "true", "suggested") {
			t.Error("a null mapping's property was not set")
		}
		e.SetFieldIfAbsent("sfzh", "sensitive", "true", "suggested")
		e.SetFieldIfAbsent("sfzh", "level", "general-4", "suggested")
		e.SetFieldIfAbsent("xm", "pi_category", "个人基本资料", "suggested")
	})
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"# reviewed by the data office", "level: important # decided by the committee",
		"contains_pi: true # suggested", "sensitive: false\n", "level: general-4 # suggested",
		"- name: xm\n    pi_category: 个人基本资料 # suggested",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("amended sidecar lacks %q:\n%s", want, text)
		}
	}
	fresh, err := datasets.AmendSidecar("new.meta.yaml", nil, func(datasets.SidecarEditor) {})
	if err != nil || string(fresh) != "schema: dgcheck/metadata/v1\n" {
		t.Errorf("a new sidecar = %q, %v", fresh, err)
	}
	if _, err := datasets.AmendSidecar("list.meta.yaml", []byte("- a\n"), func(datasets.SidecarEditor) {}); err == nil || !strings.Contains(err.Error(), "list.meta.yaml: the sidecar is not a mapping") {
		t.Errorf("a sidecar that is a list: %v", err)
	}
}
