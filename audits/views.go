package audits

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dgcheck/dgcheck/reports"
)

// Views answer a regulator's questions across the audit's datasets, from their entries:
// which requirements fail, and where (Requirements, by reach); whose datasets they are
// (Owners); which areas of the standards each dataset fails in (Areas); and which datasets
// could not be checked, and why (Unchecked). Every writer shows the same views.
type Views struct {
	Requirements []Requirement `json:"requirements"`
	Owners       []OwnerView   `json:"owners"`
	Areas        AreaMap       `json:"areas"`
	Unchecked    []Unchecked   `json:"unchecked"`
	// Changes are, against a baseline, the rules with findings new, regressed or fixed since
	// it, most new and regressed first; nil without a baseline.
	Changes []RuleChange `json:"changes,omitempty"`
	// Trend is the last audits in the history, this one included; nil without a history.
	Trend *TrendView `json:"trend,omitempty"`
}

// TrendView is the catalogue and each of its datasets over the last audits of the history,
// oldest first (trendAudits of them at most).
type TrendView struct {
	Audits   []AuditPoint   `json:"audits"`
	Datasets []DatasetTrend `json:"datasets"`
}

// AuditPoint is the catalogue in one audit.
type AuditPoint struct {
	Started    string `json:"started"`
	Datasets   int    `json:"datasets"`
	Conformant int    `json:"conformant"`
	Unchecked  int    `json:"unchecked"`
}

// DatasetTrend is one dataset's failing findings in each of TrendView.Audits: null where it
// was not audited or could not be checked.
type DatasetTrend struct {
	Dataset string `json:"dataset"`
	Failing []*int `json:"failing"`
}

// trendAudits is how many audits the trend shows.
const trendAudits = 10

// trendOf lays the history's per-dataset points out by audit.
func trendOf(trends []Trend) *TrendView {
	type audit struct {
		id      int64
		started string
	}
	var audits []audit
	for _, t := range trends {
		for _, pt := range t.Points {
			if !slices.Contains(audits, audit{pt.Audit, pt.Started}) {
				audits = append(audits, audit{pt.Audit, pt.Started})
			}
		}
	}
	slices.SortFunc(audits, func(a, b audit) int { return cmp.Or(strings.Compare(a.started, b.started), cmp.Compare(a.id, b.id)) })
	v := &TrendView{Audits: make([]AuditPoint, len(audits)), Datasets: []DatasetTrend{}}
	at := map[int64]int{}
	for i, a := range audits {
		v.Audits[i].Started, at[a.id] = a.started, i
	}
	for _, t := range trends {
		d := DatasetTrend{Dataset: t.Dataset, Failing: make([]*int, len(audits))}
		for _, pt := range t.Points {
			i := at[pt.Audit]
			a := &v.Audits[i]
			a.Datasets++
			switch pt.Status {
			case Failed:
				a.Unchecked++
				continue
			case Conformant:
				a.Conformant++
			}
			d.Failing[i] = &pt.Failing
		}
		v.Datasets = append(v.Datasets, d)
	}
	return v
}

// RuleChange counts one rule's findings by their change against the baseline, over every
// dataset compared.
type RuleChange struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	New       int    `json:"new"`
	Regressed int    `json:"regressed"`
	Fixed     int    `json:"fixed"`
}

// Requirement is a rule that failed on at least one dataset. A waived finding counts: it is
// still a failure of the requirement, accepted for now.
type Requirement struct {
	ID       string           `json:"id"`
	Title    string           `json:"title,omitempty"`
	Area     string           `json:"area"`
	Severity reports.Severity `json:"severity"` // the most severe of its findings
	Standard string           `json:"standard,omitempty"`
	Clause   string           `json:"clause,omitempty"`
	// Datasets are those with a finding of the rule, in name order; Findings counts the
	// findings (a rule may find several columns of one dataset).
	Datasets []string `json:"datasets"`
	Findings int      `json:"findings"`
}

// OwnerView is one owner's datasets (Entry.Owner; "" for those the manifest gives none).
type OwnerView struct {
	Owner      string `json:"owner"`
	Datasets   int    `json:"datasets"`
	Conformant int    `json:"conformant"`
	// Checked excludes the datasets that could not be checked; ConformantShare is of those.
	Checked         int     `json:"checked"`
	ConformantShare float64 `json:"conformant_share"`
	// TopRules are up to topRules rules failing on most of the owner's datasets.
	TopRules []RuleReach `json:"top_rules"`
}

// topRules is "ID-002 (3), PUB-003 (1)": the top rules with their datasets.
func (o OwnerView) topRules() string {
	parts := make([]string, 0, len(o.TopRules))
	for _, r := range o.TopRules {
		parts = append(parts, fmt.Sprintf("%s (%d)", r.ID, r.Datasets))
	}
	return strings.Join(parts, ", ")
}

// RuleReach is how many datasets a rule fails on.
type RuleReach struct {
	ID       string `json:"id"`
	Datasets int    `json:"datasets"`
}

// AreaMap is the heatmap of datasets by area: for each checked dataset, its findings in each
// area, Areas in name order.
type AreaMap struct {
	Areas []string  `json:"areas"`
	Rows  []AreaRow `json:"rows"`
}

