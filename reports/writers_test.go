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
	{"incomplete", incompleteReport},
}

// goldenExt is the file extension of a format's goldens: its own, the first of those -o
// infers it from.
func goldenExt(format string) string {
	f, _ := reports.FormatNamed(format)
	return f.Extensions[0]
}

// goldenVariants render a case with writer options: the HTML page in Chinese, the terminal
// report in colour. Their goldens are <case>.<variant>.<ext>.
var goldenVariants = []struct {
	name, format, variant string
	report                func() *reports.Report
	opts                  []reports.WriterOption
}{
	{"failing", "html", "zh", failingReport, []reports.WriterOption{reports.WithLang("zh")}},
	{"clean", "html", "zh", cleanReport, []reports.WriterOption{reports.WithLang("zh")}},
	{"failing", "text", "colour", failingReport, []reports.WriterOption{reports.WithColour(true)}},
}

func TestGoldenExtensionsImplyTheirFormat(t *testing.T) {
	for _, format := range reports.Formats {
		if got := reports.FormatForPath("report." + goldenExt(format)); got != format {
			t.Errorf("a %s golden's extension .%s implies format %q", format, goldenExt(format), got)
		}
	}
}

// The format table is one source: each extension implies one format, and the file an audit
// writes a dataset's report to implies its own format.
func TestFormatTableIsConsistent(t *testing.T) {
	owner := map[string]string{}
	for _, name := range reports.Formats {
		f, ok := reports.FormatNamed(name)
		if !ok || len(f.Extensions) == 0 || f.File == "" {
			t.Fatalf("format %q: %+v, %v; want extensions and a file", name, f, ok)
		}
		for _, e := range f.Extensions {
			if other, dup := owner[e]; dup {
				t.Errorf(".%s is an extension of both %s and %s", e, other, name)
			}
			owner[e] = name
		}
		if got := reports.FormatForPath(f.File); got != name {
			t.Errorf("%s's audit file %s implies format %q", name, f.File, got)
		}
		if _, err := reports.WriterFor(name); err != nil {
			t.Errorf("WriterFor(%q): %v", name, err)
		}
	}
	if _, ok := reports.FormatNamed("pdf"); ok {
		t.Error("FormatNamed found a format that is not in the table")
	}
}

func TestWriterVariantsMatchGoldenFiles(t *testing.T) {
	for _, v := range goldenVariants {
		name := v.name + "." + v.variant + "." + goldenExt(v.format)
		t.Run(name, func(t *testing.T) {
			w, err := reports.WriterFor(v.format, v.opts...)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := w.Write(&got, v.report()); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join(goldenDir, name), got.Bytes())
		})
	}
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
	for _, v := range goldenVariants {
		owned = append(owned, v.name+"."+v.variant+"."+goldenExt(v.format))
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
		Host:  "ci-runner-1",
		Rules: []reports.Rule{qual007, id002},
		Metadata: map[string]any{"title": map[string]any{"zh": "洪山区低保名册", "en": "Hongshan dibao roll"},
			"publisher": map[string]any{"name": "洪山区民政局"}, "license": "CC-BY-4.0",
			"cn": map[string]any{"open_type": "有条件开放"}, "pi": map[string]any{"contains_pi": true},
			"fields": []any{map[string]any{"name": "mobile", "cn_name": "联系电话", "level": "general-3",
				"masking": map[string]any{"pattern": "mobile_3_4"}}}},
		Profile: map[string]any{
			"schema_version": "1",
			"rows":           3,
			"columns": []any{
				columnProfile("household_id", 0, "string", map[string]any{}),
				withClassification(columnProfile("mobile", 1, "string", map[string]any{
					"mobile": map[string]any{"matched": 3, "plausible": 3, "valid": 3, "masked": 3,
						"invalid_samples": []any{}, "raw_samples": []any{}, "traits": map[string]any{},
						"embedded": 0, "embedded_samples": []any{}},
				})),
			},
			"table": map[string]any{
				"rows":             3,
				"ragged_rows":      map[string]any{"count": 0, "samples": []any{}},
				"undecodable_rows": map[string]any{"count": 0, "samples": []any{}},
				"duplicate_rows":   map[string]any{"count": 0, "samples": []any{}},
				"keys": []any{map[string]any{"columns": []any{"household_id"}, "rows": 3,
					"null_keys": 0, "distinct": 3,
					"duplicates": map[string]any{"count": 0, "samples": []any{}}}},
				"header_issues": map[string]any{"count": 0, "samples": []any{}},
				"row_checks":    []any{}, "foreign_keys": []any{}, "entities": []any{},
			},
		}}
	r.Conclude(reports.Error)
	return r
}

