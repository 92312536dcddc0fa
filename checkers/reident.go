package checkers

import (
	"cmp"
	"runtime"
	"slices"

	"github.com/dgcheck/dgcheck/datasets"
)

// Re-identification risk over the quasi-identifiers (STANDARDS §5): rows are grouped into
// equivalence classes by their quasi-identifier values, in the same pass as everything else.
// A class is known by the running hash the scan already folds over the row's values (mix),
// so no value is hashed twice and no value is kept. The classes are counted exactly, in
// bounded memory (classTally), and any split of the rows between workers merges to the
// one-pass result.

// maxDistinctSensitive is LCap: l-diversity needs only the smallest count, and a policy l
// above 8 is rare (the default is 2), so each class keeps at most 8 distinct values.
const maxDistinctSensitive = 8

// classBins are the histogram's bins: sizes 1-4 one by one (they decide k = 5), then wider.
var classBins = [][2]int64{{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 9}, {10, 19}, {20, 49}, {50, 99}, {100, 999}, {1000, 0}}

// classTally groups rows into equivalence classes by their quasi-identifier hash, exactly:
// every row is kept in a rowSet under its class hash, with a 32-bit hash of each sensitive
// value, and spills to disk past the set's budget. A table of classes in memory (hash, size,
// first row) held 250 MB on the 10M-row roll, whose sex × birth date × street × community
// make nearly every person a class of their own, and had to turn to estimates past two
// million classes; the rows cost 10 bytes each, on disk when need be, and the classes are
// counted at the end, one partition of the hash space at a time.
type classTally struct {
	rows rowSet
	vals []uint32 `state:"-"` // one row's sensitive hashes
	n    int64    // rows counted
}

func newClassTally(attributes int) *classTally {
	return &classTally{rows: rowSet{width: attributes}, vals: make([]uint32, attributes)}
}

// add counts one row of class h; sens are the row's sensitive-value hashes.
func (t *classTally) add(h uint64, row int64, sens []uint64) {
	t.n++
	for i, s := range sens {
		t.vals[i] = uint32(s ^ s>>32)
	}
	t.rows.add(h, row, t.vals)
}

func (t *classTally) merge(o *classTally) {
	t.n += o.n
	t.rows.merge(&o.rows)
}

// classFigures are the class figures of some partitions; figures of disjoint partitions add.
type classFigures struct {
	classes, unique int64
	bins            []ClassSizeBin
	smallest        []ClassSample   // the first samples by size, then first row
	leastDiverse    [][]ClassSample // per sensitive attribute, the first samples by distinct values
	samples         int
}

func newClassFigures(attributes, samples int) *classFigures {
	f := &classFigures{bins: make([]ClassSizeBin, len(classBins)), leastDiverse: make([][]ClassSample, attributes), samples: samples}
	for i, b := range classBins {
		f.bins[i] = ClassSizeBin{Min: b[0], Max: b[1]}
	}
	return f
}

func bySize(a, b ClassSample) int {
	return cmp.Or(cmp.Compare(a.Size, b.Size), cmp.Compare(a.FirstRow, b.FirstRow))
}

func byDiversity(a, b ClassSample) int {
	return cmp.Or(cmp.Compare(a.Distinct, b.Distinct), bySize(a, b))
}

// keepFirst inserts c into list, sorted by order, keeping the first n.
func keepFirst(list []ClassSample, c ClassSample, n int, order func(a, b ClassSample) int) []ClassSample {
	i, _ := slices.BinarySearchFunc(list, c, order)
	if i >= n {
		return list
	}
	list = slices.Insert(list, i, c)
	return list[:min(len(list), n)]
}

// add counts one class; distinct are its distinct sensitive values per attribute.
func (f *classFigures) add(size, first int64, distinct []uint8) {
	f.classes++
	if size == 1 {
		f.unique++
	}
	for i, b := range classBins {
		if size >= b[0] && (b[1] == 0 || size <= b[1]) {
			f.bins[i].Classes++
			f.bins[i].Rows += size
			break
		}
	}
	c := ClassSample{Size: size, FirstRow: first}
	f.smallest = keepFirst(f.smallest, c, f.samples, bySize)
	for a, d := range distinct {
		c.Distinct = int64(d)
		f.leastDiverse[a] = keepFirst(f.leastDiverse[a], c, f.samples, byDiversity)
	}
}

func (f *classFigures) merge(o *classFigures) {
	f.classes += o.classes
	f.unique += o.unique
	for i := range f.bins {
		f.bins[i].Classes += o.bins[i].Classes
		f.bins[i].Rows += o.bins[i].Rows
	}
	for _, c := range o.smallest {
		f.smallest = keepFirst(f.smallest, c, f.samples, bySize)
	}
	for a, list := range o.leastDiverse {
		for _, c := range list {
			f.leastDiverse[a] = keepFirst(f.leastDiverse[a], c, f.samples, byDiversity)
		}
	}
}

// partitionClasses counts the classes of partition i of the rows into f, then frees the
// partition. The scratch (index, sizes, distinct values) is the caller's, reused: it holds one
// entry per class of the partition, 1/256 of the classes.
type partitionClasses struct {
	index  map[uint64]int32
	size   []int64
	first  []int64
	vals   []uint32 // per class and attribute, up to maxDistinctSensitive hashes
	nvals  []uint8  // per class and attribute, how many of them
	buf    []byte
	counts []uint8
}

