package checkers

import (
	"cmp"
	"slices"

	"github.com/dgcheck/dgcheck/datasets"
)

// Re-identification risk over the quasi-identifiers (STANDARDS §5): rows are grouped into
// equivalence classes by their quasi-identifier values, in the same pass as everything else.
// A class is known by the running hash the scan already folds over the row's values (mix),
// so no value is hashed twice and no value is kept; a class costs its hash, size and first
// row. Memory is bounded by classLimit: past it the table keeps only the classes whose hash
// falls in a shrinking share of the hash space (a sample of classes, each counted exactly),
// and the profile says the figures are estimates and at what sampling rate. Whether a class
// is kept depends only on its hash and on the final sampling rate, so any split of the rows
// between workers merges to the one-pass result.

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
	// Approximate is true when the number of classes passed ClassLimit and the figures are
	// estimated from the classes in a SampleRate share of the hash space: then K is the
	// smallest sampled class (an upper bound on the true k), and counts are scaled up.
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

// DefaultClassLimit is how many classes a scan counts exactly: about 40 bytes each, so a
// worker's table stays under 100 MB. 700,000 classes (sex × birth date × sub-district over
// ten million people) fit.
const DefaultClassLimit = 1 << 21

// maxDistinctSensitive is LCap: l-diversity needs only the smallest count, and a policy l
// above 8 is rare (the default is 2), so each class keeps at most 8 distinct values.
const maxDistinctSensitive = 8

// classBins are the histogram's bins: sizes 1-4 one by one (they decide k = 5), then wider.
var classBins = [][2]int64{{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 9}, {10, 19}, {20, 49}, {50, 99}, {100, 999}, {1000, 0}}

// class is one equivalence class: its hash, its size and its first row.
type class struct {
	hash        uint64
	size, first int64
}

// classTable groups rows into equivalence classes by their quasi-identifier hash. The map
// holds each class's index in a slice of values, not pointers: a row costs one map lookup,
// and a table of millions of classes is a few allocations for the collector to skip rather
// than millions to scan.
type classTable struct {
	limit   int
	shift   uint // classes kept: those whose hash's top shift bits are zero
	index   map[uint64]int32
	classes []class
	// sensitive holds, per class and sensitive attribute, the distinct value hashes seen (at
	// most maxDistinctSensitive); nil when no sensitive attribute is declared.
	sensitive  map[uint64][][]uint64
	attributes int
	rows       int64
}

func newClassTable(limit, attributes int) *classTable {
	t := &classTable{limit: limit, index: map[uint64]int32{}, attributes: attributes}
	if attributes > 0 {
		t.sensitive = map[uint64][][]uint64{}
	}
	return t
}

// sampled reports whether the class of hash h is kept at the current rate.
func (t *classTable) sampled(h uint64) bool {
	return t.shift == 0 || h>>(64-t.shift) == 0
}

// add counts one row of class h; sens are the row's sensitive-value hashes.
func (t *classTable) add(h uint64, row int64, sens []uint64) {
	t.rows++
	if !t.sampled(h) {
		return
	}
	t.count(h, 1, row)
	if !t.sampled(h) { // the count pushed the table past its limit, and h's class went
		return
	}
	for i, s := range sens {
		t.addSensitive(h, i, s)
	}
}

// count adds size rows, the first of them row, to class h.
func (t *classTable) count(h uint64, size, row int64) {
	if i, seen := t.index[h]; seen {
		c := &t.classes[i]
		c.size += size
		c.first = min(c.first, row)
		return
	}
	t.index[h] = int32(len(t.classes))
	t.classes = append(t.classes, class{hash: h, size: size, first: row})
	if len(t.classes) > t.limit {
		t.shrink()
	}
}

func (t *classTable) addSensitive(h uint64, i int, s uint64) {
	sets := t.sensitive[h]
	if sets == nil {
		sets = make([][]uint64, t.attributes)
		t.sensitive[h] = sets
	}
	if len(sets[i]) < maxDistinctSensitive && !slices.Contains(sets[i], s) {
		sets[i] = append(sets[i], s)
	}
}

// shrink halves the sampled share of the hash space until the table fits its limit.
func (t *classTable) shrink() {
	for len(t.classes) > t.limit {
		t.shift++
		t.dropUnsampled()
	}
}

// dropUnsampled keeps only the classes sampled at the current rate, re-indexing them.
func (t *classTable) dropUnsampled() {
	kept := t.classes[:0]
	for _, c := range t.classes {
		if t.sampled(c.hash) {
			t.index[c.hash] = int32(len(kept))
			kept = append(kept, c)
			continue
		}
		delete(t.index, c.hash)
		delete(t.sensitive, c.hash)
	}
	t.classes = kept
}

