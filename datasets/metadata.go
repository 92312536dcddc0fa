package datasets

// Metadata is what a sidecar (dgcheck/metadata/v1, YAML or JSON) or a Frictionless
// datapackage.json says about a dataset, in one model. Its JSON form, with the sidecar's own
// field names, is what policies see as input.metadata, so a rule reads
// input.metadata.cn.open_type whichever file the metadata came from.
//
// Optional scalars are pointers or empty strings: a policy must be able to tell "declared
// false" from "not declared".
type Metadata struct {
	Schema              string          `json:"schema,omitempty" yaml:"schema"`
	Title               Text            `json:"title,omitempty" yaml:"title"`
	Description         Text            `json:"description,omitempty" yaml:"description"`
	Identifier          string          `json:"identifier,omitempty" yaml:"identifier"`
	Publisher           *Publisher      `json:"publisher,omitempty" yaml:"publisher"`
	ContactPoint        *ContactPoint   `json:"contact_point,omitempty" yaml:"contact_point"`
	Issued              string          `json:"issued,omitempty" yaml:"issued"`
	Modified            string          `json:"modified,omitempty" yaml:"modified"`
	AccrualPeriodicity  string          `json:"accrual_periodicity,omitempty" yaml:"accrual_periodicity"`
	Keywords            []string        `json:"keywords,omitempty" yaml:"keywords"`
	Theme               string          `json:"theme,omitempty" yaml:"theme"`
	Spatial             string          `json:"spatial,omitempty" yaml:"spatial"`
	Temporal            *Temporal       `json:"temporal,omitempty" yaml:"temporal"`
	License             string          `json:"license,omitempty" yaml:"license"`
	Format              string          `json:"format,omitempty" yaml:"format"`
	Encoding            string          `json:"encoding,omitempty" yaml:"encoding"`
	RecordCount         *int64          `json:"record_count,omitempty" yaml:"record_count"`
	CN                  *CN             `json:"cn,omitempty" yaml:"cn"`
	Classification      *Classification `json:"classification,omitempty" yaml:"classification"`
	PI                  *PI             `json:"pi,omitempty" yaml:"pi"`
	Deidentification    map[string]any  `json:"deidentification,omitempty" yaml:"deidentification"`
	Fields              []Field         `json:"fields,omitempty" yaml:"fields"`
	PrimaryKey          []string        `json:"primary_key,omitempty" yaml:"primary_key"`
	CrossBorder         map[string]any  `json:"cross_border,omitempty" yaml:"cross_border"`
	AuthorisedOperation map[string]any  `json:"authorised_operation,omitempty" yaml:"authorised_operation"`
	Retention           map[string]any  `json:"retention,omitempty" yaml:"retention"`
	Lineage             map[string]any  `json:"lineage,omitempty" yaml:"lineage"`
	MetadataRecord      map[string]any  `json:"metadata,omitempty" yaml:"metadata"`

	// What DCAT-AP adds beside the catalogue core: the release (dcat:version), access rights,
	// terms of use where no licence applies, provenance and sources (META-009, META-025,
	// PUB-007), the date after which the data is no longer valid (QUAL-020), the files the
	// dataset is published as (dcat:distribution; META-003, META-008) and the catalogue that
	// lists it (dcat:Catalog; META-004).
	Version       string         `json:"version,omitempty" yaml:"version"`
	AccessRights  string         `json:"access_rights,omitempty" yaml:"access_rights"`
	TermsOfUse    string         `json:"terms_of_use,omitempty" yaml:"terms_of_use"`
	Provenance    string         `json:"provenance,omitempty" yaml:"provenance"`
	Source        []string       `json:"source,omitempty" yaml:"source"`
	ValidUntil    string         `json:"valid_until,omitempty" yaml:"valid_until"`
	Distributions []Distribution `json:"distributions,omitempty" yaml:"distributions"`
	Catalog       *Catalog       `json:"catalog,omitempty" yaml:"catalog"`

	// What the data must satisfy beyond each field's own constraints, declared so that the
	// scan can measure it: the values that stand for "no value" here (Table Schema
	// missingValues), the column that dates each record (QUAL-016, QUAL-017), references into
	// other datasets (Table Schema foreignKeys), comparisons every row must pass (QUAL-004),
	// columns that must equal what another column implies (QUAL-015), dates that must not
	// decrease along a row (QUAL-018), and attributes that must not vary for one entity
	// (QUAL-014).
	MissingValues []string       `json:"missing_values,omitempty" yaml:"missing_values"`
	TimeField     string         `json:"time_field,omitempty" yaml:"time_field"`
	ForeignKeys   []ForeignKey   `json:"foreign_keys,omitempty" yaml:"foreign_keys"`
	BusinessRules []BusinessRule `json:"business_rules,omitempty" yaml:"business_rules"`
	Consistency   []Derivation   `json:"consistency,omitempty" yaml:"consistency"`
	TemporalOrder [][]string     `json:"temporal_order,omitempty" yaml:"temporal_order"`
	Entities      []Entity       `json:"entities,omitempty" yaml:"entities"`

	// MultiValued names the single-valued properties (DCAT-AP max count 1: issued, modified,
	// accrual_periodicity, publisher, version, access_rights) that the file gave several values;
	// the reader keeps the first and META-009 reports the rest. Set by the reader, never read
	// from a file.
	MultiValued []string `json:"multi_valued,omitempty" yaml:"-"`
}

