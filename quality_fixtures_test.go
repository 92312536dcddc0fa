package dgcheck_test

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/reports"
)

// fixtureChecker checks on 2025-07-10, five days after the example rolls were last modified.
func fixtureChecker(t *testing.T) *dgcheck.Checker {
	t.Helper()
	now := time.Date(2025, 7, 10, 9, 0, 0, 0, time.UTC)
	c, err := dgcheck.NewChecker(context.Background(), dgcheck.WithVersion("test"), dgcheck.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func rowsOf(samples []reports.Sample) []int64 {
	var rows []int64
	for _, s := range samples {
		rows = append(rows, s.Row)
	}
	return rows
}

// Acceptance 2 of the metadata and quality issue: each GB/T 36344 indicator has a rule that
// fires on a table made to break it, with A, B and X and the rows, and lowers that indicator's
// score; the same rules are quiet on the clean tables, whose every indicator scores 100.
func TestEachQualityIndicatorHasARuleThatFires(t *testing.T) {
	c := fixtureChecker(t)
	const meta = "testdata/quality/roll.meta.yaml"
	cases := []struct {
		table, indicator, rule string
		a, b                   int64
		rows                   []int64
	}{
		{"normativity", "normativity", "QUAL-003", 9, 10, []int64{4}},
		{"completeness", "completeness", "QUAL-007", 8, 10, []int64{3, 7}},
		{"accuracy", "accuracy", "QUAL-009", 9, 10, []int64{5}},
		{"consistency", "consistency", "QUAL-015", 9, 10, []int64{2}},
		{"timeliness", "timeliness", "QUAL-018", 9, 10, []int64{6}},
		{"accessibility", "accessibility", "QUAL-019", 9, 10, []int64{8}},
	}
	var rules []string
	for _, tc := range cases {
		rules = append(rules, tc.rule)
	}
	quiet := func(t *testing.T, r *reports.Report) {
		for _, f := range r.Findings {
			if slices.Contains(rules, f.ID) {
				t.Errorf("%s on a clean table: %s", f.ID, f.Message)
			}
		}
	}

	clean, err := c.Check(context.Background(), dgcheck.Request{Path: "testdata/quality/clean.csv", Metadata: meta, FailOn: reports.Error})
	if err != nil {
		t.Fatal(err)
	}
	quiet(t, clean)
	// Its quality earns A; a finding of another area that fails the table caps the grade it
	// is given at B (docs/scoring.md), and only then.
	if s := clean.Scores; s == nil || len(s.Indicators) != len(reports.Indicators) || cmp.Or(s.ScoreGrade, s.Grade) != "A" ||
		(s.Grade == "A") != clean.Verdict.Conformant {
		t.Fatalf("clean scores = %+v (conformant %v), want all six indicators, earning A, graded A only if conformant",
			clean.Scores, clean.Verdict.Conformant)
	}
	for name, s := range clean.Scores.Indicators {
		if s.Score != 100 || s.A != s.B {
			t.Errorf("clean %s = %+v, want 100", name, s)
		}
	}
	twin, err := c.Check(context.Background(), dgcheck.Request{Path: "examples/dibao/hongshan_dibao_2025_clean.csv", FailOn: reports.Error})
	if err != nil {
		t.Fatal(err)
	}
	quiet(t, twin)

	for _, tc := range cases {
		t.Run(tc.table, func(t *testing.T) {
			r, err := c.Check(context.Background(), dgcheck.Request{Path: "testdata/quality/" + tc.table + ".csv", Metadata: meta, FailOn: reports.Error})
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(r.Findings, func(f reports.Finding) bool { return f.ID == tc.rule })
			if i < 0 {
				t.Fatalf("no %s finding in %v", tc.rule, r.Findings)
			}
			f := r.Findings[i]
			if f.Measure == nil || f.Measure.A != tc.a || f.Measure.B != tc.b || f.Measure.X != float64(tc.a)/float64(tc.b) {
				t.Errorf("%s measure %+v, want A=%d B=%d", tc.rule, f.Measure, tc.a, tc.b)
			}
			if !slices.Equal(rowsOf(f.Samples), tc.rows) {
				t.Errorf("%s rows %v, want %v", tc.rule, rowsOf(f.Samples), tc.rows)
			}
			for name, s := range r.Scores.Indicators {
				if broken := name == tc.indicator; broken != (s.Score < 100) || !slices.Contains(s.Rules, tc.rule) && broken {
					t.Errorf("%s score %+v (the table breaks %s)", name, s, tc.indicator)
				}
			}
		})
	}
}

// Acceptance 4: tables with the errors of the Frictionless project's invalid test data each
// give the finding that names the error and its row (the header is line 1; rows count from 1
// after it).
func TestFrictionlessInvalidTablesGiveLocatedFindings(t *testing.T) {
	c := fixtureChecker(t)
	cases := []struct {
		table, rule, column, message string
		rows                         []int64
	}{
		{"blank_header.csv", "QUAL-002", "column_2", `header (line 1): header field 2 is blank; the column is read as "column_2"`, nil},
		{"duplicate_header.csv", "QUAL-002", "name (column 3)", `header (line 1): header field 3 repeats the name "name" of field 2`, nil},
		{"extra_cell.csv", "QUAL-019", "", "first at row 2: 4 fields, header has 3", []int64{2}},
		{"missing_cell.csv", "QUAL-019", "", "first at row 2: 2 fields, header has 3", []int64{2}},
		{"type_error/type_error.csv", "QUAL-010", "age", "age: 2 of 3 values are not of the declared type integer", []int64{2, 3}},
	}
	for _, tc := range cases {
		t.Run(tc.table, func(t *testing.T) {
			r, err := c.Check(context.Background(), dgcheck.Request{Path: "testdata/frictionless/" + tc.table, FailOn: reports.Error})
			if err != nil {
				t.Fatalf("an invalid table must be a report, not an error: %v", err)
			}
			i := slices.IndexFunc(r.Findings, func(f reports.Finding) bool {
				return f.ID == tc.rule && f.Column == tc.column && strings.Contains(f.Message, tc.message)
			})
			if i < 0 {
				t.Fatalf("no %s finding on %q saying %q in %+v", tc.rule, tc.column, tc.message, r.Findings)
			}
			if got := rowsOf(r.Findings[i].Samples); !slices.Equal(got, tc.rows) {
				t.Errorf("rows %v, want %v", got, tc.rows)
			}
			if r.Verdict.Conformant {
				t.Error("an invalid table conforms")
			}
		})
	}
}
