package datasets

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/internal/jsonobj"
)

// Writing metadata: a draft (dgcheck init) as a dgcheck/metadata/v1 sidecar or a Frictionless
// data package, a draft merged into an existing data package, and suggestions filled into an
// existing sidecar (dgcheck classify --write-metadata). The decisions of what to declare are
// the root package's, which measures; this file only writes them.

// Draft is metadata drafted from a dataset.
type Draft struct {
	Metadata Metadata
	// Placeholders says, per property left for a person ("title", "fields[2].cn_name"), what
	// to declare there.
	Placeholders map[string]string
	// File is the data file's name, which a data package's resource points to.
	File string
}

// SidecarPath is where a data file's sidecar belongs: <name>.meta.yaml beside it, the name
// without the data's extension, so that one sidecar serves a CSV and its Parquet twin.
func SidecarPath(dataPath string) string {
	return strings.TrimSuffix(dataPath, filepath.Ext(dataPath)) + sidecarExtensions[0]
}

// WriteSidecar writes the draft as a dgcheck/metadata/v1 sidecar: measured values as they
// are, each placeholder as an empty value with a comment saying what to declare.
func (d *Draft) WriteSidecar(w io.Writer) error {
	m := d.Metadata
	root := &yaml.Node{Kind: yaml.MappingNode}
	root.HeadComment = fmt.Sprintf("Drafted by dgcheck init from %s: the fields were measured on all %d rows. Fill in every\n"+
		"empty value marked TODO, review the rest, then run dgcheck check.", d.File, *m.RecordCount)
	p := d.placeholder
	put(root, "schema", scalar(m.Schema), "")
	put(root, "title", flowMapping("zh", scalar("")), p("title"))
	put(root, "description", flowMapping("zh", scalar("")), p("description"))
	put(root, "identifier", scalar(""), p("identifier"))
	publisher := &yaml.Node{Kind: yaml.MappingNode}
	for _, k := range []string{"name", "uscc", "dept"} {
		put(publisher, k, scalar(""), p("publisher."+k))
	}
	put(root, "publisher", publisher, "")
	contact := &yaml.Node{Kind: yaml.MappingNode}
	put(contact, "email", scalar(""), p("contact_point.email"))
	put(root, "contact_point", contact, "")
	for _, k := range []string{"issued", "modified", "accrual_periodicity"} {
		put(root, k, scalar(""), p(k))
	}
	put(root, "keywords", &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}, p("keywords"))
	put(root, "theme", scalar(""), p("theme"))
	put(root, "spatial", scalar(""), p("spatial"))
	temporal := &yaml.Node{Kind: yaml.MappingNode}
	put(temporal, "start", scalar(""), p("temporal.start"))
	put(temporal, "end", scalar(""), p("temporal.end"))
	put(root, "temporal", temporal, "")
	put(root, "license", scalar(""), p("license"))
	put(root, "format", scalar(m.Format), "measured")
	if m.Encoding != "" {
		put(root, "encoding", scalar(m.Encoding), "measured")
	}
	put(root, "record_count", integer(*m.RecordCount), "measured")
	cn := &yaml.Node{Kind: yaml.MappingNode}
	for _, k := range []string{"resource_class", "resource_code", "share_type", "open_type"} {
		put(cn, k, scalar(""), p("cn."+k))
	}
	put(root, "cn", cn, "")
	put(root, "classification", flowMapping("level", scalar("")), p("classification.level"))
	pi := &yaml.Node{Kind: yaml.MappingNode}
	put(pi, "contains_pi", boolean(*m.PI.ContainsPI), "detected")
	if m.PI.ContainsSensitivePI != nil {
		put(pi, "contains_sensitive_pi", boolean(*m.PI.ContainsSensitivePI), "detected")
	}
	put(root, "pi", pi, "")
	key := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, k := range m.PrimaryKey {
		key.Content = append(key.Content, scalar(k))
	}
	put(root, "primary_key", key, p("primary_key"))
	fields := &yaml.Node{Kind: yaml.SequenceNode}
	for i, f := range m.Fields {
		at := func(k string) string { return p(fmt.Sprintf("fields[%d].%s", i, k)) }
		fn := &yaml.Node{Kind: yaml.MappingNode}
		put(fn, "name", scalar(f.Name), "")
		put(fn, "cn_name", scalar(""), at("cn_name"))
		put(fn, "datatype", scalar(f.Datatype), "")
		put(fn, "description", scalar(""), at("description"))
		put(fn, "nullable", boolean(*f.Nullable), "")
		if f.Unique {
			put(fn, "unique", boolean(true), "")
		}
		if k := f.Constraints; k != nil {
			c := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			if k.Minimum != "" {
				put(c, "minimum", plain(k.Minimum), "")
				put(c, "maximum", plain(k.Maximum), "")
			}
			if k.MinLength != nil {
				put(c, "min_length", integer(int64(*k.MinLength)), "")
				put(c, "max_length", integer(int64(*k.MaxLength)), "")
			}
			if k.Enum != nil {
				enum := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
				for _, v := range k.Enum {
					enum.Content = append(enum.Content, scalar(v))
				}
				put(c, "enum", enum, "")
			}
			put(fn, "constraints", c, "measured")
		}
		if f.CodeList != "" {
			put(fn, "code_list", scalar(f.CodeList), "every value is in it")
		}
		put(fn, "identifier_role", scalar(f.IdentifierRole), at("identifier_role"))
		if f.Validator != "" {
			put(fn, "validator", scalar(f.Validator), "")
		}
		fields.Content = append(fields.Content, fn)
	}
	put(root, "fields", fields, "")
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return err
	}
	return enc.Close()
}

