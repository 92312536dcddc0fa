package datasets

import (
	"cmp"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// A DCAT record describes a dataset in JSON-LD: DCAT-AP (dct:title, dcat:distribution, ... under
// an @context, possibly in an @graph) or DCAT-US / Project Open Data (title, contactPoint,
// distribution, ... as plain keys, possibly a catalogue with a "dataset" list). The reader works
// on the compacted form catalogues publish, not through a JSON-LD processor: a key is known by
// its local name whatever its prefix or namespace (dct:title, dcterms:title,
// http://purl.org/dc/terms/title and title are one key), and node references ({"@id": ...}) are
// followed within the document. What DCAT cannot say is carried under the prefix "dgcheck:"
// with the sidecar's own names ("dgcheck:cn": {"open_type": ...}) and validated like a sidecar.
//
// A DCAT-US record points at its data dictionary with describedBy (on the dataset or a
// distribution). When that is a local Frictionless Table Schema or data package (a path
// relative to the record, or a file: URL), its fields, keys, missing values and foreign keys
// are read as a datapackage.json's would be, under the record's own dgcheck:fields of the same
// names; a dictionary at a web address is named in a notice and not fetched.

// dcatExtension is the prefix of sidecar keys in a DCAT record.
const dcatExtension = "dgcheck:"

// dcatKnown are local names of DCAT, DCAT-AP and DCAT-US properties of a dataset that the model
// does not take: known, so not reported as unknown.
var dcatKnown = []string{"@context", "@id", "@type", "@language", "landingPage", "language", "conformsTo",
	"describedBy", "describedByType", "references", "bureauCode", "programCode", "dataQuality",
	"systemOfRecords", "rights", "temporalResolution", "spatialResolutionInMeters", "hasVersion",
	"isVersionOf", "page", "sample", "qualifiedRelation", "wasGeneratedBy", "applicableLegislation",
	"type", "creator", "status", "relation", "isReferencedBy", "hasPolicy", "accessLevel", "isPartOf",
	"primaryITInvestmentUII", "otherIdentifier", "versionNotes", "qualifiedAttribution", "inSeries",
	"first", "last", "prev", "next", "homepage", "themeTaxonomy", "record", "service", "catalog",
	"dataset", "conformsTo", "describedBy"}

// dcatTaken are the local names the reader maps onto the model.
var dcatTaken = []string{"title", "description", "identifier", "publisher", "contactPoint", "issued",
	"modified", "accrualPeriodicity", "keyword", "theme", "spatial", "temporal", "license",
	"distribution", "version", "accessRights", "provenance", "source"}

// dcatSingle maps the single-valued DCAT properties to the sidecar names MultiValued uses.
var dcatSingle = map[string]string{"issued": "issued", "modified": "modified",
	"accrualPeriodicity": "accrual_periodicity", "publisher": "publisher", "version": "version",
	"accessRights": "access_rights"}

// isJSONLD reports whether root is a DCAT record: JSON-LD (@context, @graph, @type), or a
// Project Open Data (DCAT-US) file without a context, as agencies' data.json catalogues and
// the schema's own catalog-sample.json are: a catalogue's dataset list, a conformsTo naming
// the schema, or a dataset's accessLevel, which DCAT-US requires and nothing else says.
func isJSONLD(root *yaml.Node) bool {
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch key, val := root.Content[i].Value, resolveAlias(root.Content[i+1]); key {
		case "@context", "@graph", "@type", "accessLevel":
			return true
		case "dataset":
			if val.Kind == yaml.SequenceNode {
				return true
			}
		case "conformsTo":
			if strings.Contains(val.Value, "project-open-data") {
				return true
			}
		}
	}
	return false
}

// ldLocal is a JSON-LD key's local name: after a full IRI's last # or /, or after a prefix.
func ldLocal(key string) string {
	if strings.Contains(key, "://") {
		if i := strings.LastIndexAny(key, "#/"); i >= 0 {
			return key[i+1:]
		}
	}
	if strings.HasPrefix(key, "@") {
		return key
	}
	if _, local, ok := strings.Cut(key, ":"); ok {
		return local
	}
	return key
}

