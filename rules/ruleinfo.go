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
// standard, clause and remediation, the Chinese title and remediation where custom.title_zh
// and custom.remediation_zh give them, and the basis of its citation (custom.basis). Findings
// carry the same identity but the basis; reports name the rules that judged a dataset by it.
//
// How a rule cites its sources:
//
//   - custom.standard lists the standards, laws or other sources the rule cites, separated by
//     ";". Each begins with its identifier, optionally followed by a gloss in parentheses:
//     "GB/T 36344-2018", "PIPL (个人信息保护法)", "GB/T 16831-2013 (ISO 6709:2008)". The
//     identifier, the text before " (", is an entry of the standards table,
//     bundle/dgcheck/standards/data.yaml, which gives its edition, titles and status; a built-in
//     rule cites only current editions (TestBuiltInCitations).
//   - custom.clause gives, for each source (after its identifier when the rule cites more than
//     one), the article, clause or annex the sources showed. Where they showed a part's title
//     but not its number, the clause is that title (GB 11643-1999's 校验码). Where they showed
//     nothing narrower than the whole text, it is "(no clause: cited as a whole)". A clause says
//     what is known and nothing else: how sure it is belongs in the basis.
//   - custom.basis says where the citation was seen, one or more parts joined by "; ", each
//     tagged: "T: <source>" for the text itself (a full copy, a copied table of contents or a
//     verbatim quotation), "S: <source>" for a secondary summary or an implementation, "NF: ..."
//     for what was not found (the source is then cited as a whole), "P: ..." for what is
//     dgcheck's own (a project default or policy, or a rule of no external source). It is
//     shown by `dgcheck rules show` and `rules doc`, not in findings or reports.
//
// A built-in rule must give its basis; a user pack's rule may.
type RuleInfo struct {
	reports.Rule
	Basis   string // custom.basis: where the citation was seen; "" for a pack rule that gives none
	Package string // e.g. data.dgcheck.rules.quality.required_fields
	Pack    string // the user pack's directory it was loaded from; "" for a built-in rule
}

// ruleID is the form of catalogue ids (STANDARDS.md §2): a prefix naming the area and a
// three-digit number.
var ruleID = regexp.MustCompile(`^[A-Z]+-\d{3}$`)

// readRules reads every rule package's identity and rejects a rule that lacks any of it: the
// finding helper would build nothing for such a rule, and it would pass silently. packOf maps
// a user pack's packages to the pack's directory; a package not in it is built in, and must
// also give the basis of its citation.
func readRules(b *bundle.Bundle, packOf map[string]string) ([]RuleInfo, error) {
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
		pack := packOf[name]
		info, missing := ruleInfo(name, p.area, p.meta, pack == "")
		info.Pack = pack
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

// ruleInfo reads one package annotation; missing lists what is absent or malformed. A
// built-in rule must give custom.basis.
func ruleInfo(pkg, area string, meta *ast.Annotations, builtIn bool) (info RuleInfo, missing []string) {
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
	// A pack's rule may leave out the basis of its citation; a built-in one may not.
	if builtIn {
		info.Basis = custom("basis")
	} else {
		info.Basis = optional("basis")
	}
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
