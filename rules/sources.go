package rules

import (
	"errors"
	"regexp"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// sources are the lines of the loaded Rego files by file name, so that a rule's tool error
// can say what of the input its failing line reads.
type sources map[string][]string

func newSources(b *bundle.Bundle) sources {
	s := sources{}
	for _, m := range b.Modules {
		s[m.Path] = strings.Split(string(m.Raw), "\n")
	}
	return s
}

// inputRef is a reference into the input as Rego spells it: input.metadata.deidentification
// or input.profile.columns[_].
var inputRef = regexp.MustCompile(`\binput((?:\.[A-Za-z_][A-Za-z0-9_]*)+)`)

// inputRead is what of the input the line at loc reads ("metadata.deidentification.process"),
// the keys of every reference on the line, or "" when it reads none: a rule usually fails on
// a value of an unexpected type or range, and this names the metadata key or profile part to
// look at.
func (s sources) inputRead(loc *ast.Location) string {
	lines := s[loc.File]
	if loc.Row < 1 || loc.Row > len(lines) {
		return ""
	}
	var refs []string
	for _, m := range inputRef.FindAllStringSubmatch(lines[loc.Row-1], -1) {
		if ref := strings.TrimPrefix(m[1], "."); !slices.Contains(refs, ref) {
			refs = append(refs, ref)
		}
	}
	return strings.Join(refs, ", ")
}

// evalLocation is where in the Rego an evaluation error happened and what it says without
// the location OPA prefixes ("eval_conflict_error: function ... produced conflicting values").
func evalLocation(err error) (*ast.Location, string, bool) {
	var te *topdown.Error
	if !errors.As(err, &te) || te.Location == nil {
		return nil, "", false
	}
	return te.Location, te.Code + ": " + te.Message, true
}