// SingleValued are the properties DCAT-AP 3.0.1 allows at most once on a dataset (its
// max-count constraints) that the model holds: a file giving one of them twice is read with the
// first value and the property is named in Metadata.MultiValued.
var SingleValued = []string{"issued", "modified", "accrual_periodicity", "publisher", "version", "access_rights"}

// Field is the field-dictionary entry of a column, or nil. When the dictionary has several
// entries of one name the first is the column's, as the rules read it
// (data.dgcheck.lib.meta.field_of); META-016 reports the others.
func (m *Metadata) Field(name string) *Field {
	if m == nil {
		return nil
	}
	for i := range m.Fields {
		if m.Fields[i].Name == name {
			return &m.Fields[i]
		}
	}
	return nil
}

// DistinctFields are the field-dictionary entries a lookup by name finds: the first of each
// name, in dictionary order. The measuring pass plans from these, so that a repeated entry
// cannot make Go measure one declaration while the rules judge by another.
func (m *Metadata) DistinctFields() []Field {
	if m == nil {
		return nil
	}
	out := make([]Field, 0, len(m.Fields))
	seen := make(map[string]bool, len(m.Fields))
	for _, f := range m.Fields {
		if !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f)
		}
	}
	return out
}

// Distribution is one published form of the dataset (dcat:Distribution): a file or an API.
type Distribution struct {
	Title        string `json:"title,omitempty" yaml:"title"`
	Description  string `json:"description,omitempty" yaml:"description"`
	AccessURL    string `json:"access_url,omitempty" yaml:"access_url"`
	DownloadURL  string `json:"download_url,omitempty" yaml:"download_url"`
	Format       string `json:"format,omitempty" yaml:"format"`
	MediaType    string `json:"media_type,omitempty" yaml:"media_type"`
	License      string `json:"license,omitempty" yaml:"license"`
	Availability string `json:"availability,omitempty" yaml:"availability"`
}

// Catalog is the catalogue record that lists the dataset (dcat:Catalog).
type Catalog struct {
	Title       Text       `json:"title,omitempty" yaml:"title"`
	Description Text       `json:"description,omitempty" yaml:"description"`
	Publisher   *Publisher `json:"publisher,omitempty" yaml:"publisher"`
}

// ForeignKey says that the values of Fields appear among the values of Reference.Fields in
// another dataset (Table Schema foreignKeys). Rows whose key is empty are not checked.
type ForeignKey struct {
	Fields    []string    `json:"fields" yaml:"fields"`
	Reference FKReference `json:"reference" yaml:"reference"`
}

