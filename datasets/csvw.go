package datasets

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// W3C CSV on the Web (CSVW) metadata (Metadata Vocabulary for Tabular Data, 2015): a table, or
// a table group's tables, each with the url of its CSV file and a tableSchema of columns. The
// columns map onto the model's fields in order, under their first title (the header text the
// file has) or else their name; a column's datatype (a built-in name, or an object with a base
// and its length and value constraints), required and null annotations become the field's
// type, constraints and the dataset's missing values; the schema's primaryKey and foreignKeys
// (by column names) the keys. Dublin Core and DCAT annotations on the table or its group (dc:title,
// dc:description, dcat:keyword, dc:publisher, dc:license, dc:modified, dc:issued) are read by
// local name, as in a DCAT record. What CSVW can say and dgcheck does not check (a picture
// format for numbers and dates, binary lengths, a schema by reference) is a notice.

func isCSVW(root *yaml.Node) bool {
	ctx := resolveAlias(nodeAt(root, []string{"@context"}))
	if ctx != root {
		if ctx.Kind == yaml.SequenceNode && len(ctx.Content) > 0 {
			ctx = resolveAlias(ctx.Content[0])
		}
		if ctx.Kind == yaml.ScalarNode && strings.TrimSuffix(ctx.Value, "#") == "http://www.w3.org/ns/csvw" {
			return true
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i].Value; k == "tableSchema" || k == "tables" {
			return true
		}
	}
	return false
}

// csvwTypes maps CSVW's built-in datatypes onto Table Schema's; those not listed are strings
// of one kind or another (anyURI, token, NMTOKEN, language, ...).
var csvwTypes = map[string]string{
	"integer": "integer", "long": "integer", "int": "integer", "short": "integer", "byte": "integer",
	"nonNegativeInteger": "integer", "positiveInteger": "integer", "nonPositiveInteger": "integer",
	"negativeInteger": "integer", "unsignedLong": "integer", "unsignedInt": "integer",
	"unsignedShort": "integer", "unsignedByte": "integer",
	"decimal": "number", "double": "number", "float": "number", "number": "number",
	"boolean": "boolean", "date": "date", "dateTime": "datetime", "datetime": "datetime",
	"dateTimeStamp": "datetime", "time": "time", "gYear": "year", "gYearMonth": "yearmonth",
	"duration": "duration", "dayTimeDuration": "duration", "yearMonthDuration": "duration",
	"json": "object",
}

// csvwStrings are CSVW's other built-in datatypes, all text.
var csvwStrings = []string{"string", "anyAtomicType", "anyURI", "base64Binary", "hexBinary", "QName",
	"normalizedString", "token", "language", "Name", "NMTOKEN", "xml", "html", "gDay", "gMonth", "gMonthDay"}

