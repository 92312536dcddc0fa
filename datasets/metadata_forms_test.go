package datasets_test

import (
	"encoding/json"
	"errors"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

func TestSidecarSchemaErrorsAreLocated(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "roll.meta.yaml", `schema: dgcheck/metadata/v1
title: 低保名册
record_count: many
pi: {contains_pi: "yes"}
fields:
  - name: id
    nullable: false
  - cn_name: 姓名
    precision: -1
business_rules:
  - {name: r, column: a, op: "=>", value: 0}
`)
	_, err := datasets.ReadMetadata(p, filepath.Join(dir, "roll.csv"))
	if err == nil {
		t.Fatal("a sidecar breaking the schema was read")
	}
	var pe *datasets.ParseError
	if !errors.As(err, &pe) || pe.File != p || pe.Line != 3 {
		t.Fatalf("first error %v, want a *ParseError at line 3", err)
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{"roll.meta.yaml:3:15: record_count:", "roll.meta.yaml:4:19: pi.contains_pi:",
		"roll.meta.yaml:8:5: fields.1:", "roll.meta.yaml:9:16: fields.1.precision:", "roll.meta.yaml:11:30: business_rules.0.op:"}
	if len(lines) != len(want) {
		t.Fatalf("errors:\n%s\nwant %d, one per problem", err, len(want))
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("error %d = %q, want it to contain %q", i, lines[i], w)
		}
	}
}

// The published schema names exactly the keys the model reads, at every level, so neither can
// drift from the other.
func TestSidecarSchemaDescribesTheModel(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(datasets.MetadataSchema(), &schema); err != nil {
		t.Fatal(err)
	}
	defs := schema["definitions"].(map[string]any)
	resolve := func(s map[string]any) map[string]any {
		for {
			if ref, ok := s["$ref"].(string); ok {
				s = defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
				continue
			}
			if alternatives, ok := s["anyOf"].([]any); ok {
				s = alternatives[0].(map[string]any)
				continue
			}
			if items, ok := s["items"].(map[string]any); ok && s["type"] == "array" {
				s = items
				continue
			}
			return s
		}
	}
	var compare func(path string, s map[string]any, t reflect.Type) []string
	compare = func(path string, s map[string]any, typ reflect.Type) []string {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct {
			return nil
		}
		props, _ := s["properties"].(map[string]any)
		var problems []string
		model := map[string]reflect.Type{}
		for i := range typ.NumField() {
			f := typ.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name != "" && name != "-" {
				model[name] = f.Type
			}
		}
		for _, name := range slices.Sorted(maps.Keys(model)) {
			sub, ok := props[name].(map[string]any)
			if !ok {
				problems = append(problems, path+name+": in the model, not in the schema")
				continue
			}
			problems = append(problems, compare(path+name+".", resolve(sub), model[name])...)
		}
		for name := range props {
			if _, ok := model[name]; !ok {
				problems = append(problems, path+name+": in the schema, not in the model")
			}
		}
		return problems
	}
	for _, p := range compare("", schema, reflect.TypeFor[datasets.Metadata]()) {
		t.Error(p)
	}
}

func TestSingleValuedListsAreReadAsTheirFirstValue(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "roll.meta.yaml", "modified: [2025-07-05, 2025-06-01]\nissued: [2025-01-01]\npublisher: [{name: A}, {name: B}]\n")
	mf, err := datasets.ReadMetadata(p, filepath.Join(dir, "roll.csv"))
	if err != nil {
		t.Fatal(err)
	}
	m := mf.Metadata
	if m.Modified != "2025-07-05" || m.Issued != "2025-01-01" || m.Publisher.Name != "A" {
		t.Errorf("metadata = %+v", m)
	}
	if !slices.Equal(m.MultiValued, []string{"modified", "publisher"}) {
		t.Errorf("MultiValued = %q, want modified and publisher (a one-item list is single)", m.MultiValued)
	}
}

