package audits

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/dgcheck/dgcheck/reports"
)

// PortfolioSchemaVersion is the version of the portfolio JSON (docs/portfolio.schema.json).
const PortfolioSchemaVersion = "1"

// Portfolio is one audit of many datasets: how it was made, what each dataset came to, and,
// against a baseline, what changed.
type Portfolio struct {
	SchemaVersion string  `json:"schema_version"`
	Stamp         Stamp   `json:"stamp"`
	Summary       Summary `json:"summary"`
	Datasets      []Entry `json:"datasets"` // sorted by name
	// Views are the datasets seen by requirement, owner and area, and those that could not be
	// checked (views.go).
	Views   Views    `json:"views"`
	Notices []string `json:"notices"`
	// Removed names the baseline's datasets that this audit no longer holds; their findings
	// are not counted as fixed.
	Removed []string `json:"removed,omitempty"`
}

// Stamp is the portfolio's reproducibility stamp: the common one (version, digests, inputs,
// start and end) and what the audit was asked to do. Each dataset's own inputs are in its
// entry.
type Stamp struct {
	reports.Stamp
	Target string           `json:"target"`
	FailOn reports.Severity `json:"fail_on"`
	// Profile is the conformance profile of the datasets that name none ("" runs every rule).
	Profile string `json:"profile,omitempty"`
	// Shard is "i/n" for one slice of a sharded audit; a merged or unsharded audit has none.
	Shard string `json:"shard,omitempty"`
	// TargetDatasets counts the target's datasets before sharding, so that a merge can tell
	// a complete set of shards.
	TargetDatasets int `json:"target_datasets"`
	// Lang is the language of the portfolio's page and of the datasets' HTML reports
	// (reports.Langs; "" is en).
	Lang string `json:"lang,omitempty"`
}

// Summary counts the datasets by outcome and their findings by area and severity.
type Summary struct {
	Datasets      int `json:"datasets"`
	Conformant    int `json:"conformant"`
	NonConformant int `json:"nonconformant"`
	// Incomplete datasets were checked, but a rule could not be judged (Entry.ToolErrors).
	Incomplete int            `json:"incomplete,omitempty"`
	Errors     int            `json:"errors"`
	ByArea     map[string]int `json:"by_area"`
	BySeverity map[string]int `json:"by_severity"`
	// Changes count findings by class against the baseline; nil without one.
	Changes *Changes `json:"changes,omitempty"`
}

// Changes count findings by their class against a baseline.
type Changes struct {
	New       int `json:"new"`
	Unchanged int `json:"unchanged"`
	Fixed     int `json:"fixed"`
	Regressed int `json:"regressed"`
}

// Status is what became of one dataset.
type Status string

const (
	Conformant    Status = "conformant"
	NonConformant Status = "nonconformant"
	// Incomplete: the dataset was checked, but a rule could not be judged; its findings are
	// the other rules', and Entry.ToolErrors names the rules that failed.
	Incomplete Status = "incomplete"
	// Failed: the dataset could not be checked (unreadable data or metadata); Entry.Error says why.
	Failed Status = "error"
)

// Change classes a finding against the baseline.
type Change string

const (
	New       Change = "new"       // not in the baseline
	Unchanged Change = "unchanged" // in the baseline, no worse
	Regressed Change = "regressed" // in the baseline, now more severe or with a lower conforming share
	Fixed     Change = "fixed"     // in the baseline, no longer found
)