// ldDoc is a JSON-LD document: its nodes by @id, so references can be followed.
type ldDoc struct {
	byID map[string]*yaml.Node
}

func newLDDoc(root *yaml.Node) *ldDoc {
	d := &ldDoc{byID: map[string]*yaml.Node{}}
	seen := map[*yaml.Node]bool{} // an alias may point back up the tree
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		n = resolveAlias(n)
		if seen[n] {
			return
		}
		seen[n] = true
		switch n.Kind {
		case yaml.MappingNode:
			if id := ldProp(n, "@id"); id != nil && len(n.Content) > 2 {
				d.byID[id.Value] = n
			}
			for i := 1; i < len(n.Content); i += 2 {
				walk(n.Content[i])
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		}
	}
	walk(root)
	return d
}

// ldProp is the value of the key with the given local name in a node, or nil.
func ldProp(n *yaml.Node, local string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; !strings.HasPrefix(k, dcatExtension) && ldLocal(k) == local {
			return resolveAlias(n.Content[i+1])
		}
	}
	return nil
}

// values lists a property's values (a JSON-LD value may be one value or an array), with node
// references replaced by the nodes they name.
func (d *ldDoc) values(n *yaml.Node) []*yaml.Node {
	if n == nil {
		return nil
	}
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	out := make([]*yaml.Node, 0, len(items))
	for _, v := range items {
		v = resolveAlias(v)
		if id := ldProp(v, "@id"); id != nil && len(v.Content) == 2 {
			if target, ok := d.byID[id.Value]; ok {
				v = target
			}
		}
		out = append(out, v)
	}
	return out
}

// maxLabelDepth bounds how deep ldStr looks for a label: a label naming a node whose label
// names it back (through YAML aliases) must not loop.
const maxLabelDepth = 4

// ldStr is a value as text: a literal, an {"@value"}, an IRI ({"@id"}), or a node's label.
func ldStr(v *yaml.Node) string { return ldStrAt(v, 0) }

func ldStrAt(v *yaml.Node, depth int) string {
	switch {
	case v == nil:
		return ""
	case v.Kind == yaml.ScalarNode:
		return v.Value
	case ldProp(v, "@value") != nil:
		return ldProp(v, "@value").Value
	case ldProp(v, "@id") != nil:
		return ldProp(v, "@id").Value
	}
	if depth >= maxLabelDepth {
		return ""
	}
	for _, label := range []string{"label", "prefLabel", "name", "hasValue"} {
		if l := ldProp(v, label); l != nil {
			return ldStrAt(l, depth+1)
		}
	}
	return ""
}

func (d *ldDoc) first(n *yaml.Node) string {
	if vs := d.values(n); len(vs) > 0 {
		return ldStr(vs[0])
	}
	return ""
}

