package datasets_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// The free-form blocks (deidentification, cross_border, ...) reach the rules as written, so a
// value of the wrong type there used to crash the rule that read it. The schema types every
// key the rules read: a wrong one is an input error at its line and column, in every form the
// metadata comes in.
func TestMetadataBlocksAreTypedAtLineAndColumn(t *testing.T) {
	const body = `deidentification:
  qi_columns: [sex, 5]
  k: 1e308
  process: approved by the board
  suppressed_records: "12"
  dp: {epsilon: -1}
cross_border:
  planned: "yes"
  destinations: 5
  cumulative_subjects: -3
authorised_operation: {is_raw_public_data: 1}
retention: {period: 3}
lineage: {sources: [a]}
classification: {important_data_notified: {value: "true"}, industry: {jrt0197_level: high}}
fields:
  - name: id
    masking: {pseudonym_of: [a]}
`
	want := []string{ // lines count the schema line written before body
		":3:21: deidentification.qi_columns.1:",
		":4:6: deidentification.k:",
		":5:12: deidentification.process:",
		":6:23: deidentification.suppressed_records:",
		":7:17: deidentification.dp.epsilon:",
		":9:12: cross_border.planned:",
		":10:17: cross_border.destinations:",
		":11:24: cross_border.cumulative_subjects:",
		":12:44: authorised_operation.is_raw_public_data:",
		":13:21: retention.period:",
		":14:21: lineage.sources.0:",
		":15:51: classification.important_data_notified.value:",
		":15:86: classification.industry.jrt0197_level:",
		":18:29: fields.0.masking.pseudonym_of:",
	}
	dir := t.TempDir()
	sidecar := write(t, dir, "roll.meta.yaml", "schema: dgcheck/metadata/v1\n"+body)
	checkLocated(t, sidecar, filepath.Join(dir, "roll.csv"), want)
}

// A data package carries the same blocks beside its resources, and a DCAT record under
// "dgcheck:"; both are held to the sidecar's schema, located in their own file.
func TestMetadataBlocksAreTypedInDataPackageAndDCAT(t *testing.T) {
	dir := t.TempDir()
	dp := write(t, dir, "datapackage.json", `{"resources": [{"path": "roll.csv",
  "deidentification": {"process": ["approved"], "suppressed_records": "12"},
  "cross_border": {"planned": true, "destinations": 5},
  "schema": {"fields": [{"name": "id", "masking": {"method": 1}}]}}]}`)
	checkLocated(t, dp, filepath.Join(dir, "roll.csv"), []string{
		"datapackage.json:2:35: deidentification.process:",
		"datapackage.json:2:71: deidentification.suppressed_records:",
		"datapackage.json:3:53: cross_border.destinations:",
		"datapackage.json:4:62: fields.0.masking.method:",
	})
	ld := write(t, dir, "roll.jsonld", `{"@type": "dcat:Dataset",
  "dgcheck:deidentification": {"process": 7, "k": 0},
  "dgcheck:cross_border": {"destinations": "CN"}}`)
	checkLocated(t, ld, filepath.Join(dir, "roll.csv"), []string{
		"roll.jsonld:2:43: deidentification.process:",
		"roll.jsonld:2:51: deidentification.k:",
		"roll.jsonld:3:44: cross_border.destinations:",
	})
}

// checkLocated reads metadata that breaks the schema and wants one error per problem, each
// containing its want (file:line:column: where), in file order.
func checkLocated(t *testing.T, path, data string, want []string) {
	t.Helper()
	_, err := datasets.ReadMetadata(path, data)
	var pe *datasets.ParseError
	if !errors.As(err, &pe) || pe.File != path {
		t.Fatalf("err = %v, want *ParseErrors naming %s", err, path)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("errors:\n%s\nwant %d, one per problem", err, len(want))
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("error %d = %q, want it to contain %q", i, lines[i], w)
		}
	}
}

// Every key a rule reads under a free-form block of input.metadata is typed by the schema: a
// rule reading a key the schema does not type would again see whatever a file gives it.
func TestSchemaTypesEveryBlockKeyTheRulesRead(t *testing.T) {
	var schema struct {
		Properties map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(datasets.MetadataSchema(), &schema); err != nil {
		t.Fatal(err)
	}
	blocks := []string{"deidentification", "cross_border", "authorised_operation", "retention", "lineage"}
	read := regexp.MustCompile(`input\.metadata\.(` + strings.Join(blocks, "|") + `)\.([a-z_]+)` +
		`|\["(` + strings.Join(blocks, "|") + `)", "([a-z_]+)"`)
	var files []string
	err := filepath.WalkDir("../rules/bundle/dgcheck", func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".rego") && !strings.HasSuffix(p, "_test.rego") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range read.FindAllStringSubmatch(string(src), -1) {
			block, key := m[1]+m[3], m[2]+m[4]
			seen++
			if _, ok := schema.Properties[block].Properties[key]; !ok {
				t.Errorf("%s reads %s.%s, which the metadata schema does not type", f, block, key)
			}
		}
	}
	if seen < 10 {
		t.Errorf("found %d reads of block keys in the rules; the pattern no longer finds them", seen)
	}
}

// Well-typed blocks pass as written, unquoted dates included (the rules compare them as ISO
// 8601 text), and keys the schema does not type still reach user packs.
func TestTypedBlocksPassAsWritten(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "roll.meta.yaml", `deidentification:
  qi_columns: [sex, community]
  k: 5
  dp: null
  evaluated_at: 2025-07-01
  process: {objective: release, approved_by: board, approved_at: 2025-07-01, review_due: 2026-07-01}
  techniques: [generalisation]
cross_border: {planned: false, destinations: [], mechanism: null, cumulative_subjects: 0}
authorised_operation: null
`)
	mf, err := datasets.ReadMetadata(p, filepath.Join(dir, "roll.csv"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(mf.Metadata)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"evaluated_at":"2025-07-01"`, `"review_due":"2026-07-01"`, `"techniques":["generalisation"]`,
		`"qi_columns":["sex","community"]`, `"k":5`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("input.metadata = %s\nwant it to contain %s", got, want)
		}
	}
	if strings.Contains(string(got), "authorised_operation") {
		t.Errorf("input.metadata = %s: a null block must be absent, as if not declared", got)
	}
}