// Entry is one dataset's line in the portfolio.
type Entry struct {
	Dataset string `json:"dataset"` // Dataset.Name
	Owner   string `json:"owner,omitempty"`
	Profile string `json:"profile,omitempty"`
	Status  Status `json:"status"`
	Error   string `json:"error,omitempty"`
	// Inputs are the files read, each with its SHA-256 and size.
	Inputs []reports.Input `json:"inputs"`
	// Fingerprint is the SHA-256 of everything the result depends on (inputs, rules,
	// configuration, version, options): an entry whose fingerprint is unchanged needs no
	// second check, which is how --resume skips finished datasets.
	Fingerprint string `json:"fingerprint,omitempty"`

	Format   string `json:"format,omitempty"`
	Encoding string `json:"encoding,omitempty"`
	Rows     int64  `json:"rows"`
	// Level and OpenType are the classification level and open type its metadata declares.
	Level    string           `json:"level,omitempty"`
	OpenType string           `json:"open_type,omitempty"`
	Verdict  *reports.Verdict `json:"verdict,omitempty"`
	Summary  *reports.Summary `json:"summary,omitempty"`
	Scores   *reports.Scores  `json:"scores,omitempty"`
	Findings []Finding        `json:"findings"`
	// ToolErrors are the rules that could not be judged (status incomplete).
	ToolErrors []reports.ToolError `json:"tool_errors,omitempty"`
	// Rules are the ids of the rules that judged the dataset; a rule without a finding passed.
	Rules []string `json:"rules,omitempty"`
	// Fixed are the baseline's findings this audit no longer finds.
	Fixed []Finding `json:"fixed,omitempty"`
	// BaselineStatus is the dataset's status in the baseline, "absent" when it was not
	// there; empty without a baseline.
	BaselineStatus string `json:"baseline_status,omitempty"`
	// Reports maps a format to the dataset's report in it, relative to the output directory.
	Reports map[string]string `json:"reports,omitempty"`
	Timing  Timing            `json:"timing"`
}

// Finding is a finding as the portfolio lists it: identity, place and measure, without
// samples (the dataset's own report has them).
type Finding struct {
	ID string `json:"id"`
	// Title, Standard and Clause are the rule's, for the requirement view.
	Title    string           `json:"title,omitempty"`
	Standard string           `json:"standard,omitempty"`
	Clause   string           `json:"clause,omitempty"`
	Area     string           `json:"area"`
	Severity reports.Severity `json:"severity"`
	Column   string           `json:"column,omitempty"`
	Message  string           `json:"message"`
	Measure  *reports.Measure `json:"measure,omitempty"`
	// Waived: a waiver in the configuration accepts the finding for now.
	Waived bool   `json:"waived,omitempty"`
	Change Change `json:"change,omitempty"`
}

// Timing is when a dataset was checked. Timings are the only part of a portfolio that two
// runs over the same inputs may disagree on.
type Timing struct {
	Started string  `json:"started,omitempty"`
	Ended   string  `json:"ended,omitempty"`
	Seconds float64 `json:"seconds"`
}

// findingsOf lists a report's findings the portfolio's way.
func findingsOf(r *reports.Report) []Finding {
	out := make([]Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		out = append(out, Finding{ID: f.ID, Title: f.Title, Standard: f.Standard, Clause: f.Clause, Area: f.Area, Severity: f.Severity, Column: f.Column,
			Message: f.Message, Measure: f.Measure, Waived: f.Waived != nil})
	}
	return out
}

// assemble builds the portfolio from its entries: sorted, classified against the baseline
// (when there is one), counted. names are all the target's datasets, the ones of other
// shards included, so that a dataset the baseline holds is called removed only when no shard
// has it.
func assemble(stamp Stamp, entries []Entry, names []string, notices []string, baseline *Portfolio) *Portfolio {
	p := &Portfolio{SchemaVersion: PortfolioSchemaVersion, Stamp: stamp, Datasets: entries,
		Notices: slices.Clone(notices)}
	if p.Notices == nil {
		p.Notices = []string{}
	}
	slices.Sort(p.Notices)
	slices.SortFunc(p.Datasets, func(a, b Entry) int { return strings.Compare(a.Dataset, b.Dataset) })
	if baseline != nil {
		classify(p.Datasets, baseline)
		for _, prev := range baseline.Datasets {
			if _, found := slices.BinarySearch(names, prev.Dataset); !found {
				p.Removed = append(p.Removed, prev.Dataset)
			}
		}
	}
	p.Summary, p.Views = summarise(p.Datasets, baseline != nil), viewsOf(p.Datasets, baseline != nil)
	return p
}

