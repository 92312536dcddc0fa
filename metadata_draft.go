package dgcheck

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/checkers"
	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

// Drafting metadata from data (dgcheck init): one scan measures every column, and the draft
// declares only what holds on every row measured (types, required fields, unique columns,
// ranges, enumerations of low-cardinality columns, detected personal identifiers) and leaves
// an empty placeholder, with a comment, for what only a person can declare (title, publisher,
// licence, open type...). A check of the data with the draft filled in at its placeholders
// finds no contradiction between the metadata and the data. (Classification.DraftMetadata,
// for dgcheck classify, adds a classification's suggestions to metadata a person wrote.)

// MetadataDraftRequest names the dataset to draft metadata for.
type MetadataDraftRequest struct {
	Path     string
	Encoding string // CSV encoding; "" sniffs it
}

// MetadataDraft is metadata drafted from a dataset.
type MetadataDraft struct {
	Metadata datasets.Metadata
	// Placeholders says, per property left for a person ("title", "fields[2].cn_name"), what
	// to declare there.
	Placeholders map[string]string
	// File is the data file's name, which a data package's resource points to.
	File string
}

const (
	// enumLimit is the most distinct values a column may have to be drafted as an
	// enumeration, and enumRepeat how many rows each must cover on average: a code column
	// (sex, status, district) repeats its few values; a short list of names does not.
	enumLimit  = 20
	enumRepeat = 5
	// identifierRate is the share of a column's values that must be plausible identifiers,
	// raw or masked, for the draft to declare it: the rules' default thresholds.detect_min_rate.
	identifierRate = 0.5
)

// draftPlaceholders are the dataset's properties only a person can declare, with what to write.
var draftPlaceholders = map[string]string{
	"title":                "the dataset's name (信息资源名称)",
	"description":          "what the data holds, for whom, over what period (信息资源摘要)",
	"identifier":           "the dataset's identifier in its catalogue",
	"publisher.name":       "the providing organisation (信息资源提供方)",
	"publisher.uscc":       "its unified social credit code (提供方代码, GB 32100)",
	"publisher.dept":       "the department that answers for the data",
	"contact_point.email":  "an office mailbox users can write to",
	"issued":               "publication date, YYYY-MM-DD (发布日期)",
	"modified":             "date of the data's last update, YYYY-MM-DD",
	"accrual_periodicity":  "实时, 每日, 每周, 每月, 每季度, 每半年, 每年 or 不定期 (更新周期)",
	"keywords":             "words users search for (标签)",
	"theme":                "the theme the catalogue files it under (所属行业)",
	"spatial":              "the area covered, e.g. CN-42",
	"temporal.start":       "first date the records cover, YYYY-MM-DD",
	"temporal.end":         "last date the records cover, YYYY-MM-DD",
	"license":              "the licence or terms of reuse, e.g. CC-BY-4.0",
	"cn.resource_class":    "信息资源分类 code, e.g. 1-01-001",
	"cn.resource_code":     "信息资源代码",
	"cn.share_type":        "无条件共享, 有条件共享 or 不予共享 (共享类型)",
	"cn.open_type":         "无条件开放, 有条件开放 or 不予开放 (开放属性)",
	"classification.level": "core, important or general (DSL art. 21; GB/T 43697)",
}

