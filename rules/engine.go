// Package rules judges a dataset's profile with Rego policies. The built-in rules are an OPA
// bundle embedded in the binary (bundle/); users add packs of their own. Every rule lives at
// data.dgcheck.rules.<area>.<name>, carries its identity (id, standard, clause, severity,
// remediation) in METADATA annotations, and is found by walking that tree: adding a rule
// touches no Go. The query is prepared once per Engine and judges each dataset once.
//
// A rule is a unit of failure: one rule that cannot be judged (a conflict, a built-in error,
// a pack past its time or memory limit, a finding that is not its own) is reported as that
// rule's tool error, and every other rule's findings still are.
package rules

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dgcheck/dgcheck/reports"
)

// outcomesQuery and scoreQuery are the entry points (bundle/dgcheck/main/main.rego): what
// each rule named in input.options.rules found and measured, and the indicator scores of a
// set of measures, capped by the verdict {findings, fail_on, incomplete} of every rule judged.
const (
	outcomesQuery = "data.dgcheck.main.outcomes"
	scoreQuery    = "data.dgcheck.main.score(input.measures, input.verdict)"
)

// Input is what policies see as input. Each field is a value whose JSON form is the
// documented contract: Dataset {path, name, format, encoding, delimiter, rows, columns,
// metadata_path}, Metadata the metadata model (nil when the dataset has none), Profile the
// column profile, Options {now, thresholds}.
type Input struct {
	Dataset  any
	Metadata any
	Profile  any
	Options  any
}

// Engine evaluates the rules of the embedded bundle and of any user packs.
type Engine struct {
	outcomes rego.PreparedEvalQuery
	score    rego.PreparedEvalQuery
	grade    *gradeQuery // grading.go
	rules    []RuleInfo
	digest   string
	gate     gate    // the configuration, resolved against the rules
	units    []unit  // the selected rules, as they are judged together
	limits   Limits  // what a user pack may spend
	sources  sources // the rule files, for saying what a failing line reads
}

// unit is rules judged in one evaluation: all the built-in rules, or one user pack's. One
// unit's failure never reaches another's findings.
type unit struct {
	pack  string // the user pack's directory; "" for the built-in rules
	rules []RuleInfo
}

// Limits bound what the rules of one user pack may spend judging one dataset. A pack past
// either is a tool error for each of its rules, and the other rules' findings still stand.
type Limits struct {
	// Time is the longest one pack's evaluation may take.
	Time time.Duration
	// Memory is how far the heap may grow while one pack is judged, in bytes. It is the
	// process's heap, so in a concurrent audit another dataset's scan counts towards it too;
	// a pack's evaluation is short beside a scan, so in practice it is the pack's own.
	Memory uint64
}

// DefaultPackLimits are the limits of a pack that WithPackLimits does not change: far more
// than a pack judging a profile needs (the 121 built-in rules judge a 200-column table in
// half a second), far less than a runaway comprehension takes before the machine does.
var DefaultPackLimits = Limits{Time: 10 * time.Second, Memory: 1 << 30}

// Option configures Load.
type Option func(*options)

type options struct {
	userDirs []string
	config   *Config
	limits   Limits
}

// WithUserRules adds user rule packs: directories of .rego files whose packages live under
// data.dgcheck.rules.<area>.<name>, like the built-in rules. They are read as OPA bundles, so
// a data.json or data.yaml is placed by its directory (dgcheck/rules/acme/notes/data.json is
// data.dgcheck.rules.acme.notes) and a .manifest may set the Rego version. A pack may not
// define or extend a package of the built-in bundle.
func WithUserRules(dirs ...string) Option {
	return func(o *options) { o.userDirs = append(o.userDirs, dirs...) }
}

// WithPackLimits sets what a user pack may spend judging one dataset; a zero field keeps
// DefaultPackLimits' value.
func WithPackLimits(l Limits) Option {
	return func(o *options) {
		o.limits.Time = cmp.Or(l.Time, o.limits.Time)
		o.limits.Memory = cmp.Or(l.Memory, o.limits.Memory)
	}
}

