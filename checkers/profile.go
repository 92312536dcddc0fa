package checkers

// SchemaVersion is the version of the profile's JSON form (docs/profile.schema.json). Rules
// are written against it; a change that removes or renames a field bumps it.
const SchemaVersion = "1"

// Profile is the evidence one streaming pass gathers about a dataset: what policies judge
// instead of rows. Every value in it (samples, extremes) is shown in its column's one form,
// decided when the profile is built (cellmask.go): no raw personal value reaches it.
type Profile struct {
	SchemaVersion string          `json:"schema_version"`
	Rows          int64           `json:"rows"`
	Columns       []ColumnProfile `json:"columns"`
	Table         TableProfile    `json:"table"`
}

// ColumnProfile holds one column's counts. Row numbers are 1-based data rows (the header is
// not a row).
type ColumnProfile struct {
	Name   string `json:"name"`
	Index  int    `json:"index"`
	Rows   int64  `json:"rows"`
	Nulls  int64  `json:"nulls"`  // absent values: a CSV empty field, a Parquet null
	Blanks int64  `json:"blanks"` // present but only white space
	// MissingTokens counts values that stand for "no value" (NULL, N/A, 无, ...), by token.
	MissingTokens map[string]int64 `json:"missing_tokens"`
	// NullSamples are the first row numbers whose value is null or blank.
	NullSamples []int64 `json:"null_samples"`
	Distinct    int64   `json:"distinct"`
	// DistinctExact is false once the column outgrew the exact set and Distinct became a
	// HyperLogLog estimate (about 1% standard error).
	DistinctExact bool `json:"distinct_exact"`
	// Kinds counts non-null values by the type their text conforms to.
	Kinds           map[string]int64 `json:"kinds"`
	InferredType    string           `json:"inferred_type"`
	TypeConformance float64          `json:"type_conformance"`
	// Min and Max are the extremes in the column's shown form; a quasi-identifier's are
	// generalised (a date to its year) or absent (column.extremes).
	Min       string `json:"min,omitempty"`
	Max       string `json:"max,omitempty"`
	MinLength int    `json:"min_length"`
	MaxLength int    `json:"max_length"`
	// Detectors holds, per detector name (cn_resident_id, mobile, email, ...; detect.All), how
	// many values matched its structure, how many of those were valid and how many were in a
	// masked form. A detector that met no value (none matched, masked or embedded) is absent:
	// a column would otherwise carry some twenty empty entries, which a 10,000-column file
	// turns into 40 MB of rule input. Empty when the scan ran without detection
	// (Plan.SkipDetection).
	Detectors map[string]*DetectorCounts `json:"detectors"`
	// Hints are the categories the column's name suggests (a detector's name, or birth_date,
	// health, credential, ...; hints.go, data/hints.txt).
	Hints []string `json:"hints"`
	// Classification is the column's detected data type (classify.go); absent when no type
	// reaches MinConfidence or detection did not run.
	Classification *Classification `json:"classification,omitempty"`
	// ShapedLike is the identifier the column's values are shaped like when the classifier
	// refused to type the column by it: its values are implausible as that identifier, or
	// mostly fail its check character (classify.go). Absent otherwise.
	ShapedLike *ShapedLike `json:"shaped_like,omitempty"`
	// Forms counts present values by form (raw, masked, hashed, ...; forms.go).
	Forms *ValueForms `json:"forms"`
	// Masking checks the values against the masking pattern the field declares; absent when
	// it declares none (masking.go).
	Masking *MaskingCheck `json:"masking,omitempty"`
	// Dirty counts values by kind of dirt (sentinel, mojibake, control, fullwidth,
	// ideographic_space; dirty.go); empty when there is none.
	Dirty map[string]*ValueIssues `json:"dirty"`
	// DirtyOverlaps count the values that have several kinds of dirt at once, by their set
	// of kinds, so that a rule counting some kinds counts such a value once.
	DirtyOverlaps []DirtyOverlap `json:"dirty_overlaps,omitempty"`
	// Spread is the distribution of a numeric column's values and its outliers by Tukey's
	// fences (spread.go); absent for a column of another type or classified as identifiers.
	Spread *Spread `json:"spread,omitempty"`
	// Constraints holds, per declared check of the field (type, minimum, maximum, min_length,
	// max_length, pattern, enum, code_list, standard, temporal_coverage), what it found
	// (fieldchecks.go); empty when the field declares none.
	Constraints map[string]*CheckCounts `json:"constraints"`
	// Values are the column's distinct present values when the plan keeps them
	// (Plan.KeepValues) and there are no more than it allows. They are not masked, so they are
	// never part of the profile's JSON: `dgcheck init` drafts enumerations from them.
	Values []string `json:"-"`
	// RawMin and RawMax are the unmasked extremes of a numeric or date column (numbers
	// formatted as Min is), even when Min and Max are masked because some values look like
	// identifiers. Like Values they never leave the engine: `dgcheck init` drafts ranges from
	// them, and it must not draft a masked value as a bound.
	RawMin string `json:"-"`
	RawMax string `json:"-"`
}

