package reports_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

var update = flag.Bool("update", false, "rewrite golden files")

const goldenDir = "testdata/golden"

// goldenCases are the reports every writer renders to testdata/golden/<case>.<ext>. They are
// built here, not by running a check, so that a writer's golden changes only when the writer
// does; the clock, version and paths are fixed.
var goldenCases = []struct {
	name   string
	report func() *reports.Report
}{
	{"empty", emptyReport},
	{"clean", cleanReport},
	{"failing", failingReport},
}

// goldenExt is the file extension of a format's goldens: the one -o infers the format from.
func goldenExt(format string) string {
	if format == "text" {
		return "txt"
	}
	return format
}

func TestWritersMatchGoldenFiles(t *testing.T) {
	for _, format := range reports.Formats {
		w, err := reports.WriterFor(format)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range goldenCases {
			t.Run(c.name+"."+format, func(t *testing.T) {
				var got bytes.Buffer
				if err := w.Write(&got, c.report()); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join(goldenDir, c.name+"."+goldenExt(format)), got.Bytes())
			})
		}
	}
}

// TestGoldenFilesHaveOwners fails on a golden no case writes (a renamed case or a removed
// format), which would otherwise rot unnoticed.
func TestGoldenFilesHaveOwners(t *testing.T) {
	var owned []string
	for _, format := range reports.Formats {
		for _, c := range goldenCases {
			owned = append(owned, c.name+"."+goldenExt(format))
		}
	}
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(owned, e.Name()) {
			t.Errorf("%s/%s belongs to no golden case: delete it", goldenDir, e.Name())
		}
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test ./reports -update to create it", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output: %s\nrun go test ./reports -update and review the diff", path, firstDifference(want, got))
	}
}

// firstDifference names the first line where want and got part, which is usually enough to
// see what changed; git diff shows the rest after -update.
func firstDifference(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(wl), len(gl)) {
		w, g := lineAt(wl, i), lineAt(gl, i)
		if w != g {
			return fmt.Sprintf("line %d\n  golden: %s\n  output: %s", i+1, w, g)
		}
	}
	return "in line endings or trailing bytes"
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return fmt.Sprintf("%q", lines[i])
	}
	return "(no line)"
}

const checkedAt = "2025-06-30T08:00:00Z"

var tool = reports.Tool{Name: "dgcheck", Version: "1.2.3"}

// emptyReport is a file with no columns, no metadata and nothing found, built without the
// optional parts (no profile, nil lists) that a library caller may leave out.
func emptyReport() *reports.Report {
	r := &reports.Report{SchemaVersion: reports.SchemaVersion, Tool: tool, CheckedAt: checkedAt,
		Dataset: reports.Dataset{Path: "testdata/empty.csv", Name: "empty.csv", Format: "csv",
			Encoding: "utf-8", Delimiter: ","}}
	r.Conclude(reports.Error)
	return r
}

// cleanReport is a conformant Parquet dataset with its metadata and a profile in the
// checkers' JSON shape.
func cleanReport() *reports.Report {
	r := &reports.Report{SchemaVersion: reports.SchemaVersion, Tool: tool, CheckedAt: checkedAt,
		Dataset: reports.Dataset{Path: "data/dibao_clean.parquet", Name: "dibao_clean.parquet",
			Format: "parquet", Size: 4096, Rows: 3, Columns: []string{"household_id", "mobile"},
			MetadataPath: "data/dibao_clean.meta.yaml", MetadataKind: "dgcheck/metadata/v1"},
		Profile: map[string]any{
			"schema_version": "1",
			"rows":           3,
			"columns": []any{
				columnProfile("household_id", 0, "string", map[string]any{}),
				columnProfile("mobile", 1, "string", map[string]any{
					"mobile": map[string]any{"matched": 3, "valid": 3, "masked": 3,
						"invalid_samples": []any{}, "raw_samples": []any{}},
				}),
			},
			"table": map[string]any{
				"rows":             3,
				"ragged_rows":      map[string]any{"count": 0, "samples": []any{}},
				"undecodable_rows": map[string]any{"count": 0, "samples": []any{}},
				"duplicate_rows":   map[string]any{"count": 0, "samples": []any{}},
				"keys": []any{map[string]any{"columns": []any{"household_id"}, "rows": 3,
					"null_keys": 0, "distinct": 3,
					"duplicates": map[string]any{"count": 0, "samples": []any{}}}},
			},
		}}
	r.Conclude(reports.Error)
	return r
}

// columnProfile is a column of three distinct, present, masked text values.
func columnProfile(name string, index int, inferred string, detectors map[string]any) map[string]any {
	return map[string]any{"name": name, "index": index, "rows": 3, "nulls": 0, "blanks": 0,
		"missing_tokens": map[string]any{}, "null_samples": []any{}, "distinct": 3,
		"distinct_exact": true, "kinds": map[string]any{"string": 3}, "inferred_type": inferred,
		"type_conformance": 1, "min": "H***", "max": "H***", "min_length": 11, "max_length": 13,
		"detectors": detectors}
}