const dataPackageWithExtensions = `{
  "name": "dibao",
  "id": "HS-MZ-DIBAO-2025",
  "title": "低保名册",
  "contributors": [{"title": "洪山区民政局", "role": "publisher"}],
  "cn": {"open_type": "无条件开放"},
  "issued": "2025-07-05",
  "resources": [
    {"name": "streets", "path": "streets.csv"},
    {"name": "roll", "path": "roll.csv", "format": "csv",
     "cn": {"open_type": "有条件开放", "open_conditions": "科研使用"},
     "record_count": 3,
     "schema": {
       "fields": [
         {"name": "id", "type": "string", "constraints": {"required": true, "pattern": "A\\d+", "minLength": 2}},
         {"name": "size", "type": "integer", "constraints": {"minimum": 1, "maximum": 6, "enum": [1, 2, 3]}, "unit": "人", "semantic_type": "quantity"},
         {"name": "sfzh", "type": "string", "identifier_role": "direct", "validator": "cn_id_gb11643"},
         {"name": "street", "type": "string"}
       ],
       "primaryKey": ["id"],
       "missingValues": ["", "无"],
       "foreignKeys": [
         {"fields": "street", "reference": {"resource": "streets", "fields": "name"}},
         {"fields": ["id"], "reference": {"resource": "", "fields": ["id"]}}
       ]
     }}
  ]
}`

func TestDataPackageCarriesConstraintsKeysAndExtensions(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "roll.csv", "id,size,sfzh,street\n")
	dp := write(t, dir, "datapackage.json", dataPackageWithExtensions)
	mf, err := datasets.ReadMetadata(dp, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(mf.Unknown) != 0 {
		t.Errorf("unknown keys %q: extension keys and Table Schema keys are known", mf.Unknown)
	}
	m := mf.Metadata
	// The resource's extension wins over the package's.
	if m.CN.OpenType != "有条件开放" || m.CN.OpenConditions != "科研使用" || m.Issued != "2025-07-05" || *m.RecordCount != 3 {
		t.Errorf("extensions: cn %+v issued %q", m.CN, m.Issued)
	}
	if m.Identifier != "HS-MZ-DIBAO-2025" || m.Publisher.Name != "洪山区民政局" {
		t.Errorf("identifier %q publisher %+v", m.Identifier, m.Publisher)
	}
	id, size, sfzh := m.Fields[0], m.Fields[1], m.Fields[2]
	if *id.Nullable || id.Constraints.Pattern != `A\d+` || *id.Constraints.MinLength != 2 {
		t.Errorf("id = %+v %+v", id, id.Constraints)
	}
	if c := size.Constraints; c.Minimum != "1" || c.Maximum != "6" || !slices.Equal(c.Enum, []string{"1", "2", "3"}) || size.Unit != "人" || size.SemanticType != "quantity" {
		t.Errorf("size = %+v %+v", size, c)
	}
	if sfzh.IdentifierRole != "direct" || sfzh.Validator != "cn_id_gb11643" {
		t.Errorf("sfzh = %+v", sfzh)
	}
	if !slices.Equal(m.MissingValues, []string{"无"}) {
		t.Errorf("missing values %q: the default empty string is not a token", m.MissingValues)
	}
	want := []datasets.ForeignKey{
		{Fields: []string{"street"}, Reference: datasets.FKReference{Resource: "streets", Path: filepath.Join(dir, "streets.csv"), Fields: []string{"name"}}},
		{Fields: []string{"id"}, Reference: datasets.FKReference{Path: data, Fields: []string{"id"}}},
	}
	if !reflect.DeepEqual(m.ForeignKeys, want) {
		t.Errorf("foreign keys = %+v, want %+v", m.ForeignKeys, want)
	}
}

func TestDataPackageExtensionsAreValidated(t *testing.T) {
	dir := t.TempDir()
	dp := write(t, dir, "datapackage.json", `{"resources": [{"path": "roll.csv", "record_count": "three",
  "schema": {"fields": [{"name": "id", "precision": "two"}]}}]}`)
	_, err := datasets.ReadMetadata(dp, filepath.Join(dir, "roll.csv"))
	if err == nil || !strings.Contains(err.Error(), "datapackage.json:1:") || !strings.Contains(err.Error(), "record_count") ||
		!strings.Contains(err.Error(), "datapackage.json:2:") {
		t.Errorf("err = %v, want located errors for record_count and precision", err)
	}
}

