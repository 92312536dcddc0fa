package datasets

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"gopkg.in/yaml.v3"
)

// metadataSchema is the JSON Schema of the native sidecar, published as
// docs/metadata.schema.json (go test ./cmd/dgcheck -update-docs copies it there).
//
//go:embed metadata.schema.json
var metadataSchema []byte

// MetadataSchema returns the JSON Schema (draft-07) of the dgcheck/metadata/v1 sidecar. The
// bytes are a copy.
func MetadataSchema() []byte { return bytes.Clone(metadataSchema) }

// compiledSchema compiles the embedded schema once per process. The validator is
// santhosh-tekuri/jsonschema: maintained, complete for draft-07, and it names the location of
// every violation, which is what turns a schema error into a line and column.
var compiledSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(metadataSchema))
	if err != nil {
		return nil, fmt.Errorf("metadata schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	const url = "metadata.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("metadata schema: %w", err)
	}
	return c.Compile(url)
})

var schemaPrinter = message.NewPrinter(language.English)

// validateSidecar checks a sidecar against the schema and returns one *ParseError per
// violation, located at the offending key or value, in file order. Keys the schema does not
// know are left out: unknownKeys reports them as notices, since a newer sidecar may carry them.
func validateSidecar(path string, root *yaml.Node) error {
	schema, err := compiledSchema()
	if err != nil {
		return err
	}
	problems, err := schemaProblems(path, root, nil, schema)
	if err != nil {
		return err
	}
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = p
	}
	return errors.Join(errs...)
}

// schemaProblems validates root, a document of file path (or its part at location at), against
// schema: one *ParseError per violation a person acts on (schemaLeaves), located at the
// offending key or value, in file order; unknown keys are left out. The error is the
// validator's own failure.
func schemaProblems(path string, root *yaml.Node, at []string, schema *jsonschema.Schema) ([]*ParseError, error) {
	doc, err := yamlValue(root)
	if err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	err = schema.Validate(doc)
	var ve *jsonschema.ValidationError
	if err == nil {
		return nil, nil
	}
	if !errors.As(err, &ve) {
		return nil, err
	}
	var problems []*ParseError
	for _, leaf := range schemaLeaves(ve) {
		if _, unknownKey := leaf.ErrorKind.(*kind.AdditionalProperties); unknownKey {
			continue
		}
		n := nodeAt(root, leaf.InstanceLocation)
		where := strings.Join(append(slices.Clone(at), leaf.InstanceLocation...), ".")
		if where == "" {
			where = "metadata"
		}
		problems = append(problems, &ParseError{File: path, Line: int64(n.Line), Column: int64(n.Column),
			Err: fmt.Errorf("%s: %s", where, leaf.ErrorKind.LocalizedString(schemaPrinter))})
	}
	slices.SortStableFunc(problems, func(a, b *ParseError) int {
		if a.Line != b.Line {
			return int(a.Line - b.Line)
		}
		return int(a.Column - b.Column)
	})
	return problems, nil
}

// schemaLeaves flattens a validation error to the violations a person acts on. An anyOf or
// oneOf that failed says what to fix in the value rather than "'anyOf' failed": where the
// value has an alternative's shape and fails inside it, the violations of the closest such
// alternative (publisher.name: got number, want string), merged into one list of values where
// the alternatives differ by one value (a field's type); where it has none of their shapes,
// one violation naming every shape it may have (title: got number, want string or object).
func schemaLeaves(ve *jsonschema.ValidationError) []*jsonschema.ValidationError {
	switch k := ve.ErrorKind.(type) {
	case *kind.AnyOf:
		return alternativeLeaves(ve)
	case *kind.OneOf:
		if k.Subschemas == nil { // none matched; several matching is its own message
			return alternativeLeaves(ve)
		}
	}
	if len(ve.Causes) == 0 {
		return []*jsonschema.ValidationError{ve}
	}
	var leaves []*jsonschema.ValidationError
	for _, c := range ve.Causes {
		leaves = append(leaves, schemaLeaves(c)...)
	}
	return leaves
}

