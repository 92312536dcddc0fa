package checkers

import (
	"cmp"
	_ "embed"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

// MaskingPattern is a named masking convention (STANDARDS §4): the regular expression every
// masked value must match, and the identifier it masks.
type MaskingPattern struct {
	Name string
	// Data is the detect.All name of what the pattern masks (cn_resident_id, mobile, ...): a
	// value that fails the pattern but passes that detector's validator is a leak. Empty, or
	// a name no detector has, makes any value without a mask character a leak.
	Data    string
	Regex   string
	Exposes string
}

//go:embed maskpatterns.yaml
var maskPatternsYAML []byte

// MaskingPatterns returns the built-in named patterns (maskpatterns.yaml), by name.
var MaskingPatterns = sync.OnceValue(func() map[string]MaskingPattern {
	var doc struct {
		Patterns map[string]struct {
			Data    string `yaml:"data"`
			Regex   string `yaml:"regex"`
			Exposes string `yaml:"exposes"`
		} `yaml:"patterns"`
	}
	if err := yaml.Unmarshal(maskPatternsYAML, &doc); err != nil {
		panic("checkers: maskpatterns.yaml: " + err.Error()) // embedded data; a test reads it
	}
	out := make(map[string]MaskingPattern, len(doc.Patterns))
	for name, p := range doc.Patterns {
		out[name] = MaskingPattern{Name: name, Data: p.Data, Regex: p.Regex, Exposes: p.Exposes}
	}
	return out
})

// maskingSpec is a column's declared masking, resolved: the pattern compiled, or the reason
// it could not be.
type maskingSpec struct {
	method, pattern, data, regex, err string
	re                                *regexp.Regexp
	leak                              func(string) bool
	length                            int
	kept                              [][2]int
}

// Masking is a field's declared masking (fields[].masking): the method (mask, hash, hmac,
// tokenization, generalise, ...), the named pattern, and optionally a regex of its own, which
// defines or overrides the named pattern (how users add patterns), and Data, the detector
// name of what it masks.
type Masking struct{ Method, Pattern, Regex, Data string }

// maskingSpecFor resolves a declaration; nil when it names no pattern to check values against.
func maskingSpecFor(d Masking) *maskingSpec {
	s := &maskingSpec{method: d.Method, pattern: d.Pattern, data: d.Data, regex: d.Regex}
	if s.pattern == "" && s.regex == "" {
		return nil
	}
	if named, ok := MaskingPatterns()[s.pattern]; ok {
		s.regex = cmp.Or(s.regex, named.Regex)
		s.data = cmp.Or(s.data, named.Data)
	}
	if s.regex == "" {
		s.err = fmt.Sprintf("masking pattern %q is not a known pattern and the field declares no regex", s.pattern)
		return s
	}
	re, err := regexp.Compile(s.regex)
	if err != nil {
		s.err = fmt.Sprintf("masking regex %q does not compile: %v", s.regex, err)
		return s
	}
	s.re = re
	s.length, s.kept = exposure(s.regex)
	s.leak = func(v string) bool { return strings.IndexByte(v, '*') < 0 }
	for _, d := range detect.All {
		if d.Name == s.data {
			s.leak = func(v string) bool { return d.Detect(v).Valid }
		}
	}
	return s
}

// maskingCounter checks one column's values against its declared pattern.
type maskingCounter struct {
	spec                 *maskingSpec `state:"-"`
	checked, conforming  int64
	leaks                int64
	nonconforming, leaky sampleSet[heldSample] // values as read (cellmask.go)
}

func newMaskingCounter(spec *maskingSpec, samples int) *maskingCounter {
	return &maskingCounter{spec: spec, nonconforming: newSampleSet[heldSample](samples), leaky: newSampleSet[heldSample](samples)}
}

func (m *maskingCounter) observe(v string, row int64) {
	if m.spec.re == nil {
		return
	}
	m.checked++
	if m.spec.re.MatchString(v) {
		m.conforming++
		return
	}
	if !m.nonconforming.full(row) {
		m.nonconforming.add(heldSample{row: row, value: hold(v)}, row)
	}
	if m.spec.leak(v) {
		m.leaks++
		if !m.leaky.full(row) {
			m.leaky.add(heldSample{row: row, value: hold(v)}, row)
		}
	}
}

func (m *maskingCounter) merge(o *maskingCounter) {
	m.checked += o.checked
	m.conforming += o.conforming
	m.leaks += o.leaks
	m.nonconforming.merge(&o.nonconforming)
	m.leaky.merge(&o.leaky)
}

func (m *maskingCounter) profile(cm columnMask) *MaskingCheck {
	s := m.spec
	return &MaskingCheck{Method: s.method, Pattern: s.pattern, Data: s.data, Regex: s.regex, Error: s.err,
		Length: s.length, Kept: s.kept, Checked: m.checked, Conforming: m.conforming,
		NonconformingSamples: cm.samples(&m.nonconforming), Leaks: m.leaks, LeakSamples: cm.samples(&m.leaky)}
}

// exposure reads which character positions a masking regex leaves in clear, for patterns
// whose matches all have one length (anchored concatenations of literals, classes and
// fixed repeats, as the §4 patterns for ID numbers and mobiles are). A position is hidden
// when only '*' can stand there, kept otherwise. It returns length 0 when it cannot tell.
func exposure(expr string) (int, [][2]int) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return 0, nil
	}
	re = re.Simplify()
	var hidden []bool // per position: only '*' can stand there
	var walk func(*syntax.Regexp) bool
	walk = func(re *syntax.Regexp) bool {
		switch re.Op {
		case syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpEmptyMatch:
			return true
		case syntax.OpLiteral:
			for _, r := range re.Rune {
				hidden = append(hidden, r == '*')
			}
			return true
		case syntax.OpCharClass:
			hidden = append(hidden, len(re.Rune) == 2 && re.Rune[0] == '*' && re.Rune[1] == '*')
			return true
		case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			hidden = append(hidden, false)
			return true
		case syntax.OpCapture:
			return walk(re.Sub[0])
		case syntax.OpConcat:
			for _, sub := range re.Sub {
				if !walk(sub) {
					return false
				}
			}
			return true
		case syntax.OpRepeat:
			if re.Min != re.Max {
				return false
			}
			for range re.Min {
				if !walk(re.Sub[0]) {
					return false
				}
			}
			return true
		}
		return false // alternation, stars, pluses: matches of varying length
	}
	anchored := len(re.Sub) > 0 && re.Op == syntax.OpConcat &&
		re.Sub[0].Op == syntax.OpBeginText && re.Sub[len(re.Sub)-1].Op == syntax.OpEndText
	if !anchored || !walk(re) || len(hidden) == 0 {
		return 0, nil
	}
	kept := [][2]int{}
	for i, h := range hidden {
		switch {
		case h:
		case len(kept) > 0 && kept[len(kept)-1][1] == i:
			kept[len(kept)-1][1] = i + 1
		default:
			kept = append(kept, [2]int{i + 1, i + 1})
		}
	}
	return len(hidden), kept
}

// desensitisationPlan reads what the metadata declares for desensitisation: each field's
// masking, the quasi-identifiers and the sensitive attributes.
func desensitisationPlan(p *Plan, m *datasets.Metadata) {
	for _, f := range m.DistinctFields() {
		if f.Masking == nil {
			continue
		}
		str := func(k string) string { s, _ := f.Masking[k].(string); return strings.TrimSpace(s) }
		if p.Masking == nil {
			p.Masking = map[string]Masking{}
		}
		p.Masking[f.Name] = Masking{Method: str("method"), Pattern: str("pattern"), Regex: str("regex"), Data: str("data")}
	}
	riskPlanFor(p, m)
}

// maskingCounters gives each column whose declaration names a pattern its counter. The
// compiled patterns are shared by the workers (a regexp is safe for concurrent use).
func maskingCounters(declared map[string]Masking, cols []string) map[int]*maskingSpec {
	specs := map[int]*maskingSpec{}
	for i, c := range cols {
		if d, ok := declared[c]; ok {
			if s := maskingSpecFor(d); s != nil {
				specs[i] = s
			}
		}
	}
	return specs
}
