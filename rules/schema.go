package rules

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/util"
)

// inputSchema is the JSON Schema of the policy input. bundle/dgcheck/dgcheck.rego declares it
// once for every package under data.dgcheck (`scope: subpackages`), built in or a user pack's,
// so reading input.profile.colums fails to compile instead of never firing.
// `opa test -b rules/bundle -s rules/schemas` registers it under the same name.
//
//go:embed schemas/dgcheck/input.json
var inputSchema []byte

// InputSchema returns the JSON Schema of the policy input, the one source of the profile's
// documented contract (docs/profile.schema.json is generated from it). The bytes are a copy.
func InputSchema() []byte {
	return bytes.Clone(inputSchema)
}

// schemas is the schema set rules compile with.
func schemas() (*ast.SchemaSet, error) {
	var schema any
	if err := util.UnmarshalJSON(inputSchema, &schema); err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	set := ast.NewSchemaSet()
	set.Put(ast.SchemaRootRef.Extend(ast.MustParseRef("dgcheck.input")), schema)
	return set, nil
}