// withClassification adds what the classifier and the form counters say of a column of
// three masked mobile numbers.
func withClassification(column map[string]any) map[string]any {
	column["classification"] = map[string]any{"type": "mobile", "detector": "mobile", "confidence": 0.98,
		"hit_rate": 1, "valid_rate": 1, "masked_rate": 1, "form": "masked", "heuristic": false, "hinted": true}
	column["forms"] = forms(0, 3)
	return column
}

// columnProfile is a column of three distinct, present, masked text values.
func columnProfile(name string, index int, inferred string, detectors map[string]any) map[string]any {
	return map[string]any{"name": name, "index": index, "rows": 3, "nulls": 0, "blanks": 0,
		"missing_tokens": map[string]any{}, "null_samples": []any{}, "distinct": 3,
		"distinct_exact": true, "kinds": map[string]any{"string": 3}, "inferred_type": inferred,
		"type_conformance": 1, "min": "H***", "max": "H***", "min_length": 11, "max_length": 13,
		"detectors": detectors, "hints": []any{}, "forms": forms(3, 0), "dirty": map[string]any{},
		"constraints": map[string]any{}}
}

// forms counts raw and masked values, in the checkers' ValueForms shape.
func forms(raw, masked int) map[string]any {
	return map[string]any{"raw": raw, "masked": masked, "hashed": 0, "tokenised": 0, "generalised": 0,
		"suppressed": 0, "mask_shapes": []any{}, "mask_shapes_other": 0, "hashes": map[string]any{},
		"generalisations": map[string]any{}, "decimal_places": map[string]any{}}
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
		Host:    "ci-runner-1",
		Notices: []string{"data/datapackage.json: unknown metadata key resources[0].x-owner"},
		Rules: []reports.Rule{
			{ID: "META-001", Title: "Dataset has a non-empty title", TitleZh: "数据集有非空名称", Area: "metadata",
				Severity: reports.Error, Standard: "DCAT-AP 3.0.1", Clause: "shapes.ttl :Dataset_Shape",
				Remediation: "Give the dataset a title in its metadata.", RemediationZh: "在元数据中给出数据集名称。"},
			id002, qual007,
			{ID: "QUAL-011", Title: "Rows are not repeated", Area: "quality", Severity: reports.Warning,
				Standard: "GB/T 36344-2018", Clause: "5 指标说明, indicator 准确性/数据重复率",
				Remediation: "Remove the repeated rows."},
			{ID: "QUAL-012", Title: "Declared keys are unique", Area: "quality", Severity: reports.Error,
				Standard: "GB/T 36344-2018", Clause: "5 指标说明, indicator 准确性/数据唯一性",
				Remediation: "Make the key unique."},
		},
		Scores: &reports.Scores{Overall: 71.5, Grade: "C", Indicators: map[string]reports.IndicatorScore{
			"completeness": {Score: 99.9, A: 799, B: 800, Rules: []string{"QUAL-007"},
				ByRule: map[string]reports.RuleMeasure{"QUAL-007": {A: 799, B: 800}}},
			"accuracy": {Score: 99.8, A: 1596, B: 1600, Rules: []string{"ID-002", "QUAL-011"},
				ByRule: map[string]reports.RuleMeasure{"ID-002": {A: 797, B: 800}, "QUAL-011": {A: 799, B: 800}}},
			"normativity": {Score: 40, A: 2, B: 5, Rules: []string{"META-016"},
				ByRule: map[string]reports.RuleMeasure{"META-016": {A: 2, B: 5}}, CappedBy: []string{"META-016"}},
		}},
		Metadata: map[string]any{"title": map[string]any{"en": "Dibao roll"}, "publisher": map[string]any{"name": "Civil Affairs Bureau"},
			"cn": map[string]any{"open_type": "无条件开放"}, "pi": map[string]any{"contains_pi": false},
			"classification": map[string]any{"level": "general", "general_sublevel": 2},
			"fields":         []any{map[string]any{"name": "sfzh", "cn_name": "身份证号", "datatype": "string", "level": "general-4"}}},
		Findings: []reports.Finding{
			{ID: "META-001", Title: "Dataset has a non-empty title", Area: "metadata", Severity: reports.Error,
				Standard: "DCAT-AP 3.0.1", Clause: "shapes.ttl :Dataset_Shape",
				Remediation: "Give the dataset a title in its metadata.",
				Message:     "the metadata gives the dataset no non-blank title (languages given: 0)"},
			{ID: "ID-002", Title: "Resident ID numbers are valid", Area: "identifiers", Severity: reports.Error,
				Standard: "GB 11643-1999", Clause: "校验码 (ISO 7064:1983 MOD 11-2); Annex B 校验码字符值计算方法实例",
				Remediation: "Correct the numbers at the source.", Column: "sfzh",
				Message:  "sfzh: 2 of 800 resident ID numbers have a wrong check digit or birth date (X = 0.9975)",
				Measure:  &reports.Measure{A: 798, B: 800, X: 0.9975},
				Evidence: map[string]any{"detector": "cn_resident_id", "invalid": 2, "matched": 800},
				Samples: []reports.Sample{{Row: 17, Value: "110105********002X"},
					{Row: 305, Value: "420103********1876"}}},
			{ID: "QUAL-011", Title: "Rows are not repeated", Area: "quality", Severity: reports.Warning,
				Standard: "GB/T 36344-2018", Clause: "5 指标说明, indicator 准确性/数据重复率",
				Remediation: "Remove the repeated rows.",
				Message:     "2 of 800 rows repeat an earlier row exactly (X = 0.9975)",
				Measure:     &reports.Measure{A: 798, B: 800, X: 0.9975},
				Samples:     []reports.Sample{{Row: 36}, {Row: 719}},
				Waived: &reports.Waiver{Reason: "two households share a flat; confirmed by the street office",
					Owner: "data-owner@hongshan.example", Expires: "2025-12-31"}},
			{ID: "QUAL-007", Title: "Required fields have values", Area: "quality", Severity: reports.Error,
				Standard: "GB/T 36344-2018", Clause: "5 指标说明, indicator 完整性/数据元素完整性",
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
				Standard: "PIPL (个人信息保护法); GB/T 35273-2020", Clause: "PIPL art. 25, art. 27, art. 55(三), art. 4; GB/T 35273-2020 9.4 个人信息公开披露",
				Remediation: "Remove or mask the identifiers before release.", Column: "mobile",
				Message:  "mobile: 800 of 800 non-null values are raw mobile numbers, in data declared 无条件开放 (unconditionally open)",
				Evidence: map[string]any{"detector": "mobile", "raw": 800},
				Samples:  []reports.Sample{{Row: 1, Value: "180****7970"}, {Row: 2, Value: "139****9008"}}},
			{ID: "CLASS-006", Title: "If any personal identifier is detected, the dataset declares it contains PI",
				Area: "classification", Severity: reports.Error,
				Standard: "PIPL (个人信息保护法); GB/T 35273-2020", Clause: "PIPL art. 4, art. 73(三)(四); GB/T 35273-2020 3.1 (its note points to Annex A)",
				Remediation: "Declare `pi: {contains_pi: true}` in the metadata.", Column: "mobile",
				Message: "mobile: 800 of 800 non-null values are mobile numbers (raw 800, masked 0), but the metadata does not declare pi.contains_pi: true"},
		},
	}
	r.Conclude(reports.Error)
	return r
}

