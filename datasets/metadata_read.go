package datasets

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Kinds of metadata file.
const (
	SidecarSchema = "dgcheck/metadata/v1"
	DataPackage   = "datapackage"
)

// MetadataFile is a metadata file read into the Metadata model, with what did not fit it.
type MetadataFile struct {
	Path     string
	Kind     string // SidecarSchema or DataPackage
	Metadata Metadata
	// Unknown lists keys the model does not know, each as "path.to.key (line N)". They are
	// reported rather than ignored: a misspelt "nulable: false" must not pass silently.
	Unknown []string
}

// FindMetadata looks beside a data file for its metadata: <name>.meta.yaml, .meta.yml or
// .meta.json (the name without the data extension, so one sidecar serves a CSV and its
// Parquet twin), then a datapackage.json in the same folder. It returns "" when none exists.
func FindMetadata(dataPath string) string {
	dir := filepath.Dir(dataPath)
	base := strings.TrimSuffix(filepath.Base(dataPath), filepath.Ext(dataPath))
	for _, name := range []string{base + ".meta.yaml", base + ".meta.yml", base + ".meta.json", "datapackage.json"} {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	return ""
}

// ReadMetadata reads a sidecar or a datapackage.json. dataPath picks the datapackage
// resource that describes the data file. Syntax errors name the file and line.
func ReadMetadata(path, dataPath string) (*MetadataFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, &ParseError{File: path, Err: fmt.Errorf("metadata is not valid YAML or JSON: %w", err)}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &ParseError{File: path, Err: errors.New("metadata must be a mapping (an object) at the top level")}
	}
	root := doc.Content[0]
	if filepath.Base(path) == "datapackage.json" || isDataPackage(root) {
		return readDataPackage(path, dataPath, root)
	}
	mf := &MetadataFile{Path: path, Kind: SidecarSchema}
	if err := root.Decode(&mf.Metadata); err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	if s := mf.Metadata.Schema; s != "" && s != SidecarSchema {
		return nil, &ParseError{File: path, Err: fmt.Errorf("schema %q is not %q", s, SidecarSchema)}
	}
	unknownKeys(root, reflect.TypeFor[Metadata](), "", &mf.Unknown)
	return mf, nil
}

// UnmarshalYAML reads a plain string as Chinese text and a mapping as text per language.
func (t *Text) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*t = Text{"zh": n.Value}
		return nil
	}
	m := map[string]string{}
	if err := n.Decode(&m); err != nil {
		return err
	}
	*t = m
	return nil
}

// unknownKeys walks a YAML mapping beside the Go type it decodes into and records keys no
// field takes. Free-form parts of the model (map[string]any) accept anything.
func unknownKeys(n *yaml.Node, t reflect.Type, path string, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Struct:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			f, ok := fieldByYAMLName(t, key.Value)
			if !ok {
				*out = append(*out, fmt.Sprintf("%s (line %d)", joinPath(path, key.Value), key.Line))
				continue
			}
			unknownKeys(val, f.Type, joinPath(path, key.Value), out)
		}
	case n.Kind == yaml.SequenceNode && t.Kind() == reflect.Slice:
		for i, item := range n.Content {
			unknownKeys(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i), out)
		}
	}
}

func fieldByYAMLName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Frictionless Data Package and Table Schema, the parts that map onto Metadata.
type dataPackage struct {
	Name        string       `yaml:"name"`
	Title       string       `yaml:"title"`
	Description string       `yaml:"description"`
	Keywords    []string     `yaml:"keywords"`
	Licenses    []dpLicense  `yaml:"licenses"`
	Resources   []dpResource `yaml:"resources"`
}

type dpLicense struct {
	Name  string `yaml:"name"`
	Path  string `yaml:"path"`
	Title string `yaml:"title"`
}