func readCSVW(file, dataPath string, root *yaml.Node) (*MetadataFile, error) {
	d := newLDDoc(root)
	table := root
	if tables := ldProp(root, "tables"); tables != nil {
		var err error
		if table, err = pickCSVWTable(d.values(tables), dataPath); err != nil {
			return nil, &ParseError{File: file, Line: int64(tables.Line), Err: err}
		}
	}
	mf := &MetadataFile{Path: file, Kind: CSVW}
	m := &mf.Metadata
	m.Schema = SidecarSchema
	lang := csvwLanguage(root)
	// The table's annotations, then its group's.
	for _, n := range []*yaml.Node{table, root} {
		if t := d.text(ldProp(n, "title")); m.Title == nil && t != nil {
			m.Title = relabel(t, lang)
		}
		if t := d.text(ldProp(n, "description")); m.Description == nil && t != nil {
			m.Description = relabel(t, lang)
		}
		if kw := d.strings(ldProp(n, "keyword")); m.Keywords == nil && len(kw) > 0 {
			m.Keywords = kw
		}
		if p := d.values(ldProp(n, "publisher")); m.Publisher == nil && len(p) > 0 {
			m.Publisher = ldPublisher(d, p[0], nil)
		}
		m.License = cmp.Or(m.License, d.first(ldProp(n, "license")))
		m.Modified = cmp.Or(m.Modified, d.first(ldProp(n, "modified")))
		m.Issued = cmp.Or(m.Issued, d.first(ldProp(n, "issued")))
		m.Identifier = cmp.Or(m.Identifier, d.first(ldProp(n, "identifier")))
	}
	if enc := nodeAt(table, []string{"dialect", "encoding"}); enc != table && enc.Kind == yaml.ScalarNode {
		m.Encoding = enc.Value
	}

	schema := ldProp(table, "tableSchema")
	if schema == nil {
		schema = ldProp(root, "tableSchema") // inherited from the group
	}
	if schema != nil && schema.Kind == yaml.ScalarNode {
		mf.Notices = append(mf.Notices, fmt.Sprintf("%s: tableSchema %s is a reference, not read: give the schema inline", file, schema.Value))
		schema = nil
	}
	if schema == nil {
		return mf, nil
	}
	// Inherited annotations: a column's own, else its schema's, table's or group's.
	inherited := func(col *yaml.Node, key string) *yaml.Node {
		for _, n := range []*yaml.Node{col, schema, table, root} {
			if v := ldProp(n, key); v != nil {
				return v
			}
		}
		return nil
	}
	names := map[string]string{} // a column's name to the field it is read as
	for i, col := range d.values(ldProp(schema, "columns")) {
		if v := ldProp(col, "virtual"); v != nil && v.Value == "true" {
			continue // no column of the file
		}
		titles := d.strings(ldProp(col, "titles"))
		name := d.first(ldProp(col, "name"))
		f := Field{Name: name}
		if len(titles) > 0 {
			f.Name = titles[0]
		}
		if f.Name == "" {
			f.Name = fmt.Sprintf("_col.%d", i+1) // CSVW's default name
		}
		names[cmp.Or(name, f.Name)] = f.Name
		f.Description = oneText(d.text(ldProp(col, "description")), lang)
		if r := inherited(col, "required"); r != nil && r.Value == "true" {
			f.Nullable = new(false)
		}
		for _, v := range d.strings(inherited(col, "null")) {
			if v != "" && !slices.Contains(m.MissingValues, v) {
				m.MissingValues = append(m.MissingValues, v)
			}
		}
		mf.Notices = append(mf.Notices, csvwDatatype(file, &f, d, inherited(col, "datatype"))...)
		m.Fields = append(m.Fields, f)
	}
	for _, n := range d.strings(ldProp(schema, "primaryKey")) {
		m.PrimaryKey = append(m.PrimaryKey, cmp.Or(names[n], n))
	}
	for _, fk := range d.values(ldProp(schema, "foreignKeys")) {
		ref := ldProp(fk, "reference")
		if ldProp(ref, "schemaReference") != nil {
			mf.Notices = append(mf.Notices, fmt.Sprintf("%s: a foreign key by schemaReference (line %d) is not checked: name the referenced file by resource", file, fk.Line))
			continue
		}
		key := ForeignKey{}
		for _, n := range d.strings(ldProp(fk, "columnReference")) {
			key.Fields = append(key.Fields, cmp.Or(names[n], n))
		}
		key.Reference.Fields = d.strings(ldProp(ref, "columnReference"))
		if res := d.first(ldProp(ref, "resource")); res != "" && path.Base(res) != filepath.Base(dataPath) {
			key.Reference.Path = filepath.Join(filepath.Dir(file), filepath.FromSlash(res))
		} else {
			// The table itself: its columns are read under their titles.
			for i, n := range key.Reference.Fields {
				key.Reference.Fields[i] = cmp.Or(names[n], n)
			}
		}
		m.ForeignKeys = append(m.ForeignKeys, key)
	}
	return mf, nil
}

