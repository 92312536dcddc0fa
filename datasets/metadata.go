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
}
