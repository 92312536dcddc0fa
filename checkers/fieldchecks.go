package checkers

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dgcheck/dgcheck/datasets"
)

// What a field of the metadata declares about its values, checked value by value in the scan:
// its type (META-017, QUAL-010), Table Schema constraints (minimum, maximum, min_length,
// max_length, pattern, enum; QUAL-003, QUAL-009), its code list (QUAL-005) and data standard
// (QUAL-001), and, for the dataset's time field, the declared temporal coverage (QUAL-016).
// Empty values and the dataset's declared missing values are not evaluated: required-ness is
// QUAL-007's, from the column's null counts.

// valueCheck is one declared check of a column's values.
type valueCheck struct {
	name      string // the key in ColumnProfile.Constraints
	reference string // CheckCounts.Reference
	// test says whether the check applies to a value of kind k (a range does not apply to
	// text a type check already rejects) and whether the value passes.
	test func(v string, k kind) (applies, ok bool)
}

// fieldSpec is a column's declared checks, compiled once per scan and shared by the workers.
type fieldSpec struct {
	missing []string
	checks  []valueCheck
}

// kindsOf are the value kinds each Table Schema type accepts, as a bit set of kinds; a type
// not listed (string, any, object, ...) accepts every value and is not checked.
var kindsOf = map[string]uint8{
	"integer":  1 << kindInteger,
	"number":   1<<kindInteger | 1<<kindNumber,
	"boolean":  1 << kindBoolean,
	"date":     1 << kindDate,
	"datetime": 1<<kindDate | 1<<kindDatetime,
	"year":     1 << kindInteger,
}

// fieldSpecs compiles the checks of every declared field that names a column of the file,
// indexed by column. An unusable declaration (a pattern that is not a regular expression) is
// an error naming the field.
func fieldSpecs(m *datasets.Metadata, cols []string) ([]*fieldSpec, error) {
	specs := make([]*fieldSpec, len(cols))
	if m == nil {
		return specs, nil
	}
	for _, f := range m.DistinctFields() {
		ci := slices.Index(cols, f.Name)
		if ci < 0 {
			continue
		}
		checks, err := declaredChecks(f, m)
		if err != nil {
			return nil, fmt.Errorf("metadata field %s: %w", f.Name, err)
		}
		if len(checks) > 0 {
			specs[ci] = &fieldSpec{missing: m.MissingValues, checks: checks}
		}
	}
	return specs, nil
}

func declaredChecks(f datasets.Field, m *datasets.Metadata) ([]valueCheck, error) {
	var checks []valueCheck
	if kinds, ok := kindsOf[f.Datatype]; ok {
		checks = append(checks, valueCheck{name: "type", reference: f.Datatype, test: func(v string, k kind) (bool, bool) {
			return true, kinds&(1<<k) != 0 && (f.Datatype != "year" || len(strings.TrimPrefix(v, "-")) == 4)
		}})
	}
	if c := f.Constraints; c != nil {
		if c.Minimum != "" {
			checks = append(checks, boundCheck("minimum", c.Minimum, f.Datatype, func(cmp int) bool { return cmp >= 0 }))
		}
		if c.Maximum != "" {
			checks = append(checks, boundCheck("maximum", c.Maximum, f.Datatype, func(cmp int) bool { return cmp <= 0 }))
		}
		if c.ExclusiveMinimum != "" {
			checks = append(checks, boundCheck("exclusive_minimum", c.ExclusiveMinimum, f.Datatype, func(cmp int) bool { return cmp > 0 }))
		}
		if c.ExclusiveMaximum != "" {
			checks = append(checks, boundCheck("exclusive_maximum", c.ExclusiveMaximum, f.Datatype, func(cmp int) bool { return cmp < 0 }))
		}
		if n := c.MinLength; n != nil {
			checks = append(checks, valueCheck{name: "min_length", reference: strconv.Itoa(*n), test: func(v string, _ kind) (bool, bool) {
				return true, utf8.RuneCountInString(v) >= *n
			}})
		}
		if n := c.MaxLength; n != nil {
			checks = append(checks, valueCheck{name: "max_length", reference: strconv.Itoa(*n), test: func(v string, _ kind) (bool, bool) {
				return true, utf8.RuneCountInString(v) <= *n
			}})
		}
		if c.Pattern != "" {
			// Table Schema patterns, like XML Schema's, match the whole value.
			re, err := regexp.Compile(`^(?:` + c.Pattern + `)$`)
			if err != nil {
				return nil, fmt.Errorf("constraints.pattern: %w", err)
			}
			checks = append(checks, valueCheck{name: "pattern", reference: c.Pattern, test: func(v string, _ kind) (bool, bool) {
				return true, re.MatchString(v)
			}})
		}
		if len(c.Enum) > 0 {
			allowed := map[string]bool{}
			for _, e := range c.Enum {
				allowed[e] = true
			}
			checks = append(checks, valueCheck{name: "enum", reference: strings.Join(c.Enum, ", "), test: func(v string, _ kind) (bool, bool) {
				return true, allowed[v]
			}})
		}
	}
	if f.CodeList != "" {
		if ref, ok := codeList(f.CodeList); ok {
			checks = append(checks, referenceCheck("code_list", ref))
		}
	}
	if f.StandardRef != "" {
		if ref, ok := standard(f.StandardRef); ok {
			checks = append(checks, referenceCheck("standard", ref))
		}
	}
	if t := m.Temporal; t != nil && f.Name == m.TimeField && (t.Start != "" || t.End != "") {
		checks = append(checks, valueCheck{name: "temporal_coverage", reference: t.Start + ".." + t.End, test: func(v string, k kind) (bool, bool) {
			if k != kindDate && k != kindDatetime {
				return false, false
			}
			return true, (t.Start == "" || compareISO(v, t.Start) >= 0) && (t.End == "" || compareISO(v, t.End) <= 0)
		}})
	}
	return checks, nil
}

