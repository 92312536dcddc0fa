// Package reports holds the report model (findings, counts, verdict) and one writer per
// format. Writers render; they never judge.
package reports

// SchemaVersion is the version of the JSON report (docs/report.schema.json).
const SchemaVersion = "1"

// Severity orders findings; --fail-on names the lowest severity that fails a run.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank is larger for more severe findings; unknown severities rank lowest.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Finding is one rule's judgement about one thing (the dataset, a column, a key).
// Identity (ID to Remediation) comes from the rule's METADATA annotations.
type Finding struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Area        string   `json:"area"`
	Severity    Severity `json:"severity"`
	Standard    string   `json:"standard"`
	Clause      string   `json:"clause"`
	Remediation string   `json:"remediation,omitempty"`
	Column      string   `json:"column,omitempty"`
	Message     string   `json:"message"`
	// MessageZh is the message in Chinese, for reports written with --lang zh; a rule of a
	// user pack may give none, and the English message stands.
	MessageZh string `json:"message_zh,omitempty"`
	// Measure is the GB/T 36344 ratio form: A elements of B meet the requirement, X = A/B.
	Measure *Measure `json:"measure,omitempty"`
	// Evidence holds rule-specific counts (never raw values).
	Evidence map[string]any `json:"evidence,omitempty"`
	// Samples locate offending rows; values are masked by the checkers before they get here.
	Samples []Sample `json:"samples,omitempty"`
	// Waived is the waiver (dgcheck.yaml) that accepts this finding for now: a waived finding
	// is still reported, but does not fail the run.
	Waived *Waiver `json:"waived,omitempty"`
}

// Waiver is why a finding is accepted, by whom and until when.
type Waiver struct {
	Reason  string `json:"reason"`
	Owner   string `json:"owner"`
	Expires string `json:"expires"` // YYYY-MM-DD, the last day it waives
}

// Rule is the identity of a rule that judged the dataset, from its METADATA annotations, with
// the severity the run's configuration gave it. Titles and remediations may come in Chinese
// too (TitleZh, RemediationZh); writers fall back to the English ones.
type Rule struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	TitleZh       string   `json:"title_zh,omitempty"`
	Description   string   `json:"description,omitempty"`
	Area          string   `json:"area"`
	Severity      Severity `json:"severity"`
	Standard      string   `json:"standard"`
	Clause        string   `json:"clause"`
	Remediation   string   `json:"remediation,omitempty"`
	RemediationZh string   `json:"remediation_zh,omitempty"`
}

// Measure is A of B, X = A/B.
type Measure struct {
	A int64   `json:"a"`
	B int64   `json:"b"`
	X float64 `json:"x"`
}

// Sample is one located offending row.
type Sample struct {
	Row   int64  `json:"row"`
	Value string `json:"value,omitempty"`
}

// ToolError is a rule that could not be judged: its evaluation failed (conflicting values, a
// built-in's error on a value it did not expect, a user pack past its time or memory limit) or
// what it returned was not findings of its own. The other rules' findings still stand; the
// verdict is incomplete.
type ToolError struct {
	Rule  string `json:"rule"`           // the rule's id
	Pack  string `json:"pack,omitempty"` // the user pack it came from; absent for a built-in rule
	Error string `json:"error"`
	// Location is the Rego file and line that failed, where known.
	Location string `json:"location,omitempty"`
	// Cause is what of the input that line reads, where known: the metadata key or the part
	// of the profile to look at ("metadata.deidentification.process").
	Cause string `json:"cause,omitempty"`
}

// Report is one check of one dataset: what was read, what the rules found, and the verdict.
type Report struct {
	SchemaVersion string    `json:"schema_version"`
	Tool          Tool      `json:"tool"`
	CheckedAt     string    `json:"checked_at"`
	Dataset       Dataset   `json:"dataset"`
	Notices       []string  `json:"notices"`
	Findings      []Finding `json:"findings"`
	// ToolErrors are the rules that could not be judged; with any, the verdict is incomplete.
	ToolErrors []ToolError `json:"tool_errors,omitempty"`
	Summary    Summary     `json:"summary"`
	// Scores rate the dataset on the six GB/T 36344 quality indicators; nil when no rule
	// produced them.
	Scores  *Scores `json:"scores,omitempty"`
	Verdict Verdict `json:"verdict"`
	// Profile is the evidence the rules judged (the checkers' versioned profile JSON), for
	// readers who want the numbers behind the findings. Its sample values are masked.
	Profile any `json:"profile,omitempty"`
	// Metadata is the metadata the rules judged (the datasets package's model), for the
	// summary a reader sees beside the findings; absent when the dataset has none.
	Metadata any `json:"metadata,omitempty"`
	// Rules are the rules that judged the dataset: those the configuration selected, with its
	// severities. A rule with no finding passed.
	Rules []Rule `json:"rules,omitempty"`
	// Host is the machine the check ran on, for archived reports; empty when not recorded.
	Host string `json:"host,omitempty"`
	// Stamp says how the report can be reproduced; audits set it (see Stamp).
	Stamp *Stamp `json:"stamp,omitempty"`
}

