package reports_test

import (
	"maps"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

func TestConcludeVerdictPerThreshold(t *testing.T) {
	findings := []reports.Finding{
		{ID: "QUAL-007", Area: "quality", Severity: reports.Error},
		{ID: "QUAL-011", Area: "quality", Severity: reports.Warning},
		{ID: "META-004", Area: "metadata", Severity: reports.Warning},
		{ID: "CLASS-002", Area: "classification", Severity: reports.Info},
	}
	for _, tc := range []struct {
		failOn     reports.Severity
		findings   []reports.Finding
		failing    int
		conformant bool
	}{
		{reports.Error, findings, 1, false},
		{reports.Warning, findings, 3, false},
		{reports.Info, findings, 4, false},
		{reports.Error, findings[1:], 0, true},
		{reports.Warning, findings[3:], 0, true},
		{reports.Info, nil, 0, true},
	} {
		r := &reports.Report{Findings: tc.findings}
		r.Conclude(tc.failOn)
		want := reports.Verdict{Conformant: tc.conformant, FailOn: tc.failOn, Failing: tc.failing}
		if r.Verdict != want {
			t.Errorf("%d findings, fail on %s: verdict %+v, want %+v", len(tc.findings), tc.failOn, r.Verdict, want)
		}
	}
}

func TestConcludeCountsPerAreaAndSeverity(t *testing.T) {
	r := &reports.Report{Findings: []reports.Finding{
		{ID: "QUAL-007", Area: "quality", Severity: reports.Error},
		{ID: "QUAL-007", Area: "quality", Severity: reports.Error},
		{ID: "QUAL-011", Area: "quality", Severity: reports.Warning},
		{ID: "META-004", Area: "metadata", Severity: reports.Warning},
		{ID: "CLASS-002", Area: "classification", Severity: reports.Info},
	}}
	// Concluding twice (a new --fail-on) recounts rather than adds to the first count.
	r.Conclude(reports.Info)
	r.Conclude(reports.Error)
	wantArea := map[string]int{"quality": 3, "metadata": 1, "classification": 1}
	wantSeverity := map[string]int{"error": 2, "warning": 2, "info": 1}
	if !maps.Equal(r.Summary.ByArea, wantArea) {
		t.Errorf("by area %v, want %v", r.Summary.ByArea, wantArea)
	}
	if !maps.Equal(r.Summary.BySeverity, wantSeverity) {
		t.Errorf("by severity %v, want %v", r.Summary.BySeverity, wantSeverity)
	}
	if r.Verdict.Failing != 2 {
		t.Errorf("failing %d, want 2 (the errors)", r.Verdict.Failing)
	}
}
