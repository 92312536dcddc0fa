package dgcheck

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// DraftPath is where a metadata draft of the classification belongs: the metadata file it read
// when that is a native YAML sidecar, else <name>.meta.yaml beside the data.
func (cl *Classification) DraftPath() string {
	if cl.metadata != nil {
		if ext := strings.ToLower(filepath.Ext(cl.metadata.Path)); ext == ".yaml" || ext == ".yml" {
			return cl.metadata.Path
		}
	}
	base := strings.TrimSuffix(cl.path, filepath.Ext(cl.path))
	return base + ".meta.yaml"
}

// DraftMetadata returns the sidecar at DraftPath (dgcheck/metadata/v1 YAML) with the
// classification's suggestions filled in where nothing is declared: per graded column its
// field's pi_category, sensitive, identifier_role and level; for the dataset
// classification.level and general_sublevel (or, under JR/T 0197, industry.jrt0197_level),
// pi.contains_pi and pi.contains_sensitive_pi. A value a person declared, however it differs
// from the suggestion, is kept, and so are comments; each value added carries a comment
// saying where it came from, for the person who reviews the draft.
func (cl *Classification) DraftMetadata() ([]byte, error) {
	var doc yaml.Node
	if cl.metadata != nil && cl.DraftPath() == cl.metadata.Path {
		src, err := os.ReadFile(cl.metadata.Path)
		if err != nil {
			return nil, err
		}
		if err := yaml.Unmarshal(src, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", cl.metadata.Path, err)
		}
	}
	if doc.Kind == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: the sidecar is not a mapping", cl.DraftPath())
	}
	g := cl.Grading
	const from = "dgcheck classify"
	yamlSetIfAbsent(root, "schema", "dgcheck/metadata/v1", "")

	if g.Level != "" {
		cls := yamlChild(root, "classification")
		if g.Model == "jrt0197" {
			yamlSetIfAbsent(yamlChild(cls, "industry"), "jrt0197_level", g.Level, from+": JR/T 0197 level the data suggests")
		} else if sub, ok := strings.CutPrefix(g.Level, "general-"); ok {
			if yamlSetIfAbsent(cls, "level", "general", from+": "+g.Level+" suggested") {
				yamlSetIfAbsent(cls, "general_sublevel", sub, from)
			}
		} else {
			yamlSetIfAbsent(cls, "level", g.Level, from)
		}
	}
	pi := yamlChild(root, "pi")
	yamlSetIfAbsent(pi, "contains_pi", strconv.FormatBool(g.ContainsPI), from)
	yamlSetIfAbsent(pi, "contains_sensitive_pi", strconv.FormatBool(g.ContainsSensitivePI), from)

	fields := yamlChildSeq(root, "fields")
	for _, col := range cl.Columns {
		if col.Grade == nil {
			continue
		}
		f := yamlField(fields, col.Name)
		why := from + ": " + col.Grade.Type + " (" + col.Grade.Source + ")"
		if col.Grade.PI {
			yamlSetIfAbsent(f, "pi_category", col.Grade.PICategory, why)
			yamlSetIfAbsent(f, "sensitive", strconv.FormatBool(col.Grade.Sensitive), why)
		}
		if col.Grade.Role != "" {
			yamlSetIfAbsent(f, "identifier_role", col.Grade.Role, why)
		}
		if g.Model != "jrt0197" {
			yamlSetIfAbsent(f, "level", col.Grade.Level, why)
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// yamlLookup returns the value node of key in mapping m, or nil.
func yamlLookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// yamlChild returns the mapping under key, adding an empty one when key is absent or null.
func yamlChild(m *yaml.Node, key string) *yaml.Node {
	if v := yamlLookup(m, key); v != nil {
		if v.Kind != yaml.MappingNode && v.Tag == "!!null" {
			v.Kind, v.Tag, v.Value = yaml.MappingNode, "!!map", ""
		}
		return v
	}
	v := &yaml.Node{Kind: yaml.MappingNode}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	return v
}

func yamlChildSeq(m *yaml.Node, key string) *yaml.Node {
	if v := yamlLookup(m, key); v != nil && v.Kind == yaml.SequenceNode {
		return v
	}
	v := &yaml.Node{Kind: yaml.SequenceNode}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	return v
}

// yamlField returns the field entry named name, appending one when there is none.
func yamlField(fields *yaml.Node, name string) *yaml.Node {
	for _, f := range fields.Content {
		if n := yamlLookup(f, "name"); n != nil && n.Value == name {
			return f
		}
	}
	f := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: "name"}, {Kind: yaml.ScalarNode, Value: name},
	}}
	fields.Content = append(fields.Content, f)
	return f
}

// yamlSetIfAbsent sets key to value (a YAML scalar, typed as YAML reads it) when m has no key or
// a null one, with comment as the line comment, and reports whether it did.
func yamlSetIfAbsent(m *yaml.Node, key, value, comment string) bool {
	if v := yamlLookup(m, key); v != nil && v.Tag != "!!null" {
		return false
	}
	var val yaml.Node
	if err := yaml.Unmarshal([]byte(value), &val); err != nil || len(val.Content) != 1 {
		val = yaml.Node{Kind: yaml.ScalarNode, Value: value}
	} else {
		val = *val.Content[0]
	}
	if comment != "" {
		val.LineComment = "# " + comment
	}
	if v := yamlLookup(m, key); v != nil {
		*v = val
		return true
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &val)
	return true
}
