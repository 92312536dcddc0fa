package datasets

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
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
	TableSchema   = "tableschema" // a bare Frictionless Table Schema
	DCAT          = "dcat"
	CSVW          = "csvw" // W3C CSV on the Web metadata
)

// MetadataFile is a metadata file read into the Metadata model, with what did not fit it.
type MetadataFile struct {
	Path     string
	Kind     string // SidecarSchema, DataPackage, TableSchema, DCAT or CSVW
	Metadata Metadata
	// Unknown lists keys the model does not know, each as "path.to.key (line N)". They are
	// reported rather than ignored: a misspelt "nulable: false" must not pass silently.
	Unknown []string
	// Notices are what the reader chose not to do, for the report to say (a data dictionary
	// at a web address, which dgcheck does not fetch).
	Notices []string
	// Refused are the files the metadata names that lie outside the root it was read within
	// (WithinRoot), and were not read.
	Refused []RefusedPath
}

// sidecarExtensions end the names of sidecars, which are read as sidecars whatever they hold.
var sidecarExtensions = []string{".meta.yaml", ".meta.yml", ".meta.json"}

func isSidecarName(path string) bool {
	return slices.ContainsFunc(sidecarExtensions, func(ext string) bool { return strings.HasSuffix(path, ext) })
}

// FindMetadata looks beside a data file for its metadata (LookupMetadata) and returns its
// path, or "" when there is none.
func FindMetadata(dataPath string) string {
	path, _ := LookupMetadata(dataPath)
	return path
}

// LookupMetadata looks beside a data file for its metadata: <name>.meta.yaml, .meta.yml or
// .meta.json (the name without the data extension, so one sidecar serves a CSV and its
// Parquet twin), then a DCAT record <name>.dcat.jsonld, .jsonld or .dcat.json, then CSVW
// metadata <file>-metadata.json or a csv-metadata.json with a table for the file, then a
// datapackage.json in the same folder that lists the file among its resources. A data
// package that lists other files but not this one says nothing of it: the file is checked on
// its own, and notice says why its metadata was passed over (a Frictionless folder holds many
// files that no package lists; refusing them all would leave them uncheckable). A database
// table or objects in storage have nothing beside them: their metadata is given.
func LookupMetadata(dataPath string) (path, notice string) {
	if IsURL(dataPath) {
		return "", "" // named with --metadata
	}
	dir := filepath.Dir(dataPath)
	base := strings.TrimSuffix(filepath.Base(dataPath), filepath.Ext(dataPath))
	var names []string
	for _, ext := range append(slices.Clone(sidecarExtensions), ".dcat.jsonld", ".jsonld", ".dcat.json") {
		names = append(names, base+ext)
	}
	// CSVW's default locations (Model for Tabular Data, 5.2): the file's name with
	// -metadata.json, and the folder's csv-metadata.json when a table of it is the file's.
	names = append(names, filepath.Base(dataPath)+"-metadata.json", "csv-metadata.json", "datapackage.json")
	for _, name := range names {
		p := filepath.Join(dir, name)
		st, err := os.Stat(p)
		if err != nil || st.IsDir() {
			continue
		}
		switch {
		case name == "csv-metadata.json" && !csvwLists(p, dataPath):
			continue
		case name == "datapackage.json" && !packageLists(p, dataPath):
			return "", fmt.Sprintf("%s does not list %s among its resources: checked without metadata", p, filepath.Base(dataPath))
		}
		return p, ""
	}
	return "", ""
}

// csvwLists reports whether CSVW metadata has a table whose url names the data file.
func csvwLists(meta, dataPath string) bool {
	raw, err := os.ReadFile(meta)
	if err != nil {
		return false
	}
	type table struct {
		URL string `json:"url"`
	}
	var doc struct {
		table
		Tables []table `json:"tables"`
	}
	if json.Unmarshal(raw, &doc) != nil {
		return false
	}
	names := func(t table) bool { return path.Base(t.URL) == filepath.Base(dataPath) }
	return names(doc.table) || slices.ContainsFunc(doc.Tables, names)
}