const dcatAP = `{
  "@context": {"dct": "http://purl.org/dc/terms/", "dcat": "http://www.w3.org/ns/dcat#",
               "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
               "dgcheck": "https://github.com/dgcheck/dgcheck/ns/metadata/v1#"},
  "@graph": [
    {"@id": "https://data.example.org/catalog", "@type": "dcat:Catalog",
     "dct:title": {"@value": "武汉市公共数据开放平台", "@language": "zh"},
     "dct:publisher": {"foaf:name": "武汉市数据局"},
     "dcat:dataset": [{"@id": "https://data.example.org/d/other"}, {"@id": "https://data.example.org/d/roll"}]},
    {"@id": "https://data.example.org/d/other", "@type": "dcat:Dataset", "dct:title": "其他",
     "dcat:distribution": {"dcat:downloadURL": {"@id": "https://data.example.org/f/other.csv"}}},
    {"@id": "https://data.example.org/d/roll", "@type": "dcat:Dataset",
     "dct:title": [{"@value": "低保名册", "@language": "zh"}, {"@value": "Allowance roll", "@language": "en"}],
     "dct:modified": [{"@value": "2025-07-05", "@type": "xsd:date"}, "2025-06-01"],
     "dct:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/MONTHLY"},
     "dcat:keyword": [{"@value": "低保", "@language": "zh"}, "救助"],
     "dct:publisher": {"@type": "foaf:Agent", "foaf:name": "洪山区民政局", "dgcheck:uscc": "114201110111853707"},
     "dcat:contactPoint": {"vcard:fn": "社会救助科", "vcard:hasEmail": {"@id": "mailto:dibao@example.org"}},
     "dct:temporal": {"@type": "dct:PeriodOfTime", "dcat:startDate": "2015-01-01", "dcat:endDate": "2025-06-30"},
     "dcat:distribution": [{"@id": "https://data.example.org/f/roll"}],
     "dcat:landingPage": {"@id": "https://data.example.org/d/roll.html"},
     "dct:colour": "blue",
     "dgcheck:cn": {"open_type": "无条件开放"},
     "dgcheck:fields": [{"name": "id", "nullable": false}]},
    {"@id": "https://data.example.org/f/roll", "@type": "dcat:Distribution",
     "dcat:accessURL": {"@id": "https://data.example.org/d/roll"},
     "dcat:downloadURL": {"@id": "https://data.example.org/f/roll.csv"},
     "dct:format": {"@id": "http://publications.europa.eu/resource/authority/file-type/CSV"},
     "dct:license": {"@id": "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"}}
  ]
}`

func TestDCATAPRecordMapsOntoTheModel(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "roll.csv", "id\n")
	p := write(t, dir, "roll.dcat.jsonld", dcatAP)
	if got := datasets.FindMetadata(data); got != p {
		t.Fatalf("FindMetadata = %q, want the DCAT record", got)
	}
	mf, err := datasets.ReadMetadata(p, data)
	if err != nil {
		t.Fatal(err)
	}
	m := mf.Metadata
	if mf.Kind != datasets.DCAT || m.Title["zh"] != "低保名册" || m.Title["en"] != "Allowance roll" {
		t.Errorf("kind %q title %v", mf.Kind, m.Title)
	}
	if m.Modified != "2025-07-05" || !slices.Equal(m.MultiValued, []string{"modified"}) {
		t.Errorf("modified %q multi-valued %q", m.Modified, m.MultiValued)
	}
	if m.AccrualPeriodicity != "http://publications.europa.eu/resource/authority/frequency/MONTHLY" || !slices.Equal(m.Keywords, []string{"低保", "救助"}) {
		t.Errorf("periodicity %q keywords %q", m.AccrualPeriodicity, m.Keywords)
	}
	if m.Publisher.Name != "洪山区民政局" || m.Publisher.USCC != "114201110111853707" || m.ContactPoint.Email != "dibao@example.org" {
		t.Errorf("publisher %+v contact %+v", m.Publisher, m.ContactPoint)
	}
	if *m.Temporal != (datasets.Temporal{Start: "2015-01-01", End: "2025-06-30"}) {
		t.Errorf("temporal %+v", m.Temporal)
	}
	if len(m.Distributions) != 1 || m.Distributions[0].Format != "http://publications.europa.eu/resource/authority/file-type/CSV" ||
		m.Distributions[0].AccessURL != "https://data.example.org/d/roll" || m.License == "" {
		t.Errorf("distributions %+v license %q", m.Distributions, m.License)
	}
	if m.CN.OpenType != "无条件开放" || len(m.Fields) != 1 || *m.Fields[0].Nullable {
		t.Errorf("extensions: cn %+v fields %+v", m.CN, m.Fields)
	}
	if m.Catalog == nil || m.Catalog.Title["zh"] != "武汉市公共数据开放平台" || m.Catalog.Publisher.Name != "武汉市数据局" {
		t.Errorf("catalog %+v", m.Catalog)
	}
	if len(mf.Unknown) != 1 || !strings.HasPrefix(mf.Unknown[0], "dct:colour (line ") {
		t.Errorf("unknown %q, want only dct:colour", mf.Unknown)
	}
}

