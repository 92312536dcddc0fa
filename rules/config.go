package rules

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gobwas/glob"
	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/reports"
)

// ConfigFile is the name of the configuration a CI gate keeps beside its data, which
// dgcheck check reads from the working directory.
const ConfigFile = "dgcheck.yaml"

// Config is a run's configuration, as dgcheck.yaml gives it: which rules run (a profile,
// adjusted by rule id patterns), at what severity, with which thresholds, what fails the run,
// and which findings are waived until when. Load checks it against the rules it names.
type Config struct {
	// Path is the file the configuration was read from, for errors; "" for one built in code.
	Path string
	// Profile names a profile of rules/bundle/dgcheck/config/profiles.yaml; "" runs every rule.
	Profile string
	// Enable and Disable are rule id patterns (path.Match: META-*, QUAL-00?) run beyond the
	// profile's, or not run whatever the profile says; Disable wins.
	Enable, Disable []string
	// Severity overrides rules' severities, by rule id.
	Severity map[string]reports.Severity
	// Thresholds override data.dgcheck.config.thresholds, by name.
	Thresholds map[string]float64
	// FailOn is the lowest severity that fails the run; "" leaves it to the caller.
	FailOn  reports.Severity
	Waivers []Waiver

	// at locates settings in Path (file:line:column) by their place in the file
	// ("severity.QUAL-011", "waivers[0].rule"), for the errors Load finds.
	at map[string]string
}

// Waiver accepts the findings of one rule on the datasets a glob names, optionally in one
// column only, for a reason, on someone's authority, until a date. A waived finding is still
// reported, marked waived, and does not fail the run; once the date has passed the waiver
// waives nothing and CONF-001 reports it.
type Waiver struct {
	Rule string `json:"rule"`
	// Dataset is a glob over the dataset's path as given (* stays within a directory, **
	// crosses them); a glob without a / may match the file name alone.
	Dataset string `json:"dataset"`
	Column  string `json:"column,omitempty"`
	Reason  string `json:"reason"`
	Owner   string `json:"owner"`
	Expires string `json:"expires"` // YYYY-MM-DD, the last day it waives
	// Source is where the waiver is written (dgcheck.yaml:12), so that a report can point at it.
	Source string `json:"source"`
}

// ReadConfig reads and checks a dgcheck.yaml. Errors name the file, line and column.
func ReadConfig(file string) (*Config, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return ParseConfig(file, src)
}

// ParseConfig reads a dgcheck.yaml's contents; file names it in errors. Every problem is
// reported, each on a line of its own: file:line:column: what is wrong.
func ParseConfig(file string, src []byte) (*Config, error) {
	c := &Config{Path: file, at: map[string]string{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(doc.Content) == 0 {
		return c, nil // an empty file configures nothing
	}
	p := &configParser{c: c}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, p.errorAt(root, "want a mapping of settings (profile, rules, severity, thresholds, fail_on, waivers)")
	}
	p.mapping(root, "", func(key string, k, v *yaml.Node) {
		switch key {
		case "profile":
			c.Profile = p.str(v, key)
		case "rules":
			p.mapping(v, "rules.", func(key string, k, v *yaml.Node) {
				switch key {
				case "enable":
					c.Enable = p.patterns(v, "rules.enable")
				case "disable":
					c.Disable = p.patterns(v, "rules.disable")
				default:
					p.errorAt(k, "rules: unknown key %q (want enable or disable)", key)
				}
			})
		case "severity":
			c.Severity = map[string]reports.Severity{}
			p.mapping(v, "severity.", func(id string, k, v *yaml.Node) {
				p.ruleID(k, id)
				if sev, err := reports.ParseSeverity(p.str(v, "severity."+id)); err != nil {
					p.errorAt(v, "severity.%s: %v", id, err)
				} else {
					c.Severity[id] = sev
				}
			})
		case "thresholds":
			c.Thresholds = map[string]float64{}
			p.mapping(v, "thresholds.", func(name string, _, v *yaml.Node) {
				x, err := strconv.ParseFloat(v.Value, 64)
				if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") || err != nil {
					p.errorAt(v, "thresholds.%s: want a number, got %q", name, v.Value)
					return
				}
				if problem := thresholdProblem(name, x); problem != "" {
					p.errorAt(v, "thresholds.%s: %s", name, problem)
					return
				}
				c.Thresholds[name] = x
			})
		case "fail_on":
			if sev, err := reports.ParseSeverity(p.str(v, key)); err != nil {
				p.errorAt(v, "fail_on: %v", err)
			} else {
				c.FailOn = sev
			}
		case "waivers":
			p.waivers(v)
		default:
			p.errorAt(k, "unknown key %q (want profile, rules, severity, thresholds, fail_on or waivers)", key)
		}
	})
	if err := errors.Join(p.errs...); err != nil {
		return nil, err
	}
	return c, nil
}

// configParser walks the YAML nodes, collecting located errors.
type configParser struct {
	c    *Config
	errs []error
}

func (p *configParser) where(n *yaml.Node) string {
	return fmt.Sprintf("%s:%d:%d", p.c.Path, n.Line, n.Column)
}

