package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/dgcheck/dgcheck/reports"
)

const (
	example      = "../../examples/dibao/hongshan_dibao_2025.csv"
	exampleClean = "../../examples/dibao/hongshan_dibao_2025_clean.csv"
)

// runCLI runs the CLI in-process as a user would, with a fixed clock, and returns what it
// printed and the exit code main would have used.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := newApp(&out, &errOut)
	err := app.Run(t.Context(), append([]string{"dgcheck"}, args...))
	code = exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

// checkReport runs check with --format json and decodes the report.
func checkReport(t *testing.T, args ...string) (reports.Report, int) {
	t.Helper()
	stdout, stderr, code := runCLI(t, append([]string{"check", "--format", "json"}, args...)...)
	var r reports.Report
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("report is not JSON: %v\nstderr: %s", err, stderr)
	}
	return r, code
}

func ids(fs []reports.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.ID+" "+f.Column)
	}
	return out
}

func TestExampleIsNotConformantWithItsDeliberateProblems(t *testing.T) {
	stdout, stderr, code := runCLI(t, "check", example)
	if code != exitNonConformant {
		t.Fatalf("exit %d, want 1; stderr: %s", code, stderr)
	}
	for _, want := range []string{"PUB-003", "CLASS-006", "ID-002", "QUAL-007", "QUAL-012", "QUAL-011",
		"verdict: NOT CONFORMANT"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	r, _ := checkReport(t, example)
	want := []string{
		// The roll is graded general-2 but holds raw ID numbers (general-4, sensitive personal
		// information the sidecar does not declare), and names and mobiles it says are no PI.
		"CLASS-004 sfzh", "CLASS-005 sfzh", "CLASS-006 mobile", "CLASS-006 name", "CLASS-006 sfzh",
		// The sidecar's de-identification claims: the ID masking it declares (which would keep
		// the birth date) matches no value, the IDs are valid numbers in clear, the direct
		// identifiers are unmasked, and k over the quasi-identifiers is 1.
		"DESENS-003 sfzh", "DESENS-003 sfzh", "DESENS-004 sfzh", "DESENS-005 sfzh",
		"DESENS-011 mobile", "DESENS-011 name", "DESENS-011 sfzh", "DESENS-012 ",
		"ID-002 sfzh", "PUB-003 ", "PUB-003 mobile", "PUB-003 name", "PUB-003 sfzh",
		// The declared ID masking, as a quality measure (GB/T 36344 安全规范).
		"QUAL-006 sfzh",
		// The rows with a blank name are incomplete records, and the bad check digits lower the
		// dataset's identifier validity.
		"QUAL-007 name", "QUAL-008 ", "QUAL-012 household_id", "CLASS-016 ", "DESENS-014 ", "DESENS-018 ", "QUAL-011 ",
		// Two allowances keyed with three extra zeros are far-out outliers.
		"QUAL-013 monthly_allowance",
		"QUAL-023 ", "DESENS-019 ",
	}
	if got := ids(r.Findings); !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	// The generator's exact defect counts (examples/README.md) are what the rules measure.
	for _, f := range r.Findings {
		var bad int64
		switch f.ID {
		case "ID-002", "QUAL-023":
			bad = 5
		case "QUAL-007", "QUAL-008":
			bad = 6
		case "QUAL-012":
			bad = 5
		case "QUAL-011", "QUAL-013":
			bad = 2
		default:
			continue
		}
		if f.Measure == nil || f.Measure.B-f.Measure.A != bad {
			t.Errorf("%s measure %+v, want %d failing", f.ID, f.Measure, bad)
		}
		if len(f.Samples) == 0 {
			t.Errorf("%s has no sample rows", f.ID)
		}
	}
}

func TestTwinsAgree(t *testing.T) {
	csvReport, csvCode := checkReport(t, example)
	pqReport, pqCode := checkReport(t, strings.TrimSuffix(example, ".csv")+".parquet")
	if csvCode != pqCode || !reflect.DeepEqual(csvReport.Findings, pqReport.Findings) {
		t.Errorf("Parquet twin differs from the CSV:\ncsv  %q\nparquet %q", ids(csvReport.Findings), ids(pqReport.Findings))
	}
	for _, clean := range []string{exampleClean, strings.TrimSuffix(exampleClean, ".csv") + ".parquet"} {
		r, code := checkReport(t, clean)
		if code != exitConformant || !r.Verdict.Conformant {
			t.Errorf("%s: exit %d, findings %q; the clean twin must conform", clean, code, ids(r.Findings))
		}
	}
}

func TestGB18030CopyGivesTheSameFindingsAndNamesItsEncoding(t *testing.T) {
	dir := t.TempDir()
	raw, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "hongshan_dibao_2025.csv")
	if err := os.WriteFile(path, gb, 0o644); err != nil {
		t.Fatal(err)
	}
	meta, err := os.ReadFile(strings.TrimSuffix(example, ".csv") + ".meta.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "hongshan_dibao_2025.meta.yaml"), meta, 0o644); err != nil {
		t.Fatal(err)
	}
	want, _ := checkReport(t, example)
	got, _ := checkReport(t, path)
	if got.Dataset.Encoding != "gb18030" {
		t.Errorf("encoding %q, want gb18030", got.Dataset.Encoding)
	}
	if !reflect.DeepEqual(got.Findings, want.Findings) {
		t.Errorf("GB18030 copy: findings %q, want %q", ids(got.Findings), ids(want.Findings))
	}
	stdout, _, _ := runCLI(t, "check", path)
	if !strings.Contains(stdout, "encoding gb18030") {
		t.Errorf("text report does not name the encoding:\n%s", stdout)
	}
}