func (d *ldDoc) strings(n *yaml.Node) []string {
	var out []string
	for _, v := range d.values(n) {
		if s := ldStr(v); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// text reads language-tagged values ({"@value", "@language"}), a language map, or plain
// strings (read as Chinese, as in a sidecar).
func (d *ldDoc) text(n *yaml.Node) Text {
	t := Text{}
	if n != nil && n.Kind == yaml.MappingNode && ldProp(n, "@value") == nil && ldProp(n, "@id") == nil {
		for i := 0; i+1 < len(n.Content); i += 2 {
			t[n.Content[i].Value] = n.Content[i+1].Value
		}
		return t
	}
	for _, v := range d.values(n) {
		lang := "zh"
		if l := ldProp(v, "@language"); l != nil {
			lang = l.Value
		}
		if _, seen := t[lang]; !seen {
			t[lang] = ldStr(v)
		}
	}
	if len(t) == 0 {
		return nil
	}
	return t
}

func hasType(n *yaml.Node, local string) bool {
	t := ldProp(n, "@type")
	if t == nil {
		t = ldProp(n, "type")
	}
	if t == nil {
		return false
	}
	types := []*yaml.Node{t}
	if t.Kind == yaml.SequenceNode {
		types = t.Content
	}
	return slices.ContainsFunc(types, func(v *yaml.Node) bool { return ldLocal(v.Value) == local })
}

func readDCAT(file, dataPath string, root *yaml.Node, cfg readConfig) (*MetadataFile, error) {
	d := newLDDoc(root)
	nodes := []*yaml.Node{root}
	if g := ldProp(root, "@graph"); g != nil {
		nodes = d.values(g)
	}
	var datasets []*yaml.Node
	var catalog *yaml.Node
	for _, n := range nodes {
		if hasType(n, "Catalog") || ldProp(n, "dataset") != nil {
			catalog = n
			datasets = append(datasets, d.values(ldProp(n, "dataset"))...)
		} else if hasType(n, "Dataset") {
			datasets = append(datasets, n)
		}
	}
	ds, err := pickDataset(d, datasets, dataPath)
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}

	mf := &MetadataFile{Path: file, Kind: DCAT}
	m := &mf.Metadata
	ext := dcatExtensionNode(ds)
	if err := validateSidecar(file, ext); err != nil {
		return nil, err
	}
	m.MultiValued = firstOfLists(ext)
	if err := ext.Decode(m); err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	unknownKeys(ext, reflect.TypeFor[Metadata](), strings.TrimSuffix(dcatExtension, ":"), &mf.Unknown)
	for i := 0; i+1 < len(ds.Content); i += 2 {
		key := ds.Content[i]
		local := ldLocal(key.Value)
		if strings.HasPrefix(key.Value, dcatExtension) || slices.Contains(dcatTaken, local) || slices.Contains(dcatKnown, local) {
			continue
		}
		mf.Unknown = append(mf.Unknown, fmt.Sprintf("%s (line %d)", key.Value, key.Line))
	}
	for local, name := range dcatSingle {
		if len(d.values(ldProp(ds, local))) > 1 && !slices.Contains(m.MultiValued, name) {
			m.MultiValued = append(m.MultiValued, name)
		}
	}
	slices.Sort(m.MultiValued)

	m.Schema = SidecarSchema
	if t := d.text(ldProp(ds, "title")); t != nil {
		m.Title = t
	}
	if t := d.text(ldProp(ds, "description")); t != nil {
		m.Description = t
	}
	m.Identifier = cmp.Or(d.first(ldProp(ds, "identifier")), m.Identifier)
	m.Issued = cmp.Or(d.first(ldProp(ds, "issued")), m.Issued)
	m.Modified = cmp.Or(d.first(ldProp(ds, "modified")), m.Modified)
	m.AccrualPeriodicity = cmp.Or(d.first(ldProp(ds, "accrualPeriodicity")), m.AccrualPeriodicity)
	m.Version = cmp.Or(d.first(ldProp(ds, "version")), m.Version)
	m.AccessRights = cmp.Or(d.first(ldProp(ds, "accessRights")), m.AccessRights)
	m.Provenance = cmp.Or(d.first(ldProp(ds, "provenance")), m.Provenance)
	m.Spatial = cmp.Or(d.first(ldProp(ds, "spatial")), m.Spatial)
	m.Theme = cmp.Or(d.first(ldProp(ds, "theme")), m.Theme)
	if kw := d.strings(ldProp(ds, "keyword")); len(kw) > 0 {
		m.Keywords = kw
	}
	if src := d.strings(ldProp(ds, "source")); len(src) > 0 {
		m.Source = src
	}
	if p := d.values(ldProp(ds, "publisher")); len(p) > 0 {
		m.Publisher = ldPublisher(d, p[0], m.Publisher)
	}
	if c := d.values(ldProp(ds, "contactPoint")); len(c) > 0 {
		cp := &ContactPoint{Email: trimScheme(d.first(ldProp(c[0], "hasEmail")), "mailto:"),
			Phone: trimScheme(d.first(ldProp(c[0], "hasTelephone")), "tel:")}
		if *cp != (ContactPoint{}) {
			m.ContactPoint = cp
		}
	}
	if t := ldTemporal(d, ldProp(ds, "temporal")); t != nil {
		m.Temporal = t
	}
	for _, dist := range d.values(ldProp(ds, "distribution")) {
		m.Distributions = append(m.Distributions, Distribution{
			Title:        d.first(ldProp(dist, "title")),
			Description:  d.text(ldProp(dist, "description"))["zh"],
			AccessURL:    d.first(ldProp(dist, "accessURL")),
			DownloadURL:  d.first(ldProp(dist, "downloadURL")),
			Format:       d.first(ldProp(dist, "format")),
			MediaType:    d.first(ldProp(dist, "mediaType")),
			License:      d.first(ldProp(dist, "license")),
			Availability: d.first(ldProp(dist, "availability")),
		})
	}
	// DCAT-US licenses the dataset, DCAT-AP each distribution: either way the dataset's licence.
	m.License = cmp.Or(d.first(ldProp(ds, "license")), m.License)
	for _, dist := range m.Distributions {
		m.License = cmp.Or(m.License, dist.License)
	}
	if err := readDescribedBy(d, ds, file, dataPath, mf, cfg); err != nil {
		return nil, err
	}
	if catalog != nil {
		m.Catalog = &Catalog{Title: d.text(ldProp(catalog, "title")), Description: d.text(ldProp(catalog, "description"))}
		if p := d.values(ldProp(catalog, "publisher")); len(p) > 0 {
			m.Catalog.Publisher = ldPublisher(d, p[0], nil)
		}
	}
	return mf, nil
}

// pickDataset finds the dataset with a distribution whose download or access URL names the data
// file, or the only dataset.
func pickDataset(d *ldDoc, datasets []*yaml.Node, dataPath string) (*yaml.Node, error) {
	base := filepath.Base(dataPath)
	for _, ds := range datasets {
		for _, dist := range d.values(ldProp(ds, "distribution")) {
			for _, url := range []string{d.first(ldProp(dist, "downloadURL")), d.first(ldProp(dist, "accessURL"))} {
				if url != "" && path.Base(url) == base {
					return ds, nil
				}
			}
		}
	}
	switch len(datasets) {
	case 1:
		return datasets[0], nil
	case 0:
		return nil, fmt.Errorf("no dcat:Dataset in the JSON-LD document")
	}
	return nil, fmt.Errorf("no dataset's distribution names %s (%d datasets)", base, len(datasets))
}

// dcatExtensionNode gathers a dataset's "dgcheck:" keys into a sidecar-shaped mapping; its
// nodes are the file's, so errors keep their lines.
func dcatExtensionNode(ds *yaml.Node) *yaml.Node {
	ext := &yaml.Node{Kind: yaml.MappingNode, Line: ds.Line, Column: ds.Column}
	for i := 0; i+1 < len(ds.Content); i += 2 {
		key := ds.Content[i]
		if name, ok := strings.CutPrefix(key.Value, dcatExtension); ok {
			k := *key
			k.Value = name
			ext.Content = append(ext.Content, &k, ds.Content[i+1])
		}
	}
	return ext
}

// ldPublisher reads a foaf:Agent, keeping what a sidecar-shaped extension already said (the
// credit code and department, which FOAF has no terms for, as dgcheck:uscc and dgcheck:dept).
func ldPublisher(d *ldDoc, n *yaml.Node, have *Publisher) *Publisher {
	p := Publisher{}
	if have != nil {
		p = *have
	}
	if n.Kind == yaml.ScalarNode {
		p.Name = cmp.Or(n.Value, p.Name)
		return &p
	}
	p.Name = cmp.Or(d.first(ldProp(n, "name")), d.first(ldProp(n, "prefLabel")), p.Name)
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch n.Content[i].Value {
		case dcatExtension + "uscc":
			p.USCC = n.Content[i+1].Value
		case dcatExtension + "dept":
			p.Dept = n.Content[i+1].Value
		}
	}
	return &p
}

