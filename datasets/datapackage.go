package datasets

import (
	"cmp"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// A Frictionless Data Package (datapackage.json) describes its resources with Data Package and
// Table Schema properties, which map onto Metadata. What those specifications cannot say (the
// catalogue attributes, classification, personal information, contact, dates) it may carry
// under the sidecar's own names, as the specifications allow extra properties: beside the
// package's or the resource's properties (the resource's win), and beside each Table Schema
// field's. Extension properties are validated against the sidecar schema.

// Frictionless Data Package and Table Schema, the parts that map onto Metadata.
type dataPackage struct {
	ID           string          `yaml:"id"`
	Name         string          `yaml:"name"`
	Title        string          `yaml:"title"`
	Description  string          `yaml:"description"`
	Version      string          `yaml:"version"`
	Keywords     []string        `yaml:"keywords"`
	Licenses     []dpLicense     `yaml:"licenses"`
	Sources      []dpSource      `yaml:"sources"`
	Contributors []dpContributor `yaml:"contributors"`
	Resources    []dpResource    `yaml:"resources"`
}

// resourcePath is the path of the resource a foreign key names.
func (dp *dataPackage) resourcePath(name string) (string, bool) {
	for _, o := range dp.Resources {
		if o.Name == name && o.Path != "" {
			return o.Path, true
		}
	}
	return "", false
}

type dpLicense struct {
	Name  string `yaml:"name"`
	Path  string `yaml:"path"`
	Title string `yaml:"title"`
}

type dpSource struct {
	Title string `yaml:"title"`
	Path  string `yaml:"path"`
	Email string `yaml:"email"`
}

type dpContributor struct {
	Title string `yaml:"title"`
	Email string `yaml:"email"`
	Role  string `yaml:"role"`
}

type dpResource struct {
	Name        string      `yaml:"name"`
	Path        string      `yaml:"path"`
	Title       string      `yaml:"title"`
	Description string      `yaml:"description"`
	Format      string      `yaml:"format"`
	Encoding    string      `yaml:"encoding"`
	Licenses    []dpLicense `yaml:"licenses"`
	Sources     []dpSource  `yaml:"sources"`
	Schema      dpSchema    `yaml:"schema"`
}

type dpSchema struct {
	Fields        []dpField      `yaml:"fields"`
	PrimaryKey    yaml.Node      `yaml:"primaryKey"` // a name or a list of names
	MissingValues []string       `yaml:"missingValues"`
	ForeignKeys   []dpForeignKey `yaml:"foreignKeys"`
}

type dpForeignKey struct {
	Fields    yaml.Node `yaml:"fields"` // a name or a list of names
	Reference struct {
		Resource string    `yaml:"resource"`
		Fields   yaml.Node `yaml:"fields"`
	} `yaml:"reference"`
}

type dpField struct {
	Name        string        `yaml:"name"`
	Title       string        `yaml:"title"`
	Type        string        `yaml:"type"`
	Format      string        `yaml:"format"`
	Description string        `yaml:"description"`
	Constraints dpConstraints `yaml:"constraints"`
}

type dpConstraints struct {
	Required bool   `yaml:"required"`
	Unique   bool   `yaml:"unique"`
	Minimum  string `yaml:"minimum"`
	Maximum  string `yaml:"maximum"`
	// Table Schema v2's exclusive bounds.
	ExclusiveMinimum string   `yaml:"exclusiveMinimum"`
	ExclusiveMaximum string   `yaml:"exclusiveMaximum"`
	MinLength        *int     `yaml:"minLength"`
	MaxLength        *int     `yaml:"maxLength"`
	Pattern          string   `yaml:"pattern"`
	Enum             []string `yaml:"enum"`
}

// dpKnown* are the keys a data package may hold, Frictionless's first and the sidecar's
// beside them, for reporting unknown keys; they are never decoded into.
type dpKnownPackage struct {
	Resources []dpKnownResource `yaml:"resources"`
	DP        dataPackage       `yaml:",inline"`
	Ext       Metadata          `yaml:",inline"`
}

type dpKnownResource struct {
	Schema dpKnownSchema `yaml:"schema"`
	DP     dpResource    `yaml:",inline"`
	Ext    Metadata      `yaml:",inline"`
}

type dpKnownSchema struct {
	Fields []dpKnownField `yaml:"fields"`
	DP     dpSchema       `yaml:",inline"`
}

type dpKnownField struct {
	DP  dpField `yaml:",inline"`
	Ext Field   `yaml:",inline"`
}

// frictionlessKeys are keys the Data Package and Table Schema specifications define that
// dgcheck does not use: known, so not reported as unknown.
var frictionlessKeys = []string{"$schema", "profile", "homepage", "created", "image", "bytes",
	"hash", "mediatype", "dialect", "data", "rdfType", "example", "bareNumber", "groupChar",
	"decimalChar", "trueValues", "falseValues", "scheme", "fieldsMatch", "uniqueKeys"}

// dpOwnKeys are sidecar keys a data package says natively, in Table Schema: never read as an
// extension of the package or resource.
var dpOwnKeys = []string{"fields", "primary_key", "foreign_keys", "missing_values", "format", "encoding",
	"title", "description", "keywords", "version", "license", "source", "schema"}

func isDataPackage(root *yaml.Node) bool {
	for i := 0; i < len(root.Content); i += 2 {
		if root.Content[i].Value == "resources" {
			return true
		}
	}
	return false
}

// tableSchemaKeys are the keys only a Table Schema has at its top level.
var tableSchemaKeys = []string{"primaryKey", "foreignKeys", "missingValues", "fieldsMatch", "uniqueKeys", "$schema"}

// isTableSchema reports whether root is a bare Frictionless Table Schema (given with
// --metadata, as frictionless validate --schema takes one): fields, and a key only Table
// Schema has, at the top or in a field (type, where the sidecar says datatype; both have
// constraints). A sidecar that names its schema is a sidecar.
func isTableSchema(root *yaml.Node) bool {
	fields := nodeAt(root, []string{"fields"})
	if fields == root || fields.Kind != yaml.SequenceNode || nodeAt(root, []string{"schema"}) != root {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if slices.Contains(tableSchemaKeys, root.Content[i].Value) {
			return true
		}
	}
	for _, f := range fields.Content {
		for i := 0; f.Kind == yaml.MappingNode && i+1 < len(f.Content); i += 2 {
			if f.Content[i].Value == "type" {
				return true
			}
		}
	}
	return false
}

// readTableSchema reads a bare Table Schema as the one resource of a data package whose path
// is the data file, so that it means what it would inside a datapackage.json; the nodes are
// the file's, so errors keep their lines, and unknown keys are named as in the schema.
func readTableSchema(path, dataPath string, root *yaml.Node) (*MetadataFile, error) {
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
	resource := &yaml.Node{Kind: yaml.MappingNode, Line: root.Line, Column: root.Column,
		Content: []*yaml.Node{str("path"), str(filepath.Base(dataPath)), str("schema"), root}}
	pkg := &yaml.Node{Kind: yaml.MappingNode, Line: root.Line, Column: root.Column,
		Content: []*yaml.Node{str("resources"), {Kind: yaml.SequenceNode, Content: []*yaml.Node{resource}}}}
	mf, err := readDataPackage(path, dataPath, pkg)
	if err != nil {
		return nil, err
	}
	mf.Kind = TableSchema
	for i, u := range mf.Unknown {
		mf.Unknown[i] = strings.TrimPrefix(u, "resources[0].schema.")
	}
	return mf, nil
}

func readDataPackage(path, dataPath string, root *yaml.Node) (*MetadataFile, error) {
	var dp dataPackage
	if err := root.Decode(&dp); err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	mf := &MetadataFile{Path: path, Kind: DataPackage}
	var unknown []string
	unknownKeys(root, reflect.TypeFor[dpKnownPackage](), "", &unknown)
	for _, u := range unknown {
		key, _, _ := strings.Cut(u, " ")
		if i := strings.LastIndexAny(key, ".]"); i >= 0 {
			key = key[i+1:]
		}
		if !slices.Contains(frictionlessKeys, key) {
			mf.Unknown = append(mf.Unknown, u)
		}
	}
	ri, err := pickResource(dp.Resources, dataPath)
	if err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	res := dp.Resources[ri]
	resNode := nodeAt(root, []string{"resources", fmt.Sprint(ri)})

	// The sidecar keys first, validated as a sidecar would be; then what Frictionless says.
	ext := dpExtension(root, resNode)
	if err := validateSidecar(path, ext); err != nil {
		return nil, err
	}
	m := &mf.Metadata
	m.MultiValued = firstOfLists(ext)
	if err := ext.Decode(m); err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	m.Schema = SidecarSchema
	m.Title = textOf(res.Title, dp.Title)
	m.Description = textOf(res.Description, dp.Description)
	m.Identifier = cmp.Or(m.Identifier, dp.ID, res.Name)
	m.Keywords = dp.Keywords
	m.Format = res.Format
	m.Encoding = res.Encoding
	m.Version = dp.Version
	if ls := append(res.Licenses, dp.Licenses...); len(ls) > 0 {
		m.License = cmp.Or(ls[0].Name, ls[0].Title, ls[0].Path)
	}
	for _, s := range append(res.Sources, dp.Sources...) {
		m.Source = append(m.Source, cmp.Or(s.Title, s.Path))
	}
	if m.Publisher == nil {
		for _, c := range dp.Contributors {
			if c.Role == "publisher" {
				m.Publisher = &Publisher{Name: c.Title}
				break
			}
		}
	}
	if err := applyTableSchema(path, res.Schema, m.Fields, m, dp.resourcePath); err != nil {
		return nil, err
	}
	if err := typedBounds(path, res.Schema.Fields, nodeAt(resNode, []string{"schema", "fields"})); err != nil {
		return nil, err
	}
	return mf, nil
}

// applyTableSchema maps a Table Schema onto the model: its fields over ext, the sidecar
// fields at the same positions (the extension keys beside each Table Schema field), then its
// primary key, missing values and foreign keys. resourcePath finds the path of a resource a
// foreign key names; it is nil for a Table Schema outside a data package.
func applyTableSchema(path string, s dpSchema, ext []Field, m *Metadata, resourcePath func(name string) (string, bool)) error {
	m.Fields = nil
	for i, f := range s.Fields {
		var field Field
		if i < len(ext) {
			field = ext[i]
		}
		field.Name, field.CNName, field.Datatype, field.Description = f.Name, f.Title, f.Type, f.Description
		field.Format, field.Unique = f.Format, f.Constraints.Unique
		if f.Constraints.Required {
			field.Nullable = new(false)
		}
		c := Constraints{Minimum: f.Constraints.Minimum, Maximum: f.Constraints.Maximum,
			ExclusiveMinimum: f.Constraints.ExclusiveMinimum, ExclusiveMaximum: f.Constraints.ExclusiveMaximum,
			MinLength: f.Constraints.MinLength, MaxLength: f.Constraints.MaxLength,
			Pattern: f.Constraints.Pattern, Enum: f.Constraints.Enum}
		if !reflect.DeepEqual(c, Constraints{}) {
			field.Constraints = &c
		}
		m.Fields = append(m.Fields, field)
	}
	key, err := names(path, s.PrimaryKey, "primaryKey")
	if err != nil {
		return err
	}
	if len(key) > 0 { // else a key declared beside the schema (a DCAT record's dgcheck:primary_key) stands
		m.PrimaryKey = key
	}
	for _, v := range s.MissingValues {
		if v != "" { // "" is Table Schema's default: an empty cell, which dgcheck reads as null anyway
			m.MissingValues = append(m.MissingValues, v)
		}
	}
	for _, fk := range s.ForeignKeys {
		key := ForeignKey{Reference: FKReference{Resource: fk.Reference.Resource}}
		if key.Fields, err = names(path, fk.Fields, "foreignKeys.fields"); err != nil {
			return err
		}
		if key.Reference.Fields, err = names(path, fk.Reference.Fields, "foreignKeys.reference.fields"); err != nil {
			return err
		}
		if r := fk.Reference.Resource; r != "" {
			p, ok := "", false
			if resourcePath != nil {
				p, ok = resourcePath(r)
			}
			if !ok {
				return &ParseError{File: path, Line: int64(fk.Fields.Line),
					Err: fmt.Errorf("foreignKeys: no resource named %q with a path", r)}
			}
			key.Reference.Path = p
		}
		m.ForeignKeys = append(m.ForeignKeys, key)
	}
	return nil
}

// dpExtension gathers the sidecar keys of a data package into one sidecar-shaped mapping: the
// package's, overridden by the resource's, and each Table Schema field's (with its name).
// Nodes are shared with the file's tree, so errors keep their lines.
func dpExtension(pkg, res *yaml.Node) *yaml.Node {
	ext := &yaml.Node{Kind: yaml.MappingNode, Line: pkg.Line, Column: pkg.Column}
	at := map[string]int{}
	for _, n := range []*yaml.Node{pkg, res} {
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if _, ok := fieldByYAMLName(reflect.TypeFor[Metadata](), key); !ok || slices.Contains(dpOwnKeys, key) {
				continue
			}
			if j, seen := at[key]; seen {
				ext.Content[j+1] = n.Content[i+1]
				continue
			}
			at[key] = len(ext.Content)
			ext.Content = append(ext.Content, n.Content[i], n.Content[i+1])
		}
	}
	fields := nodeAt(res, []string{"schema", "fields"})
	if fields.Kind != yaml.SequenceNode {
		return ext
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Line: fields.Line, Column: fields.Column}
	for _, f := range fields.Content {
		entry := &yaml.Node{Kind: yaml.MappingNode, Line: f.Line, Column: f.Column}
		for i := 0; i+1 < len(f.Content); i += 2 {
			key := f.Content[i].Value
			if _, native := fieldByYAMLName(reflect.TypeFor[dpField](), key); native && key != "name" {
				continue
			}
			if _, ok := fieldByYAMLName(reflect.TypeFor[Field](), key); ok {
				entry.Content = append(entry.Content, f.Content[i], f.Content[i+1])
			}
		}
		seq.Content = append(seq.Content, entry)
	}
	ext.Content = append(ext.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "fields"}, seq)
	return ext
}

// names reads Table Schema's "a name or a list of names".
func names(path string, n yaml.Node, what string) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		var out []string
		if err := n.Decode(&out); err != nil {
			return nil, &ParseError{File: path, Line: int64(n.Line), Err: fmt.Errorf("%s: %w", what, err)}
		}
		return out, nil
	}
	return nil, nil
}

// pickResource finds the resource whose path names the data file, or the only resource.
func pickResource(resources []dpResource, dataPath string) (int, error) {
	for i, r := range resources {
		if r.Path != "" && filepath.Base(r.Path) == filepath.Base(dataPath) {
			return i, nil
		}
	}
	if len(resources) == 1 {
		return 0, nil
	}
	return 0, fmt.Errorf("no resource's path names %s (%d resources)", filepath.Base(dataPath), len(resources))
}

func textOf(values ...string) Text {
	if v := cmp.Or(values...); v != "" {
		return Text{"zh": v}
	}
	return nil
}
