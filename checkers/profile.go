package checkers

// This file holds every public type of the profile, with its JSON form: the contract rules
// are written against (rules/schemas/dgcheck/input.json, from which docs/profile.schema.json
// is generated). The code that measures each part lives beside the part's name: scan.go,
// classify.go, forms.go, masking.go, reident.go, spread.go, fieldchecks.go and the rest.

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

// Classification is a column's detected data type.
type Classification struct {
	// Type is the data type: a detector's name, except that coordinates are
	// precise_location (mostly 4 or more decimal places) or location.
	Type       string  `json:"type"`
	Detector   string  `json:"detector"`
	Confidence float64 `json:"confidence"`
	// HitRate is the share of non-null values the detector recognised, raw or masked;
	// ValidRate the share of raw matches that passed every check; MaskedRate the share of
	// non-null values in a masked form.
	HitRate    float64 `json:"hit_rate"`
	ValidRate  float64 `json:"valid_rate"`
	MaskedRate float64 `json:"masked_rate"`
	// Form is raw (no masked value), masked (no raw value) or mixed.
	Form string `json:"form"`
	// Heuristic: the detector recognises likely values (names, addresses), not a structure.
	Heuristic bool `json:"heuristic"`
	// Hinted: the column's name carries the detector's hint.
	Hinted bool `json:"hinted"`
}

// ShapedLike is a column whose values have an identifier's structure, but which the
// classifier did not type as it: the values are implausible as that identifier (18-digit
// order numbers whose "address code" and "birth date" are no such thing), or mostly fail its
// check character.
type ShapedLike struct {
	Detector string `json:"detector"`
	// HitRate is the share of non-null values with the structure; PlausibleRate the share of
	// those that are plausible (detect.Detector.Plausible); ValidRate the share of the
	// plausible ones that pass every check, and ChanceRate the share whose check character
	// would be right by chance (0 without a check character).
	HitRate       float64 `json:"hit_rate"`
	PlausibleRate float64 `json:"plausible_rate"`
	ValidRate     float64 `json:"valid_rate"`
	ChanceRate    float64 `json:"chance_rate"`
	// Reason is implausible (the values' parts rule them out), chance (right check characters
	// no more often than chance: strings of the shape) or mostly_invalid (plausible values,
	// most with a wrong check character: identifiers, badly kept).
	Reason string `json:"reason"`
}

// ValueForms counts a column's present values (neither null nor blank) by form. The six
// counts add up to the present values.
type ValueForms struct {
	Raw         int64 `json:"raw"`
	Masked      int64 `json:"masked"`      // some characters replaced by '*' (or '＊'), some kept
	Hashed      int64 `json:"hashed"`      // a hex or base64 digest of 128 to 512 bits (detect.Hash)
	Tokenised   int64 `json:"tokenised"`   // a UUID, or a letter prefix and a long mixed token (tk_9fA...)
	Generalised int64 `json:"generalised"` // a date cut to year or month, a band of years or ages, a region code cut to 4 or 2 digits
	Suppressed  int64 `json:"suppressed"`  // every character replaced by '*'
	// MaskShapes describes the masked values: how many characters each keeps and hides, in
	// order. At most maxMaskShapes shapes are listed (the first in text order, so the list
	// is the same however rows were split); MaskShapesOther counts masked values of the rest.
	MaskShapes      []MaskShape `json:"mask_shapes"`
	MaskShapesOther int64       `json:"mask_shapes_other"`
	// Hashes counts hashed values by digest: md5_hex, sha1_hex, sha256_hex, md5_base64,
	// sha1_base64, sha256_base64.
	Hashes map[string]int64 `json:"hashes"`
	// Generalisations counts generalised values by kind: year, year_month, year_band,
	// age_band, region_4, region_2.
	Generalisations map[string]int64 `json:"generalisations"`
	// DecimalPlaces counts numeric values by their number of decimal places ("0", "2", "6"):
	// the precision of a coordinate or an amount (DESENS-021).
	DecimalPlaces map[string]int64 `json:"decimal_places"`
}

// MaskShape is one way values of a column are masked. Shape lists run lengths in characters,
// kept and hidden alternately, starting with kept: 110105********002X is "6+8+4", 张* is
// "1+1", ****1234 is "0+4+4".
type MaskShape struct {
	Shape  string `json:"shape"`
	Length int    `json:"length"` // characters
	Hidden int    `json:"hidden"` // characters replaced by '*'
	// Kept lists the 1-based, inclusive character ranges left in clear: [[1,6],[15,18]].
	Kept     [][2]int `json:"kept"`
	Count    int64    `json:"count"`
	FirstRow int64    `json:"first_row"`
}

// MaskingCheck is the evidence for a column whose field declares a masking pattern
// (fields[].masking): how many present values conform to it, and how many leak, i.e. fail
// it and pass the unmasked validator (a full, check-digit-valid ID number in a masked column).
type MaskingCheck struct {
	Method  string `json:"method,omitempty"`
	Pattern string `json:"pattern"`
	Data    string `json:"data,omitempty"`
	Regex   string `json:"regex,omitempty"`
	// Error says why nothing was checked: the pattern is unknown, or its regex does not compile.
	Error string `json:"error,omitempty"`
	// Length and Kept describe a pattern every match of which has the same length: the
	// 1-based character ranges it leaves in clear (id_6_8_4 keeps [[1,6],[15,18]]). Length is
	// 0 when the pattern's matches vary in length, and then Kept is unknown (absent).
	Length               int      `json:"length"`
	Kept                 [][2]int `json:"kept,omitempty"`
	Checked              int64    `json:"checked"`
	Conforming           int64    `json:"conforming"`
	NonconformingSamples []Sample `json:"nonconforming_samples"`
	Leaks                int64    `json:"leaks"`
	LeakSamples          []Sample `json:"leak_samples"`
}

