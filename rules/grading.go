package rules

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"
)

// gradingQuery is the grading model's summary of a dataset (bundle/dgcheck/lib/grading).
const gradingQuery = "data.dgcheck.lib.grading.suggestion"

// gradeQuery prepares the grading query on first use: `check` never grades, so it should not
// pay for compiling a second query.
type gradeQuery struct {
	bundle *bundle.Bundle
	once   sync.Once
	query  rego.PreparedEvalQuery
	err    error
}

// Grading is what the grading model (data.dgcheck.grading, selected per run) makes of a
// dataset: each graded column's personal-information category, sensitivity and level, and the
// level the dataset should have.
type Grading struct {
	Model   string                 `json:"model"`
	Columns map[string]ColumnGrade `json:"columns"`
	// Level is the suggested dataset level ("" when no column is graded): never below the most
	// sensitive column (MostSensitive), raised when enough kinds of quasi-identifier
	// (QuasiIdentifiers) occur together (Raised).
	Level               string   `json:"level"`
	MostSensitive       []any    `json:"most_sensitive"`
	QuasiIdentifiers    []string `json:"quasi_identifiers"`
	Raised              bool     `json:"raised"`
	ContainsPI          bool     `json:"contains_pi"`
	ContainsSensitivePI bool     `json:"contains_sensitive_pi"`
	DeclaredLevel       string   `json:"declared_level"`
}

// ColumnGrade is one column's grade: from the type detected in its values (Source values),
// from identifiers its values hold inside other text (Source text), or from its name (Source
// name).
type ColumnGrade struct {
	Type            string  `json:"type"`
	Source          string  `json:"source"`
	Form            string  `json:"form,omitempty"`
	Confidence      float64 `json:"confidence,omitempty"`
	PI              bool    `json:"pi"`
	PICategory      string  `json:"pi_category,omitempty"`
	Sensitive       bool    `json:"sensitive"`
	SensitiveGround string  `json:"sensitive_ground,omitempty"`
	Level           string  `json:"level"`
	Role            string  `json:"role,omitempty"`
	Quasi           bool    `json:"quasi,omitempty"`
	JRT0171         string  `json:"jrt0171,omitempty"`
}

// Grade applies the grading model to one dataset's input (the same input Evaluate judges; its
// Options may name the model as grading_model).
func (e *Engine) Grade(ctx context.Context, in Input) (*Grading, error) {
	g := e.grade
	g.once.Do(func() {
		if g.query, g.err = prepare(ctx, g.bundle, gradingQuery); g.err != nil {
			g.err = fmt.Errorf("compiling the grading model: %w", g.err)
		}
	})
	if g.err != nil {
		return nil, g.err
	}
	input, err := in.value()
	if err != nil {
		return nil, fmt.Errorf("grading input: %w", err)
	}
	rs, err := g.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("grading: %w", err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, errors.New("grading: " + gradingQuery + " is undefined (is the model named in grading_model defined?)")
	}
	raw, err := json.Marshal(rs[0].Expressions[0].Value)
	if err != nil {
		return nil, err
	}
	var out Grading
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("grading: %w", err)
	}
	return &out, nil
}