func (t *classTable) merge(o *classTable) {
	t.rows += o.rows
	if o.shift > t.shift {
		t.shift = o.shift
		t.dropUnsampled()
	}
	for _, oc := range o.classes {
		if !t.sampled(oc.hash) {
			continue
		}
		t.count(oc.hash, oc.size, oc.first)
		if !t.sampled(oc.hash) {
			continue
		}
		for i, values := range o.sensitive[oc.hash] {
			for _, s := range values {
				t.addSensitive(oc.hash, i, s)
			}
		}
	}
	t.shrink()
}

// profile computes the figures; samples bounds the classes listed.
func (t *classTable) profile(r *Reidentification, sensitive []string, samples int) {
	scale := int64(1) << t.shift
	r.Rows = t.rows
	r.ClassLimit = t.limit
	r.Approximate = t.shift > 0
	r.SampleRate = 1 / float64(scale)
	r.ClassSizes = make([]ClassSizeBin, len(classBins))
	for i, b := range classBins {
		r.ClassSizes[i] = ClassSizeBin{Min: b[0], Max: b[1]}
	}
	all := make([]ClassSample, 0, len(t.classes))
	for _, c := range t.classes {
		all = append(all, ClassSample{Size: c.size, FirstRow: c.first})
		if c.size == 1 {
			r.UniqueRows += scale
		}
		for i, b := range classBins {
			if c.size >= b[0] && (b[1] == 0 || c.size <= b[1]) {
				r.ClassSizes[i].Classes += scale
				r.ClassSizes[i].Rows += c.size * scale
				break
			}
		}
	}
	r.Classes = int64(len(t.classes)) * scale
	bySize := func(a, b ClassSample) int {
		return cmp.Or(cmp.Compare(a.Size, b.Size), cmp.Compare(a.FirstRow, b.FirstRow))
	}
	slices.SortFunc(all, bySize)
	r.SmallestClasses = all[:min(samples, len(all))]
	if len(all) > 0 {
		r.K = all[0].Size
		r.ProsecutorRiskMax = 1 / float64(r.K)
	}
	if t.rows > 0 {
		r.SampleUniqueness = float64(r.UniqueRows) / float64(t.rows)
		r.ProsecutorRiskAverage = float64(r.Classes) / float64(t.rows)
	}
	r.Diversity = []Diversity{}
	for i, name := range sensitive {
		d := Diversity{Column: name, LCap: maxDistinctSensitive, LeastDiverse: []ClassSample{}}
		ls := make([]ClassSample, 0, len(t.classes))
		for _, c := range t.classes {
			ls = append(ls, ClassSample{Size: c.size, FirstRow: c.first, Distinct: int64(len(t.sensitive[c.hash][i]))})
		}
		slices.SortFunc(ls, func(a, b ClassSample) int { return cmp.Or(cmp.Compare(a.Distinct, b.Distinct), bySize(a, b)) })
		if len(ls) > 0 {
			d.L = ls[0].Distinct
			d.Capped = d.L == maxDistinctSensitive
			d.LeastDiverse = ls[:min(samples, len(ls))]
		}
		r.Diversity = append(r.Diversity, d)
	}
}

// riskPlan is the plan's quasi-identifiers and sensitive attributes resolved to columns.
type riskPlan struct {
	profile   Reidentification // names, source and missing; the figures are filled at the end
	qi        []int            // column indexes
	sensitive []int
	names     []string // sensitive attribute names, in sensitive's order
	limit     int
}

// resolveRisk resolves the plan's quasi-identifiers against the file's columns; nil when
// there are none to measure.
func resolveRisk(plan Plan, cols []string) *riskPlan {
	names, source := plan.QuasiIdentifiers, plan.QuasiIdentifierSource
	if len(names) == 0 && plan.SuggestQuasiIdentifiers {
		names, source = suggestQuasiIdentifiers(cols), "suggested"
	}
	if len(names) == 0 {
		return nil
	}
	rp := &riskPlan{profile: Reidentification{Source: cmp.Or(source, "declared"), QuasiIdentifiers: []string{}, Missing: []string{}},
		limit: cmp.Or(plan.ClassLimit, DefaultClassLimit)}
	for _, n := range names {
		if i := slices.Index(cols, n); i >= 0 && !slices.Contains(rp.qi, i) {
			rp.qi = append(rp.qi, i)
			rp.profile.QuasiIdentifiers = append(rp.profile.QuasiIdentifiers, n)
		} else if i < 0 {
			rp.profile.Missing = append(rp.profile.Missing, n)
		}
	}
	if len(rp.qi) == 0 {
		return nil
	}
	for _, n := range plan.Sensitive {
		if i := slices.Index(cols, n); i >= 0 && !slices.Contains(rp.sensitive, i) {
			rp.sensitive = append(rp.sensitive, i)
			rp.names = append(rp.names, n)
		}
	}
	return rp
}