// DetectorCounts is one detector's evidence for one column.
type DetectorCounts struct {
	Matched int64 `json:"matched"`
	// Plausible counts the matched values none of whose parts rules them out as the
	// identifier (detect.Detector.Plausible): an 18-digit order number matches a resident ID
	// number's structure but has no real address code or birth date. Valid values are
	// plausible; a plausible value may still have a wrong check character.
	Plausible      int64    `json:"plausible"`
	Valid          int64    `json:"valid"`
	Masked         int64    `json:"masked"`
	InvalidSamples []Sample `json:"invalid_samples"`
	RawSamples     []Sample `json:"raw_samples"`
	// Traits counts matched values by the detector's traits (a failed check such as
	// bad_check_digit, or a fact such as unionpay; detect.Detector.Traits), every trait named.
	Traits map[string]int64 `json:"traits"`
	// Embedded counts values that are not themselves this identifier but hold a valid one
	// inside other text (a mobile number in a remark; DESENS-020), with the first few located
	// and masked: evidence for free-text columns.
	Embedded        int64    `json:"embedded"`
	EmbeddedSamples []Sample `json:"embedded_samples"`
	// BirthMonths is the range of birth months (YYYY-MM) of the valid resident ID numbers
	// (cn_resident_id only; for CLASS-007's minors and ID-004's future dates). Months, not
	// days, so that it does not publish two people's birth dates.
	BirthMonths *MonthRange `json:"birth_months,omitempty"`
}

// MonthRange is a range of months, YYYY-MM.
type MonthRange struct {
	Min string `json:"min"`
	Max string `json:"max"`
}

// Sample locates one offending value. Value is in its column's one shown form (cellmask.go):
// masked in a column of personal data, as read (cut at 64 characters) in any other, except a
// valid identifier on its own or in the text, which is masked.
type Sample struct {
	Row   int64  `json:"row"`
	Value string `json:"value,omitempty"`
}

// TableProfile holds facts about whole rows.
type TableProfile struct {
	Rows            int64     `json:"rows"`
	RaggedRows      RowIssues `json:"ragged_rows"`
	UndecodableRows RowIssues `json:"undecodable_rows"`
	// BareQuoteRows are rows with a quote the CSV dialect allows nowhere, read as a
	// character; NULRows are rows with a NUL byte in a value; BlankRows are blank lines and
	// rows of empty fields (Frictionless' blank-row), counted each. Absent when none.
	BareQuoteRows RowIssues    `json:"bare_quote_rows,omitzero"`
	NULRows       RowIssues    `json:"nul_rows,omitzero"`
	BlankRows     RowIssues    `json:"blank_rows,omitzero"`
	DuplicateRows Duplicates   `json:"duplicate_rows"`
	Keys          []KeyProfile `json:"keys"`
	// Reidentification is the re-identification risk over the quasi-identifiers; absent when
	// there are none (reident.go).
	Reidentification *Reidentification `json:"reidentification,omitempty"`
	// HeaderIssues are the header's blank, repeated and undecodable names and stray quotes
	// (row 0; line 1 of a CSV, line 0 for a Parquet schema): every issue a sample, and Count
	// the header fields with one.
	HeaderIssues RowIssues `json:"header_issues"`
	// RowChecks, ForeignKeys and Entities are the checks the metadata declares across a
	// row's columns, into other datasets, and across an entity's rows (declared.go).
	RowChecks   []RowCheck          `json:"row_checks"`
	ForeignKeys []ForeignKeyProfile `json:"foreign_keys"`
	Entities    []EntityProfile     `json:"entities"`
}

// RowIssues counts rows the reader had to repair, with the first few located.
type RowIssues struct {
	Count   int64      `json:"count"`
	Samples []RowIssue `json:"samples"`
}

// RowIssue is one located reading problem, said in English (Detail) and Chinese (DetailZh).
type RowIssue struct {
	Row      int64  `json:"row"`
	Line     int64  `json:"line,omitempty"`
	Column   string `json:"column,omitempty"`
	Detail   string `json:"detail"`
	DetailZh string `json:"detail_zh,omitempty"`
}

// Duplicates counts rows equal to an earlier row (on the whole row or on a key).
type Duplicates struct {
	Count   int64          `json:"count"`
	Samples []DuplicateRow `json:"samples"`
}

// DuplicateRow names a repeated row and the earlier row it repeats.
type DuplicateRow struct {
	Row      int64 `json:"row"`
	FirstRow int64 `json:"first_row"`
}

// KeyProfile is the uniqueness evidence for a declared key (primary key or unique field).
type KeyProfile struct {
	Columns    []string   `json:"columns"`
	Rows       int64      `json:"rows"`
	NullKeys   int64      `json:"null_keys"`
	Distinct   int64      `json:"distinct"`
	Duplicates Duplicates `json:"duplicates"`
}

// DirtyOverlap is how many values have exactly these kinds of dirt (two or more).
type DirtyOverlap struct {
	Kinds []string `json:"kinds"`
	Count int64    `json:"count"`
}