func summarise(entries []Entry, withBaseline bool) Summary {
	s := Summary{Datasets: len(entries), ByArea: map[string]int{}, BySeverity: map[string]int{}}
	if withBaseline {
		s.Changes = &Changes{}
	}
	for _, e := range entries {
		switch e.Status {
		case Conformant:
			s.Conformant++
		case NonConformant:
			s.NonConformant++
		case Incomplete:
			s.Incomplete++
		case Failed:
			s.Errors++
		}
		for _, f := range e.Findings {
			s.ByArea[f.Area]++
			s.BySeverity[string(f.Severity)]++
			if s.Changes != nil {
				switch f.Change {
				case New:
					s.Changes.New++
				case Unchanged:
					s.Changes.Unchanged++
				case Regressed:
					s.Changes.Regressed++
				}
			}
		}
		if s.Changes != nil {
			s.Changes.Fixed += len(e.Fixed)
		}
	}
	return s
}

// classify sets each finding's change against the baseline and lists the baseline's
// findings that are gone. Findings pair up by rule and column (several of one rule on one
// column pair in order of severity, then message). A dataset that could not be checked, now
// or then, is not compared: its findings are unknown, not fixed.
func classify(entries []Entry, baseline *Portfolio) {
	previous := make(map[string]*Entry, len(baseline.Datasets))
	for i := range baseline.Datasets {
		previous[baseline.Datasets[i].Dataset] = &baseline.Datasets[i]
	}
	for i := range entries {
		e := &entries[i]
		e.Fixed = nil
		prev := previous[e.Dataset]
		switch {
		case prev == nil:
			e.BaselineStatus = "absent"
		default:
			e.BaselineStatus = string(prev.Status)
		}
		if e.Status == Failed {
			continue
		}
		var before map[findingKey][]Finding
		if prev != nil && prev.Status != Failed {
			before = byKey(prev.Findings)
		}
		now := byKey(e.Findings)
		e.Findings = e.Findings[:0]
		for _, k := range slices.SortedFunc(maps.Keys(now), findingKey.compare) {
			was := before[k]
			for j, f := range now[k] {
				switch {
				case j >= len(was):
					f.Change = New
				case worse(f, was[j]):
					f.Change = Regressed
				default:
					f.Change = Unchanged
				}
				e.Findings = append(e.Findings, f)
			}
			if len(was) > len(now[k]) {
				for _, f := range was[len(now[k]):] {
					f.Change = Fixed
					e.Fixed = append(e.Fixed, f)
				}
			}
			delete(before, k)
		}
		for _, k := range slices.SortedFunc(maps.Keys(before), findingKey.compare) {
			for _, f := range before[k] {
				f.Change = Fixed
				e.Fixed = append(e.Fixed, f)
			}
		}
		sortFindings(e.Findings)
		sortFindings(e.Fixed)
	}
}

type findingKey struct{ id, column string }

func (a findingKey) compare(b findingKey) int {
	return cmp.Or(strings.Compare(a.id, b.id), strings.Compare(a.column, b.column))
}

func byKey(fs []Finding) map[findingKey][]Finding {
	m := map[findingKey][]Finding{}
	for _, f := range fs {
		k := findingKey{f.ID, f.Column}
		m[k] = append(m[k], f)
	}
	for _, group := range m {
		sortFindings(group)
	}
	return m
}

// sortFindings orders findings as rules.Engine does: most severe first, then id, column,
// message.
func sortFindings(fs []Finding) {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			strings.Compare(a.ID, b.ID),
			strings.Compare(a.Column, b.Column),
			strings.Compare(a.Message, b.Message),
		)
	})
}

// worse reports a finding that got worse since the baseline: more severe, or with a lower
// conforming share X (GB/T 36344's A/B).
func worse(now, was Finding) bool {
	if now.Severity.Rank() != was.Severity.Rank() {
		return now.Severity.Rank() > was.Severity.Rank()
	}
	return now.Measure != nil && was.Measure != nil && now.Measure.X < was.Measure.X
}