func TestDCATUSRecordMapsOntoTheModel(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "roll.csv", "id\n")
	p := write(t, dir, "data.json", `{
  "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
  "@type": "dcat:Catalog",
  "dataset": [{
    "@type": "dcat:Dataset", "title": "Allowance roll", "description": "Households on the roll",
    "keyword": ["allowance"], "modified": "2025-07-05", "accessLevel": "public",
    "publisher": {"@type": "org:Organization", "name": "Civil Affairs Bureau"},
    "contactPoint": {"@type": "vcard:Contact", "fn": "Desk", "hasEmail": "mailto:desk@example.org"},
    "identifier": "roll-2025", "license": "https://creativecommons.org/licenses/by/4.0/",
    "temporal": "2015-01-01/2025-06-30", "accrualPeriodicity": "R/P1M",
    "distribution": [{"@type": "dcat:Distribution", "downloadURL": "https://example.org/roll.csv", "mediaType": "text/csv"}]
  }]
}`)
	mf, err := datasets.ReadMetadata(p, data)
	if err != nil {
		t.Fatal(err)
	}
	m := mf.Metadata
	if m.Title["zh"] != "Allowance roll" || m.Publisher.Name != "Civil Affairs Bureau" || m.ContactPoint.Email != "desk@example.org" ||
		m.Temporal.End != "2025-06-30" || m.AccrualPeriodicity != "R/P1M" || m.License != "https://creativecommons.org/licenses/by/4.0/" ||
		m.Distributions[0].MediaType != "text/csv" || m.Identifier != "roll-2025" {
		t.Errorf("metadata = %+v", m)
	}
	if len(mf.Unknown) != 0 {
		t.Errorf("unknown %q", mf.Unknown)
	}
}

// A DCAT-US record's describedBy names its data dictionary: a local Table Schema is read like
// a data package's, a web address is named in a notice and not fetched, and a missing file is
// an error at the record's line.
func TestDCATDescribedByReadsALocalTableSchema(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "roll.csv", "id,sex,size\n")
	dictionary := func(fkResource string) {
		write(t, dir, "dict/roll.schema.json", `{"fields": [
    {"name": "id", "type": "string", "constraints": {"required": true, "unique": true}},
    {"name": "sex", "type": "string", "constraints": {"enum": ["1", "2"]}},
    {"name": "size", "type": "integer", "constraints": {"minimum": 1}}],
  "primaryKey": "id", "missingValues": ["", "NA"],
  "foreignKeys": [{"fields": "id", "reference": {"resource": "`+fkResource+`", "fields": "id"}}]}`)
	}
	record := func(describedBy string) string {
		return write(t, dir, "roll.dcat.json", `{"@type": "dcat:Dataset", "title": "Allowance roll",
  "describedBy": "`+describedBy+`", "describedByType": "application/json",
  "dgcheck:fields": [{"name": "sex", "code_list": "GB/T 2261.1"}, {"name": "remark", "description": "free text"}],
  "dgcheck:primary_key": ["id", "sex"]}`)
	}
	// A standalone Table Schema has no resources for a foreign key to name.
	dictionary("households")
	_, err := datasets.ReadMetadata(record("dict/roll.schema.json"), data)
	if err == nil || !strings.Contains(err.Error(), `no resource named "households"`) {
		t.Fatalf("err = %v, want the unresolvable foreign key named", err)
	}
	dictionary("")
	mf, err := datasets.ReadMetadata(record("dict/roll.schema.json"), data)
	if err != nil {
		t.Fatal(err)
	}
	m := mf.Metadata
	var names []string
	for _, f := range m.Fields {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, []string{"id", "sex", "size", "remark"}) || m.Fields[1].CodeList != "GB/T 2261.1" ||
		m.Fields[1].Constraints == nil || !slices.Equal(m.Fields[1].Constraints.Enum, []string{"1", "2"}) ||
		m.Fields[2].Datatype != "integer" || m.Fields[0].Nullable == nil || *m.Fields[0].Nullable ||
		!slices.Equal(m.PrimaryKey, []string{"id"}) /* the dictionary's key wins */ || !slices.Equal(m.MissingValues, []string{"NA"}) ||
		len(m.ForeignKeys) != 1 || m.ForeignKeys[0].Reference.Path != data {
		t.Errorf("metadata from the dictionary = %+v", m)
	}

	mf, err = datasets.ReadMetadata(record("https://example.org/roll.schema.json"), data)
	if err != nil || len(mf.Metadata.Fields) != 2 || len(mf.Notices) != 1 || !strings.Contains(mf.Notices[0], "does not fetch") ||
		!slices.Equal(mf.Metadata.PrimaryKey, []string{"id", "sex"}) {
		t.Errorf("web dictionary: err %v, fields %+v, key %q, notices %q", err, mf.Metadata.Fields, mf.Metadata.PrimaryKey, mf.Notices)
	}
	// A dictionary without a key leaves the record's.
	write(t, dir, "dict/nokey.json", `{"fields": [{"name": "id"}]}`)
	if mf, err = datasets.ReadMetadata(record("dict/nokey.json"), data); err != nil || !slices.Equal(mf.Metadata.PrimaryKey, []string{"id", "sex"}) {
		t.Errorf("dictionary without a key: err %v, key %q", err, mf.Metadata.PrimaryKey)
	}
	write(t, dir, "dict/list.json", `[1, 2]`)
	if _, err = datasets.ReadMetadata(record("dict/list.json"), data); err == nil || !strings.Contains(err.Error(), "not a JSON object") {
		t.Errorf("a list as dictionary: err %v", err)
	}

	_, err = datasets.ReadMetadata(record("missing.json"), data)
	var pe *datasets.ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !strings.Contains(err.Error(), "describedBy") {
		t.Errorf("err = %v, want a located describedBy error", err)
	}
}