// alternativeLeaves is schemaLeaves for the alternatives of a failed anyOf or oneOf.
func alternativeLeaves(ve *jsonschema.ValidationError) []*jsonschema.ValidationError {
	var inside []*jsonschema.ValidationError
	fewest := 0
	var got string
	var want []string
	for _, c := range ve.Causes {
		if t := wrongType(c, len(ve.InstanceLocation)); t != nil {
			got = t.Got
			for _, w := range t.Want {
				if !slices.Contains(want, w) {
					want = append(want, w)
				}
			}
			continue
		}
		// Of the alternatives the value has the shape of, the closest: those with the fewest
		// violations, the others' being what the value was never meant to be.
		leaves := schemaLeaves(c)
		switch {
		case len(inside) == 0 || len(leaves) < fewest:
			inside, fewest = leaves, len(leaves)
		case len(leaves) == fewest:
			inside = append(inside, leaves...)
		}
	}
	switch {
	case len(inside) > 1 && sameValueChoice(inside):
		// Alternatives told apart by one value (Table Schema's fields by their type): one
		// violation listing the values it may take, not one per alternative.
		e := &kind.Enum{}
		for _, l := range inside {
			switch k := l.ErrorKind.(type) {
			case *kind.Const:
				e.Got, e.Want = k.Got, append(e.Want, k.Want)
			case *kind.Enum:
				e.Got, e.Want = k.Got, append(e.Want, k.Want...)
			}
		}
		return []*jsonschema.ValidationError{{SchemaURL: ve.SchemaURL, InstanceLocation: inside[0].InstanceLocation, ErrorKind: e}}
	case len(inside) > 0:
		return inside
	case len(want) > 0:
		return []*jsonschema.ValidationError{{SchemaURL: ve.SchemaURL, InstanceLocation: ve.InstanceLocation,
			ErrorKind: &kind.Type{Got: got, Want: want}}}
	}
	return []*jsonschema.ValidationError{ve}
}

// sameValueChoice reports whether every violation is a const or enum at one location.
func sameValueChoice(leaves []*jsonschema.ValidationError) bool {
	for _, l := range leaves {
		switch l.ErrorKind.(type) {
		case *kind.Const, *kind.Enum:
		default:
			return false
		}
		if !slices.Equal(l.InstanceLocation, leaves[0].InstanceLocation) {
			return false
		}
	}
	return true
}

// wrongType is the type error an alternative failed with at the value itself (depth is the
// value's location's length), through any single-cause wrappers ($ref); nil when it failed
// otherwise or deeper.
func wrongType(ve *jsonschema.ValidationError, depth int) *kind.Type {
	for len(ve.InstanceLocation) == depth {
		if t, ok := ve.ErrorKind.(*kind.Type); ok {
			return t
		}
		if len(ve.Causes) != 1 {
			return nil
		}
		ve = ve.Causes[0]
	}
	return nil
}

// nodeAt follows a schema instance location (keys and indexes) through a YAML tree, stopping at
// the deepest node that exists, so a missing key is located at the mapping that lacks it.
func nodeAt(n *yaml.Node, location []string) *yaml.Node {
	for _, step := range location {
		n = resolveAlias(n)
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == step {
					next = n.Content[i+1]
				}
			}
		case yaml.SequenceNode:
			if i, err := strconv.Atoi(step); err == nil && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
			}
		}
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// maxValues bounds the values a YAML tree may expand to through its aliases: a few anchors
// used many times each ("billion laughs") would otherwise expand without end.
const maxValues = 1 << 20

// yamlValue is a YAML tree as the JSON value a schema validates. Scalars keep the types YAML
// resolves (integers, floats, booleans, null) except timestamps, which stay the text written:
// the model holds dates as ISO 8601 strings. An alias that contains itself, or aliases that
// expand past maxValues, are an error at the alias.
func yamlValue(n *yaml.Node) (any, error) {
	e := expander{open: map[*yaml.Node]bool{}}
	return e.value(n)
}

type expander struct {
	values int
	open   map[*yaml.Node]bool // nodes being expanded: an alias back to one is a cycle
}

func (e *expander) value(n *yaml.Node) (any, error) {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil || e.open[n.Alias] {
			return nil, fmt.Errorf("line %d: the alias *%s refers to a value that contains it", n.Line, n.Value)
		}
		return e.value(n.Alias)
	}
	if e.values++; e.values > maxValues {
		return nil, fmt.Errorf("line %d: aliases expand the document to more than %d values", n.Line, maxValues)
	}
	e.open[n] = true
	defer delete(e.open, n)
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return e.value(n.Content[0])
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := e.value(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			v, err := e.value(c)
			if err != nil {
				return nil, err
			}
			s[i] = v
		}
		return s, nil
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		if _, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
			return json.Number(strings.ReplaceAll(n.Value, "_", "")), nil
		}
	case "!!bool":
		if b, err := strconv.ParseBool(n.Value); err == nil {
			return b, nil
		}
	case "!!null":
		return nil, nil
	}
	return n.Value, nil
}