// csvwDatatype sets a field's type and constraints from its CSVW datatype (a name, or an
// object with a base), and returns notices for what is not checked.
func csvwDatatype(file string, f *Field, d *ldDoc, dt *yaml.Node) []string {
	if dt == nil {
		return nil // CSVW's default is string, which checks nothing
	}
	base := dt.Value
	if dt.Kind == yaml.MappingNode {
		base = cmp.Or(d.first(ldProp(dt, "base")), "string")
	}
	switch t, ok := csvwTypes[base]; {
	case ok:
		f.Datatype = t
	case slices.Contains(csvwStrings, base):
		f.Datatype = "string"
	default:
		f.Datatype = base // none of CSVW's built-in types: META-017 says so
	}
	if dt.Kind != yaml.MappingNode {
		return nil
	}
	var notices []string
	c := Constraints{}
	bound := func(keys ...string) string {
		for _, k := range keys {
			if v := ldProp(dt, k); v != nil && v.Kind == yaml.ScalarNode {
				return v.Value
			}
		}
		return ""
	}
	c.Minimum, c.Maximum = bound("minimum", "minInclusive"), bound("maximum", "maxInclusive")
	c.ExclusiveMinimum, c.ExclusiveMaximum = bound("minExclusive"), bound("maxExclusive")
	length := func(key string) *int {
		if v := ldProp(dt, key); v != nil {
			if n, err := strconv.Atoi(v.Value); err == nil {
				return &n
			}
		}
		return nil
	}
	c.MinLength, c.MaxLength = length("minLength"), length("maxLength")
	if n := length("length"); n != nil {
		c.MinLength, c.MaxLength = n, n
	}
	if (base == "base64Binary" || base == "hexBinary") && (c.MinLength != nil || c.MaxLength != nil) {
		// Their lengths count the decoded bytes, not the characters dgcheck counts.
		notices = append(notices, fmt.Sprintf("%s: column %s: the length of %s values counts decoded bytes and is not checked", file, f.Name, base))
		c.MinLength, c.MaxLength = nil, nil
	}
	if format := d.first(ldProp(dt, "format")); format != "" {
		if f.Datatype == "string" {
			c.Pattern = format // for text, a regular expression
		} else {
			// A picture (M/d/yyyy, #,##0.00, Y|N) dgcheck does not read: the values are
			// checked as text rather than reported as not of their type.
			notices = append(notices, fmt.Sprintf("%s: column %s: the %s format %q is not applied; its values are checked as text", file, f.Name, base, format))
			f.Datatype = "string"
			c.Minimum, c.Maximum, c.ExclusiveMinimum, c.ExclusiveMaximum = "", "", "", ""
		}
	}
	if !reflect.DeepEqual(c, Constraints{}) {
		f.Constraints = &c
	}
	return notices
}

// pickCSVWTable finds the table whose url names the data file, or the only table.
func pickCSVWTable(tables []*yaml.Node, dataPath string) (*yaml.Node, error) {
	base := filepath.Base(dataPath)
	for _, t := range tables {
		if u := ldProp(t, "url"); u != nil && path.Base(u.Value) == base {
			return t, nil
		}
	}
	if len(tables) == 1 {
		return tables[0], nil
	}
	return nil, fmt.Errorf("no table's url names %s (%d tables)", base, len(tables))
}

// csvwLanguage is the default language the context declares ({"@language": "en"}), or "".
func csvwLanguage(root *yaml.Node) string {
	ctx := resolveAlias(nodeAt(root, []string{"@context"}))
	if ctx == root || ctx.Kind != yaml.SequenceNode {
		return ""
	}
	for _, c := range ctx.Content {
		if l := nodeAt(c, []string{"@language"}); l != c && l.Kind == yaml.ScalarNode {
			return l.Value
		}
	}
	return ""
}

// relabel files text of no declared language under the context's default language.
func relabel(t Text, lang string) Text {
	if v, ok := t["zh"]; ok && lang != "" && lang != "zh" && len(t) == 1 {
		return Text{lang: v}
	}
	return t
}

// oneText is a text's value in lang, else in any language.
func oneText(t Text, lang string) string {
	if v, ok := t[cmp.Or(lang, "zh")]; ok {
		return v
	}
	for _, k := range slices.Sorted(maps.Keys(t)) {
		return t[k]
	}
	return ""
}
