package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/reports"
)

// contradictions are the rules that hold metadata against the data: a finding of one of them
// on an init draft would mean the draft declared something the data does not bear out.
var contradictions = []string{"META-015", "META-016", "META-017", "QUAL-002", "QUAL-003", "QUAL-005",
	"QUAL-007", "QUAL-008", "QUAL-009", "QUAL-010", "QUAL-012", "QUAL-016", "QUAL-021", "PUB-005",
	"CLASS-006", "DESENS-002", "DESENS-003", "DESENS-004"}

// contradiction tells a finding that the metadata and the data disagree from one about
// something the metadata does not say yet (a draft's primary_key left for a person).
func contradiction(f reports.Finding) bool {
	return slices.Contains(contradictions, f.ID) && !strings.Contains(f.Message, "declares no primary key")
}

// placeholderFills are what a person would write at the draft's placeholders for the example
// rolls, by the key of the placeholder (and, for text, of its parent).
var placeholderFills = map[string]string{
	"title.zh": "洪山区最低生活保障对象名册（2025年）", "description.zh": "洪山区各街道低保在册家庭名册。",
	"identifier": "HS-MZ-DIBAO-2025", "name": "武汉市洪山区民政局", "uscc": "114201110111853707", "dept": "社会救助科",
	"email": "dibao@example.org", "issued": "2025-07-05", "modified": "2025-07-05", "accrual_periodicity": "每月",
	"theme": "社会救助", "spatial": "CN-42", "start": "2015-01-01", "end": "2025-06-30", "license": "CC-BY-4.0",
	"resource_class": "2-05-003", "resource_code": "2-05-003-000001", "share_type": "无条件共享",
	"open_type": "有条件开放", "level": "general",
}

// fillPlaceholders fills every value the draft marks TODO, as a person who knows the roll
// would; nothing else in the draft is touched.
func fillPlaceholders(t *testing.T, draft []byte) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(draft, &doc); err != nil {
		t.Fatal(err)
	}
	filled := 0
	var walk func(n *yaml.Node, parent string, todo bool, field string)
	walk = func(n *yaml.Node, parent string, todo bool, field string) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, parent, todo, field)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "name" && parent == "fields" {
					field = n.Content[i+1].Value
				}
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				key, v := n.Content[i].Value, n.Content[i+1]
				vTodo := todo || strings.Contains(v.LineComment, "TODO")
				if v.Kind == yaml.ScalarNode && vTodo && v.Value == "" {
					v.Value = fieldFill(key, field)
					if v.Value == "" {
						v.Value = placeholderFills[key]
					}
					if text := placeholderFills[parent+"."+key]; text != "" {
						v.Value = text
					}
					if v.Value == "" {
						t.Fatalf("no fill for placeholder %s.%s", parent, key)
					}
					filled++
					continue
				}
				if key == "keywords" && vTodo {
					v.Content = []*yaml.Node{{Kind: yaml.ScalarNode, Value: "低保"}}
					filled++
					continue
				}
				walk(v, key, vTodo, field)
			}
		}
	}
	walk(&doc, "", false, "")
	if filled < 20 {
		t.Fatalf("filled %d placeholders: the draft marks too few", filled)
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fieldFill is a field's placeholder as a person would fill it: a Chinese name, a definition,
// and the identifier role GB/T 37964 gives the example's columns.
func fieldFill(key, field string) string {
	switch key {
	case "cn_name":
		return field + "（中文名）"
	case "description":
		if field != "" {
			return field + " 的含义。"
		}
	case "identifier_role":
		switch field {
		case "name":
			return "direct"
		case "sex", "birth_date", "street", "community":
			return "quasi"
		}
		return "other"
	}
	return ""
}

// Acceptance 3 of the metadata issue: dgcheck init on the example, then check with the draft,
// reports the placeholders left for a person and the data's own defects, never a
// contradiction between the draft and the data; filled in at its placeholders, the draft
// still contradicts nothing, and the placeholder findings are gone.
func TestInitDraftReportsPlaceholdersNotContradictions(t *testing.T) {
	for _, src := range []string{example, exampleClean} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			dir := t.TempDir()
			data := filepath.Join(dir, filepath.Base(src))
			raw, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(data, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, stderr, code := runCLI(t, "init", data); code != exitConformant || !strings.Contains(stderr, "wrote") {
				t.Fatalf("init: exit %d, %s", code, stderr)
			}
			sidecar := strings.TrimSuffix(data, ".csv") + ".meta.yaml"
			draft, err := os.ReadFile(sidecar)
			if err != nil {
				t.Fatal(err)
			}
			// Trust II, reproduction 1: monthly_allowance's range was drafted as the masked
			// {minimum: 1**, maximum: 9****}; it is the amounts' own.
			if strings.Contains(string(draft), "*") || !strings.Contains(string(draft), "constraints: {minimum: 100, maximum: ") {
				t.Errorf("monthly_allowance's range is not its raw amounts:\n%s", draft)
			}

			r, _ := checkReport(t, data)
			if r.Dataset.MetadataPath != sidecar {
				t.Fatalf("check read %q, not the draft", r.Dataset.MetadataPath)
			}
			for _, f := range r.Findings {
				if contradiction(f) {
					t.Errorf("the draft contradicts the data: %s %s: %s", f.ID, f.Column, f.Message)
				}
			}
			for _, placeholder := range []string{"META-001", "META-021", "META-022"} {
				if !slices.ContainsFunc(r.Findings, func(f reports.Finding) bool { return f.ID == placeholder }) {
					t.Errorf("no %s finding for the placeholder the draft leaves", placeholder)
				}
			}

			if err := os.WriteFile(sidecar, fillPlaceholders(t, draft), 0o644); err != nil {
				t.Fatal(err)
			}
			r, _ = checkReport(t, data)
			for _, f := range r.Findings {
				if contradiction(f) {
					t.Errorf("the filled draft contradicts the data: %s %s: %s", f.ID, f.Column, f.Message)
				}
				if slices.Contains([]string{"META-001", "META-002", "META-014", "META-021", "META-022"}, f.ID) {
					t.Errorf("filled in, the draft still leaves %s: %s", f.ID, f.Message)
				}
			}
		})
	}
}