// FKReference names the referenced dataset: a file (Path, relative to the metadata file's
// folder, which the reader resolves) or a resource of the same data package (Resource; "" is
// the dataset itself).
type FKReference struct {
	Resource string   `json:"resource,omitempty" yaml:"resource"`
	Path     string   `json:"path,omitempty" yaml:"path"`
	Fields   []string `json:"fields" yaml:"fields"`
	// Refused: the referenced dataset lies outside the folder the metadata was read within
	// (WithinRoot), so it is not read and the key is not measured.
	Refused bool `json:"-" yaml:"-"`
}

// BusinessRule is a comparison every row must pass (QUAL-004): Column Op Other (another
// column) or Column Op Value (a constant), compared as numbers when both sides are numbers and
// as ISO 8601 text otherwise. A row where either side is empty is not evaluated.
type BusinessRule struct {
	Name        string `json:"name" yaml:"name"`
	Column      string `json:"column" yaml:"column"`
	Op          string `json:"op" yaml:"op"` // <, <=, ==, !=, >=, >
	Other       string `json:"other,omitempty" yaml:"other"`
	Value       string `json:"value,omitempty" yaml:"value"`
	Description string `json:"description,omitempty" yaml:"description"`
}

// Derivation says that Column equals what Derivation reads from the column From (QUAL-015):
// cn_id_birth_date and cn_id_sex read a resident ID number's birth date and sex (GB 11643),
// cn_id_region its address code, uscc_region a credit code's registering division (GB 32100).
type Derivation struct {
	Column     string `json:"column" yaml:"column"`
	From       string `json:"from" yaml:"from"`
	Derivation string `json:"derivation" yaml:"derivation"`
}

// Entity says that rows with the same Key describe one entity, whose Attributes must then
// agree wherever it repeats (QUAL-014).
type Entity struct {
	Key        []string `json:"key" yaml:"key"`
	Attributes []string `json:"attributes" yaml:"attributes"`
}

// Text is a value given per language ({zh: "…", en: "…"}); a plain string in a sidecar is
// read as Chinese, the language of the catalogues dgcheck serves first.
type Text map[string]string

type Publisher struct {
	Name string `json:"name,omitempty" yaml:"name"`
	USCC string `json:"uscc,omitempty" yaml:"uscc"`
	Dept string `json:"dept,omitempty" yaml:"dept"`
}

type ContactPoint struct {
	Email string `json:"email,omitempty" yaml:"email"`
	Phone string `json:"phone,omitempty" yaml:"phone"`
}

type Temporal struct {
	Start string `json:"start,omitempty" yaml:"start"`
	End   string `json:"end,omitempty" yaml:"end"`
}

// CN holds the Chinese government resource-catalogue attributes (编制指南): resource class
// and code, sharing type (共享类型) and open type (开放属性).
type CN struct {
	ResourceClass   string `json:"resource_class,omitempty" yaml:"resource_class"`
	ResourceCode    string `json:"resource_code,omitempty" yaml:"resource_code"`
	ShareType       string `json:"share_type,omitempty" yaml:"share_type"`
	ShareConditions string `json:"share_conditions,omitempty" yaml:"share_conditions"`
	ShareMethod     string `json:"share_method,omitempty" yaml:"share_method"`
	OpenType        string `json:"open_type,omitempty" yaml:"open_type"`
	OpenConditions  string `json:"open_conditions,omitempty" yaml:"open_conditions"`
}

// Classification is the dataset's declared category and grade (DSL art. 21; GB/T 43697).
type Classification struct {
	Level                 string         `json:"level,omitempty" yaml:"level"`
	GeneralSublevel       *int           `json:"general_sublevel,omitempty" yaml:"general_sublevel"`
	Sector                string         `json:"sector,omitempty" yaml:"sector"`
	CategoryPath          []string       `json:"category_path,omitempty" yaml:"category_path"`
	ImportantDataNotified map[string]any `json:"important_data_notified,omitempty" yaml:"important_data_notified"`
	Industry              map[string]any `json:"industry,omitempty" yaml:"industry"`
	ReviewedAt            string         `json:"reviewed_at,omitempty" yaml:"reviewed_at"`
}