// Reidentification is the re-identification evidence over the quasi-identifiers.
type Reidentification struct {
	QuasiIdentifiers []string `json:"quasi_identifiers"`
	// Source says where the quasi-identifiers came from: "declared"
	// (deidentification.qi_columns), "field_roles" (fields declared identifier_role: quasi)
	// or "suggested" (column names that name a likely quasi-identifier; nothing declared).
	Source string `json:"source"`
	// Missing lists declared quasi-identifiers the file lacks; they are left out of the classes.
	Missing []string `json:"missing"`
	Rows    int64    `json:"rows"`
	Classes int64    `json:"classes"`
	// K is the size of the smallest class (k-anonymity).
	K int64 `json:"k"`
	// UniqueRows are rows alone in their class; SampleUniqueness is UniqueRows / Rows.
	UniqueRows       int64   `json:"unique_rows"`
	SampleUniqueness float64 `json:"sample_uniqueness"`
	// Prosecutor risk: the largest is 1/K, the average Classes / Rows.
	ProsecutorRiskMax     float64 `json:"prosecutor_risk_max"`
	ProsecutorRiskAverage float64 `json:"prosecutor_risk_average"`
	// ClassSizes is the class-size histogram, by bins of sizes.
	ClassSizes []ClassSizeBin `json:"class_sizes"`
	// SmallestClasses are the smallest classes (ties by first row), located by their first row.
	SmallestClasses []ClassSample `json:"smallest_classes"`
	// Diversity is l-diversity per declared sensitive attribute.
	Diversity []Diversity `json:"diversity"`
	// Approximate, SampleRate and ClassLimit stay for the rules and profiles of this schema
	// version, which estimated the figures from a sample of classes past a limit: classes
	// are now always counted exactly, so Approximate is false, SampleRate 1 and ClassLimit 0
	// (no limit).
	Approximate bool    `json:"approximate"`
	SampleRate  float64 `json:"sample_rate"`
	ClassLimit  int     `json:"class_limit"`
}

// ClassSizeBin counts the classes whose size is in [Min, Max] (Max 0: no upper bound) and
// the rows they hold.
type ClassSizeBin struct {
	Min     int64 `json:"min"`
	Max     int64 `json:"max"`
	Classes int64 `json:"classes"`
	Rows    int64 `json:"rows"`
}

// ClassSample locates one equivalence class by the first row that belongs to it.
type ClassSample struct {
	Size     int64 `json:"size"`
	FirstRow int64 `json:"first_row"`
	// Distinct is the number of distinct sensitive values in the class (l-diversity only).
	Distinct int64 `json:"distinct,omitempty"`
}

// Diversity is the l-diversity of one sensitive attribute: L is the smallest number of
// distinct values of the attribute in any class. Distinct values are counted up to LCap;
// Capped says every class reached it, so L is at least LCap.
type Diversity struct {
	Column string `json:"column"`
	L      int64  `json:"l"`
	LCap   int    `json:"l_cap"`
	Capped bool   `json:"capped"`
	// LeastDiverse are the classes with the fewest distinct sensitive values.
	LeastDiverse []ClassSample `json:"least_diverse"`
}

// Spread is the distribution of a numeric column's values (the values that are numbers,
// sentinel numbers such as 999999 excepted: QUAL-013 counts those already), with the values
// beyond Tukey's fences counted. A column classified as identifiers has none: the spread of
// mobile numbers says nothing.
type Spread struct {
	Count int64 `json:"count"`
	// Exact is true when the quartiles come from every value; false when they come from a
	// quantile sketch, within 0.1% of the true value.
	Exact  bool    `json:"exact"`
	Q1     float64 `json:"q1"`
	Median float64 `json:"median"`
	Q3     float64 `json:"q3"`
	// Positive is true when every value is above zero: a column of amounts, counts or sizes,
	// which are often skewed to the right, so its fences are also measured on the log scale.
	Positive bool    `json:"positive"`
	Fences   []Fence `json:"fences"`
}

// Fence is Tukey's fences at K interquartile ranges on one scale, and the values beyond them.
// On the "linear" scale the fences are Q1 - K·IQR and Q3 + K·IQR; on the "log" scale they are
// the same on the logarithms of the values, i.e. Q1·(Q1/Q3)^K and Q3·(Q3/Q1)^K, which suits
// a skewed column of positive quantities where a household of six gets six times the
// allowance.
type Fence struct {
	Scale string  `json:"scale"`
	K     float64 `json:"k"`
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
	Below int64   `json:"below"`
	Above int64   `json:"above"`
	// Exact is false when more values lie beyond a fence than the scan kept, and the count was
	// estimated from the quantile sketch.
	Exact bool `json:"exact"`
	// Samples locate the most extreme values beyond the fences, in row order. The value is
	// the number as read (the column is not typed as identifiers), masked if it is a valid
	// identifier all the same.
	Samples []Sample `json:"samples"`
}

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
