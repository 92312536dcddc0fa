package checkers

// Evidence about what the metadata declares (fieldchecks.go, rowchecks.go, references.go,
// entities.go) and about dirty values (dirty.go). Every sample value is masked; row-level
// checks locate rows only, since their values (a birth date, an ID number) may identify.

// ValueIssues counts a column's values with one kind of problem, the first few located.
type ValueIssues struct {
	Count   int64    `json:"count"`
	Samples []Sample `json:"samples"`
}

// CheckCounts is one declared check's evidence: how many values or rows it evaluated (empty
// values are not evaluated), how many failed, and the first failures.
type CheckCounts struct {
	// Reference is what values were checked against, for messages: the declared type, bound,
	// length or pattern, or a code list or standard with its bundled edition.
	Reference string   `json:"reference,omitempty"`
	Evaluated int64    `json:"evaluated"`
	Failed    int64    `json:"failed"`
	Samples   []Sample `json:"samples"`
}

// RowCheck is a declared check over several columns of a row: record completeness (every
// required field populated; QUAL-008), a business rule (QUAL-004), a derivation (QUAL-015) or
// a temporal order (QUAL-018).
type RowCheck struct {
	Kind    string   `json:"kind"` // record_completeness, business_rule, consistency, temporal_order
	Name    string   `json:"name"`
	Columns []string `json:"columns"`
	CheckCounts
}

// ForeignKeyProfile is a declared foreign key's evidence: of the rows with a non-empty key
// (Evaluated), how many name no row of the referenced dataset (Failed), the first of them
// with the key masked.
type ForeignKeyProfile struct {
	Columns    []string        `json:"columns"`
	Referenced ReferencedTable `json:"referenced"`
	CheckCounts
}

// ReferencedTable is the dataset a foreign key points into, as read.
type ReferencedTable struct {
	Path    string   `json:"path"`
	Columns []string `json:"columns"`
	Rows    int64    `json:"rows"`
	Keys    int64    `json:"keys"` // distinct non-empty keys
}

// EntityProfile is the consistency of one attribute of a declared entity (QUAL-014): of the
// distinct keys (Entities), how many carry more than one value of the attribute
// (Inconsistent); each sample is the first row that disagrees with its entity's first row.
type EntityProfile struct {
	Key          []string `json:"key"`
	Attribute    string   `json:"attribute"`
	Entities     int64    `json:"entities"`
	Inconsistent int64    `json:"inconsistent"`
	Samples      []Sample `json:"samples"`
}
