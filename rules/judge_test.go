package rules

import (
	"context"
	"slices"
	"testing"
)

// Judge returns the findings Evaluate does and the indicator scores the quality rules'
// measures add up to.
func TestJudgeScoresTheQualityIndicators(t *testing.T) {
	ctx := context.Background()
	engine, err := Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := decodeInput(t, household)
	j, err := engine.Judge(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := engine.Evaluate(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(j.Findings) != len(findings) {
		t.Errorf("Judge gave %d findings, Evaluate %d", len(j.Findings), len(findings))
	}
	if j.Scores == nil {
		t.Fatal("no scores")
	}
	// Required household_id and xm: 3 of 4000 values missing (QUAL-007, an error, which
	// holds completeness below 90). The metadata has a field dictionary but no primary key
	// (QUAL-002, 0 of 1). The other indicators are (nearly) perfect.
	completeness := j.Scores.Indicators["completeness"]
	if completeness.A != 3997 || completeness.B != 4000 || completeness.Score != 89.9 || completeness.Rules[0] != "QUAL-007" ||
		!slices.Equal(completeness.CappedBy, []string{"QUAL-007"}) {
		t.Errorf("completeness = %+v", completeness)
	}
	if n := j.Scores.Indicators["normativity"]; n.Score != 0 || n.A != 0 || n.B != 1 {
		t.Errorf("normativity = %+v", n)
	}
	// One repeated row (QUAL-011, a warning) and one repeated key (QUAL-012, an error): 99.98
	// would print as 100 rounded, and the error caps it.
	if a := j.Scores.Indicators["accuracy"]; a.B-a.A != 2 || a.Score != 89.9 || !slices.Equal(a.CappedBy, []string{"QUAL-012"}) {
		t.Errorf("accuracy = %+v: one repeated row, one repeated key, capped by the key's error", a)
	}
	if s := j.Scores; s.Overall != 67.4 || s.Grade != "D" || s.ScoreGrade != "" {
		t.Errorf("overall %v grade %s (score grade %q), want 67.4 and grade D, which the cap leaves", s.Overall, s.Grade, s.ScoreGrade)
	}

	in.Profile, in.Metadata = map[string]any{"columns": []any{}, "table": map[string]any{"keys": []any{}}}, nil
	if j, err = engine.Judge(ctx, in); err != nil || j.Scores != nil {
		t.Errorf("nothing measured: scores %+v, err %v; want none", j.Scores, err)
	}
}
