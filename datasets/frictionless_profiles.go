package datasets

import (
	"bytes"
	"embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// The official JSON Schema profiles of Frictionless Data Package v1, Tabular Data Package and
// Table Schema v1 (profiles/README.md says where each comes from). A descriptor that breaks
// its profile is still read for what it says, since a person fixing it wants the data judged
// too, and each violation is a notice at its line and column: Frictionless' own tools would
// refuse the descriptor.
//
//go:embed profiles/*.json
var profileFiles embed.FS

// Profile file names.
const (
	dataPackageProfile        = "data-package.json"
	tabularDataPackageProfile = "tabular-data-package.json"
	tableSchemaProfile        = "table-schema.json"
)

var compiledProfiles = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	names := []string{dataPackageProfile, tabularDataPackageProfile, tableSchemaProfile}
	for _, name := range names {
		raw, err := profileFiles.ReadFile("profiles/" + name)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("profile %s: %w", name, err)
		}
		if err := c.AddResource(name, doc); err != nil {
			return nil, fmt.Errorf("profile %s: %w", name, err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, name := range names {
		s, err := c.Compile(name)
		if err != nil {
			return nil, fmt.Errorf("profile %s: %w", name, err)
		}
		out[name] = s
	}
	return out, nil
})

// profileNotices validates a Frictionless descriptor of file path against the profiles it
// must meet: a data package its Data Package profile (the Tabular one too when it declares
// it) and each resource's schema Table Schema's; a bare Table Schema Table Schema's.
func profileNotices(path string, root *yaml.Node, kind string) []string {
	profiles, err := compiledProfiles()
	if err != nil {
		return []string{fmt.Sprintf("%s: not checked against the Frictionless profiles: %v", path, err)}
	}
	type target struct {
		node    *yaml.Node
		at      []string
		profile string
	}
	var targets []target
	switch kind {
	case TableSchema:
		targets = append(targets, target{root, nil, tableSchemaProfile})
	case DataPackage:
		targets = append(targets, target{root, nil, dataPackageProfile})
		if p := nodeAt(root, []string{"profile"}); p != root && p.Value == "tabular-data-package" {
			targets = append(targets, target{root, nil, tabularDataPackageProfile})
		}
		if res := nodeAt(root, []string{"resources"}); res != root && res.Kind == yaml.SequenceNode {
			for i := range res.Content {
				at := []string{"resources", fmt.Sprint(i), "schema"}
				if s := nodeAt(root, at); s.Kind == yaml.MappingNode && s != res.Content[i] {
					targets = append(targets, target{s, at, tableSchemaProfile})
				}
			}
		}
	}
	var notices []string
	seen := map[string]bool{}
	for _, t := range targets {
		problems, err := schemaProblems(path, t.node, t.at, profiles[t.profile])
		if err != nil {
			return append(notices, fmt.Sprintf("%s: not checked against %s: %v", path, t.profile, err))
		}
		for _, p := range problems {
			if n := fmt.Sprintf("%v (Frictionless profile %s)", p, t.profile); !seen[p.Error()] {
				seen[p.Error()] = true
				notices = append(notices, n)
			}
		}
	}
	return notices
}
