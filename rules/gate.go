package rules

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/dgcheck/dgcheck/reports"
)

// WithConfig applies a run's configuration (dgcheck.yaml and the flags over it): Load checks
// it against the loaded rules, and Evaluate runs the rules it selects, with its severities,
// thresholds and waivers (applied by data.dgcheck.lib.gate). Without it every rule runs as
// its annotations say.
func WithConfig(c *Config) Option {
	return func(o *options) { o.config = c }
}

// gate is a configuration resolved against the loaded rules: the rules it runs (the engine
// names them in input.options.rules), and what Evaluate adds to the input's options for
// data.dgcheck.lib.gate.
type gate struct {
	selected []RuleInfo
	options  map[string]any
}

func newGate(c *Config, infos []RuleInfo, b *bundle.Bundle) (gate, error) {
	g := gate{options: map[string]any{}}
	if c == nil {
		c = &Config{}
	}
	profiles, err := Profiles()
	if err != nil {
		return g, err
	}
	if err := c.check(infos, profiles, builtinThresholds(b)); err != nil {
		return g, fmt.Errorf("configuration: %w", err)
	}
	var profile *Profile // nil runs every rule
	if c.Profile != "" {
		profile, _ = FindProfile(profiles, c.Profile) // found: check passed
	}
	for _, r := range infos {
		if !c.selects(r, profile) {
			continue
		}
		if sev, ok := c.Severity[r.ID]; ok {
			r.Severity = sev
		}
		g.selected = append(g.selected, r)
	}
	if len(c.Severity) > 0 {
		g.options["severity_overrides"] = c.Severity
	}
	if len(c.Thresholds) > 0 {
		g.options["thresholds"] = c.Thresholds
	}
	if len(c.Waivers) > 0 {
		g.options["waivers"] = c.Waivers
	}
	if c.FailOn != "" {
		// The scores' grade cap needs to know what fails the dataset (main.rego score).
		g.options["fail_on"] = string(c.FailOn)
	}
	return g, nil
}

// builtinThresholds are data.dgcheck.config.thresholds: the names a configuration may set.
func builtinThresholds(b *bundle.Bundle) map[string]any {
	dgcheck, _ := b.Data["dgcheck"].(map[string]any)
	config, _ := dgcheck["config"].(map[string]any)
	thresholds, _ := config["thresholds"].(map[string]any)
	return thresholds
}

// Selected lists the rules the configuration runs, with the severities it gives them, sorted
// by id: the rules that judge every dataset, which reports name.
func (e *Engine) Selected() []RuleInfo {
	return append([]RuleInfo(nil), e.gate.selected...)
}

// withOptions adds the configuration to the caller's options. What the caller gives wins,
// threshold by threshold, as flags win over the file.
func (g gate) withOptions(callers any) (map[string]any, error) {
	raw, err := jsonObject(callers)
	if err != nil {
		return nil, err
	}
	var opts map[string]any
	if err := json.Unmarshal(raw, &opts); err != nil {
		return nil, err
	}
	// What a library caller gives is held to the ranges dgcheck.yaml is.
	given, _ := opts["thresholds"].(map[string]any)
	for name, x := range given {
		n, isNumber := x.(float64)
		if !isNumber {
			return nil, fmt.Errorf("thresholds.%s: %v is not a number", name, x)
		}
		if err := CheckThreshold(name, n); err != nil {
			return nil, err
		}
	}
	for key, value := range g.options {
		if key == "thresholds" {
			merged := map[string]any{}
			for name, x := range value.(map[string]float64) {
				merged[name] = x
			}
			given, _ := opts["thresholds"].(map[string]any)
			maps.Copy(merged, given)
			value = merged
		}
		if _, given := opts[key]; !given || key == "thresholds" {
			opts[key] = value
		}
	}
	if failOn, given := opts["fail_on"]; given {
		s, _ := failOn.(string)
		sev, err := reports.ParseSeverity(s)
		if err != nil {
			return nil, fmt.Errorf("fail_on: %w", err)
		}
		opts["fail_on"] = string(sev)
	}
	if _, hasNow := opts["now"]; !hasNow && g.options["waivers"] != nil {
		return nil, errors.New("waivers expire against options.now, which is not given")
	}
	return opts, nil
}
