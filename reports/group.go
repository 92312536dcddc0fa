package reports

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
)

// areaOrder follows a data owner's path to release: describe, classify, de-identify, check
// identifiers and quality, then the release gate and the run's own configuration. Unknown
// areas (user packs) sort after.
var areaOrder = []string{"metadata", "classification", "desensitisation", "identifiers", "quality", "release", "config"}

func areaRank(a string) int {
	if i := slices.Index(areaOrder, a); i >= 0 {
		return i
	}
	return len(areaOrder)
}

// areaGroup is the findings of one area, most severe first, then by id.
type areaGroup struct {
	Area     string
	Findings []Finding
}

// byArea groups findings by area in areaOrder; writers that list findings share it so every
// format reads in the same order.
func byArea(findings []Finding) []areaGroup {
	var groups []areaGroup
	for _, f := range findings {
		i := slices.IndexFunc(groups, func(g areaGroup) bool { return g.Area == f.Area })
		if i < 0 {
			groups = append(groups, areaGroup{Area: f.Area})
			i = len(groups) - 1
		}
		groups[i].Findings = append(groups[i].Findings, f)
	}
	slices.SortFunc(groups, func(a, b areaGroup) int {
		return cmp.Or(cmp.Compare(areaRank(a.Area), areaRank(b.Area)), cmp.Compare(a.Area, b.Area))
	})
	for _, g := range groups {
		slices.SortStableFunc(g.Findings, func(a, b Finding) int {
			return cmp.Or(cmp.Compare(b.Severity.Rank(), a.Severity.Rank()), cmp.Compare(a.ID, b.ID))
		})
	}
	return groups
}

// rulesOf lists the rules a report names, by id: the rules that judged it and, for a report
// built without them (a library caller's), the identity its findings carry.
func rulesOf(r *Report) []Rule {
	rules := slices.Clone(r.Rules)
	for _, f := range r.Findings {
		if !slices.ContainsFunc(rules, func(x Rule) bool { return x.ID == f.ID }) {
			rules = append(rules, Rule{ID: f.ID, Title: f.Title, Area: f.Area, Severity: f.Severity,
				Standard: f.Standard, Clause: f.Clause, Remediation: f.Remediation})
		}
	}
	slices.SortFunc(rules, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}

// findingsOf returns the findings of one rule, in the report's order.
func findingsOf(r *Report, id string) []Finding {
	var fs []Finding
	for _, f := range r.Findings {
		if f.ID == id {
			fs = append(fs, f)
		}
	}
	return fs
}

// failing tells whether a finding fails the run at the report's threshold.
func (r *Report) failing(f Finding) bool {
	return f.Waived == nil && f.Severity.Rank() >= r.Verdict.FailOn.Rank()
}

// compactJSON shows a piece of evidence (counts, names, lists of them) as one line of JSON,
// object keys sorted; a value JSON cannot hold is shown as Go prints it.
func compactJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}
