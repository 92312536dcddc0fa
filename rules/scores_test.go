package rules

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

// scoreViolations is every way a judgement's scores disagree with its findings and verdict
// (docs/scoring.md): a score out of range or printed as 100 while an element fails, an
// indicator at 90 or more while one of its rules has an unwaived error, grade A for a dataset
// that does not conform at failOn. Empty when the scores are ones a reader can trust.
func scoreViolations(j *Judgement, failOn reports.Severity) []string {
	if j == nil || j.Scores == nil {
		return nil
	}
	var bad []string
	errs := map[string]bool{}
	for _, f := range j.Findings {
		if f.Severity == reports.Error && f.Waived == nil {
			errs[f.ID] = true
		}
	}
	perfect := true
	for name, s := range j.Scores.Indicators {
		if s.Score < 0 || s.Score > 100 || s.A < 0 || s.A > s.B {
			bad = append(bad, fmt.Sprintf("%s: score %v, %d of %d", name, s.Score, s.A, s.B))
		}
		if s.A < s.B && s.Score >= 100 {
			bad = append(bad, fmt.Sprintf("%s: %d of %d elements conform, scored %v", name, s.A, s.B, s.Score))
		}
		perfect = perfect && s.Score == 100
		for id, m := range s.ByRule {
			if m.A < 0 || m.A > m.B || m.B == 0 {
				bad = append(bad, fmt.Sprintf("%s: %s measured %d of %d", name, id, m.A, m.B))
			}
			if errs[id] && (s.Score >= 90 || !slices.Contains(s.CappedBy, id)) {
				bad = append(bad, fmt.Sprintf("%s: %v (capped by %v) while %s has an unwaived error", name, s.Score, s.CappedBy, id))
			}
		}
	}
	if !perfect && j.Scores.Overall >= 100 {
		bad = append(bad, fmt.Sprintf("overall %v while an indicator is below 100", j.Scores.Overall))
	}
	r := reports.Report{Findings: j.Findings, ToolErrors: j.ToolErrors}
	r.Conclude(failOn)
	if !r.Verdict.Conformant && j.Scores.Grade == "A" {
		bad = append(bad, fmt.Sprintf("grade A for a dataset that does not conform at %s (%d failing, %d not judged)",
			failOn, r.Verdict.Failing, r.Verdict.NotJudged))
	}
	return bad
}

// onlyDuplicateRows judges household with QUAL-011 alone: one repeated row in 2000, a
// warning, accuracy 99.9, which earns grade A.
func onlyDuplicateRows(failOn reports.Severity) *Config {
	return &Config{FailOn: failOn, Disable: []string{"META-*", "CLASS-*", "DESENS-*", "ID-*", "PUB-*", "XB-*", "CONF-*",
		"QUAL-00?", "QUAL-010", "QUAL-01[2-9]", "QUAL-02?"}}
}

// The scores obey the verdict at the fail_on the caller gives, then the configuration's: the
// same judgement of the same data is graded A when its warning does not fail it, B when it
// does, and says that the score alone earns A.
func TestScoresAgreeWithTheVerdict(t *testing.T) {
	ctx := context.Background()
	in := decodeInput(t, household)
	for _, c := range []struct {
		config, given reports.Severity
		grade, earned string
	}{
		{"", "", "A", ""}, // error, the default
		{"", reports.Error, "A", ""},
		{"", reports.Warning, "B", "A"},
		{"", reports.Info, "B", "A"},
		{reports.Warning, "", "B", "A"},
		{reports.Warning, reports.Error, "A", ""}, // the caller's wins, as flags win over the file
	} {
		engine, err := Load(ctx, WithConfig(onlyDuplicateRows(c.config)))
		if err != nil {
			t.Fatal(err)
		}
		in.Options = map[string]any{"now": "2026-11-25T00:00:00Z"}
		if c.given != "" {
			in.Options = map[string]any{"now": "2026-11-25T00:00:00Z", "fail_on": string(c.given)}
		}
		j, err := engine.Judge(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(j.Findings) != 1 || j.Findings[0].ID != "QUAL-011" || j.Scores == nil {
			t.Fatalf("findings %+v, scores %+v: want QUAL-011's warning and scores", j.Findings, j.Scores)
		}
		if s := j.Scores; s.Grade != c.grade || s.ScoreGrade != c.earned || s.Indicators["accuracy"].Score != 99.9 {
			t.Errorf("config fail_on %q, given %q: grade %s, score grade %q, accuracy %v; want %s, %q, 99.9",
				c.config, c.given, s.Grade, s.ScoreGrade, s.Indicators["accuracy"].Score, c.grade, c.earned)
		}
		if bad := scoreViolations(j, cmp.Or(c.given, c.config, reports.Error)); len(bad) > 0 {
			t.Errorf("config fail_on %q, given %q:\n%s", c.config, c.given, strings.Join(bad, "\n"))
		}
	}
}

// Every rule of the household fixture, at each fail_on: the scores keep to their caps.
func TestScoresKeepTheirCaps(t *testing.T) {
	ctx := context.Background()
	engine, err := Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := decodeInput(t, household)
	for _, failOn := range []reports.Severity{reports.Error, reports.Warning, reports.Info} {
		in.Options = map[string]any{"now": "2026-11-25T00:00:00Z", "fail_on": string(failOn)}
		j, err := engine.Judge(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if j.Scores == nil || len(j.Scores.Indicators["completeness"].CappedBy) == 0 {
			t.Fatalf("fail_on %s: scores %+v, want completeness capped by QUAL-007's error", failOn, j.Scores)
		}
		if bad := scoreViolations(j, failOn); len(bad) > 0 {
			t.Errorf("fail_on %s:\n%s", failOn, strings.Join(bad, "\n"))
		}
	}
	in.Options = map[string]any{"now": "2026-11-25T00:00:00Z", "fail_on": "fatal"}
	if _, err := engine.Judge(ctx, in); err == nil || !strings.Contains(err.Error(), "fail_on") {
		t.Errorf("fail_on fatal: err %v, want one naming fail_on", err)
	}
}