// placeholder is the comment of a property left for a person, or "".
func (d *Draft) placeholder(path string) string {
	if note, ok := d.Placeholders[path]; ok {
		return "TODO: " + note
	}
	return ""
}

// WriteDataPackage writes the draft as a Frictionless datapackage.json: Table Schema for the
// fields, and the sidecar's names for what Data Package has no property for. JSON has no
// comments: placeholders are empty strings, and Placeholders lists them. keywords and licenses
// are left out instead: the Data Package profile wants at least one item in each, so an empty
// list would make the whole package invalid to Frictionless.
func (d *Draft) WriteDataPackage(w io.Writer) error {
	return writeJSON(w, d.dataPackage())
}

// MergeDataPackage writes existing, a datapackage.json, with the draft's resource in it: it
// replaces the resource with the same path, or is added after the others. Every other
// resource and every package property is kept as written, in its order; of the draft's
// package properties only those existing lacks are added. A package describes several files,
// and redrafting one of them must not lose the others or what a person wrote.
func (d *Draft) MergeDataPackage(w io.Writer, existing []byte) error {
	props, err := jsonobj.Members(existing)
	if err != nil {
		return fmt.Errorf("not a data package: %w", err)
	}
	draft := d.dataPackage()
	resource, err := jsonobj.Marshal(draft["resources"].([]any)[0])
	if err != nil {
		return err
	}
	merged := false
	for i, p := range props {
		if p.Key != "resources" {
			continue
		}
		var resources []json.RawMessage
		if err := json.Unmarshal(p.Value, &resources); err != nil {
			return fmt.Errorf("not a data package: resources: %w", err)
		}
		replaced := false
		for j, r := range resources {
			var named struct {
				Path any `json:"path"`
			}
			if json.Unmarshal(r, &named) == nil && named.Path == d.File {
				resources[j], replaced = resource, true
			}
		}
		if !replaced {
			resources = append(resources, resource)
		}
		if props[i].Value, err = jsonobj.Marshal(resources); err != nil {
			return err
		}
		merged = true
	}
	keys := make([]string, 0, len(draft))
	for k := range draft {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		// profile stays as written: the draft's tabular-data-package would hold the package's
		// other resources, which need not be tables, to the tabular profile.
		if k == "resources" && merged || k == "profile" || slices.ContainsFunc(props, func(p jsonobj.Member) bool { return p.Key == k }) {
			continue
		}
		v, err := jsonobj.Marshal(draft[k])
		if err != nil {
			return err
		}
		props = append(props, jsonobj.Member{Key: k, Value: v})
	}
	var out bytes.Buffer
	if err := json.Indent(&out, jsonobj.Object(props), "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}

// dataPackage is the draft as a data package of one resource.
func (d *Draft) dataPackage() map[string]any {
	m := d.Metadata
	fields := make([]map[string]any, len(m.Fields))
	for i, f := range m.Fields {
		field := map[string]any{"name": f.Name, "title": "", "type": f.Datatype, "description": "", "identifier_role": f.IdentifierRole}
		c := map[string]any{}
		if !*f.Nullable {
			c["required"] = true
		}
		if f.Unique {
			c["unique"] = true
		}
		if k := f.Constraints; k != nil {
			if k.Minimum != "" {
				c["minimum"], c["maximum"] = typedBound(f.Datatype, k.Minimum), typedBound(f.Datatype, k.Maximum)
			}
			if k.Enum != nil {
				c["enum"] = k.Enum
			}
			if k.MinLength != nil {
				c["minLength"], c["maxLength"] = *k.MinLength, *k.MaxLength
			}
		}
		if len(c) > 0 {
			field["constraints"] = c
		}
		if f.Validator != "" {
			field["validator"] = f.Validator
		}
		if f.CodeList != "" {
			field["code_list"] = f.CodeList
		}
		fields[i] = field
	}
	schema := map[string]any{"fields": fields}
	if len(m.PrimaryKey) > 0 {
		schema["primaryKey"] = m.PrimaryKey
	}
	resource := map[string]any{"name": packageName(d.File), "path": d.File,
		"format": m.Format, "record_count": *m.RecordCount, "schema": schema}
	if m.Encoding != "" {
		resource["encoding"] = m.Encoding
	}
	if m.Format == "csv" {
		// Tabular Data Resource is the profile of a CSV with a Table Schema; Frictionless
		// reads a resource's rows against its schema only when it declares it.
		resource["profile"] = "tabular-data-resource"
	}
	pi := map[string]any{"contains_pi": *m.PI.ContainsPI}
	if m.PI.ContainsSensitivePI != nil {
		pi["contains_sensitive_pi"] = *m.PI.ContainsSensitivePI
	}
	pkg := map[string]any{
		"name": resource["name"], "title": "", "description": "", "id": "",
		"publisher": map[string]string{"name": "", "uscc": "", "dept": ""}, "contact_point": map[string]string{"email": ""},
		"issued": "", "modified": "", "accrual_periodicity": "", "theme": "", "spatial": "",
		"temporal":       map[string]string{"start": "", "end": ""},
		"cn":             map[string]string{"resource_class": "", "resource_code": "", "share_type": "", "open_type": ""},
		"classification": map[string]string{"level": ""}, "pi": pi,
		"resources": []any{resource},
	}
	if resource["profile"] != nil {
		pkg["profile"] = "tabular-data-package"
	}
	return pkg
}

// typedBound is a drafted minimum or maximum in JSON: a number for a numeric field, so that
// Table Schema readers compare numbers, and the ISO 8601 text of a date.
func typedBound(datatype, v string) any {
	if datatype == "integer" || datatype == "number" {
		return json.Number(v)
	}
	return v
}

// packageName is a name Data Package accepts (lower-case ASCII letters, digits, "-", "_",
// "."), made from a file's name: other characters become "-", and a name with none left
// (a Chinese file name) is "data".
func packageName(file string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSuffix(file, filepath.Ext(file))) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '.':
			b.WriteRune(r)
		case !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	if name := strings.Trim(b.String(), "-."); name != "" {
		return name
	}
	return "data"
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// put adds key: v to a mapping, with a comment after the value.
func put(m *yaml.Node, key string, v *yaml.Node, comment string) {
	v.LineComment = comment
	m.Content = append(m.Content, scalar(key), v)
}

// scalar is a string, quoted where YAML would read it as something else; "" is written "".
func scalar(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if s == "" {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// plain is a scalar written as is, typed as YAML reads it: a number or date (780,
// 2015-01-01), a key, a name.
func plain(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

func boolean(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func integer(n int64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(n, 10)}
}

func flowMapping(key string, v *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{scalar(key), v}}
}

// SidecarEditor fills values into a sidecar where nothing is declared, keeping every value a
// person wrote and every comment (AmendSidecar).
type SidecarEditor struct{ root *yaml.Node }

// AmendSidecar returns src, a dgcheck/metadata/v1 sidecar at path (nil or empty: a new one),
// with what amend sets filled in, re-encoded with comments kept.
func AmendSidecar(path string, src []byte, amend func(SidecarEditor)) ([]byte, error) {
	var doc yaml.Node
	if len(src) > 0 {
		if err := yaml.Unmarshal(src, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	if doc.Kind == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: the sidecar is not a mapping", path)
	}
	e := SidecarEditor{root}
	e.SetIfAbsent([]string{"schema"}, SidecarSchema, "")
	amend(e)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// SetIfAbsent sets the property at keys (a path of mapping keys: classification, level) to
// value, a YAML scalar typed as YAML reads it, when it is absent or null, with comment after
// it, and reports whether it did. Mappings on the way are made as needed.
func (e SidecarEditor) SetIfAbsent(keys []string, value, comment string) bool {
	return setIfAbsent(mappingAt(e.root, keys[:len(keys)-1]), keys[len(keys)-1], value, comment)
}

// SetFieldIfAbsent is SetIfAbsent on property key of the fields entry named field, which is
// appended when the sidecar has none.
func (e SidecarEditor) SetFieldIfAbsent(field, key, value, comment string) bool {
	return setIfAbsent(e.fieldEntry(field), key, value, comment)
}

// mappingAt follows keys from m, adding an empty mapping where a key is absent or null.
func mappingAt(m *yaml.Node, keys []string) *yaml.Node {
	for _, key := range keys {
		v := lookup(m, key)
		switch {
		case v == nil:
			v = &yaml.Node{Kind: yaml.MappingNode}
			m.Content = append(m.Content, plain(key), v)
		case v.Kind != yaml.MappingNode && v.Tag == "!!null":
			v.Kind, v.Tag, v.Value = yaml.MappingNode, "!!map", ""
		}
		m = v
	}
	return m
}

// fieldEntry is the fields entry named name, appended (and fields made) when there is none.
func (e SidecarEditor) fieldEntry(name string) *yaml.Node {
	fields := lookup(e.root, "fields")
	if fields == nil || fields.Kind != yaml.SequenceNode {
		fields = &yaml.Node{Kind: yaml.SequenceNode}
		e.root.Content = append(e.root.Content, plain("fields"), fields)
	}
	for _, f := range fields.Content {
		if n := lookup(f, "name"); n != nil && n.Value == name {
			return f
		}
	}
	f := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{plain("name"), plain(name)}}
	fields.Content = append(fields.Content, f)
	return f
}

// lookup returns the value node of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// setIfAbsent sets key to value (a YAML scalar, typed as YAML reads it) when m has no key or a
// null one, with comment as the line comment, and reports whether it did.
func setIfAbsent(m *yaml.Node, key, value, comment string) bool {
	old := lookup(m, key)
	if old != nil && old.Tag != "!!null" {
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
	if old != nil {
		*old = val
		return true
	}
	m.Content = append(m.Content, plain(key), &val)
	return true
}
