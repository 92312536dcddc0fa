package dgcheck

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dgcheck/dgcheck/checkers"
	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

// Drafting metadata from data (dgcheck init): one scan measures every column, and the draft
// declares only what holds on every row measured (types, required fields, unique columns,
// ranges, enumerations of low-cardinality columns, detected personal identifiers) and leaves
// an empty placeholder, with a comment, for what only a person can declare (title, publisher,
// licence, open type...). A check of the data with the draft filled in at its placeholders
// finds no contradiction between the metadata and the data. (Classification.SuggestedMetadata,
// for dgcheck classify, adds a classification's suggestions to metadata a person wrote.)

// DraftRequest names the dataset to draft metadata for.
type DraftRequest struct {
	Path     string
	Encoding string // CSV encoding; "" sniffs it
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

// Draft reads the dataset once and drafts its metadata, for datasets.Draft's writers. Metadata
// beside the data is not read: the draft says what the data shows.
func Draft(ctx context.Context, req DraftRequest) (*datasets.Draft, error) {
	r, err := openData(ctx, req.Path, req.Encoding)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	profile, err := checkers.Scan(ctx, r, checkers.Plan{KeepValues: enumLimit})
	if err != nil {
		return nil, err
	}
	src := r.Source()
	d := &datasets.Draft{File: src.Name, Placeholders: map[string]string{}}
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