// quasiHintCategories are the column-name hints (hints.go) that mark a likely
// quasi-identifier (GB/T 42460 Annex B: birth date, age, sex, postcode, region code,
// ethnicity, occupation). They suggest the quasi-identifiers when the metadata declares none;
// the rules' policy data lists the same categories for DESENS-013.
var quasiHintCategories = []string{"birth_date", "age", "sex", "postcode", "cn_region_code", "ethnicity", "occupation"}

func suggestQuasiIdentifiers(cols []string) []string {
	var out []string
	for _, c := range cols {
		for _, h := range HintsFor(c) {
			if slices.Contains(quasiHintCategories, h) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// riskPlanFor reads the quasi-identifiers and sensitive attributes the metadata declares:
// deidentification.qi_columns (an empty list declares none), else the fields whose
// identifier_role is quasi; with neither, the scan suggests them from column names.
func riskPlanFor(p *Plan, m *datasets.Metadata) {
	if qi, declared := stringList(m.Deidentification["qi_columns"]); declared {
		p.QuasiIdentifiers, p.QuasiIdentifierSource = qi, "declared"
	} else {
		for _, f := range m.DistinctFields() {
			if f.IdentifierRole == "quasi" {
				p.QuasiIdentifiers = append(p.QuasiIdentifiers, f.Name)
			}
		}
		p.QuasiIdentifierSource = "field_roles"
		p.SuggestQuasiIdentifiers = len(p.QuasiIdentifiers) == 0
	}
	p.Sensitive, _ = stringList(m.Deidentification["sensitive_columns"])
}

// stringList reads a YAML/JSON list of strings; declared is false when v is absent.
func stringList(v any) (list []string, declared bool) {
	if s, ok := v.(string); ok {
		return []string{s}, true
	}
	items, ok := v.([]any)
	if !ok {
		return nil, v != nil
	}
	for _, it := range items {
		if s, ok := it.(string); ok {
			list = append(list, s)
		}
	}
	return list, true
}

// riskAcc is one worker's share of the re-identification evidence. Per batch it folds each
// row's quasi-identifier value hashes (those the scan computes for every value) into one
// class hash with mix, and each sensitive attribute's value hash into its own slot.
type riskAcc struct {
	plan *riskPlan
	// role per column: 0 none, 1 a quasi-identifier, 2+i sensitive attribute i.
	role     []int
	qiHash   []uint64
	sensHash [][]uint64
	sens     []uint64 // one row's sensitive-value hashes
	table    *classTable
}

func newRiskAcc(rp *riskPlan, columns int) *riskAcc {
	if rp == nil {
		return nil
	}
	a := &riskAcc{plan: rp, role: make([]int, columns), sensHash: make([][]uint64, len(rp.sensitive)),
		sens: make([]uint64, len(rp.sensitive)), table: newClassTable(rp.limit, len(rp.sensitive))}
	for _, ci := range rp.qi {
		a.role[ci] = 1
	}
	for i, ci := range rp.sensitive {
		if a.role[ci] == 0 { // a quasi-identifier is trivially 1-diverse within its classes
			a.role[ci] = 2 + i
		}
	}
	return a
}

// begin readies the per-row hashes for a batch of n rows.
func (a *riskAcc) begin(n int) {
	if a == nil {
		return
	}
	a.qiHash = resize(a.qiHash, n)
	for i := range a.sensHash {
		a.sensHash[i] = resize(a.sensHash[i], n)
	}
}

// folder returns the per-row hashes column ci's value hashes fold into, or nil.
func (a *riskAcc) folder(ci int) []uint64 {
	if a == nil {
		return nil
	}
	switch r := a.role[ci]; {
	case r == 1:
		return a.qiHash
	case r >= 2:
		return a.sensHash[r-2]
	}
	return nil
}

// end counts the batch's rows into their classes.
func (a *riskAcc) end(firstRow int64) {
	if a == nil {
		return
	}
	for j, h := range a.qiHash {
		for i := range a.sens {
			a.sens[i] = a.sensHash[i][j]
		}
		a.table.add(h, firstRow+int64(j), a.sens)
	}
}

func (a *riskAcc) merge(o *riskAcc) {
	if a != nil {
		a.table.merge(o.table)
	}
}

func (a *riskAcc) profile(samples int) *Reidentification {
	if a == nil {
		return nil
	}
	r := a.plan.profile
	r.QuasiIdentifiers = slices.Clone(r.QuasiIdentifiers)
	r.Missing = slices.Clone(r.Missing)
	a.table.profile(&r, a.plan.names, samples)
	return &r
}