// Tool names the program and version that made the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Dataset is what the reader learned about the checked file, and where its metadata came from.
type Dataset struct {
	Path         string   `json:"path"`
	Name         string   `json:"name"`
	Format       string   `json:"format"`
	Encoding     string   `json:"encoding,omitempty"`
	Delimiter    string   `json:"delimiter,omitempty"`
	Size         int64    `json:"size"`
	Rows         int64    `json:"rows"`
	Columns      []string `json:"columns"`
	MetadataPath string   `json:"metadata_path,omitempty"`
	MetadataKind string   `json:"metadata_kind,omitempty"`
	// Refused are the files the metadata names that lie outside the folder the check may read
	// in, and were not read (QUAL-002 reports each).
	Refused []RefusedPath `json:"refused,omitempty"`
}

// RefusedPath is a file the metadata names at Key (on Line of the metadata file) that lies
// outside Root, the folder the check may read in.
type RefusedPath struct {
	Key  string `json:"key"`
	Line int    `json:"line,omitempty"`
	Path string `json:"path"`
	Root string `json:"root"`
}

// Summary counts findings per area and per severity, waived ones included, and how many
// were waived.
type Summary struct {
	ByArea     map[string]int `json:"by_area"`
	BySeverity map[string]int `json:"by_severity"`
	Waived     int            `json:"waived"`
}

// Verdict says whether the dataset conforms: it does not when any finding that is not
// waived is at or above FailOn. A check in which a rule could not be judged is Incomplete:
// it does not conform, whatever the findings, since the rule that was not judged may have
// had something to say; a CI gate tells it from non-conforming data by its exit code.
type Verdict struct {
	Conformant bool     `json:"conformant"`
	Incomplete bool     `json:"incomplete,omitempty"`
	FailOn     Severity `json:"fail_on"`
	Failing    int      `json:"failing"`
	// NotJudged counts the rules that could not be judged (ToolErrors).
	NotJudged int `json:"not_judged,omitempty"`
}

// Conclude counts the findings and sets the verdict for the given threshold.
func (r *Report) Conclude(failOn Severity) {
	r.Summary = Summary{ByArea: map[string]int{}, BySeverity: map[string]int{}}
	r.Verdict = Verdict{FailOn: failOn}
	for _, f := range r.Findings {
		r.Summary.ByArea[f.Area]++
		r.Summary.BySeverity[string(f.Severity)]++
		switch {
		case f.Waived != nil:
			r.Summary.Waived++
		case f.Severity.Rank() >= failOn.Rank():
			r.Verdict.Failing++
		}
	}
	r.Verdict.NotJudged = len(r.ToolErrors)
	r.Verdict.Incomplete = r.Verdict.NotJudged > 0
	r.Verdict.Conformant = r.Verdict.Failing == 0 && !r.Verdict.Incomplete
}

// Indicators are the six GB/T 36344-2018 data-quality indicators, in the standard's order.
var Indicators = []string{"normativity", "completeness", "accuracy", "consistency", "timeliness", "accessibility"}

// Scores are the quality-indicator scores the rules computed (reports render them; they do
// not compute them). docs/scoring.md says how.
type Scores struct {
	// Indicators maps each evaluated indicator (see Indicators) to its score.
	Indicators map[string]IndicatorScore `json:"indicators"`
	Overall    float64                   `json:"overall"` // 0-100, the mean of the indicators'
	Grade      string                    `json:"grade"`   // A (best) to E
	// ScoreGrade is the grade Overall alone earns, when Grade is lower because the dataset
	// does not conform; "" otherwise.
	ScoreGrade string `json:"score_grade,omitempty"`
}

// IndicatorScore is one indicator: 100 × the mean X (= A/B) of the rules that measured it,
// rounded down to one decimal, at most the error cap while CappedBy names any rule.
type IndicatorScore struct {
	Score float64 `json:"score"`
	// A and B are the totals of the rules' elements: A = B when every element conforms.
	// Score is not 100 × A/B, since each rule weighs the same (ByRule).
	A     int64    `json:"a"`
	B     int64    `json:"b"`
	Rules []string `json:"rules"` // the rule ids that measured it
	// ByRule is each rule's A of B elements.
	ByRule map[string]RuleMeasure `json:"by_rule,omitempty"`
	// CappedBy are the rules with an unwaived error-level finding, which hold Score below 90.
	CappedBy []string `json:"capped_by,omitempty"`
}

// RuleMeasure is what one rule measured of an indicator: A of B elements conform.
type RuleMeasure struct {
	A int64 `json:"a"`
	B int64 `json:"b"`
}

// MessageIn is the finding's message in lang ("en" or "zh"): the Chinese one when lang is zh
// and the rule gives one, else the English.
func (f *Finding) MessageIn(lang string) string {
	if lang == "zh" && f.MessageZh != "" {
		return f.MessageZh
	}
	return f.Message
}