func TestInitDataPackageAndItsRefusals(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "roll.csv")
	if err := os.WriteFile(data, []byte("id,sex,n\nA1,男,1\nA2,女,2\nA3,男,3\nA4,男,3\nA5,女,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runCLI(t, "init", "--format", "datapackage", data); code != exitConformant {
		t.Fatalf("init --format datapackage: exit %d, %s", code, stderr)
	}
	r, _ := checkReport(t, data)
	if r.Dataset.MetadataKind != "datapackage" {
		t.Fatalf("check read %q", r.Dataset.MetadataPath)
	}
	for _, f := range r.Findings {
		if contradiction(f) {
			t.Errorf("the data package draft contradicts the data: %s %s: %s", f.ID, f.Column, f.Message)
		}
	}
	if len(r.Notices) > 0 {
		t.Errorf("notices %q: the draft uses known keys only", r.Notices)
	}

	_, stderr, code := runCLI(t, "init", "--format", "datapackage", data)
	if code != exitUsageOrInput || !strings.Contains(stderr, "exists") {
		t.Errorf("a second init: exit %d, %q; want 2 and no overwrite", code, stderr)
	}
	if _, _, code := runCLI(t, "init", "--format", "datapackage", "--force", data); code != exitConformant {
		t.Errorf("init --force: exit %d", code)
	}
	if _, stderr, code := runCLI(t, "init", "--format", "dcat", data); code != exitUsageOrInput || !strings.Contains(stderr, "want sidecar or datapackage") {
		t.Errorf("init --format dcat: exit %d, %q", code, stderr)
	}
	stdout, _, code := runCLI(t, "init", "-o", "-", data)
	if code != exitConformant || !strings.Contains(stdout, "constraints: {minimum: 1, maximum: 3}") || !strings.Contains(stdout, "primary_key: [id]") {
		t.Errorf("init -o -: exit %d\n%s", code, stdout)
	}
}

// Trust II, reproduction 1, the check side: the masked range an older init drafted made check
// compare amounts with "1**" and pass them all; check now refuses the metadata, located.
func TestInitMaskedBoundIsRefusedByCheck(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "pay.csv")
	if err := os.WriteFile(data, []byte("id,amount\nA1,540\nA2,780\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	meta := "schema: dgcheck/metadata/v1\nfields:\n  - name: id\n    datatype: string\n  - name: amount\n    datatype: number\n" +
		"    constraints: {minimum: 1**, maximum: 9****} # measured\n"
	if err := os.WriteFile(filepath.Join(dir, "pay.meta.yaml"), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, "check", data)
	if code != exitUsageOrInput || !strings.Contains(stderr, "pay.meta.yaml:7:28: fields.1.constraints.minimum") {
		t.Errorf("check with a masked minimum: exit %d, %q; want 2 at line 7, column 28", code, stderr)
	}
}

// Trust II, reproduction 3: init --force --format datapackage replaced a package of two
// resources by one of one; it now redrafts the data's resource and keeps the rest.
func TestInitForceMergesIntoDataPackage(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "roll.csv")
	if err := os.WriteFile(data, []byte("id,sex,n\nA1,男,1\nA2,女,2\nA3,男,3\nA4,男,3\nA5,女,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(dir, "datapackage.json")
	written := `{"name": "rolls", "title": "Rolls", "keywords": ["低保"], "x-owner": "社会救助科",
  "resources": [
    {"name": "streets", "path": "streets.csv", "schema": {"fields": [{"name": "street", "type": "string"}]}},
    {"name": "roll", "path": "roll.csv", "title": "before", "schema": {"fields": [{"name": "id", "type": "string"}]}}]}`
	if err := os.WriteFile(pkg, []byte(written), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runCLI(t, "init", "--format", "datapackage", "--force", data); code != exitConformant {
		t.Fatalf("init --force: exit %d, %s", code, stderr)
	}
	raw, err := os.ReadFile(pkg)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Name, Title string
		Keywords    []string
		Owner       string `json:"x-owner"`
		Resources   []struct {
			Path, Title string
			Schema      struct{ Fields []struct{ Name string } }
		}
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("%v\n%s", err, raw)
	}
	if got.Name != "rolls" || got.Title != "Rolls" || len(got.Keywords) != 1 || got.Owner != "社会救助科" {
		t.Errorf("package properties not kept:\n%s", raw)
	}
	if len(got.Resources) != 2 || got.Resources[0].Path != "streets.csv" || got.Resources[1].Path != "roll.csv" ||
		got.Resources[1].Title == "before" || len(got.Resources[1].Schema.Fields) != 3 {
		t.Errorf("resources not merged:\n%s", raw)
	}

	// A datapackage.json that is not one is left alone, and the run is an input error.
	if err := os.WriteFile(pkg, []byte("[]"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, "init", "--format", "datapackage", "--force", data)
	if after, _ := os.ReadFile(pkg); code != exitUsageOrInput || string(after) != "[]" || !strings.Contains(stderr, "left as it was") {
		t.Errorf("init --force over a non-package: exit %d, %q, file now %q", code, stderr, after)
	}
}
