package rules

import (
	"context"
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
	// Required household_id and xm: 3 of 4000 values missing (QUAL-007). The metadata has a field dictionary but no
	// primary key (QUAL-002, 0 of 1). The other indicators are (nearly) perfect.
	completeness := j.Scores.Indicators["completeness"]
	if completeness.A != 3997 || completeness.B != 4000 || completeness.Score != 99.9 || completeness.Rules[0] != "QUAL-007" {
		t.Errorf("completeness = %+v", completeness)
	}
	if n := j.Scores.Indicators["normativity"]; n.Score != 0 || n.A != 0 || n.B != 1 {
		t.Errorf("normativity = %+v", n)
	}
	if a := j.Scores.Indicators["accuracy"]; a.B-a.A != 2 || a.Score != 100 {
		t.Errorf("accuracy = %+v: one repeated row, one repeated key, rounded to 100", a)
	}
	if s := j.Scores; s.Overall != 75 || s.Grade != "C" {
		t.Errorf("overall %v grade %s, want the mean 75 and grade C", s.Overall, s.Grade)
	}

	in.Profile, in.Metadata = map[string]any{"columns": []any{}, "table": map[string]any{"keys": []any{}}}, nil
	if j, err = engine.Judge(ctx, in); err != nil || j.Scores != nil {
		t.Errorf("nothing measured: scores %+v, err %v; want none", j.Scores, err)
	}
}
