package rules

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

const goodConfig = `# a CI gate
profile: public-release
rules:
  enable: [ACME-*]
  disable: [QUAL-011]
severity:
  META-016: warning
thresholds:
  id_check_digit_min: 0.99
fail_on: warning
waivers:
  - rule: QUAL-012
    dataset: "testdata/**/*.csv"
    column: household_id
    reason: renumbering in progress
    owner: roll-keeper@example.org
    expires: 2026-12-31
`

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig("dgcheck.yaml", []byte(goodConfig))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{Path: "dgcheck.yaml", Profile: "public-release", Enable: []string{"ACME-*"}, Disable: []string{"QUAL-011"},
		Severity: map[string]reports.Severity{"META-016": reports.Warning}, Thresholds: map[string]float64{"id_check_digit_min": 0.99},
		FailOn: reports.Warning, Waivers: []Waiver{{Rule: "QUAL-012", Dataset: "testdata/**/*.csv", Column: "household_id",
			Reason: "renumbering in progress", Owner: "roll-keeper@example.org", Expires: "2026-12-31", Source: "dgcheck.yaml:12"}}}
	c.at = nil
	if !reflect.DeepEqual(c, want) {
		t.Errorf("config\n%+v\nwant\n%+v", c, want)
	}
	empty, err := ParseConfig("empty.yaml", nil)
	if err != nil || empty.Profile != "" || len(empty.Waivers) != 0 {
		t.Errorf("empty file: %+v, %v", empty, err)
	}
}

