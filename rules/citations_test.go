package rules

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

func TestCitedStandards(t *testing.T) {
	got := CitedStandards("PIPL (个人信息保护法); GB/T 16831-2013 (ISO 6709:2008);GB/T 36344-2018; 政务信息资源目录编制指南(试行)")
	want := []string{"PIPL", "GB/T 16831-2013", "GB/T 36344-2018", "政务信息资源目录编制指南(试行)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("CitedStandards = %q, want %q", got, want)
	}
}

// caveat is what no user-facing citation text may say: a citation says what is known, and how
// sure it is goes into custom.basis.
var caveat = regexp.MustCompile(`(?i)unknown|memory|believed|not verified`)

// basisTag is how custom.basis opens: a tag (ruleinfo.go) and its text.
var basisTag = regexp.MustCompile(`^(T|S|NF|P): \S`)

// The built-in rules' citations are clean: no caveat in any user-facing text, a basis for
// every rule, and only current editions of standards the standards table knows.
func TestBuiltInCitations(t *testing.T) {
	table, err := Standards()
	if err != nil {
		t.Fatal(err)
	}
	for id, e := range table {
		if e.ID != id {
			t.Errorf("%s: entry %q has ID %q; Standards fills it from its key", standardsFile, id, e.ID)
		}
		switch {
		case e.Edition == "" || e.Kind == "":
			t.Errorf("%s: standards table entry %q lacks its edition or kind", standardsFile, id)
		case e.Status == "superseded":
			if by, ok := table[e.SupersededBy]; !ok || by.Status != "current" {
				t.Errorf("%s: %q is superseded by %q, which is not a current entry", standardsFile, id, e.SupersededBy)
			}
		case e.Status != "current" || e.SupersededBy != "":
			t.Errorf("%s: %q has status %q (superseded_by %q); want current, or superseded with superseded_by",
				standardsFile, id, e.Status, e.SupersededBy)
		}
	}

	engine, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range engine.Rules() {
		if r.Pack != "" {
			continue
		}
		for _, f := range []struct{ field, text string }{
			{"title", r.Title}, {"custom.title_zh", r.TitleZh}, {"description", r.Description},
			{"custom.standard", r.Standard}, {"custom.clause", r.Clause},
			{"custom.remediation", r.Remediation}, {"custom.remediation_zh", r.RemediationZh},
		} {
			if w := caveat.FindString(f.text); w != "" {
				t.Errorf("%s: %s says %q (put how sure a citation is in custom.basis): %s", r.ID, f.field, w, f.text)
			}
		}
		if r.Basis == "" {
			t.Errorf("%s has no custom.basis", r.ID)
		} else if !basisTag.MatchString(r.Basis) {
			t.Errorf("%s: custom.basis %q does not open with T:, S:, NF: or P:", r.ID, r.Basis)
		}
		for _, id := range CitedStandards(r.Standard) {
			e, ok := table[id]
			switch {
			case !ok:
				t.Errorf("%s cites %q (custom.standard %q), which is not in %s", r.ID, id, r.Standard, standardsFile)
			case e.Status != "current":
				t.Errorf("%s cites %s, superseded by %s", r.ID, id, e.SupersededBy)
			}
		}
	}
}

// Only a built-in rule must give the basis of its citation; a user pack's may, and it is read.
func TestBasisIsRequiredOfBuiltInRules(t *testing.T) {
	meta := &ast.Annotations{Title: "Notes", Custom: map[string]any{
		"id": "ACME-001", "standard": "s", "clause": "c", "severity": "info", "remediation": "r"}}
	if _, missing := ruleInfo("data.dgcheck.rules.acme.notes", "acme", meta, true); strings.Join(missing, "; ") != "no custom.basis" {
		t.Errorf("a built-in rule without a basis: missing %q, want no custom.basis", missing)
	}
	if info, missing := ruleInfo("data.dgcheck.rules.acme.notes", "acme", meta, false); len(missing) > 0 || info.Basis != "" {
		t.Errorf("a pack's rule without a basis: %+v, missing %q", info, missing)
	}
	meta.Custom["basis"] = "S: the ACME handbook"
	if info, missing := ruleInfo("data.dgcheck.rules.acme.notes", "acme", meta, false); len(missing) > 0 || info.Basis != "S: the ACME handbook" {
		t.Errorf("a pack's rule with a basis: %+v, missing %q", info, missing)
	}
	meta.Custom["basis"] = 3
	if _, missing := ruleInfo("data.dgcheck.rules.acme.notes", "acme", meta, false); strings.Join(missing, "; ") != "custom.basis is not a string" {
		t.Errorf("a basis that is not a string: missing %q", missing)
	}
}
