package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/reports"
	"github.com/dgcheck/dgcheck/rules"
)

// waiversFor writes a dgcheck.yaml waiving each of the findings, all until expires, except
// the first, which expires on first; it returns the file's path.
func waiversFor(t *testing.T, findings []reports.Finding, first, expires string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("waivers:\n")
	for i, f := range findings {
		until := expires
		if i == 0 {
			until = first
		}
		fmt.Fprintf(&b, "  - rule: %s\n    dataset: \"**/hongshan_dibao_2025.csv\"\n", f.ID)
		if f.Column != "" {
			fmt.Fprintf(&b, "    column: %s\n", f.Column)
		}
		fmt.Fprintf(&b, "    reason: accepted for the test\n    owner: tester@example.org\n    expires: %s\n", until)
	}
	path := filepath.Join(t.TempDir(), "dgcheck.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Acceptance 4: a valid waiver marks its finding waived, and waiving every failing finding
// makes the run pass; a waiver past its date waives nothing and is itself a finding.
func TestWaiversChangeTheVerdict(t *testing.T) {
	before, code := checkReport(t, example)
	if code != exitNonConformant {
		t.Fatalf("exit %d before waivers", code)
	}
	var failing []reports.Finding
	for _, f := range before.Findings {
		if f.Severity.Rank() >= reports.Error.Rank() {
			failing = append(failing, f)
		}
	}

	inForce := waiversFor(t, failing, "2099-12-31", "2099-12-31")
	after, code := checkReport(t, "--config", inForce, example)
	if code != exitConformant || !after.Verdict.Conformant {
		t.Fatalf("every failing finding waived: exit %d, verdict %+v", code, after.Verdict)
	}
	if len(after.Findings) != len(before.Findings) || after.Summary.Waived != len(failing) {
		t.Errorf("%d findings (%d waived), want all %d still reported and %d waived",
			len(after.Findings), after.Summary.Waived, len(before.Findings), len(failing))
	}
	for _, f := range after.Findings {
		if (f.Severity == reports.Error) != (f.Waived != nil) {
			t.Errorf("%s %s: waived %+v", f.ID, f.Column, f.Waived)
		}
	}

	expired := waiversFor(t, failing, "2020-01-31", "2099-12-31")
	after, code = checkReport(t, "--config", expired, example)
	if code != exitNonConformant {
		t.Fatalf("an expired waiver: exit %d, want 1", code)
	}
	lapsed := failing[0]
	var conf []reports.Finding
	for _, f := range after.Findings {
		if f.ID == lapsed.ID && f.Column == lapsed.Column && f.Waived != nil {
			t.Errorf("%s %s is still waived by an expired waiver", f.ID, f.Column)
		}
		if f.ID == "CONF-001" {
			conf = append(conf, f)
		}
	}
	if len(conf) != 1 || !strings.Contains(conf[0].Message, "the waiver of "+lapsed.ID) ||
		!strings.Contains(conf[0].Message, "expired on 2020-01-31") || !strings.Contains(conf[0].Message, expired+":2") {
		t.Errorf("CONF-001 findings %+v, want one naming the waiver of %s and where it is written", conf, lapsed.ID)
	}
	if after.Verdict.Failing != 1 {
		t.Errorf("%d failing, want the one no longer waived", after.Verdict.Failing)
	}
}

// dgcheck.yaml is found in the working directory; flags override it.
func TestConfigInWorkingDirectoryAndFlagsOverIt(t *testing.T) {
	abs, err := filepath.Abs(exampleClean)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("dgcheck.yaml", []byte("fail_on: warning\nprofile: pipeline\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, _ := checkReport(t, abs)
	if r.Verdict.FailOn != reports.Warning {
		t.Errorf("fail_on %q: dgcheck.yaml in the working directory was not read", r.Verdict.FailOn)
	}
	r, _ = checkReport(t, "--fail-on", "info", abs)
	if r.Verdict.FailOn != reports.Info {
		t.Errorf("fail_on %q: --fail-on did not override the file", r.Verdict.FailOn)
	}
	if len(r.Rules) == 0 {
		t.Error("the report names no rules")
	}
}

func TestBadConfigurationIsALocatedInputError(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "dgcheck.yaml")
	if err := os.WriteFile(bad, []byte("fail_on: error\nseverity:\n  QUAL-999: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--config", bad, example}, bad + ":3:3: severity: no rule has id QUAL-999"},
		{[]string{"check", "--config", filepath.Join(dir, "none.yaml"), example}, "none.yaml"},
		{[]string{"check", "--profile", "public", example}, `--profile: unknown profile "public" (want one of cn-gov-catalogue, internal-sharing, pipeline, public-release)`},
		{[]string{"check", "--lang", "fr", "-o", filepath.Join(dir, "r.html"), example}, "want one of en, zh"},
	} {
		_, stderr, code := runCLI(t, tc.args...)
		if code != exitUsageOrInput || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// -o's extension picks the format, and --quiet leaves standard output empty.
func TestOutputFormatsByExtensionAndQuiet(t *testing.T) {
	dir := t.TempDir()
	for ext, start := range map[string]string{
		".sarif": `{`, ".xml": `<?xml version="1.0" encoding="UTF-8"?>` + "\n<testsuites", ".md": "## ❌ dgcheck:",
		".html": "<!DOCTYPE html>", ".txt": "dgcheck ",
	} {
		out := filepath.Join(dir, "report"+ext)
		stdout, stderr, code := runCLI(t, "check", "-q", "-o", out, example)
		if code != exitNonConformant || stdout != "" || stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", ext, code, stdout, stderr)
		}
		raw, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(raw), start) {
			t.Errorf("report%s starts %q, want %q", ext, raw[:min(len(raw), 60)], start)
		}
		if ext == ".sarif" && !strings.Contains(string(raw), `"ruleId": "QUAL-011"`) {
			t.Error("the SARIF report has no result for QUAL-011")
		}
	}
	stdout, _, code := runCLI(t, "check", "--quiet", example)
	if code != exitNonConformant || stdout != "" {
		t.Errorf("--quiet: exit %d, stdout %q", code, stdout)
	}

	// Several -o from one scan, each in its extension's format; one -o takes --format.
	sarif, md, plain := filepath.Join(dir, "both.sarif"), filepath.Join(dir, "both.md"), filepath.Join(dir, "report.out")
	if _, stderr, code := runCLI(t, "check", "-o", sarif, "-o", md, example); code != exitNonConformant {
		t.Fatalf("two outputs: exit %d, %s", code, stderr)
	}
	for path, start := range map[string]string{sarif: "{", md: "## "} {
		if raw, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(raw), start) {
			t.Errorf("%s: %v, starts %q", path, err, raw[:min(len(raw), 20)])
		}
	}
	if _, _, code := runCLI(t, "check", "--format", "junit", "-o", plain, example); code != exitNonConformant {
		t.Fatalf("--format junit -o report.out: exit %d", code)
	}
	if raw, _ := os.ReadFile(plain); !strings.HasPrefix(string(raw), "<?xml") {
		t.Errorf("--format junit -o report.out wrote %q", raw[:min(len(raw), 20)])
	}
}

func TestRulesCommands(t *testing.T) {
	list, _, code := runCLI(t, "rules", "list")
	if code != 0 || !strings.HasPrefix(list, "ID ") || !strings.Contains(list, "QUAL-011") || !strings.Contains(list, "CONF-001") {
		t.Errorf("rules list (exit %d):\n%s", code, list)
	}
	cfg := filepath.Join(t.TempDir(), "dgcheck.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [QUAL-011]\nseverity:\n  QUAL-007: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	list, _, _ = runCLI(t, "rules", "list", "--config", cfg)
	if strings.Contains(list, "QUAL-011") || !regexpLine(list, `^QUAL-007\s+quality\s+warning\s+GB/T 36344-2018`) {
		t.Errorf("rules list --config does not show the configured selection:\n%s", list)
	}

	show, _, code := runCLI(t, "rules", "show", "conf-001")
	if code != 0 || !strings.HasPrefix(show, "# CONF-001 Waivers have not expired\n") || !strings.Contains(show, "豁免未过期") ||
		!strings.Contains(show, "\n| Basis | P: ") {
		t.Errorf("rules show conf-001 (exit %d):\n%s", code, show)
	}
	if _, stderr, code := runCLI(t, "rules", "show", "NOPE-001"); code != exitUsageOrInput || !strings.Contains(stderr, "no rule has id") {
		t.Errorf("rules show NOPE-001: exit %d, %s", code, stderr)
	}
}

// Acceptance 5: rules doc lists every built-in rule with its standard, clause and basis.
func TestRulesDocListsEveryRule(t *testing.T) {
	doc, _, code := runCLI(t, "rules", "doc")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	list, _, _ := runCLI(t, "rules", "list")
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(list), "\n")[1:] {
		ids = append(ids, strings.Fields(line)[0])
	}
	if len(ids) < 10 {
		t.Fatalf("only %d rules listed", len(ids))
	}
	for _, id := range ids {
		section := doc[strings.Index(doc, "\n## "+id+" ")+1:]
		if !strings.HasPrefix(section, "## "+id+" ") {
			t.Errorf("no section for %s", id)
			continue
		}
		section = section[:strings.Index(section+"\n## ", "\n## ")]
		if !strings.Contains(section, "| Standard | ") || !strings.Contains(section, "| Clause | ") || !strings.Contains(section, "| Basis | ") {
			t.Errorf("%s's section lacks its standard, clause or basis:\n%s", id, section)
		}
		if !regexpLine(doc, `^\| [^|]+ \| [^|]+ \| .*\b`+id+`\b`) {
			t.Errorf("%s is in no row of the clause coverage table", id)
		}
	}
	dir := t.TempDir()
	if _, _, code := runCLI(t, "rules", "doc", "-o", dir); code != 0 {
		t.Fatalf("rules doc -o: exit %d", code)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(pages) != len(ids)+1 {
		t.Errorf("%d pages for %d rules and the index", len(pages), len(ids))
	}
}

func TestRulesTestExitCodes(t *testing.T) {
	out, _, code := runCLI(t, "rules", "test")
	var passed, total int
	summary := out[max(strings.LastIndex(out, "PASS: "), 0):]
	if _, err := fmt.Sscanf(summary, "PASS: %d/%d\n", &passed, &total); err != nil || code != 0 || passed != total || total < 20 {
		t.Errorf("built-in tests: exit %d, %d of %d passed (%v)\n%s", code, passed, total, err, out)
	}
	dir := t.TempDir()
	pack := filepath.Join(dir, "dgcheck", "rules", "acme", "notes")
	if err := os.MkdirAll(pack, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(pack, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("notes.rego", "# METADATA\n# title: Notes\n# custom:\n#   id: ACME-001\n#   standard: s\n#   clause: c\n#   severity: info\n#   remediation: r\npackage dgcheck.rules.acme.notes\n\nwarning contains {\"id\": \"ACME-001\"} if false\n")
	write("notes_test.rego", "package dgcheck.rules.acme.notes_test\n\nimport data.dgcheck.rules.acme.notes\n\ntest_fail_notes if count(notes.warning) == 1\n")
	out, _, code = runCLI(t, "rules", "test", dir)
	if code != exitNonConformant || !strings.Contains(out, "data.dgcheck.rules.acme.notes_test.test_fail_notes: FAIL") || !regexpLine(out, `^FAIL: 1/\d+$`) {
		t.Errorf("a failing pack test: exit %d\n%s", code, out)
	}
	write("notes.rego", "package dgcheck.rules.acme.notes\n\nwarning contains x if {\n")
	_, stderr, code := runCLI(t, "rules", "test", dir)
	if code != exitUsageOrInput || !strings.Contains(stderr, "notes.rego") {
		t.Errorf("a broken pack: exit %d, %s", code, stderr)
	}
}

// regexpLine tells whether a line of s matches the expression (anchors apply per line).
func regexpLine(s, expr string) bool {
	return slices.ContainsFunc(strings.Split(s, "\n"), func(line string) bool {
		return regexp.MustCompile(expr).MatchString(line)
	})
}

// The CI examples stay true: their configuration loads, and the workflow's check command
// writes the four reports it publishes.
func TestCIExamplesWork(t *testing.T) {
	cfg, err := rules.ReadConfig("../../examples/ci/dgcheck.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rules.Load(t.Context(), rules.WithConfig(cfg)); err != nil {
		t.Fatalf("examples/ci/dgcheck.yaml: %v", err)
	}
	var workflow struct {
		Jobs map[string]struct {
			Steps []struct {
				ID  string `yaml:"id"`
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	raw, err := os.ReadFile("../../examples/ci/github-actions.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(raw, &workflow); err != nil {
		t.Fatalf("github-actions.yml: %v", err)
	}
	var command string
	for _, s := range workflow.Jobs["check"].Steps {
		if s.ID == "check" {
			command = s.Run
		}
	}
	args := strings.Fields(strings.ReplaceAll(command, `"$DATASET"`, example))
	if len(args) < 3 || args[0] != "dgcheck" {
		t.Fatalf("the workflow's check step runs %q", command)
	}
	dir := t.TempDir()
	for i, a := range args {
		if i > 0 && args[i-1] == "-o" {
			args[i] = filepath.Join(dir, a)
		}
	}
	if _, stderr, code := runCLI(t, args[1:]...); code != exitNonConformant {
		t.Fatalf("%q: exit %d, %s", args, code, stderr)
	}
	for _, name := range []string{"dgcheck.sarif", "summary.md", "report.html", "junit.xml"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("the workflow publishes %s, which check did not write: %v", name, err)
		}
	}
}

// The rule catalogue a regulator reviews, in docs/ in each language and format, is what
// `dgcheck rules doc` writes today: regenerated, it is unchanged.
func TestRuleCatalogueIsCurrent(t *testing.T) {
	for _, tc := range []struct {
		args []string
		path string
	}{
		{[]string{"rules", "doc"}, "../../docs/rules.md"},
		{[]string{"rules", "doc", "--lang", "zh"}, "../../docs/rules.zh.md"},
		{[]string{"rules", "doc", "--format", "html"}, "../../docs/rules.html"},
		{[]string{"rules", "doc", "--format", "html", "--lang", "zh"}, "../../docs/rules.zh.html"},
	} {
		doc, stderr, code := runCLI(t, tc.args...)
		if code != 0 || doc == "" {
			t.Errorf("%q: exit %d, %d bytes, %s", tc.args, code, len(doc), stderr)
			continue
		}
		if *updateDocs {
			if err := os.WriteFile(tc.path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(tc.path)
		if err != nil {
			t.Errorf("%v (run go test ./cmd/dgcheck -run TestRuleCatalogue -update-docs)", err)
			continue
		}
		if string(got) != doc {
			t.Errorf("%s is not what `dgcheck %s` writes\nrun go test ./cmd/dgcheck -run TestRuleCatalogue -update-docs and review the diff",
				strings.TrimPrefix(tc.path, "../../"), strings.Join(tc.args, " "))
		}
	}
}