func (t *classTally) countPartition(i int, pc *partitionClasses, f *classFigures) error {
	width := t.rows.width
	clear(pc.index)
	pc.size, pc.first, pc.vals, pc.nvals = pc.size[:0], pc.first[:0], pc.vals[:0], pc.nvals[:0]
	err := t.rows.eachEntry(i, &pc.buf, func(h, row uint64, sens []uint32) {
		c, seen := pc.index[h]
		if !seen {
			c = int32(len(pc.size))
			pc.index[h] = c
			pc.size, pc.first = append(pc.size, 0), append(pc.first, int64(row))
			pc.vals = append(pc.vals, make([]uint32, width*maxDistinctSensitive)...)
			pc.nvals = append(pc.nvals, make([]uint8, width)...)
		}
		pc.size[c]++
		pc.first[c] = min(pc.first[c], int64(row))
		for a, v := range sens {
			n := &pc.nvals[int(c)*width+a]
			kept := pc.vals[(int(c)*width+a)*maxDistinctSensitive:][:*n]
			if int(*n) < maxDistinctSensitive && !slices.Contains(kept, v) {
				pc.vals[(int(c)*width+a)*maxDistinctSensitive+int(*n)] = v
				*n++
			}
		}
	})
	t.rows.parts[i] = nil
	if err != nil {
		return err
	}
	for c := range pc.size {
		f.add(pc.size[c], pc.first[c], pc.nvals[c*width:(c+1)*width])
	}
	return nil
}

// profile computes the figures, one goroutine per CPU over the partitions, and frees the
// tally; samples bounds the classes listed.
func (t *classTally) profile(r *Reidentification, sensitive []string, samples int) error {
	defer t.rows.release()
	if t.rows.err != nil {
		return t.rows.err
	}
	workers := runtime.GOMAXPROCS(0)
	figures := make([]*classFigures, workers)
	scratch := make([]*partitionClasses, workers)
	for w := range workers {
		figures[w], scratch[w] = newClassFigures(len(sensitive), samples), &partitionClasses{index: map[uint64]int32{}}
	}
	if err := t.rows.eachPartition(workers, func(w, i int) error { return t.countPartition(i, scratch[w], figures[w]) }); err != nil {
		return err
	}
	f := figures[0]
	for _, o := range figures[1:] {
		f.merge(o)
	}
	r.Rows, r.Classes, r.UniqueRows, r.ClassSizes, r.SampleRate = t.n, f.classes, f.unique, f.bins, 1
	r.SmallestClasses = slices.Clip(append([]ClassSample{}, f.smallest...))
	if len(f.smallest) > 0 {
		r.K = f.smallest[0].Size
		r.ProsecutorRiskMax = 1 / float64(r.K)
	}
	if t.n > 0 {
		r.SampleUniqueness = float64(r.UniqueRows) / float64(t.n)
		r.ProsecutorRiskAverage = float64(r.Classes) / float64(t.n)
	}
	r.Diversity = []Diversity{}
	for a, name := range sensitive {
		d := Diversity{Column: name, LCap: maxDistinctSensitive, LeastDiverse: append([]ClassSample{}, f.leastDiverse[a]...)}
		if len(d.LeastDiverse) > 0 {
			d.L = d.LeastDiverse[0].Distinct
			d.Capped = d.L == maxDistinctSensitive
		}
		r.Diversity = append(r.Diversity, d)
	}
	return nil
}

// riskPlan is the plan's quasi-identifiers and sensitive attributes resolved to columns.
type riskPlan struct {
	profile   Reidentification // names, source and missing; the figures are filled at the end
	qi        []int            // column indexes
	sensitive []int
	names     []string // sensitive attribute names, in sensitive's order
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
	rp := &riskPlan{profile: Reidentification{Source: cmp.Or(source, "declared"), QuasiIdentifiers: []string{}, Missing: []string{}}}
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
	plan *riskPlan `state:"-"`
	// role per column: 0 none, 1 a quasi-identifier, 2+i sensitive attribute i.
	role     []int      `state:"-"`
	qiHash   []uint64   `state:"-"`
	sensHash [][]uint64 `state:"-"`
	sens     []uint64   `state:"-"` // one row's sensitive-value hashes
	table    *classTally
}

func newRiskAcc(rp *riskPlan, columns int) *riskAcc {
	if rp == nil {
		return nil
	}
	a := &riskAcc{plan: rp, role: make([]int, columns), sensHash: make([][]uint64, len(rp.sensitive)),
		sens: make([]uint64, len(rp.sensitive)), table: newClassTally(len(rp.sensitive))}
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

func (a *riskAcc) profile(samples int) (*Reidentification, error) {
	if a == nil {
		return nil, nil
	}
	r := a.plan.profile
	r.QuasiIdentifiers = slices.Clone(r.QuasiIdentifiers)
	r.Missing = slices.Clone(r.Missing)
	if err := a.table.profile(&r, a.plan.names, samples); err != nil {
		return nil, err
	}
	return &r, nil
}

// rowSet is the accumulator's exact set, for its budget and release; nil without one.
func (a *riskAcc) rowSet() *rowSet {
	if a == nil {
		return nil
	}
	return &a.table.rows
}