func (p *configParser) errorAt(n *yaml.Node, format string, args ...any) error {
	err := fmt.Errorf("%s: %s", p.where(n), fmt.Sprintf(format, args...))
	p.errs = append(p.errs, err)
	return err
}

// mapping calls each for the members of a mapping node, recording where each sits and
// rejecting a key given twice.
func (p *configParser) mapping(n *yaml.Node, prefix string, each func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errorAt(n, "%s: want a mapping", strings.TrimSuffix(prefix, "."))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			p.errorAt(k, "%s%s is given twice", prefix, k.Value)
			continue
		}
		seen[k.Value] = true
		p.c.at[prefix+k.Value] = p.where(k)
		each(k.Value, k, v)
	}
}

func (p *configParser) str(n *yaml.Node, name string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorAt(n, "%s: want a string", name)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (p *configParser) ruleID(n *yaml.Node, id string) {
	if !ruleID.MatchString(id) {
		p.errorAt(n, "%q is not a rule id (AREA-000)", id)
	}
}

// patterns reads a list of rule id patterns.
func (p *configParser) patterns(n *yaml.Node, name string) []string {
	if n.Kind != yaml.SequenceNode {
		p.errorAt(n, "%s: want a list of rule ids or patterns (META-*)", name)
		return nil
	}
	var out []string
	for i, item := range n.Content {
		s := p.str(item, fmt.Sprintf("%s[%d]", name, i))
		if _, err := path.Match(s, ""); err != nil {
			p.errorAt(item, "%s[%d]: bad pattern %q", name, i, s)
			continue
		}
		p.c.at[fmt.Sprintf("%s[%d]", name, i)] = p.where(item)
		out = append(out, s)
	}
	return out
}

func (p *configParser) waivers(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.errorAt(n, "waivers: want a list")
		return
	}
	for i, item := range n.Content {
		name := fmt.Sprintf("waivers[%d]", i)
		w := Waiver{Source: fmt.Sprintf("%s:%d", p.c.Path, item.Line)}
		p.mapping(item, name+".", func(key string, k, v *yaml.Node) {
			field := map[string]*string{"rule": &w.Rule, "dataset": &w.Dataset, "column": &w.Column,
				"reason": &w.Reason, "owner": &w.Owner, "expires": &w.Expires}[key]
			if field == nil {
				p.errorAt(k, "%s: unknown key %q (want rule, dataset, column, reason, owner, expires)", name, key)
				return
			}
			*field = p.str(v, name+"."+key)
		})
		if item.Kind != yaml.MappingNode {
			continue
		}
		p.c.at[name] = p.where(item)
		for _, required := range []struct{ key, value string }{
			{"rule", w.Rule}, {"dataset", w.Dataset}, {"reason", w.Reason}, {"owner", w.Owner}, {"expires", w.Expires},
		} {
			if required.value == "" {
				p.errorAt(item, "%s: no %s (a waiver names its rule, dataset glob, reason, owner and expiry date)", name, required.key)
			}
		}
		if w.Rule != "" {
			p.ruleID(item, w.Rule)
		}
		if w.Dataset != "" {
			// The glob is matched by Rego's glob.match, which compiles it the same way.
			if _, err := glob.Compile(w.Dataset, '/'); err != nil {
				p.errorAt(item, "%s.dataset: bad glob %q: %v", name, w.Dataset, err)
			}
		}
		if w.Expires != "" {
			if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
				p.errorAt(item, "%s.expires: %q is not a date YYYY-MM-DD", name, w.Expires)
			}
		}
		p.c.Waivers = append(p.c.Waivers, w)
	}
}

// locate prefixes an error about a setting with where the file gives it, or with the file
// alone when the configuration was not read from a file position.
func (c *Config) locate(setting string, format string, args ...any) error {
	where := c.at[setting]
	if where == "" {
		where = cmp.Or(c.Path, "configuration")
	}
	return fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...))
}