func referenceCheck(name string, ref reference) valueCheck {
	return valueCheck{name: name, reference: ref.name, test: func(v string, _ kind) (bool, bool) {
		return true, ref.conform(v)
	}}
}

// boundCheck compares values with a declared minimum or maximum: as numbers when the bound is
// one and the field is not a date, as ISO 8601 text for dates and times.
func boundCheck(name, bound, datatype string, pass func(cmp int) bool) valueCheck {
	limit, err := strconv.ParseFloat(bound, 64)
	numeric := err == nil && datatype != "date" && datatype != "datetime" && datatype != "year" && datatype != "time"
	if numeric {
		return valueCheck{name: name, reference: bound, test: func(v string, k kind) (bool, bool) {
			if k != kindInteger && k != kindNumber {
				return false, false
			}
			f, ok := numberOf(v, k)
			if !ok {
				return false, false
			}
			switch {
			case f < limit:
				return true, pass(-1)
			case f > limit:
				return true, pass(1)
			}
			return true, pass(0)
		}}
	}
	return valueCheck{name: name, reference: bound, test: func(v string, k kind) (bool, bool) {
		if k != kindDate && k != kindDatetime && !(datatype == "year" && k == kindInteger) {
			return false, false
		}
		return true, pass(compareISO(v, bound))
	}}
}

// compareISO compares ISO 8601 texts, a date-time against a date by its date: 2025-06-30T10:00
// is neither before nor after 2025-06-30.
func compareISO(v, bound string) int {
	if len(v) > len(bound) {
		v = v[:len(bound)]
	}
	return strings.Compare(v, bound)
}

// fieldChecks is one worker's tally of a column's declared checks.
type fieldChecks struct {
	spec    *fieldSpec `state:"-"`
	tallies []checkTally
}

// checkTally counts one check.
type checkTally struct {
	evaluated, failed int64
	samples           sampleSet[heldSample] // values as read (cellmask.go)
}

func newFieldChecks(spec *fieldSpec, samples int) *fieldChecks {
	if spec == nil {
		return nil
	}
	fc := &fieldChecks{spec: spec, tallies: make([]checkTally, len(spec.checks))}
	for i := range fc.tallies {
		fc.tallies[i].samples = newSampleSet[heldSample](samples)
	}
	return fc
}

// observe checks a present, non-blank value of kind k.
func (fc *fieldChecks) observe(v string, k kind, row int64) {
	if slices.Contains(fc.spec.missing, v) {
		return
	}
	for i, c := range fc.spec.checks {
		applies, ok := c.test(v, k)
		if !applies {
			continue
		}
		t := &fc.tallies[i]
		t.evaluated++
		if !ok {
			t.fail(row, func() heldSample { return heldSample{value: hold(v)} })
		}
	}
}

// fail counts a failure at row. value gives the sample's value as read (nil for none); it is
// called only when the sample is kept, so copying costs nothing once the samples are full.
func (t *checkTally) fail(row int64, value func() heldSample) {
	t.failed++
	if t.samples.full(row) {
		return
	}
	var s heldSample
	if value != nil {
		s = value()
	}
	s.row = row
	t.samples.add(s, row)
}

func (t *checkTally) merge(o *checkTally) {
	t.evaluated += o.evaluated
	t.failed += o.failed
	t.samples.merge(&o.samples)
}

// counts publishes the tally, each sample's value in the form show gives it.
func (t *checkTally) counts(reference string, show func(heldSample) string) CheckCounts {
	return CheckCounts{Reference: reference, Evaluated: t.evaluated, Failed: t.failed, Samples: shownSamples(&t.samples, show)}
}

func (fc *fieldChecks) merge(o *fieldChecks) {
	if fc == nil {
		return
	}
	for i := range fc.tallies {
		fc.tallies[i].merge(&o.tallies[i])
	}
}

// profile lists the column's checks by name; a column without declared checks has an empty map.
func (fc *fieldChecks) profile(m columnMask) map[string]*CheckCounts {
	out := map[string]*CheckCounts{}
	if fc == nil {
		return out
	}
	for i, c := range fc.spec.checks {
		counts := fc.tallies[i].counts(c.reference, func(h heldSample) string { return m.show(h.value) })
		out[c.name] = &counts
	}
	return out
}