// Every mistake is reported, each at its line and column.
func TestParseConfigLocatesEveryError(t *testing.T) {
	const bad = `profile: [a, b]
rules:
  enable: QUAL-*
  allow: [x]
severity:
  QUAL-7: error
  QUAL-011: fatal
thresholds:
  k_min: five
fail_on: sometimes
waivers:
  - rule: QUAL-012
    dataset: "data/[*.csv"
    expires: 31/12/2026
    why: because
timeout: 5
severity: {}
`
	_, err := ParseConfig("ci/dgcheck.yaml", []byte(bad))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"ci/dgcheck.yaml:1:10: profile: want a string",
		"ci/dgcheck.yaml:3:11: rules.enable: want a list of rule ids or patterns",
		`ci/dgcheck.yaml:4:3: rules: unknown key "allow"`,
		`ci/dgcheck.yaml:6:3: "QUAL-7" is not a rule id`,
		`ci/dgcheck.yaml:7:13: severity.QUAL-011: unknown severity "fatal"`,
		`ci/dgcheck.yaml:9:10: thresholds.k_min: want a number, got "five"`,
		`ci/dgcheck.yaml:10:10: fail_on: unknown severity "sometimes"`,
		`ci/dgcheck.yaml:15:5: waivers[0]: unknown key "why"`,
		"ci/dgcheck.yaml:12:5: waivers[0]: no reason",
		"ci/dgcheck.yaml:12:5: waivers[0]: no owner",
		`ci/dgcheck.yaml:12:5: waivers[0].dataset: bad glob "data/[*.csv"`,
		`ci/dgcheck.yaml:12:5: waivers[0].expires: "31/12/2026" is not a date YYYY-MM-DD`,
		`ci/dgcheck.yaml:16:1: unknown key "timeout"`,
		"ci/dgcheck.yaml:17:1: severity is given twice",
	} {
		if !strings.Contains(err.Error(), want+"") {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	if _, err := ParseConfig("x.yaml", []byte("profile: [\n")); err == nil || !strings.Contains(err.Error(), "x.yaml: yaml: line") {
		t.Errorf("broken YAML: %v, want an error naming the file and line", err)
	}
}

func TestProfiles(t *testing.T) {
	profiles, err := Profiles()
	if err != nil {
		t.Fatal(err)
	}
	names := profileNames(profiles)
	if want := []string{"cn-gov-catalogue", "internal-sharing", "pipeline", "public-release"}; !slices.Equal(names, want) {
		t.Errorf("profiles %q, want %q", names, want)
	}
	for _, p := range profiles {
		if p.Description == "" || len(p.Rules) == 0 {
			t.Errorf("profile %s has no description or rules", p.Name)
		}
	}
	p := Profile{Rules: []string{"QUAL-*", "META-001"}, Exclude: []string{"QUAL-011"}}
	for id, want := range map[string]bool{"QUAL-007": true, "META-001": true, "QUAL-011": false, "META-016": false} {
		if p.selects(id) != want {
			t.Errorf("profile %+v selects %s: %v", p, id, !want)
		}
	}
}

// Load holds the configuration against the rules: a name that selects, overrides or waives
// nothing is a located error, not a silent no-op.
func TestLoadChecksTheConfiguration(t *testing.T) {
	const bad = `profile: publc-release
rules:
  disable: [QAUL-*]
severity:
  QUAL-099: error
thresholds:
  completness_min: 0.9
waivers:
  - {rule: CONF-001, dataset: "*", reason: r, owner: o, expires: 2030-01-01}
  - {rule: XYZ-001, dataset: "*", reason: r, owner: o, expires: 2030-01-01}
`
	c, err := ParseConfig("dgcheck.yaml", []byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Load(context.Background(), WithConfig(c))
	if err == nil {
		t.Fatal("Load accepted the configuration")
	}
	for _, want := range []string{
		`dgcheck.yaml:1:1: unknown profile "publc-release" (want one of cn-gov-catalogue, internal-sharing, pipeline, public-release)`,
		`dgcheck.yaml:3:13: rules.disable: "QAUL-*" matches no rule`,
		"dgcheck.yaml:5:3: severity: no rule has id QUAL-099",
		`dgcheck.yaml:7:3: thresholds: unknown threshold "completness_min" (want one of `,
		" completeness_min,",
		"dgcheck.yaml:9:5: waivers[0]: CONF-001 judges the configuration itself and cannot be waived",
		"dgcheck.yaml:10:5: waivers[1]: no rule has id XYZ-001",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func findingKeys(fs []reports.Finding) []string {
	var out []string
	for _, f := range fs {
		k := string(f.Severity) + " " + f.ID + " " + f.Column
		if f.Waived != nil {
			k += " waived"
		}
		out = append(out, k)
	}
	return out
}

// acmePack holds three rules of a user pack whose findings the configuration tests shape,
// so the tests do not depend on what the built-in rules make of their input.
var acmePack = map[string]string{
	"dgcheck/rules/acme/columns/columns.rego": `# METADATA
# title: Columns are listed
# custom:
#   id: ACME-101
#   standard: ACME test policy
#   clause: "1"
#   severity: error
#   remediation: none
package dgcheck.rules.acme.columns

import data.dgcheck.lib.result

violation contains result.finding(rego.metadata.chain(), {"column": c, "message": sprintf("column %s", [c])}) if {
	some c in input.dataset.columns
}
`,
	"dgcheck/rules/acme/threshold/threshold.rego": `# METADATA
# title: The completeness threshold is reported
# custom:
#   id: ACME-102
#   standard: ACME test policy
#   clause: "2"
#   severity: info
#   remediation: none
package dgcheck.rules.acme.threshold

import data.dgcheck.lib.config
import data.dgcheck.lib.result

warning contains result.finding(rego.metadata.chain(), {"message": sprintf("completeness_min %v", [config.thresholds.completeness_min])})
`,
	"dgcheck/rules/acme/always/always.rego": `# METADATA
# title: Always reports
# custom:
#   id: ACME-103
#   standard: ACME test policy
#   clause: "3"
#   severity: warning
#   remediation: none
package dgcheck.rules.acme.always

import data.dgcheck.lib.result

warning contains result.finding(rego.metadata.chain(), {"message": "always"})
`,
}

func TestConfigurationShapesTheFindings(t *testing.T) {
	ctx := context.Background()
	const config = `rules:
  disable: [ACME-103]
severity:
  ACME-101: warning
thresholds:
  completeness_min: 0.5
waivers:
  - rule: ACME-101
    dataset: "testdata/*.csv"
    column: sfzh
    reason: the numbers are the office's own
    owner: roll-keeper@example.org
    expires: 2026-11-25
  - rule: ACME-101
    dataset: dibao.csv
    column: xm
    reason: renumbering in progress
    owner: roll-keeper@example.org
    expires: 2026-11-24
`
	c, err := ParseConfig("dgcheck.yaml", []byte(config))
	if err != nil {
		t.Fatal(err)
	}
	engine, err := Load(ctx, WithConfig(c), WithUserRules(writePack(t, acmePack)))
	if err != nil {
		t.Fatal(err)
	}
	// household's clock says 2026-11-25: the sfzh waiver is in force on its last day, the xm
	// one expired the day before.
	findings, err := engine.Evaluate(ctx, decodeInput(t, household))
	if err != nil {
		t.Fatal(err)
	}
	acme := []string{"ACME-101", "ACME-102", "ACME-103", "CONF-001"}
	// ACME-101 is a warning now; ACME-103 does not run; ACME-102 sees the file's threshold.
	want := []string{
		"warning ACME-101 household_id",
		"warning ACME-101 lxdh",
		"warning ACME-101 sfzh waived",
		"warning ACME-101 xm",
		"warning CONF-001 xm",
		"info ACME-102 ",
	}
	if got := findingKeys(ofRules(findings, acme)); !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range ofRules(findings, acme) {
		if f.Waived != nil && *f.Waived != (reports.Waiver{Reason: "the numbers are the office's own",
			Owner: "roll-keeper@example.org", Expires: "2026-11-25"}) {
			t.Errorf("%s waived by %+v", f.ID, f.Waived)
		}
		if f.ID == "ACME-102" && f.Message != "completeness_min 0.5" {
			t.Errorf("ACME-102 saw %q, want the file's threshold", f.Message)
		}
		if f.ID == "CONF-001" && !strings.Contains(f.Message, "the waiver of ACME-101 for dibao.csv, column xm (dgcheck.yaml:14, owner roll-keeper@example.org) expired on 2026-11-24") {
			t.Errorf("CONF-001 says %q", f.Message)
		}
	}

	var selected []string
	for _, r := range engine.Selected() {
		if slices.Contains(acme, r.ID) {
			selected = append(selected, string(r.Severity)+" "+r.ID)
		}
	}
	if want := []string{"warning ACME-101", "info ACME-102", "warning CONF-001"}; !slices.Equal(selected, want) {
		t.Errorf("selected %q, want %q", selected, want)
	}

	// A caller's own thresholds win over the file's, one by one.
	in := decodeInput(t, household)
	in.Options = map[string]any{"now": "2026-11-25T00:00:00Z", "thresholds": map[string]any{"completeness_min": 0.25}}
	findings, err = engine.Evaluate(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(findings, func(f reports.Finding) bool { return f.ID == "ACME-102" }); i < 0 || findings[i].Message != "completeness_min 0.25" {
		t.Errorf("the caller's threshold did not win: %+v", ofRules(findings, acme))
	}
	// Waivers cannot be judged without a date.
	in.Options = nil
	if _, err := engine.Evaluate(ctx, in); err == nil || !strings.Contains(err.Error(), "options.now") {
		t.Errorf("Evaluate without now: %v", err)
	}
}

func TestProfileSelectsRules(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "dgcheck.yaml")
	if err := os.WriteFile(path, []byte("profile: pipeline\nrules:\n  enable: [ACME-*]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := ReadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := Load(context.Background(), WithConfig(c), WithUserRules(writePack(t, noNotesPack)))
	if err != nil {
		t.Fatal(err)
	}
	profiles, _ := Profiles()
	i := slices.IndexFunc(profiles, func(p Profile) bool { return p.Name == "pipeline" })
	for _, r := range engine.Rules() {
		want := profiles[i].selects(r.ID) || r.Area == "config" || r.ID == "ACME-001"
		got := slices.ContainsFunc(engine.Selected(), func(s RuleInfo) bool { return s.ID == r.ID })
		if got != want {
			t.Errorf("%s selected %v, want %v", r.ID, got, want)
		}
	}
}

func ofRules(fs []reports.Finding, ids []string) []reports.Finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f reports.Finding) bool { return !slices.Contains(ids, f.ID) })
}