func TestDCATExtensionsAreValidated(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "roll.jsonld", `{"@type": "dcat:Dataset",
  "dgcheck:record_count": "many"}`)
	_, err := datasets.ReadMetadata(p, filepath.Join(dir, "roll.csv"))
	var pe *datasets.ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !strings.Contains(err.Error(), "record_count") {
		t.Errorf("err = %v, want a located record_count error", err)
	}
}

func TestCSVHeaderProblemsAreRepairedAndLocated(t *testing.T) {
	_, _, src, err := readAll(t, "../testdata/csv/duplicate_header.csv")
	if err != nil {
		t.Fatalf("a duplicate header stopped the read: %v", err)
	}
	if !slices.Equal(src.Columns, []string{"id", "name", "id (column 3)"}) {
		t.Errorf("columns %q", src.Columns)
	}
	want := datasets.Issue{Kind: datasets.DuplicateHeader, Line: 1, Column: "id (column 3)", Detail: `header field 3 repeats the name "id" of field 1`,
		DetailZh: `第 3 个表头字段与第 1 个字段重名 "id"`}
	if len(src.HeaderIssues) != 1 || src.HeaderIssues[0] != want {
		t.Errorf("header issues %+v, want [%+v]", src.HeaderIssues, want)
	}
}

func TestRecursiveAndExplosiveAliasesAreErrors(t *testing.T) {
	dir := t.TempDir()
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i, prev := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		last := string(rune('a' + i))
		bomb += prev + ": &" + prev + " [*" + last + ", *" + last + ", *" + last + ", *" + last + ", *" + last + ", *" + last + ", *" + last + ", *" + last + ", *" + last + ", *" + last + "]\n"
	}
	for name, text := range map[string]string{
		"cycle.meta.yaml": "fields: &f [{name: id, constraints: {enum: *f}}]\n",
		"bomb.meta.yaml":  bomb,
		"cycle.jsonld":    "\"@type\": dcat:Dataset\ndct:publisher: &p {foaf:name: *p}\n",
	} {
		p := write(t, dir, name, text)
		_, err := datasets.ReadMetadata(p, filepath.Join(dir, "roll.csv"))
		var pe *datasets.ParseError
		if !errors.As(err, &pe) && !strings.HasSuffix(name, ".jsonld") {
			t.Errorf("%s: err = %v, want a *ParseError", name, err)
		}
	}
}

// A value that may take one of several shapes (anyOf) is told what to fix, not "'anyOf'
// failed": the shapes it may have when it has none of them, the violation inside the one it
// has otherwise.
func TestSchemaErrorsOfAlternativesSayWhatToFix(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "roll.meta.yaml", "schema: dgcheck/metadata/v1\ntitle: 5\npublisher: {name: 7}\n")
	checkLocated(t, p, filepath.Join(dir, "roll.csv"), []string{
		"roll.meta.yaml:2:8: title: got number, want string or object",
		"roll.meta.yaml:3:19: publisher.name: got number, want string"})
}
