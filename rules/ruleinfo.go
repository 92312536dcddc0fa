package rules

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/dgcheck/dgcheck/reports"
)

// RuleInfo is a rule's identity, read from the METADATA annotation of its package
// (data.dgcheck.rules.<area>.<name>): id (custom.id, e.g. QUAL-007, the STANDARDS.md
// catalogue row), title, description, area (the <area> of the package path), severity,
// standard, clause ("clause unknown" where the catalogue could not verify one) and
// remediation, and the Chinese title and remediation where custom.title_zh and
// custom.remediation_zh give them. Findings carry the same identity; reports name the rules
// that judged a dataset by it.
type RuleInfo struct {
	reports.Rule
	Package string // e.g. data.dgcheck.rules.quality.required_fields
	Pack    string // the user pack's directory it was loaded from; "" for a built-in rule
}

// ruleID is the form of catalogue ids (STANDARDS.md §2): a prefix naming the area and a
// three-digit number.
var ruleID = regexp.MustCompile(`^[A-Z]+-\d{3}$`)

// readRules reads every rule package's identity and rejects a rule that lacks any of it: the
// finding helper would build nothing for such a rule, and it would pass silently.
func readRules(b *bundle.Bundle) ([]RuleInfo, error) {
	type rulePkg struct {
		area     string
		location *ast.Location
		meta     *ast.Annotations
	}
	packages := map[string]*rulePkg{}
	var order []string
	for _, m := range b.Modules {
		area, ok := rulePackage(m.Parsed.Package.Path)
		if !ok {
			continue
		}
		name := m.Parsed.Package.Path.String()
		p := packages[name]
		if p == nil {
			p = &rulePkg{area: area, location: m.Parsed.Package.Location}
			packages[name] = p
			order = append(order, name)
		}
		for _, a := range m.Parsed.Annotations {
			if a.Scope == "package" {
				p.meta = a
				p.location = a.Location
			}
		}
	}

	var (
		infos []RuleInfo
		errs  []error
		seen  = map[string]string{}
	)
	for _, name := range order {
		p := packages[name]
		if p.meta == nil {
			errs = append(errs, fmt.Errorf("%s: package %s has no METADATA annotation giving its identity", p.location, name))
			continue
		}
		info, missing := ruleInfo(name, p.area, p.meta)
		if len(missing) > 0 {
			errs = append(errs, fmt.Errorf("%s: package %s: %s", p.location, name, strings.Join(missing, "; ")))
			continue
		}
		if other, dup := seen[info.ID]; dup {
			errs = append(errs, fmt.Errorf("%s: package %s: custom.id %s is already the id of %s", p.location, name, info.ID, other))
			continue
		}
		seen[info.ID] = name
		infos = append(infos, info)
	}
	slices.SortFunc(infos, func(a, b RuleInfo) int { return strings.Compare(a.ID, b.ID) })
	return infos, errors.Join(errs...)
}

// ruleInfo reads one package annotation; missing lists what is absent or malformed.
func ruleInfo(pkg, area string, meta *ast.Annotations) (info RuleInfo, missing []string) {
	custom := func(key string) string {
		s, _ := meta.Custom[key].(string)
		s = strings.TrimSpace(s)
		if s == "" {
			missing = append(missing, "no custom."+key)
		}
		return s
	}
	// Chinese wording is optional: the HTML report falls back to the English.
	optional := func(key string) string {
		s, isString := meta.Custom[key].(string)
		if _, given := meta.Custom[key]; given && !isString {
			missing = append(missing, fmt.Sprintf("custom.%s is not a string", key))
		}
		return strings.TrimSpace(s)
	}
	info = RuleInfo{Package: pkg, Rule: reports.Rule{
		ID:            custom("id"),
		Title:         strings.TrimSpace(meta.Title),
		TitleZh:       optional("title_zh"),
		Description:   strings.TrimSpace(meta.Description),
		Area:          area,
		Severity:      reports.Severity(custom("severity")),
		Standard:      custom("standard"),
		Clause:        custom("clause"),
		Remediation:   custom("remediation"),
		RemediationZh: optional("remediation_zh"),
	}}
	if info.Title == "" {
		missing = append(missing, "no title")
	}
	if info.ID != "" && !ruleID.MatchString(info.ID) {
		missing = append(missing, fmt.Sprintf("custom.id %q is not of the form AREA-000", info.ID))
	}
	if info.Severity != "" && info.Severity.Rank() == 0 {
		missing = append(missing, fmt.Sprintf("custom.severity %q is not error, warning or info", info.Severity))
	}
	return info, missing
}