// No full ID number, mobile number or name from the data reaches any output.
func TestReportsNeverPrintRawPersonalData(t *testing.T) {
	f, err := os.Open(example)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	var secrets []string
	for _, row := range rows[1:] {
		for i, v := range row {
			switch header[i] {
			case "sfzh", "mobile", "name":
				if len([]rune(v)) >= 2 {
					secrets = append(secrets, v)
				}
			}
		}
	}
	if len(secrets) < 5000 {
		t.Fatalf("only %d values to look for", len(secrets))
	}
	text, _, _ := runCLI(t, "check", example)
	js, _, _ := runCLI(t, "check", "--format", "json", example)
	for _, out := range []string{text, js} {
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Fatalf("output contains the raw value %q", s)
			}
		}
	}
}

func TestRaggedRowsAreFindingsWithRowNumbers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ragged.csv")
	if err := os.WriteFile(path, []byte("id,name\n1,a\n2\n3,c,x\n4,d\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, code := checkReport(t, path)
	if code != exitNonConformant {
		t.Fatalf("exit %d, want 1", code)
	}
	i := slices.IndexFunc(r.Findings, func(f reports.Finding) bool { return f.ID == "QUAL-019" })
	if i < 0 {
		t.Fatalf("no QUAL-019 finding in %q", ids(r.Findings))
	}
	var rows []int64
	for _, s := range r.Findings[i].Samples {
		rows = append(rows, s.Row)
	}
	if !slices.Equal(rows, []int64{2, 3}) {
		t.Errorf("ragged sample rows %v, want [2 3]", rows)
	}
}

func TestInputErrorsExitTwoWithOneLine(t *testing.T) {
	dir := t.TempDir()
	whole, err := os.ReadFile(strings.TrimSuffix(example, ".csv") + ".parquet")
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "truncated.parquet")
	if err := os.WriteFile(truncated, whole[:len(whole)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	badMeta := filepath.Join(dir, "meta.yaml")
	if err := os.WriteFile(badMeta, []byte("title: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"truncated parquet", []string{"check", truncated}, truncated},
		{"missing file", []string{"check", filepath.Join(dir, "nope.csv")}, "nope.csv"},
		{"broken metadata", []string{"check", "--metadata", badMeta, example}, badMeta},
		{"unknown format", []string{"check", "--format", "pdf", example}, "want one of text, json"},
		{"unknown severity", []string{"check", "--fail-on", "fatal", example}, "want error, warning or info"},
		{"unknown encoding", []string{"check", "--encoding", "ebcdic", example}, "unknown encoding"},
		{"no path", []string{"check"}, "check takes one PATH"},
		{"unknown flag", []string{"check", "--colour", example}, "flag provided but not defined"},
		{"user rule calling the network", []string{"check", "--rules", writePack(t, dir), example}, "http.send"},
		// The rules compile while the data is read: when both are broken, the rules still
		// are the error, as when they came first.
		{"broken rules and data", []string{"check", "--rules", filepath.Join(dir, "pack"), truncated}, "http.send"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.args...)
			if code != exitUsageOrInput {
				t.Fatalf("exit %d, want 2; stderr %q", code, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.want)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stdout, "verdict") {
				t.Errorf("stack trace or report on an input error:\n%s%s", stdout, stderr)
			}
		})
	}
	_, stderr, _ := runCLI(t, "check", truncated)
	if lines := strings.Count(strings.TrimSpace(stderr), "\n") + 1; lines != 1 {
		t.Errorf("truncated parquet: %d lines on stderr, want one:\n%s", lines, stderr)
	}
}

func writePack(t *testing.T, dir string) string {
	pack := filepath.Join(dir, "pack", "dgcheck", "rules", "acme", "leak")
	if err := os.MkdirAll(pack, 0o755); err != nil {
		t.Fatal(err)
	}
	rego := `# METADATA
# title: Leaks
# custom:
#   id: ACME-001
#   standard: none
#   clause: none
#   severity: error
#   remediation: none
package dgcheck.rules.acme.leak

violation contains f if {
	http.send({"method": "GET", "url": "http://example.com"})
	f := {}
}
`
	if err := os.WriteFile(filepath.Join(pack, "leak.rego"), []byte(rego), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "pack")
}

func TestFailOnAndOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	stdout, _, code := runCLI(t, "check", "-o", out, "--fail-on", "info", exampleClean)
	if code != exitConformant || stdout != "" {
		t.Errorf("exit %d, stdout %q: the report belongs in the file", code, stdout)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var r reports.Report
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("-o report.json did not imply JSON: %v", err)
	}
	if r.Verdict.FailOn != reports.Info {
		t.Errorf("fail_on %q, want info", r.Verdict.FailOn)
	}
	// QUAL-011 is a warning: failing on errors only, a roll with just repeated rows passes.
	_, _, code = runCLI(t, "check", "--fail-on", "warning", example)
	if code != exitNonConformant {
		t.Errorf("--fail-on warning: exit %d, want 1", code)
	}
}