type dpResource struct {
	Name        string      `yaml:"name"`
	Path        string      `yaml:"path"`
	Title       string      `yaml:"title"`
	Description string      `yaml:"description"`
	Format      string      `yaml:"format"`
	Encoding    string      `yaml:"encoding"`
	Licenses    []dpLicense `yaml:"licenses"`
	Schema      dpSchema    `yaml:"schema"`
}

type dpSchema struct {
	Fields        []dpField `yaml:"fields"`
	PrimaryKey    yaml.Node `yaml:"primaryKey"` // a name or a list of names
	MissingValues []string  `yaml:"missingValues"`
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
	Required bool `yaml:"required"`
	Unique   bool `yaml:"unique"`
}

// frictionlessKeys are keys the Data Package and Table Schema specifications define that
// dgcheck does not use yet: known, so not reported as unknown.
var frictionlessKeys = []string{"$schema", "profile", "id", "homepage", "version", "created",
	"contributors", "sources", "image", "bytes", "hash", "mediatype", "dialect", "data",
	"sources", "rdfType", "example", "foreignKeys", "bareNumber", "groupChar", "decimalChar",
	"trueValues", "falseValues", "minimum", "maximum", "minLength", "maxLength", "pattern",
	"enum", "missingValues", "scheme"}

func isDataPackage(root *yaml.Node) bool {
	for i := 0; i < len(root.Content); i += 2 {
		if root.Content[i].Value == "resources" {
			return true
		}
	}
	return false
}

func readDataPackage(path, dataPath string, root *yaml.Node) (*MetadataFile, error) {
	var dp dataPackage
	if err := root.Decode(&dp); err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	mf := &MetadataFile{Path: path, Kind: DataPackage}
	var unknown []string
	unknownKeys(root, reflect.TypeFor[dataPackage](), "", &unknown)
	for _, u := range unknown {
		key, _, _ := strings.Cut(u, " ")
		if i := strings.LastIndexAny(key, ".]"); i >= 0 {
			key = key[i+1:]
		}
		if !slices.Contains(frictionlessKeys, key) {
			mf.Unknown = append(mf.Unknown, u)
		}
	}
	res, err := pickResource(dp.Resources, dataPath)
	if err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	m := &mf.Metadata
	m.Schema = SidecarSchema
	m.Title = textOf(res.Title, dp.Title)
	m.Description = textOf(res.Description, dp.Description)
	m.Identifier = res.Name
	m.Keywords = dp.Keywords
	m.Format = res.Format
	m.Encoding = res.Encoding
	if ls := append(res.Licenses, dp.Licenses...); len(ls) > 0 {
		m.License = cmp.Or(ls[0].Name, ls[0].Title, ls[0].Path)
	}
	for _, f := range res.Schema.Fields {
		field := Field{Name: f.Name, CNName: f.Title, Datatype: f.Type, Description: f.Description,
			Unique: f.Constraints.Unique, Format: f.Format}
		if f.Constraints.Required {
			field.Nullable = new(false)
		}
		m.Fields = append(m.Fields, field)
	}
	switch pk := res.Schema.PrimaryKey; pk.Kind {
	case yaml.ScalarNode:
		m.PrimaryKey = []string{pk.Value}
	case yaml.SequenceNode:
		if err := pk.Decode(&m.PrimaryKey); err != nil {
			return nil, &ParseError{File: path, Line: int64(pk.Line), Err: fmt.Errorf("primaryKey: %w", err)}
		}
	}
	return mf, nil
}

// pickResource finds the resource whose path names the data file, or the only resource.
func pickResource(resources []dpResource, dataPath string) (dpResource, error) {
	for _, r := range resources {
		if r.Path != "" && filepath.Base(r.Path) == filepath.Base(dataPath) {
			return r, nil
		}
	}
	if len(resources) == 1 {
		return resources[0], nil
	}
	return dpResource{}, fmt.Errorf("no resource's path names %s (%d resources)", filepath.Base(dataPath), len(resources))
}

func textOf(values ...string) Text {
	if v := cmp.Or(values...); v != "" {
		return Text{"zh": v}
	}
	return nil
}