// check holds the configuration against the loaded rules, the profiles and the thresholds
// the rules read: every id, pattern, profile and threshold it names must exist, so that a
// typo fails the run instead of silently selecting or waiving nothing.
func (c *Config) check(infos []RuleInfo, profiles []Profile, thresholds map[string]any) error {
	var errs []error
	known := func(id string) bool { return slices.ContainsFunc(infos, func(r RuleInfo) bool { return r.ID == id }) }
	if c.Profile != "" {
		if _, err := FindProfile(profiles, c.Profile); err != nil {
			errs = append(errs, c.locate("profile", "%v", err))
		}
	}
	for _, list := range []struct {
		name     string
		patterns []string
	}{{"rules.enable", c.Enable}, {"rules.disable", c.Disable}} {
		name := list.name
		for i, pattern := range list.patterns {
			if !slices.ContainsFunc(infos, func(r RuleInfo) bool { return idMatches(pattern, r.ID) }) {
				errs = append(errs, c.locate(fmt.Sprintf("%s[%d]", name, i), "%s: %q matches no rule", name, pattern))
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(c.Severity)) {
		if !known(id) {
			errs = append(errs, c.locate("severity."+id, "severity: no rule has id %s", id))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(c.Thresholds)) {
		if _, ok := thresholds[name]; !ok {
			errs = append(errs, c.locate("thresholds."+name, "thresholds: unknown threshold %q (want one of %s)",
				name, strings.Join(slices.Sorted(maps.Keys(thresholds)), ", ")))
		} else if problem := thresholdProblem(name, c.Thresholds[name]); problem != "" {
			// A configuration built in code reaches here unchecked; one read from a file was
			// checked at the value's line and column already.
			errs = append(errs, c.locate("thresholds."+name, "thresholds.%s: %s", name, problem))
		}
	}
	for i, w := range c.Waivers {
		at := fmt.Sprintf("waivers[%d]", i)
		switch area, _, _ := strings.Cut(w.Rule, "-"); {
		case !known(w.Rule):
			errs = append(errs, c.locate(at, "%s: no rule has id %s", at, w.Rule))
		case area == "CONF":
			errs = append(errs, c.locate(at, "%s: %s judges the configuration itself and cannot be waived", at, w.Rule))
		}
	}
	return errors.Join(errs...)
}

// selects tells whether the configuration runs a rule: rules of the config area always run
// unless disabled, since they judge the configuration; the others run when the profile (or
// its absence) selects them or an enable pattern names them, and no disable pattern does.
func (c *Config) selects(r RuleInfo, profile *Profile) bool {
	if slices.ContainsFunc(c.Disable, func(p string) bool { return idMatches(p, r.ID) }) {
		return false
	}
	return r.Area == "config" || profile.selects(r.ID) ||
		slices.ContainsFunc(c.Enable, func(p string) bool { return idMatches(p, r.ID) })
}

// idMatches matches a rule id against a pattern; patterns were checked when read.
func idMatches(pattern, id string) bool {
	ok, _ := path.Match(pattern, id)
	return ok
}

// dataFile holds the built-in thresholds and, beside each, its range.
const dataFile = "bundle/dgcheck/config/data.yaml"

// ThresholdRange is the values a threshold may be given: within [Min, Max], whole when
// Integer, one of OneOf when that is given. data.yaml's threshold_ranges holds one per
// threshold, beside its default.
type ThresholdRange struct {
	Min     *float64  `yaml:"min"`
	Max     *float64  `yaml:"max"`
	Integer bool      `yaml:"integer"`
	OneOf   []float64 `yaml:"one_of"`
}

// ThresholdRanges reads the built-in thresholds' ranges, by threshold name.
var ThresholdRanges = sync.OnceValues(func() (map[string]ThresholdRange, error) {
	src, err := fs.ReadFile(embedded, dataFile)
	if err != nil {
		return nil, err
	}
	var data struct {
		Ranges map[string]ThresholdRange `yaml:"threshold_ranges"`
	}
	if err := yaml.Unmarshal(src, &data); err != nil {
		return nil, fmt.Errorf("rules/%s: %w", dataFile, err)
	}
	return data.Ranges, nil
})

// CheckThreshold says why x is not a value the named threshold may take ("" when it is, or
// when the threshold is not a built-in one, which the configuration check reports itself).
func CheckThreshold(name string, x float64) error {
	if problem := thresholdProblem(name, x); problem != "" {
		return fmt.Errorf("thresholds.%s: %s", name, problem)
	}
	return nil
}

func thresholdProblem(name string, x float64) string {
	ranges, err := ThresholdRanges()
	if err != nil {
		return err.Error()
	}
	r, ok := ranges[name]
	if !ok {
		return ""
	}
	return r.problem(x)
}

// problem says what is wrong with x for r, as "x is out of range: want ...", or "".
func (r ThresholdRange) problem(x float64) string {
	if len(r.OneOf) > 0 {
		if slices.Contains(r.OneOf, x) {
			return ""
		}
		values := make([]string, len(r.OneOf))
		for i, v := range r.OneOf {
			values[i] = strconv.FormatFloat(v, 'g', -1, 64)
		}
		return fmt.Sprintf("%s is not a value it can take: want one of %s", strconv.FormatFloat(x, 'g', -1, 64), strings.Join(values, ", "))
	}
	whole := x == math.Trunc(x)
	if (r.Min == nil || x >= *r.Min) && (r.Max == nil || x <= *r.Max) && (!r.Integer || whole) && !math.IsNaN(x) {
		return ""
	}
	want := "a number"
	if r.Integer {
		want = "an integer"
	}
	switch {
	case r.Min != nil && r.Max != nil:
		want += fmt.Sprintf(" from %s to %s", strconv.FormatFloat(*r.Min, 'f', -1, 64), strconv.FormatFloat(*r.Max, 'f', -1, 64))
	case r.Min != nil:
		want += fmt.Sprintf(" of at least %s", strconv.FormatFloat(*r.Min, 'f', -1, 64))
	case r.Max != nil:
		want += fmt.Sprintf(" of at most %s", strconv.FormatFloat(*r.Max, 'f', -1, 64))
	}
	return fmt.Sprintf("%s is out of range: want %s", strconv.FormatFloat(x, 'g', -1, 64), want)
}