func TestHelpAndVersion(t *testing.T) {
	stdout, _, code := runCLI(t, "check", "--help")
	if code != 0 || !strings.Contains(stdout, "Examples:") || !strings.Contains(stdout, "--fail-on") {
		t.Errorf("check --help (exit %d):\n%s", code, stdout)
	}
	stdout, _, _ = runCLI(t, "--help")
	if !strings.Contains(stdout, "Exit codes") {
		t.Errorf("--help does not explain exit codes:\n%s", stdout)
	}
	stdout, _, _ = runCLI(t, "version")
	if stdout != "dgcheck "+version+"\n" {
		t.Errorf("version printed %q", stdout)
	}
}

// The report's clock is injected, so tests and goldens can fix it.
func TestCheckedAtComesFromTheClock(t *testing.T) {
	var out bytes.Buffer
	env := &environment{stdout: &out, stderr: &bytes.Buffer{}, version: "test",
		now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CST", 8*3600)) }}
	o := checkOptions{format: "json", failOn: reports.Error}
	if err := runCheck(t.Context(), env, exampleClean, o); err != nil {
		t.Fatal(err)
	}
	var r reports.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.CheckedAt != "2026-01-01T19:04:05Z" || r.Tool.Version != "test" {
		t.Errorf("checked_at %q version %q", r.CheckedAt, r.Tool.Version)
	}
}

// With the reports in files, the terminal still gets the verdict, on stderr, unless -q.
func TestVerdictLineOnStderrWhenReportsGoToFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.json")
	stdout, stderr, code := runCLI(t, "check", "-o", out, example)
	if code != exitNonConformant || stdout != "" || !strings.HasPrefix(stderr, "verdict: NOT CONFORMANT: 22 findings at or above error") {
		t.Errorf("exit %d, stdout %q, stderr %q; want the verdict line on stderr only", code, stdout, stderr)
	}
	if _, stderr, _ := runCLI(t, "check", "-q", "-o", out, example); stderr != "" {
		t.Errorf("-q: stderr %q, want nothing", stderr)
	}
}

// "-" reads the dataset from standard input, CSV or Parquet by its magic, and the reports
// name it "-", not the temporary copy; its findings are the file's own.
func TestCheckReadsStandardInput(t *testing.T) {
	defer func(saved io.Reader) { stdin = saved }(stdin)
	for _, path := range []string{exampleClean, strings.TrimSuffix(exampleClean, ".csv") + ".parquet"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		stdin = bytes.NewReader(data)
		r, code := checkReport(t, "--metadata", strings.TrimSuffix(exampleClean, ".csv")+".meta.yaml", "-")
		stdin = bytes.NewReader(nil)
		want, wantCode := checkReport(t, "--metadata", strings.TrimSuffix(exampleClean, ".csv")+".meta.yaml", path)
		if code != wantCode || r.Dataset.Path != "-" || r.Dataset.Format != want.Dataset.Format || !slices.Equal(ids(r.Findings), ids(want.Findings)) {
			t.Errorf("%s from stdin: exit %d (file %d), path %q, format %s, findings %v; want the file's", path, code, wantCode,
				r.Dataset.Path, r.Dataset.Format, ids(r.Findings))
		}
	}
	stdin = bytes.NewReader([]byte("a,b\n1,2\n"))
	if _, stderr, code := runCLI(t, "check", "--input-format", "xlsx", "-"); code != exitUsageOrInput || !strings.Contains(stderr, "--input-format") {
		t.Errorf("--input-format xlsx: exit %d, stderr %q", code, stderr)
	}
}