// Load reads the embedded bundle and the user packs, checks every rule's annotations and
// compiles the rules with the restricted capabilities. Errors name the file and line: a Rego
// syntax or type error, a call of a withheld built-in (http.send, net.*, opa.runtime, the
// clock, randomness), a rule without its identity, a pack in a built-in package.
func Load(ctx context.Context, opts ...Option) (*Engine, error) {
	o := options{limits: DefaultPackLimits}
	for _, opt := range opts {
		opt(&o)
	}
	b, err := loadPacks(o.userDirs, false)
	if err != nil {
		return nil, err
	}
	infos, err := readRules(b.Bundle, b.packOf)
	if err != nil {
		return nil, fmt.Errorf("rule annotations: %w", err)
	}
	g, err := newGate(o.config, infos, b.Bundle)
	if err != nil {
		return nil, err
	}
	e := &Engine{rules: infos, gate: g, limits: o.limits, sources: newSources(b.Bundle), grade: &gradeQuery{bundle: b.Bundle}}
	if e.outcomes, err = prepare(ctx, b.Bundle, outcomesQuery); err != nil {
		return nil, fmt.Errorf("compiling rules: %w", err)
	}
	if e.score, err = prepare(ctx, b.Bundle, scoreQuery); err != nil {
		return nil, fmt.Errorf("compiling rules: %w", err)
	}
	if e.digest, err = bundleDigest(b.Bundle); err != nil {
		return nil, err
	}
	e.units = units(g.selected)
	return e, nil
}

// prepare compiles a query over the bundle with the restricted capabilities and the input
// schema. A built-in that fails on odd input (a division by zero, a type error) fails the
// evaluation, so that the rule is reported as not judged rather than silently dropping a
// finding.
func prepare(ctx context.Context, b *bundle.Bundle, query string) (rego.PreparedEvalQuery, error) {
	schemaSet, err := schemas()
	if err != nil {
		return rego.PreparedEvalQuery{}, err
	}
	pq, err := rego.New(
		rego.Query(query),
		rego.ParsedBundle(bundleName, b),
		rego.Capabilities(capabilities()),
		rego.Schemas(schemaSet),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	return pq, compileErrors(err)
}

// units groups rules by the pack they come from, built-in rules first.
func units(rules []RuleInfo) []unit {
	var us []unit
	for _, r := range rules {
		i := slices.IndexFunc(us, func(u unit) bool { return u.pack == r.Pack })
		if i < 0 {
			us = append(us, unit{pack: r.Pack})
			i = len(us) - 1
		}
		us[i].rules = append(us[i].rules, r)
	}
	slices.SortStableFunc(us, func(a, b unit) int { return cmp.Compare(a.pack, b.pack) })
	return us
}

// Rules lists the loaded rules, sorted by id.
func (e *Engine) Rules() []RuleInfo {
	return slices.Clone(e.rules)
}

// Evaluate judges one dataset and returns its findings, most severe first, then by id,
// column and message. A rule that could not be judged is an error, after the findings of
// the others.
func (e *Engine) Evaluate(ctx context.Context, in Input) ([]reports.Finding, error) {
	j, err := e.Judge(ctx, in)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, te := range j.ToolErrors {
		errs = append(errs, fmt.Errorf("%s: %s", te.Rule, te.Error))
	}
	return j.Findings, errors.Join(errs...)
}

// Judgement is what the rules say of one dataset: findings, the GB/T 36344 indicator scores
// the quality rules' measures add up to (nil when no quality rule measured anything), and the
// rules that could not be judged. With any of those the judgement is incomplete: the findings
// and scores are those of the rules that could be judged.
type Judgement struct {
	Findings   []reports.Finding
	Scores     *reports.Scores
	ToolErrors []reports.ToolError
}

// Judge judges one dataset: findings as Evaluate returns them, scores, and a tool error for
// each rule that could not be judged. The error is for what stops every rule (input that
// cannot be converted, ctx ended), never for one rule's failure.
func (e *Engine) Judge(ctx context.Context, in Input) (*Judgement, error) {
	opts, err := e.gate.withOptions(in.Options)
	if err != nil {
		return nil, fmt.Errorf("rule input: options: %w", err)
	}
	input, err := in.terms()
	if err != nil {
		return nil, fmt.Errorf("rule input: %w", err)
	}
	var evalOpts []rego.EvalOption
	if now, isString := opts["now"].(string); isString {
		// The evaluation's clock, which no rule can read, is the run's, so nothing about a
		// judgement depends on when it ran beyond what options.now says.
		if t, err := time.Parse(time.RFC3339, now); err == nil {
			evalOpts = append(evalOpts, rego.EvalTime(t))
		}
	}
	j := &Judgement{}
	measures := []any{}
	for _, u := range e.units {
		judged, failed, err := e.judgeUnit(ctx, u, input, opts, evalOpts)
		if err != nil {
			return nil, err
		}
		for _, o := range judged {
			j.Findings = append(j.Findings, o.findings...)
			measures = append(measures, o.measures...)
		}
		j.ToolErrors = append(j.ToolErrors, failed...)
	}
	// Scores are judged after every unit, since their caps depend on every rule's findings
	// (any area's error can fail the dataset) and on whether every rule was judged.
	failOn, _ := opts["fail_on"].(string)
	if j.Scores, err = e.scores(ctx, measures, j.Findings, failOn, len(j.ToolErrors) > 0); err != nil {
		return nil, err
	}
	slices.SortFunc(j.Findings, func(a, b reports.Finding) int {
		return cmp.Or(
			cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Message, b.Message),
		)
	})
	slices.SortFunc(j.ToolErrors, func(a, b reports.ToolError) int { return cmp.Compare(a.Rule, b.Rule) })
	return j, nil
}