// incompleteReport is the clean check with two rules that could not be judged: a built-in
// rule whose evaluation met a metadata value of the wrong type, and a user pack's rule past
// its time limit. Its findings are clean, but it cannot conform.
func incompleteReport() *reports.Report {
	r := cleanReport()
	r.Rules = append(r.Rules,
		reports.Rule{ID: "DESENS-018", Title: "The de-identification process is recorded", Area: "desensitisation",
			Severity: reports.Warning, Standard: "GB/T 37964-2019; GB/T 42460-2023",
			Clause: "GB/T 37964-2019 process 确定目标、识别标识、处理标识、验证批准、监控审查; GB/T 42460-2023 5 评估流程, 6.6 评估过程文档管理"},
		reports.Rule{ID: "ACME-001", Title: "No free-text notes column", Area: "custom",
			Severity: reports.Warning, Standard: "ACME data policy 2026", Clause: "4.2"})
	r.ToolErrors = []reports.ToolError{
		{Rule: "ACME-001", Pack: "policies/acme", Error: "rule pack policies/acme ran past its time limit of 10s; its rules were not judged"},
		{Rule: "DESENS-018", Error: "eval_type_error: object.get: operand 1 must be object but got string",
			Location: "bundle/dgcheck/rules/desensitisation/process_record/process_record.rego:26",
			Cause:    "metadata.deidentification.process"},
	}
	r.Conclude(reports.Error)
	return r
}

// qual007 and id002 are rules the clean and the failing case both ran.
var (
	qual007 = reports.Rule{ID: "QUAL-007", Title: "Required fields have values", TitleZh: "必填字段有值",
		Area: "quality", Severity: reports.Error, Standard: "GB/T 36344-2018",
		Clause:      "5 指标说明, indicator 完整性/数据元素完整性",
		Remediation: "Fill the missing values at the source.", RemediationZh: "在源头补齐缺失值。"}
	id002 = reports.Rule{ID: "ID-002", Title: "Resident ID numbers are valid", Area: "identifiers",
		Severity: reports.Error, Standard: "GB 11643-1999", Clause: "校验码 (ISO 7064:1983 MOD 11-2); Annex B 校验码字符值计算方法实例",
		Remediation: "Correct the numbers at the source."}
)