// DraftMetadata reads the dataset once and drafts its metadata.
func DraftMetadata(ctx context.Context, req MetadataDraftRequest) (*MetadataDraft, error) {
	var opts []datasets.Option
	if req.Encoding != "" {
		opts = append(opts, datasets.WithEncoding(req.Encoding))
	}
	r, err := datasets.Open(ctx, req.Path, opts...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	profile, err := checkers.Scan(ctx, r, checkers.Plan{KeepValues: enumLimit})
	if err != nil {
		return nil, err
	}
	src := r.Source()
	d := &MetadataDraft{File: src.Name, Placeholders: map[string]string{}}
	m := &d.Metadata
	m.Schema = datasets.SidecarSchema
	m.Format = string(src.Format)
	m.Encoding = src.Encoding
	m.RecordCount = &profile.Rows

	var holdsPI, sensitive bool
	for i, col := range profile.Columns {
		f, detector := draftField(col, profile.Rows)
		if detector != "" {
			holdsPI = true
			sensitive = sensitive || detect.Registry[detector].Sensitive
		} else {
			d.Placeholders[fmt.Sprintf("fields[%d].identifier_role", i)] = "direct, quasi, sensitive or other (GB/T 37964)"
		}
		d.Placeholders[fmt.Sprintf("fields[%d].cn_name", i)] = "中文信息项名"
		d.Placeholders[fmt.Sprintf("fields[%d].description", i)] = "what one value means (ISO/IEC 11179 definition)"
		m.Fields = append(m.Fields, f)
	}
	m.PI = &datasets.PI{ContainsPI: &holdsPI}
	if holdsPI {
		m.PI.ContainsSensitivePI = &sensitive
	}
	if key := draftKey(profile); key != "" {
		m.PrimaryKey = []string{key}
	} else {
		d.Placeholders["primary_key"] = "no column is present and unique in every row: declare the columns that should identify a row"
	}
	for path, note := range draftPlaceholders {
		d.Placeholders[path] = note
	}
	return d, nil
}

// draftField declares what holds on every value of a column, and the personal identifier it
// holds, if any.
func draftField(col checkers.ColumnProfile, rows int64) (datasets.Field, string) {
	f := datasets.Field{Name: col.Name, Datatype: draftType(col)}
	tokens := int64(0)
	for _, n := range col.MissingTokens {
		tokens += n
	}
	present := col.Rows - col.Nulls - col.Blanks
	required := present == col.Rows && tokens == 0 && rows > 0
	f.Nullable = new(!required)
	if detector := identifierOf(col); detector != "" {
		// Identifiers are text whatever their digits look like: a mobile number is no
		// quantity. Their extremes and lengths are masked in the profile, and no domain.
		f.Datatype = "string"
		f.IdentifierRole = "direct"
		f.Validator = detect.Registry[detector].Validator
		return f, detector
	}
	f.Unique = required && col.DistinctExact && col.Distinct == present && present > 1
	// A column classified as a personal identifier below the rate that types it (names,
	// addresses, plates, a minority of phone numbers) gets no range and no list: its extremes
	// and values would be some person's identifier, written into metadata that is shared.
	identifying := classifiedPersonal(col) || slices.ContainsFunc(col.Hints, personalExtremes)
	var c datasets.Constraints
	switch f.Datatype {
	case "integer", "number", "date", "datetime":
		// The raw extremes, typed as the column is: the profile's Min and Max are masked
		// whenever a value looks like an identifier, and a masked bound ("1**") is no number.
		if !identifying && draftableBound(f.Datatype, col.RawMin) && draftableBound(f.Datatype, col.RawMax) {
			c.Minimum, c.Maximum = col.RawMin, col.RawMax
		}
	case "string":
		if !identifying && len(col.Values) > 0 && int64(len(col.Values))*enumRepeat <= present &&
			!slices.ContainsFunc(col.Values, personalValue) {
			c.Enum = col.Values
			f.CodeList = checkers.CodeListOf(col.Values)
		} else if col.MinLength == col.MaxLength && col.Distinct > 1 && present >= enumRepeat {
			// Codes of one length (household numbers, region codes); one value is no pattern.
			n := col.MinLength
			c.MinLength, c.MaxLength = &n, &n
		}
	}
	if c.Minimum != "" || c.Enum != nil || c.MinLength != nil {
		f.Constraints = &c
	}
	return f, ""
}

// nonPersonalTypes are the classified types that identify no person: organisations' codes,
// and places coarse enough to be shared (GB/T 43697 grading: pi false).
var nonPersonalTypes = []string{"cn_uscc", "cn_org_code", "postcode", "cn_region_code"}

// personalExtremes reports whether a column of the hinted kind has extremes that are some
// person's: the oldest and youngest birth dates or ages of a roll single out those people,
// so the profile generalises them (to the year) and a draft declares no range for them.
func personalExtremes(hint string) bool { return hint == "birth_date" || hint == "age" }

// classifiedPersonal reports whether the column's detected type is personal information.
func classifiedPersonal(col checkers.ColumnProfile) bool {
	return col.Classification != nil && !slices.Contains(nonPersonalTypes, col.Classification.Type)
}

// personalValue reports whether v, a value a draft would write as a bound or an enumeration
// item, has the structure of an identifier of a person, raw or masked. Only structural
// detectors decide: the name and address heuristics would take a street's name for an address,
// and classifiedPersonal already keeps a column of names or addresses out of the draft.
func personalValue(v string) bool {
	for _, d := range detect.All {
		if d.Heuristic || d.Name == "coordinate" || slices.Contains(nonPersonalTypes, d.Name) {
			continue
		}
		if r := d.Detect(v); r.Match || r.Masked {
			return true
		}
	}
	return false
}

// maxExactFloat is 2^53: past it a float64 no longer holds every integer, and the scan keeps
// numeric extremes as float64, so a larger bound could exclude the very value it came from.
const maxExactFloat = 1 << 53

// draftableBound reports whether v, a raw extreme of a column of type datatype, may be drafted
// as its bound: a value of that type, exactly represented, and no person's identifier.
func draftableBound(datatype, v string) bool {
	if v == "" || personalValue(v) {
		return false
	}
	switch datatype {
	case "integer", "number":
		f, err := strconv.ParseFloat(v, 64)
		return err == nil && f > -maxExactFloat && f < maxExactFloat
	}
	return true
}

// draftType is the narrowest Table Schema type every present value has: the column's
// inferred type when all values conform, else string, which every value is.
func draftType(col checkers.ColumnProfile) string {
	if col.TypeConformance == 1 {
		return col.InferredType
	}
	return "string"
}

// identifierOf is the personal identifier a column holds (checkers.ColumnProfile.Holds), the
// one with the most values when several qualify, or "". Identifiers its values alone cannot
// tell (eight digits of a Taiwan permit, a likely name) count only when the classifier, which
// weighs the column's name, typed the column so.
func identifierOf(col checkers.ColumnProfile) string {
	best, bestHits := "", int64(0)
	for _, d := range detect.All {
		c := col.Detectors[d.Name]
		if !detect.Registry[d.Name].Personal || d.Heuristic || c == nil || !col.Holds(d.Name, identifierRate) {
			continue
		}
		if d.Weak && (col.Classification == nil || col.Classification.Detector != d.Name) {
			continue
		}
		if hits := c.Plausible + c.Masked; hits > bestHits {
			best, bestHits = d.Name, hits
		}
	}
	return best
}

// draftKey picks the primary key: a column present and unique in every row, preferring one
// whose name says it is an identifier.
func draftKey(p *checkers.Profile) string {
	var candidates []string
	for _, col := range p.Columns {
		if col.Nulls == 0 && col.Blanks == 0 && col.DistinctExact && col.Distinct == p.Rows && p.Rows > 1 {
			candidates = append(candidates, col.Name)
		}
	}
	slices.SortStableFunc(candidates, func(a, b string) int { return cmp.Compare(keyRank(a), keyRank(b)) })
	if len(candidates) == 0 {
		return ""
	}
	return candidates[0]
}

func keyRank(name string) int {
	n := strings.ToLower(name)
	switch {
	case n == "id" || strings.HasSuffix(n, "_id") || strings.HasSuffix(n, "编号") || strings.HasSuffix(n, "代码"):
		return 0
	case strings.HasSuffix(n, "code") || strings.HasSuffix(n, "_no"):
		return 1
	}
	return 2
}

// WriteSidecar writes the draft as a dgcheck/metadata/v1 sidecar: measured values as they
// are, each placeholder as an empty value with a comment saying what to declare.
func (d *MetadataDraft) WriteSidecar(w io.Writer) error {
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
func (d *MetadataDraft) placeholder(path string) string {
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
func (d *MetadataDraft) WriteDataPackage(w io.Writer) error {
	return writeJSON(w, d.dataPackage())
}

// MergeDataPackage writes existing, a datapackage.json, with the draft's resource in it: it
// replaces the resource with the same path, or is added after the others. Every other
// resource and every package property is kept as written, in its order; of the draft's
// package properties only those existing lacks are added. A package describes several files,
// and redrafting one of them must not lose the others or what a person wrote.
func (d *MetadataDraft) MergeDataPackage(w io.Writer, existing []byte) error {
	props, err := jsonObject(existing)
	if err != nil {
		return fmt.Errorf("not a data package: %w", err)
	}
	draft := d.dataPackage()
	resource, err := marshalJSON(draft["resources"].([]any)[0])
	if err != nil {
		return err
	}
	merged := false
	for i, p := range props {
		if p.key != "resources" {
			continue
		}
		var resources []json.RawMessage
		if err := json.Unmarshal(p.value, &resources); err != nil {
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
		if props[i].value, err = marshalJSON(resources); err != nil {
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
		if k == "resources" && merged || k == "profile" || slices.ContainsFunc(props, func(p jsonProperty) bool { return p.key == k }) {
			continue
		}
		v, err := marshalJSON(draft[k])
		if err != nil {
			return err
		}
		props = append(props, jsonProperty{k, v})
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, p := range props {
		if i > 0 {
			buf.WriteByte(',')
		}
		key, _ := marshalJSON(p.key)
		buf.Write(key)
		buf.WriteByte(':')
		buf.Write(p.value)
	}
	buf.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}

// jsonProperty is one property of a JSON object, its value as written.
type jsonProperty struct {
	key   string
	value json.RawMessage
}

// jsonObject splits a JSON object into its properties, in the order they are written.
func jsonObject(src []byte) ([]jsonProperty, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	if t, err := dec.Token(); err != nil {
		return nil, err
	} else if t != json.Delim('{') {
		return nil, fmt.Errorf("the top level is not an object")
	}
	var props []jsonProperty
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		props = append(props, jsonProperty{t.(string), v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the top-level object")
	}
	return props, nil
}

// dataPackage is the draft as a data package of one resource.
func (d *MetadataDraft) dataPackage() map[string]any {
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

// marshalJSON is json.Marshal without escaping <, > and &, as writeJSON writes.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
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

// plain is a number or date written as is: 780, 2015-01-01.
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