// outcome is what one rule found and measured.
type outcome struct {
	findings []reports.Finding
	measures []any
}

// judgeUnit judges a unit's rules in one evaluation. When that fails it judges them one at a
// time, so that only the rules that fail on their own are tool errors; a pack past its limits
// is not tried again rule by rule, which could take its time limit once per rule.
func (e *Engine) judgeUnit(ctx context.Context, u unit, input inputTerms, opts map[string]any, evalOpts []rego.EvalOption) ([]outcome, []reports.ToolError, error) {
	judged, failed, err := e.evaluate(ctx, u, u.rules, input, opts, evalOpts)
	var limit *limitError
	switch {
	case ctx.Err() != nil:
		return nil, nil, ctx.Err()
	case errors.As(err, &limit):
		for _, r := range u.rules {
			failed = append(failed, reports.ToolError{Rule: r.ID, Pack: r.Pack, Error: limit.Error()})
		}
		return nil, failed, nil
	case err == nil:
		return judged, failed, nil
	}
	judged, failed = nil, nil
	for _, r := range u.rules {
		one, oneFailed, err := e.evaluate(ctx, u, []RuleInfo{r}, input, opts, evalOpts)
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		if err != nil {
			te := e.toolError(r, err)
			if !strings.HasPrefix(te.Cause, "metadata") {
				if col := e.culprit(ctx, u, r, input, opts, evalOpts); col != "" {
					te.Cause = strings.TrimPrefix(te.Cause+", column "+col, ", ")
				}
			}
			failed = append(failed, te)
			continue
		}
		judged = append(judged, one...)
		failed = append(failed, oneFailed...)
	}
	return judged, failed, nil
}

// evaluate judges rules (of unit u) in one evaluation, under the pack limits for a user
// pack. A rule whose result is not findings and measures of its own is a tool error; an
// evaluation that fails is the error.
func (e *Engine) evaluate(ctx context.Context, u unit, rules []RuleInfo, input inputTerms, opts map[string]any, evalOpts []rego.EvalOption) ([]outcome, []reports.ToolError, error) {
	keys := make([]string, len(rules))
	for i, r := range rules {
		keys[i] = r.key()
	}
	value, err := input.with(opts, keys)
	if err != nil {
		return nil, nil, fmt.Errorf("rule input: %w", err)
	}
	eval := func(ctx context.Context) (rego.ResultSet, error) {
		return e.outcomes.Eval(ctx, append(evalOpts, rego.EvalParsedInput(value))...)
	}
	var rs rego.ResultSet
	if u.pack == "" {
		rs, err = eval(ctx)
	} else {
		rs, err = withinLimits(ctx, u.pack, e.limits, eval)
	}
	if err != nil {
		return nil, nil, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, nil, errors.New(outcomesQuery + " is undefined")
	}
	results, isObject := rs[0].Expressions[0].Value.(map[string]any)
	if !isObject {
		return nil, nil, fmt.Errorf("%s is a %T, not an object", outcomesQuery, rs[0].Expressions[0].Value)
	}
	var (
		judged []outcome
		failed []reports.ToolError
	)
	for _, r := range rules {
		o, err := decodeOutcome(r, results[r.key()])
		if err != nil {
			failed = append(failed, reports.ToolError{Rule: r.ID, Pack: r.Pack, Error: err.Error()})
			continue
		}
		judged = append(judged, o)
	}
	return judged, failed, nil
}

// maxCulpritColumns bounds the columns culprit tries one by one: a failing rule on a very wide
// table is still named, only without its column.
const maxCulpritColumns = 256

