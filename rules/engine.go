// Package rules judges a dataset's profile with Rego policies. The built-in rules are an OPA
// bundle embedded in the binary (bundle/); users add packs of their own. Every rule lives at
// data.dgcheck.rules.<area>.<name>, carries its identity (id, standard, clause, severity,
// remediation) in METADATA annotations, and is found by walking that tree: adding a rule
// touches no Go. The query is prepared once per Engine and judges each dataset once.
package rules

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dgcheck/dgcheck/reports"
)

// findingsQuery and scoresQuery are the entry points (bundle/dgcheck/main/main.rego),
// evaluated together in one query.
const (
	findingsQuery = "data.dgcheck.main.findings"
	scoresQuery   = "data.dgcheck.main.scores"
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
	query  rego.PreparedEvalQuery
	grade  *gradeQuery // grading.go
	rules  []RuleInfo
	digest string
	gate   gate // the configuration, resolved against the rules
}

// Option configures Load.
type Option func(*options)

type options struct {
	userDirs []string
	config   *Config
}

// WithUserRules adds user rule packs: directories of .rego files whose packages live under
// data.dgcheck.rules.<area>.<name>, like the built-in rules. They are read as OPA bundles, so
// a data.json or data.yaml is placed by its directory (dgcheck/rules/acme/notes/data.json is
// data.dgcheck.rules.acme.notes) and a .manifest may set the Rego version.
func WithUserRules(dirs ...string) Option {
	return func(o *options) { o.userDirs = append(o.userDirs, dirs...) }
}

// Load reads the embedded bundle and the user packs, checks every rule's annotations and
// compiles the rules with the restricted capabilities. Errors name the file and line: a Rego
// syntax or type error, a call of a withheld built-in (http.send, net.*, opa.runtime), a rule
// without its identity.
func Load(ctx context.Context, opts ...Option) (*Engine, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	b, err := loadPacks(o.userDirs, false)
	if err != nil {
		return nil, err
	}
	infos, err := readRules(b)
	if err != nil {
		return nil, fmt.Errorf("rule annotations: %w", err)
	}
	g, err := newGate(o.config, infos, b)
	if err != nil {
		return nil, err
	}
	schemaSet, err := schemas()
	if err != nil {
		return nil, err
	}
	query, err := rego.New(
		rego.Query(findingsQuery+"; "+scoresQuery),
		rego.ParsedBundle(bundleName, b),
		rego.Capabilities(capabilities()),
		rego.Schemas(schemaSet),
		// A built-in that fails (a division by zero, a type error on odd input) must stop
		// the run rather than silently drop a finding.
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("compiling rules: %w", compileErrors(err))
	}
	digest, err := bundleDigest(b)
	if err != nil {
		return nil, err
	}
	return &Engine{query: query, grade: &gradeQuery{bundle: b}, rules: infos, digest: digest, gate: g}, nil
}

// Rules lists the loaded rules, sorted by id.
func (e *Engine) Rules() []RuleInfo {
	return slices.Clone(e.rules)
}

// Evaluate judges one dataset and returns its findings, most severe first, then by id,
// column and message.
func (e *Engine) Evaluate(ctx context.Context, in Input) ([]reports.Finding, error) {
	j, err := e.Judge(ctx, in)
	if err != nil {
		return nil, err
	}
	return j.Findings, nil
}

// Judgement is what the rules say of one dataset: findings, and the GB/T 36344 indicator
// scores the quality rules' measures add up to (nil when no quality rule measured anything).
type Judgement struct {
	Findings []reports.Finding
	Scores   *reports.Scores
}

// Judge judges one dataset in one evaluation: findings as Evaluate returns them, and scores.
func (e *Engine) Judge(ctx context.Context, in Input) (*Judgement, error) {
	var err error
	if in.Options, err = e.gate.withOptions(in.Options); err != nil {
		return nil, fmt.Errorf("rule input: options: %w", err)
	}
	input, err := in.value()
	if err != nil {
		return nil, fmt.Errorf("rule input: %w", err)
	}
	rs, err := e.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("evaluating rules: %w", err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 2 {
		return nil, errors.New("evaluating rules: " + findingsQuery + " or " + scoresQuery + " is undefined")
	}
	findings, err := decodeFindings(rs[0].Expressions[0].Value)
	if err != nil {
		return nil, err
	}
	scores, err := decodeScores(rs[0].Expressions[1].Value)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(findings, func(a, b reports.Finding) int {
		return cmp.Or(
			cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return &Judgement{Findings: findings, Scores: scores}, nil
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
		return nil, fmt.Errorf("reading %s: %w", scoresQuery, err)
	}
	return &s, nil
}

// value converts the input to OPA's form once, through its JSON. Missing metadata and
// options become {} so rules read absent fields as undefined rather than fail on null.
func (in Input) value() (ast.Value, error) {
	metadata, err := jsonObject(in.Metadata)
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	opts, err := jsonObject(in.Options)
	if err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	raw, err := json.Marshal(struct {
		Dataset  any             `json:"dataset"`
		Metadata json.RawMessage `json:"metadata"`
		Profile  any             `json:"profile"`
		Options  json.RawMessage `json:"options"`
	}{in.Dataset, metadata, in.Profile, opts})
	if err != nil {
		return nil, err
	}
	return ast.ValueFromReader(bytes.NewReader(raw))
}

// jsonObject is v's JSON, or {} when v is nil (a nil interface or a nil pointer).
func jsonObject(v any) (json.RawMessage, error) {
	raw, err := json.Marshal(v)
	if err != nil || string(raw) != "null" {
		return raw, err
	}
	return json.RawMessage("{}"), nil
}

// decodeFindings reads the findings set. A finding that is not a reports.Finding (an unknown
// field, no id or message) is an error naming its rule: a user rule that misspells "column",
// or builds its finding by hand instead of with data.dgcheck.lib.result.finding, should hear
// about it rather than lose what it found.
func decodeFindings(set any) ([]reports.Finding, error) {
	items, isSet := set.([]any)
	if !isSet {
		return nil, fmt.Errorf("reading findings: %s is a %T, not a set", findingsQuery, set)
	}
	findings := make([]reports.Finding, 0, len(items))
	for _, item := range items {
		raw, err := json.Marshal(item)
		if err != nil {
			return nil, fmt.Errorf("reading findings: %w", err)
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		var f reports.Finding
		if err := dec.Decode(&f); err != nil {
			id, _ := item.(map[string]any)["id"].(string)
			return nil, fmt.Errorf("reading findings: a finding of rule %q: %w", id, err)
		}
		if f.ID == "" || f.Message == "" {
			return nil, fmt.Errorf("reading findings: a finding of rule %q has no id or no message; build findings with data.dgcheck.lib.result.finding", f.ID)
		}
		findings = append(findings, f)
	}
	return findings, nil
}