// failingReport has findings in every built-in area and a user pack's, of every severity,
// with and without a column, measure, evidence and samples (masked or row-only), and a
// notice about the metadata.
func failingReport() *reports.Report {
	r := &reports.Report{SchemaVersion: reports.SchemaVersion, Tool: tool, CheckedAt: checkedAt,
		Dataset: reports.Dataset{Path: "data/dibao.csv", Name: "dibao.csv", Format: "csv",
			Encoding: "gb18030", Delimiter: "\t", Size: 81920, Rows: 800,
			Columns:      []string{"household_id", "name", "sfzh", "mobile", "remark"},
			MetadataPath: "data/datapackage.json", MetadataKind: "datapackage"},
		Notices: []string{"data/datapackage.json: unknown metadata key resources[0].x-owner"},
		Findings: []reports.Finding{
			{ID: "META-001", Title: "Dataset has a non-empty title", Area: "metadata", Severity: reports.Error,
				Standard: "DCAT-AP 3.0.1", Clause: "shapes.ttl :Dataset_Shape",
				Remediation: "Give the dataset a title in its metadata.",
				Message:     "the metadata gives the dataset no non-blank title (languages given: 0)"},
			{ID: "ID-002", Title: "Resident ID numbers are valid", Area: "identifiers", Severity: reports.Error,
				Standard: "GB 11643-1999", Clause: "check digit, ISO 7064 MOD 11-2 (clause number unknown)",
				Remediation: "Correct the numbers at the source.", Column: "sfzh",
				Message:  "sfzh: 2 of 800 resident ID numbers have a wrong check digit or birth date (X = 0.9975)",
				Measure:  &reports.Measure{A: 798, B: 800, X: 0.9975},
				Evidence: map[string]any{"detector": "cn_resident_id", "invalid": 2, "matched": 800},
				Samples: []reports.Sample{{Row: 17, Value: "110105********002X"},
					{Row: 305, Value: "420103********1876"}}},
			{ID: "QUAL-011", Title: "Rows are not repeated", Area: "quality", Severity: reports.Warning,
				Standard: "GB/T 36344-2018", Clause: "准确性/数据重复率 (indicator; sub-clause number unknown)",
				Remediation: "Remove the repeated rows.",
				Message:     "2 of 800 rows repeat an earlier row exactly (X = 0.9975)",
				Measure:     &reports.Measure{A: 798, B: 800, X: 0.9975},
				Samples:     []reports.Sample{{Row: 36}, {Row: 719}}},
			{ID: "QUAL-007", Title: "Required fields have values", Area: "quality", Severity: reports.Error,
				Standard: "GB/T 36344-2018", Clause: "完整性/数据元素完整性 (indicator; sub-clause number unknown)",
				Remediation: "Fill the missing values at the source.", Column: "name",
				Message:  "name: 1 of 800 values of a required field are missing: null 1, blank 0, missing-value token 0 (X = 0.9988)",
				Measure:  &reports.Measure{A: 799, B: 800, X: 0.99875},
				Evidence: map[string]any{"blanks": 0, "nulls": 1, "tokens": map[string]any{}},
				Samples:  []reports.Sample{{Row: 100}}},
			{ID: "PRIVACY-001", Title: "Free-text remarks carry no identifiers", Area: "acme", Severity: reports.Info,
				Standard: "Acme data handling policy", Clause: "§3.2 free text",
				Column:  "remark",
				Message: "remark: 3 of 800 remarks contain a mobile number",
				Samples: []reports.Sample{{Row: 4, Value: "139****9008"}}},
			{ID: "PUB-003", Title: "No raw identifiers in openly released data", Area: "release", Severity: reports.Error,
				Standard: "PIPL (个人信息保护法); GB/T 37964", Clause: "clause unknown (PIPL public disclosure of PI, from memory)",
				Remediation: "Remove or mask the identifiers before release.", Column: "mobile",
				Message:  "mobile: 800 of 800 non-null values are raw mobile numbers, in data declared 无条件开放 (unconditionally open)",
				Evidence: map[string]any{"detector": "mobile", "raw": 800},
				Samples:  []reports.Sample{{Row: 1, Value: "180****7970"}, {Row: 2, Value: "139****9008"}}},
			{ID: "CLASS-006", Title: "If any personal identifier is detected, the dataset declares it contains PI",
				Area: "classification", Severity: reports.Error,
				Standard: "PIPL (个人信息保护法); GB/T 35273", Clause: "PIPL Art. 4 / Art. 73 (definition; from memory, not verified)",
				Remediation: "Declare `pi: {contains_pi: true}` in the metadata.", Column: "mobile",
				Message: "mobile: 800 of 800 non-null values are mobile numbers (raw 800, masked 0), but the metadata does not declare pi.contains_pi: true"},
		},
	}
	r.Conclude(reports.Error)
	return r
}