// culprit is the first column that makes rule r fail when the profile holds it alone, or ""
// when none does (the rule fails on the metadata, on the table, or on columns together). Rules
// judge columns one at a time, so this usually names the column whose values the rule did not
// expect: six-digit codes that look like both postcodes and region codes, say.
func (e *Engine) culprit(ctx context.Context, u unit, r RuleInfo, input inputTerms, opts map[string]any, evalOpts []rego.EvalOption) string {
	columns, names := input.columns()
	fails := func(cols ...*ast.Term) bool {
		_, _, err := e.evaluate(ctx, u, []RuleInfo{r}, input.withColumns(cols...), opts, evalOpts)
		var limit *limitError
		return err != nil && ctx.Err() == nil && !errors.As(err, &limit)
	}
	if len(columns) == 0 || fails() {
		return "" // no column is to blame for what fails without any
	}
	for i := range min(len(columns), maxCulpritColumns) {
		if fails(columns[i]) {
			return names[i]
		}
	}
	return ""
}

// key is how input.options.rules names the rule: "<area>.<name>".
func (r RuleInfo) key() string { return strings.TrimPrefix(r.Package, "data.dgcheck.rules.") }

// toolError describes a rule's failed evaluation: the error without the file OPA prefixes,
// the Rego line, and what of the input that line reads.
func (e *Engine) toolError(r RuleInfo, err error) reports.ToolError {
	te := reports.ToolError{Rule: r.ID, Pack: r.Pack, Error: err.Error()}
	if loc, msg, ok := evalLocation(err); ok {
		te.Error = msg
		te.Location = fmt.Sprintf("%s:%d", loc.File, loc.Row)
		te.Cause = e.sources.inputRead(loc)
	}
	return te
}

// scores are the indicator scores of the measures of every rule judged; nil when there are
// none. The findings, failOn (the lowest failing severity; "" for error) and incomplete are
// what reports.Report.Conclude decides conformance from: a score that contradicts the verdict
// (grade A for data that fails) is capped where it is computed, in Rego with the grades
// (docs/scoring.md), so that no report has to judge.
func (e *Engine) scores(ctx context.Context, measures []any, findings []reports.Finding, failOn string, incomplete bool) (*reports.Scores, error) {
	judged := make([]any, len(findings))
	for i, f := range findings {
		judged[i] = map[string]any{"id": f.ID, "severity": string(f.Severity), "waived": f.Waived != nil}
	}
	verdict := map[string]any{"findings": judged, "fail_on": cmp.Or(failOn, string(reports.Error)), "incomplete": incomplete}
	input, err := ast.InterfaceToValue(map[string]any{"measures": measures, "verdict": verdict})
	if err != nil {
		return nil, fmt.Errorf("scoring: %w", err)
	}
	rs, err := e.score.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("scoring: %w", err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, errors.New("scoring: " + scoreQuery + " is undefined")
	}
	return decodeScores(rs[0].Expressions[0].Value)
}

// decodeScores reads the scores document; {} means no quality rule measured anything.
func decodeScores(doc any) (*reports.Scores, error) {
	raw, err := json.Marshal(doc)
	if err != nil || string(raw) == "{}" {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var s reports.Scores
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("reading %s: %w", scoreQuery, err)
	}
	return &s, nil
}

// inputTerms is the input converted to OPA's form once, for the several evaluations of one
// judgement, which differ only in their options.
type inputTerms [3]*ast.Term // dataset, metadata, profile

// terms converts the input through its JSON. Missing metadata becomes {} so rules read absent
// fields as undefined rather than fail on null.
func (in Input) terms() (inputTerms, error) {
	var t inputTerms
	for i, part := range []struct {
		name  string
		value any
	}{{"dataset", in.Dataset}, {"metadata", in.Metadata}, {"profile", in.Profile}} {
		raw, err := jsonObject(part.value)
		if err != nil {
			return t, fmt.Errorf("%s: %w", part.name, err)
		}
		v, err := ast.ValueFromReader(bytes.NewReader(raw))
		if err != nil {
			return t, fmt.Errorf("%s: %w", part.name, err)
		}
		t[i] = ast.NewTerm(v)
	}
	return t, nil
}

// columns are the profile's column terms and their names.
func (t inputTerms) columns() ([]*ast.Term, []string) {
	profile, isObject := t[2].Value.(ast.Object)
	if !isObject {
		return nil, nil
	}
	list, isArray := profile.Get(ast.InternedTerm("columns")).Value.(*ast.Array)
	if !isArray {
		return nil, nil
	}
	var terms []*ast.Term
	var names []string
	list.Foreach(func(col *ast.Term) {
		name := ""
		if obj, isObject := col.Value.(ast.Object); isObject {
			if s, isString := obj.Get(ast.InternedTerm("name")).Value.(ast.String); isString {
				name = string(s)
			}
		}
		terms, names = append(terms, col), append(names, name)
	})
	return terms, names
}