// AreaRow is one dataset's findings per area, in the order of AreaMap.Areas, and the most
// severe finding's severity in each ("" for none).
type AreaRow struct {
	Dataset  string             `json:"dataset"`
	Findings []int              `json:"findings"`
	Worst    []reports.Severity `json:"worst"`
}

// Unchecked is a dataset that could not be checked, with the reason.
type Unchecked struct {
	Dataset string `json:"dataset"`
	Owner   string `json:"owner,omitempty"`
	Reason  string `json:"reason"`
}

// topRules bounds an owner's TopRules.
const topRules = 3

// viewsOf computes the views of entries, which are in dataset order; withBaseline adds the
// changes by rule.
func viewsOf(entries []Entry, withBaseline bool) Views {
	v := Views{Requirements: []Requirement{}, Owners: []OwnerView{}, Unchecked: []Unchecked{},
		Areas: AreaMap{Areas: []string{}, Rows: []AreaRow{}}}
	requirements := map[string]*Requirement{}
	owners := map[string]*OwnerView{}
	ownerRules := map[string]map[string]int{} // owner, rule: datasets
	areas := map[string]bool{}
	for _, e := range entries {
		o := owners[e.Owner]
		if o == nil {
			o = &OwnerView{Owner: e.Owner, TopRules: []RuleReach{}}
			owners[e.Owner], ownerRules[e.Owner] = o, map[string]int{}
		}
		o.Datasets++
		if e.Status == Failed {
			v.Unchecked = append(v.Unchecked, Unchecked{Dataset: e.Dataset, Owner: e.Owner, Reason: e.Error})
			continue
		}
		o.Checked++
		if e.Status == Conformant {
			o.Conformant++
		}
		seen := map[string]bool{}
		for _, f := range e.Findings {
			areas[f.Area] = true
			r := requirements[f.ID]
			if r == nil {
				r = &Requirement{ID: f.ID, Title: f.Title, Area: f.Area, Severity: f.Severity, Standard: f.Standard, Clause: f.Clause}
				requirements[f.ID] = r
			}
			r.Findings++
			if f.Severity.Rank() > r.Severity.Rank() {
				r.Severity = f.Severity
			}
			if !seen[f.ID] {
				seen[f.ID] = true
				r.Datasets = append(r.Datasets, e.Dataset)
				ownerRules[e.Owner][f.ID]++
			}
		}
	}
	for _, r := range requirements {
		v.Requirements = append(v.Requirements, *r)
	}
	// By reach: most datasets first, then the more severe, then by id.
	slices.SortFunc(v.Requirements, func(a, b Requirement) int {
		return cmp.Or(cmp.Compare(len(b.Datasets), len(a.Datasets)), cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			strings.Compare(a.ID, b.ID))
	})
	for _, name := range slices.Sorted(maps.Keys(owners)) {
		o := owners[name]
		if o.Checked > 0 {
			o.ConformantShare = float64(o.Conformant) / float64(o.Checked)
		}
		for id, n := range ownerRules[name] {
			o.TopRules = append(o.TopRules, RuleReach{ID: id, Datasets: n})
		}
		slices.SortFunc(o.TopRules, func(a, b RuleReach) int {
			return cmp.Or(cmp.Compare(b.Datasets, a.Datasets), strings.Compare(a.ID, b.ID))
		})
		o.TopRules = o.TopRules[:min(len(o.TopRules), topRules)]
		v.Owners = append(v.Owners, *o)
	}
	v.Areas.Areas = slices.Sorted(maps.Keys(areas))
	for _, e := range entries {
		if e.Status == Failed {
			continue
		}
		row := AreaRow{Dataset: e.Dataset, Findings: make([]int, len(v.Areas.Areas)), Worst: make([]reports.Severity, len(v.Areas.Areas))}
		for _, f := range e.Findings {
			i, _ := slices.BinarySearch(v.Areas.Areas, f.Area)
			row.Findings[i]++
			if f.Severity.Rank() > row.Worst[i].Rank() {
				row.Worst[i] = f.Severity
			}
		}
		v.Areas.Rows = append(v.Areas.Rows, row)
	}
	if withBaseline {
		v.Changes = changesByRule(entries)
	}
	return v
}

func changesByRule(entries []Entry) []RuleChange {
	rules := map[string]*RuleChange{}
	count := func(f Finding) {
		if f.Change == Unchanged || f.Change == "" {
			return
		}
		r := rules[f.ID]
		if r == nil {
			r = &RuleChange{ID: f.ID, Title: f.Title}
			rules[f.ID] = r
		}
		switch f.Change {
		case New:
			r.New++
		case Regressed:
			r.Regressed++
		case Fixed:
			r.Fixed++
		}
	}
	for _, e := range entries {
		for _, f := range e.Findings {
			count(f)
		}
		for _, f := range e.Fixed {
			count(f)
		}
	}
	out := []RuleChange{}
	for _, r := range rules {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b RuleChange) int {
		return cmp.Or(cmp.Compare(b.New+b.Regressed, a.New+a.Regressed), cmp.Compare(b.Fixed, a.Fixed), strings.Compare(a.ID, b.ID))
	})
	return out
}
