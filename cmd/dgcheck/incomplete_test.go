package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/audits"
)

// conflictingPack writes a rule pack whose one rule cannot be judged: it defines a value
// twice, so every evaluation of it is an eval_conflict_error.
func conflictingPack(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pack", "dgcheck", "rules", "acme", "conflict")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	rego := `# METADATA
# title: Conflicts
# custom:
#   id: ACME-002
#   standard: none
#   clause: none
#   severity: error
#   remediation: none
package dgcheck.rules.acme.conflict

import data.dgcheck.lib.result

x := 1

x := 2

violation contains result.finding(rego.metadata.chain(), {"message": sprintf("%d", [x])})
`
	if err := os.WriteFile(filepath.Join(dir, "conflict.rego"), []byte(rego), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(filepath.Dir(filepath.Dir(dir)))
}

// A rule that cannot be judged leaves the check incomplete: the report is written, in every
// format, with every other rule's findings and the failed rule under "not judged", and the
// exit code is 2, so that a CI gate tells the tool's failure from the data's.
func TestARuleThatCannotBeJudgedLeavesTheCheckIncomplete(t *testing.T) {
	pack := conflictingPack(t)
	out := t.TempDir()
	outputs := []string{"report.txt", "report.json", "report.md", "report.html", "report.sarif", "report.xml"}
	args := []string{"check", "--rules", pack}
	for _, o := range outputs {
		args = append(args, "-o", filepath.Join(out, o))
	}
	_, stderr, code := runCLI(t, append(args, example)...)
	if code != exitUsageOrInput || !strings.Contains(stderr, "the check is incomplete: 1 of its rules could not be judged") {
		t.Fatalf("exit %d, stderr %q; want 2 and the incomplete check named", code, stderr)
	}
	for _, o := range outputs {
		raw, err := os.ReadFile(filepath.Join(out, o))
		if err != nil {
			t.Fatalf("%s was not written: %v", o, err)
		}
		if !strings.Contains(string(raw), "ACME-002") || !strings.Contains(string(raw), "eval_conflict_error") {
			t.Errorf("%s does not name the rule not judged and its error", o)
		}
	}
	text, _ := os.ReadFile(filepath.Join(out, "report.txt"))
	if !strings.Contains(string(text), "verdict: INCOMPLETE: 1 rule could not be judged") {
		t.Errorf("the text verdict does not say the check is incomplete:\n%s", text)
	}

	r, code := checkReport(t, "--rules", pack, example)
	if code != exitUsageOrInput || !r.Verdict.Incomplete || r.Verdict.Conformant || r.Verdict.NotJudged != 1 {
		t.Errorf("exit %d, verdict %+v; want 2 and incomplete", code, r.Verdict)
	}
	if len(r.ToolErrors) != 1 || r.ToolErrors[0].Rule != "ACME-002" || r.ToolErrors[0].Pack == "" {
		t.Errorf("tool errors %+v, want ACME-002's", r.ToolErrors)
	}
	// The findings are those of the same check without the pack.
	clean, _ := checkReport(t, example)
	if !slices.Equal(ids(r.Findings), ids(clean.Findings)) {
		t.Errorf("the incomplete check found %v, without the pack %v", ids(r.Findings), ids(clean.Findings))
	}
	report := checkJSONWith(t, "--rules", pack, example)
	if errs := schemaErrors(t, reportSchema(t), report); len(errs) > 0 {
		t.Errorf("the incomplete report does not match docs/report.schema.json:\n%s", strings.Join(errs, "\n"))
	}
}

// In an audit the dataset's findings are kept, its status is incomplete, and the audit exits 2.
func TestAnAuditKeepsTheFindingsOfAnIncompleteCheck(t *testing.T) {
	pack := conflictingPack(t)
	dir := t.TempDir()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "roll.csv"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "audit")
	stdout, stderr, code := runCLI(t, "audit", "--rules", pack, "-o", out, dir)
	if code != exitUsageOrInput || !strings.Contains(stdout, "1 incomplete") || !strings.Contains(stdout, "not judged: roll.csv: ACME-002") {
		t.Fatalf("exit %d, want 2 with the incomplete dataset named\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	p, err := audits.ReadPortfolio(filepath.Join(out, "portfolio.json"))
	if err != nil {
		t.Fatal(err)
	}
	e := p.Datasets[0]
	if e.Status != audits.Incomplete || len(e.Findings) == 0 || len(e.ToolErrors) != 1 || p.Summary.Incomplete != 1 {
		t.Errorf("entry status %s, %d findings, tool errors %+v; want incomplete with its findings", e.Status, len(e.Findings), e.ToolErrors)
	}
	if errs := schemaErrors(t, readJSONFile(t, portfolioSchemaPath), readJSONFile(t, filepath.Join(out, "portfolio.json"))); len(errs) > 0 {
		t.Errorf("portfolio.json does not match docs/portfolio.schema.json:\n%s", strings.Join(errs, "\n"))
	}
}

// checkJSONWith is dgcheck check --format json ARGS as a generic JSON document, whatever the
// exit code, for validating against the schema.
func checkJSONWith(t *testing.T, args ...string) map[string]any {
	t.Helper()
	stdout, stderr, _ := runCLI(t, append([]string{"check", "--format", "json"}, args...)...)
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("report is not JSON: %v\nstderr: %s", err, stderr)
	}
	return doc
}

// The reproductions on plausible data: each once aborted the check with exit 2 and
// no report because a built-in rule failed to evaluate. Each now gives a report, text and
// JSON, with every rule judged.
func TestPlausibleDataIsJudgedByEveryRule(t *testing.T) {
	codes := "code\n600519\n000001\n"
	for _, tc := range []struct {
		name, data, meta, config string
		want                     string // a finding the report must have, besides being complete
		absent                   string // a finding it must not have
	}{
		{name: "six-digit codes in a dataset with personal information", data: codes,
			meta: "pi: {contains_pi: true}\n", want: "DESENS-013 code"},
		{name: "six-digit codes with detect_min_rate 0", data: codes,
			meta: "pi: {contains_pi: true}\n", config: "thresholds:\n  detect_min_rate: 0\n", want: "DESENS-013 code"},
		{name: "two business rules of one name", data: "a,b\n1,2\n3,1\n",
			meta: "business_rules:\n  - {name: r, column: a, op: '<', other: b}\n  - {name: r, column: b, op: '>', value: '0'}\n",
			want: "QUAL-004 a,b"},
		// A date far in the future is not overdue; one far in the past is.
		{name: "modified in year 9999", data: codes, meta: "modified: 9999-12-31\naccrual_periodicity: 每月\n", absent: "QUAL-017 "},
		{name: "modified in year 1600", data: codes, meta: "modified: 1600-01-01\naccrual_periodicity: 每月\n", want: "QUAL-017 "},
		{name: "modified in year 1", data: codes, meta: "modified: 0001-01-01\naccrual_periodicity: 每月\n", want: "QUAL-017 "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			data, meta := filepath.Join(dir, "a.csv"), filepath.Join(dir, "a.meta.yaml")
			if err := os.WriteFile(data, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(meta, []byte("schema: dgcheck/metadata/v1\n"+tc.meta), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{data}
			if tc.config != "" {
				config := filepath.Join(dir, "dgcheck.yaml")
				if err := os.WriteFile(config, []byte(tc.config), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append([]string{"--config", config}, args...)
			}
			stdout, stderr, code := runCLI(t, append([]string{"check"}, args...)...)
			if code == exitUsageOrInput || !strings.Contains(stdout, "verdict: ") || strings.Contains(stdout, "INCOMPLETE") {
				t.Fatalf("exit %d; want a complete report\nstdout: %s\nstderr: %s", code, stdout, stderr)
			}
			r, _ := checkReport(t, args...)
			if len(r.ToolErrors) > 0 || r.Verdict.Incomplete {
				t.Errorf("rules not judged: %+v", r.ToolErrors)
			}
			if tc.want != "" && !slices.Contains(ids(r.Findings), tc.want) {
				t.Errorf("findings %v lack %q", ids(r.Findings), tc.want)
			}
			if tc.absent != "" && slices.Contains(ids(r.Findings), tc.absent) {
				t.Errorf("findings %v have %q", ids(r.Findings), tc.absent)
			}
		})
	}
}