// withColumns is the input with the profile's columns replaced by cols; everything else is
// shared, not copied.
func (t inputTerms) withColumns(cols ...*ast.Term) inputTerms {
	profile := t[2].Value.(ast.Object)
	var items [][2]*ast.Term
	profile.Foreach(func(k, v *ast.Term) {
		if k.Equal(ast.InternedTerm("columns")) {
			v = ast.ArrayTerm(cols...)
		}
		items = append(items, [2]*ast.Term{k, v})
	})
	t[2] = ast.NewTerm(ast.NewObject(items...))
	return t
}

// with is the input with the options, naming the rules to judge.
func (t inputTerms) with(opts map[string]any, rules []string) (ast.Value, error) {
	withRules := make(map[string]any, len(opts)+1)
	for k, v := range opts {
		withRules[k] = v
	}
	withRules["rules"] = rules
	o, err := ast.InterfaceToValue(withRules)
	if err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	return t.object(ast.NewTerm(o)), nil
}

func (t inputTerms) object(options *ast.Term) ast.Value {
	return ast.NewObject(
		ast.Item(ast.InternedTerm("dataset"), t[0]),
		ast.Item(ast.InternedTerm("metadata"), t[1]),
		ast.Item(ast.InternedTerm("profile"), t[2]),
		ast.Item(ast.InternedTerm("options"), options),
	)
}

// value is the whole input in OPA's form, with the options as given.
func (in Input) value() (ast.Value, error) {
	t, err := in.terms()
	if err != nil {
		return nil, err
	}
	raw, err := jsonObject(in.Options)
	if err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	o, err := ast.ValueFromReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	return t.object(ast.NewTerm(o)), nil
}

// jsonObject is v's JSON, or {} when v is nil (a nil interface or a nil pointer).
func jsonObject(v any) (json.RawMessage, error) {
	raw, err := json.Marshal(v)
	if err != nil || string(raw) != "null" {
		return raw, err
	}
	return json.RawMessage("{}"), nil
}

// decodeOutcome reads what rule r found and measured. A finding that is not a
// reports.Finding (an unknown field, no id or message), that carries another rule's id, or
// a severity that is not error, warning or info, is an error: a user rule that misspells
// "column", or builds its finding by hand instead of with data.dgcheck.lib.result.finding,
// should hear about it rather than lose what it found, and no pack can speak for a built-in
// rule. So is a measure of another rule's or of no GB/T 36344 indicator.
func decodeOutcome(r RuleInfo, doc any) (outcome, error) {
	var o outcome
	raw, err := json.Marshal(doc)
	if err != nil {
		return o, err
	}
	var parts struct {
		Findings []json.RawMessage `json:"findings"`
		Measures []json.RawMessage `json:"measures"`
	}
	if err := json.Unmarshal(raw, &parts); err != nil {
		return o, fmt.Errorf("reading its outcome: %w", err)
	}
	for _, item := range parts.Findings {
		dec := json.NewDecoder(bytes.NewReader(item))
		dec.DisallowUnknownFields()
		var f reports.Finding
		switch err := dec.Decode(&f); {
		case err != nil:
			return o, fmt.Errorf("a finding is not of the report's form: %w", err)
		case f.ID == "" || f.Message == "":
			return o, errors.New("a finding has no id or no message; build findings with data.dgcheck.lib.result.finding")
		case f.ID != r.ID:
			return o, fmt.Errorf("a finding has the id %s, not the rule's own; build findings with data.dgcheck.lib.result.finding", f.ID)
		case f.Severity.Rank() == 0:
			return o, fmt.Errorf("a finding has the severity %q, not error, warning or info", f.Severity)
		}
		o.findings = append(o.findings, f)
	}
	for _, item := range parts.Measures {
		var m struct {
			ID        string  `json:"id"`
			Indicator string  `json:"indicator"`
			A         float64 `json:"a"`
			B         float64 `json:"b"`
		}
		if err := json.Unmarshal(item, &m); err != nil {
			return o, fmt.Errorf("a measure is not of the form {id, indicator, element, a, b}: %w", err)
		}
		if m.ID != r.ID || !slices.Contains(reports.Indicators, m.Indicator) || m.A < 0 || m.A > m.B {
			return o, fmt.Errorf("a measure %s is not the rule's own measure of a GB/T 36344 indicator with 0 <= a <= b; build measures with data.dgcheck.lib.result.measurement", item)
		}
		var v any
		if err := json.Unmarshal(item, &v); err != nil {
			return o, err
		}
		o.measures = append(o.measures, v)
	}
	return o, nil
}