// PI is what the dataset declares about personal information (PIPL art. 4, 28).
type PI struct {
	ContainsPI          *bool  `json:"contains_pi,omitempty" yaml:"contains_pi"`
	ContainsSensitivePI *bool  `json:"contains_sensitive_pi,omitempty" yaml:"contains_sensitive_pi"`
	ContainsMinorPI     *bool  `json:"contains_minor_pi,omitempty" yaml:"contains_minor_pi"`
	SubjectKey          string `json:"subject_key,omitempty" yaml:"subject_key"`
	PIARef              string `json:"pia_ref,omitempty" yaml:"pia_ref"`
	PIADate             string `json:"pia_date,omitempty" yaml:"pia_date"`
}

// Field is one entry of the field dictionary (信息项; ISO/IEC 11179 data element).
type Field struct {
	Name           string         `json:"name" yaml:"name"`
	CNName         string         `json:"cn_name,omitempty" yaml:"cn_name"`
	Datatype       string         `json:"datatype,omitempty" yaml:"datatype"`
	Description    string         `json:"description,omitempty" yaml:"description"`
	Nullable       *bool          `json:"nullable,omitempty" yaml:"nullable"`
	Unique         bool           `json:"unique,omitempty" yaml:"unique"`
	PICategory     string         `json:"pi_category,omitempty" yaml:"pi_category"`
	Sensitive      *bool          `json:"sensitive,omitempty" yaml:"sensitive"`
	IdentifierRole string         `json:"identifier_role,omitempty" yaml:"identifier_role"`
	Validator      string         `json:"validator,omitempty" yaml:"validator"`
	Masking        map[string]any `json:"masking,omitempty" yaml:"masking"`
	Level          string         `json:"level,omitempty" yaml:"level"`
	CodeList       string         `json:"code_list,omitempty" yaml:"code_list"`
	Unit           string         `json:"unit,omitempty" yaml:"unit"`
	Format         string         `json:"format,omitempty" yaml:"format"`
	// Constraints the values must meet (Table Schema constraints; QUAL-003, QUAL-009).
	Constraints *Constraints `json:"constraints,omitempty" yaml:"constraints"`
	// StandardRef names the data standard the values follow, e.g. "GB 11643-1999" (QUAL-001).
	StandardRef string `json:"standard_ref,omitempty" yaml:"standard_ref"`
	// ValueDomain describes the allowed values in words where no code list applies (META-018).
	ValueDomain string `json:"value_domain,omitempty" yaml:"value_domain"`
	// SemanticType "quantity" marks a measured amount, which needs a unit (META-019).
	SemanticType string `json:"semantic_type,omitempty" yaml:"semantic_type"`
	// Precision is the number of decimal places values carry (QUAL-021).
	Precision *int `json:"precision,omitempty" yaml:"precision"`
}

// Constraints are a field's Table Schema constraints beyond required (nullable: false) and
// unique. Minimum and Maximum keep the declared text, read as a number for numeric fields and
// as an ISO 8601 date or time for date fields; lengths count characters.
type Constraints struct {
	Minimum string `json:"minimum,omitempty" yaml:"minimum"`
	Maximum string `json:"maximum,omitempty" yaml:"maximum"`
	// ExclusiveMinimum and ExclusiveMaximum are bounds the values may not reach (Table Schema
	// v2 exclusiveMinimum, CSVW minExclusive).
	ExclusiveMinimum string   `json:"exclusive_minimum,omitempty" yaml:"exclusive_minimum"`
	ExclusiveMaximum string   `json:"exclusive_maximum,omitempty" yaml:"exclusive_maximum"`
	MinLength        *int     `json:"min_length,omitempty" yaml:"min_length"`
	MaxLength        *int     `json:"max_length,omitempty" yaml:"max_length"`
	Pattern          string   `json:"pattern,omitempty" yaml:"pattern"`
	Enum             []string `json:"enum,omitempty" yaml:"enum"`
}