// ldTemporal reads a dct:PeriodOfTime (dcat:startDate/endDate, or schema:startDate/endDate) or
// DCAT-US's "start/end" interval.
func ldTemporal(d *ldDoc, n *yaml.Node) *Temporal {
	vs := d.values(n)
	if len(vs) == 0 {
		return nil
	}
	v := vs[0]
	if v.Kind == yaml.ScalarNode {
		start, end, _ := strings.Cut(v.Value, "/")
		return &Temporal{Start: start, End: end}
	}
	t := &Temporal{Start: d.first(ldProp(v, "startDate")), End: d.first(ldProp(v, "endDate"))}
	if *t == (Temporal{}) {
		return nil
	}
	return t
}

func trimScheme(s, scheme string) string {
	if len(s) >= len(scheme) && strings.EqualFold(s[:len(scheme)], scheme) {
		return s[len(scheme):]
	}
	return s
}

// readDescribedBy reads the data dictionary a dataset or one of its distributions is
// describedBy, when it is a local file.
func readDescribedBy(d *ldDoc, ds *yaml.Node, file, dataPath string, mf *MetadataFile, cfg readConfig) error {
	ref, at := d.first(ldProp(ds, "describedBy")), ldProp(ds, "describedBy")
	for _, dist := range d.values(ldProp(ds, "distribution")) {
		if ref == "" {
			ref, at = d.first(ldProp(dist, "describedBy")), ldProp(dist, "describedBy")
		}
	}
	if ref == "" {
		return nil
	}
	local, isFile := strings.CutPrefix(ref, "file://")
	if !isFile && strings.Contains(ref, "://") {
		mf.Notices = append(mf.Notices, fmt.Sprintf("%s: describedBy %s not read: dgcheck does not fetch over the network; "+
			"save the data dictionary beside the record and name it by a relative path", file, ref))
		return nil
	}
	written := ref
	if !filepath.IsAbs(local) {
		local = filepath.Join(filepath.Dir(file), filepath.FromSlash(local))
	}
	if !cfg.confine(mf, ds, "describedBy", written, local) {
		return nil
	}
	raw, err := os.ReadFile(local)
	if err != nil {
		return &ParseError{File: file, Line: int64(at.Line), Column: int64(at.Column), Err: fmt.Errorf("describedBy: %w", err)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return &ParseError{File: local, Err: fmt.Errorf("the data dictionary %s is describedBy is not valid JSON: %w", file, err)}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return &ParseError{File: local, Err: fmt.Errorf("the data dictionary %s is describedBy is not a JSON object", file)}
	}
	root := doc.Content[0]
	var schema dpSchema
	var resourcePath func(string) (string, bool)
	if isDataPackage(root) {
		var dp dataPackage
		if err := root.Decode(&dp); err != nil {
			return &ParseError{File: local, Err: err}
		}
		i, err := pickResource(dp.Resources, dataPath)
		if err != nil {
			return &ParseError{File: local, Err: err}
		}
		schema, resourcePath = dp.Resources[i].Schema, dp.resourcePath
	} else if err := root.Decode(&schema); err != nil {
		return &ParseError{File: local, Err: err}
	} else if len(schema.Fields) == 0 {
		return &ParseError{File: local, Err: fmt.Errorf("the data dictionary %s is describedBy is neither a Table Schema with fields nor a data package", file)}
	}
	// The record's own dgcheck:fields add to the dictionary's fields of the same name; those
	// the dictionary lacks stay, after its own.
	m := &mf.Metadata
	own := m.Fields
	ext := make([]Field, len(schema.Fields))
	for i, f := range schema.Fields {
		if j := slices.IndexFunc(own, func(e Field) bool { return e.Name == f.Name }); j >= 0 {
			ext[i] = own[j]
		}
	}
	if err := applyTableSchema(local, schema, ext, m, resourcePath); err != nil {
		return err
	}
	for _, e := range own {
		if !slices.ContainsFunc(schema.Fields, func(f dpField) bool { return f.Name == e.Name }) {
			m.Fields = append(m.Fields, e)
		}
	}
	// The dictionary names other data relative to itself; the model, relative to the record.
	for i := range m.ForeignKeys {
		if p := &m.ForeignKeys[i].Reference.Path; *p != "" && !filepath.IsAbs(*p) {
			if rel, err := filepath.Rel(filepath.Dir(file), filepath.Join(filepath.Dir(local), *p)); err == nil {
				*p = rel
			}
		}
	}
	return nil
}