// packageLists reports whether a data package has a resource whose path (or one of whose
// multipart paths) names the data file. A package that cannot be read as JSON is taken to
// list it, so that reading it reports its error at its line and column as before.
func packageLists(pkg, dataPath string) bool {
	raw, err := os.ReadFile(pkg)
	if err != nil {
		return true
	}
	var dp struct {
		Resources []struct {
			Path any `json:"path"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &dp); err != nil {
		return true
	}
	base := filepath.Base(dataPath)
	for _, r := range dp.Resources {
		paths := []any{r.Path}
		if multipart, isList := r.Path.([]any); isList {
			paths = multipart
		}
		for _, p := range paths {
			if s, isString := p.(string); isString && filepath.Base(filepath.FromSlash(s)) == base {
				return true
			}
		}
	}
	return false
}

// ReadMetadata reads a sidecar, a datapackage.json, a bare Table Schema, a DCAT JSON-LD record
// or CSV on the Web metadata. dataPath picks
// the datapackage resource or DCAT dataset that describes the data file, and is the dataset a
// self-referencing foreign key names. Syntax errors, and sidecars that break
// docs/metadata.schema.json, name the file, line and column.
//
// With WithinRoot, a file the metadata names that lies outside the root is not read: it is
// in Refused, and the foreign key or data dictionary that named it is left out.
func ReadMetadata(path, dataPath string, opts ...ReadOption) (*MetadataFile, error) {
	var cfg readConfig
	for _, o := range opts {
		o(&cfg)
	}
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
	datesAsText(root, map[*yaml.Node]bool{})
	var mf *MetadataFile
	switch {
	case filepath.Base(path) == "datapackage.json" || isDataPackage(root):
		mf, err = readDataPackage(path, dataPath, root)
	case isCSVW(root): // before DCAT: CSVW metadata is JSON-LD too
		mf, err = readCSVW(path, dataPath, root)
	case isJSONLD(root):
		mf, err = readDCAT(path, dataPath, root, cfg)
	case !isSidecarName(path) && isTableSchema(root):
		mf, err = readTableSchema(path, dataPath, root)
	default:
		mf, err = readSidecar(path, root)
	}
	if err != nil {
		return nil, err
	}
	mf.Notices = append(mf.Notices, profileNotices(path, root, mf.Kind)...)
	resolveReferences(mf, root, path, dataPath, cfg)
	return mf, nil
}

func readSidecar(path string, root *yaml.Node) (*MetadataFile, error) {
	if err := validateSidecar(path, root); err != nil {
		return nil, err
	}
	mf := &MetadataFile{Path: path, Kind: SidecarSchema}
	mf.Metadata.MultiValued = firstOfLists(root)
	if err := root.Decode(&mf.Metadata); err != nil {
		return nil, &ParseError{File: path, Err: err}
	}
	unknownKeys(root, reflect.TypeFor[Metadata](), "", &mf.Unknown)
	return mf, nil
}

// firstOfLists replaces a list given for a single-valued property by its first item and
// returns the properties it replaced (Metadata.MultiValued).
func firstOfLists(m *yaml.Node) []string {
	var multi []string
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i].Value, resolveAlias(m.Content[i+1])
		if val.Kind != yaml.SequenceNode || !slices.Contains(SingleValued, key) {
			continue
		}
		if len(val.Content) > 1 {
			multi = append(multi, key)
		}
		if len(val.Content) == 0 {
			m.Content[i+1] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: val.Line, Column: val.Column}
		} else {
			m.Content[i+1] = val.Content[0]
		}
	}
	return multi
}

// datesAsText marks every scalar YAML would resolve as a timestamp (an unquoted 2025-07-01)
// as a string. Typed fields read such a value as its text anyway, but the free-form blocks
// (map[string]any) would get a time.Time, which reaches the rules as 2025-07-01T00:00:00Z: a
// date the rules' ISO 8601 checks and the schema (which sees the text) never saw.
func datesAsText(n *yaml.Node, seen map[*yaml.Node]bool) {
	if seen[n] {
		return
	}
	seen[n] = true
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!timestamp" {
		n.Tag = "!!str"
	}
	for _, c := range n.Content {
		datesAsText(c, seen)
	}
	if n.Alias != nil {
		datesAsText(n.Alias, seen)
	}
}

// resolveReferences makes the paths of referenced datasets usable from the working
// directory: a foreign key's path is relative to the metadata file, and one naming no dataset
// refers to the data itself. A key whose dataset lies outside cfg's root is marked Refused,
// and its path recorded in mf.Refused.
func resolveReferences(mf *MetadataFile, doc *yaml.Node, metaPath, dataPath string, cfg readConfig) {
	for i := range mf.Metadata.ForeignKeys {
		ref := &mf.Metadata.ForeignKeys[i].Reference
		written := ref.Path
		switch {
		case ref.Path != "" && !filepath.IsAbs(ref.Path):
			ref.Path = filepath.Join(filepath.Dir(metaPath), ref.Path)
		case ref.Path == "" && ref.Resource == "":
			ref.Path = dataPath
		}
		if written != "" && !cfg.confine(mf, doc, fmt.Sprintf("foreign_keys[%d].reference.path", i), written, ref.Path) {
			// Left as written: the report says what the metadata named, not where it leads.
			ref.Path, ref.Refused = written, true
		}
	}
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

// fieldByYAMLName finds the field a key decodes into, looking into ",inline" structs too; the
// first field to take the name wins.
func fieldByYAMLName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == "" && opts == "inline" && f.Type.Kind() == reflect.Struct {
			if inner, ok := fieldByYAMLName(f.Type, name); ok {
				return inner, true
			}
			continue
		}
		if tag == name {
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
