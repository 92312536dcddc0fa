package checkers

// SchemaVersion is the version of the profile's JSON form (docs/profile.schema.json). Rules
// are written against it; a change that removes or renames a field bumps it.
const SchemaVersion = "1"

// Profile is the evidence one streaming pass gathers about a dataset: what policies judge
// instead of rows. Every sample value in it is masked before it is stored.
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
	Min             string           `json:"min,omitempty"`
	Max             string           `json:"max,omitempty"`
	MinLength       int              `json:"min_length"`
	MaxLength       int              `json:"max_length"`
	// Detectors holds, per detector name (cn_resident_id, mobile, email), how many values
	// matched its structure, how many of those were valid and how many were in a masked form.
	Detectors map[string]*DetectorCounts `json:"detectors"`
}

// DetectorCounts is one detector's evidence for one column.
type DetectorCounts struct {
	Matched        int64    `json:"matched"`
	Valid          int64    `json:"valid"`
	Masked         int64    `json:"masked"`
	InvalidSamples []Sample `json:"invalid_samples"`
	RawSamples     []Sample `json:"raw_samples"`
}

// Sample locates one offending value. Value is always masked.
type Sample struct {
	Row   int64  `json:"row"`
	Value string `json:"value,omitempty"`
}

// TableProfile holds facts about whole rows.
type TableProfile struct {
	Rows            int64        `json:"rows"`
	RaggedRows      RowIssues    `json:"ragged_rows"`
	UndecodableRows RowIssues    `json:"undecodable_rows"`
	DuplicateRows   Duplicates   `json:"duplicate_rows"`
	Keys            []KeyProfile `json:"keys"`
}

// RowIssues counts rows the reader had to repair, with the first few located.
type RowIssues struct {
	Count   int64      `json:"count"`
	Samples []RowIssue `json:"samples"`
}

// RowIssue is one located reading problem.
type RowIssue struct {
	Row    int64  `json:"row"`
	Line   int64  `json:"line,omitempty"`
	Column string `json:"column,omitempty"`
	Detail string `json:"detail"`
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
