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

// classTally groups rows into equivalence classes by their quasi-identifier hash, exactly.
// Classes are first counted in place, in a table (classTable), while it fits half the
// tally's budget: a roll's usual quasi-identifiers (sex and birth date) make tens of
// thousands of classes over millions of rows, and each row then costs a probe of the table.
// Keeping every row instead, as below, spilled and read back 10 million rows of the 10M-row
// roll to count its 54,000 classes.
//
// Once the table is full, rows of classes it does not hold are kept in a rowSet under their
// class hash, with a 32-bit hash of each sensitive value, and spill to disk past the set's
// budget. A table of every class held 250 MB on the 10M-row roll whose sex × birth date ×
// street × community make nearly every person a class of their own; the rows cost 10 bytes
// each, on disk when need be, and their classes are counted at the end, one partition of the
// hash space at a time, together with the table's classes of that partition.
type classTally struct {
	table classTable
	rows  rowSet
	vals  []uint32 `state:"-"` // one row's sensitive hashes
	n     int64    // rows counted
}

func newClassTally(attributes int) *classTally {
	return &classTally{table: classTable{width: attributes}, rows: rowSet{width: attributes}, vals: make([]uint32, attributes)}
}

// classTableSlots, when set, bounds the table's slots rather than the budget: tests set it to
// split the classes between the table and the rows.
var classTableSlots int

// add counts one row of class h; sens are the row's sensitive-value hashes.
func (t *classTally) add(h uint64, row int64, sens []uint64) {
	t.n++
	for i, s := range sens {
		t.vals[i] = uint32(s ^ s>>32)
	}
	i, held := t.table.find(h)
	switch {
	case held:
		t.table.count(i, row, t.vals)
	case !t.table.full && t.table.fits(t.rows.limit()/2):
		t.table.count(t.table.claim(i, h, 0, row), row, t.vals)
	default:
		if !t.table.full {
			// The table keeps what it holds, and the set's budget makes room for it.
			t.table.full, t.rows.reserved = true, t.table.bytes()
		}
		t.rows.add(h, row, t.vals)
	}
}

func (t *classTally) merge(o *classTally) {
	t.n += o.n
	t.table.merge(&o.table)
	t.rows.merge(&o.rows)
}

// classTable counts classes in place, open-addressed by class hash: a slot holds a class's
// hash, size and first row together, so that counting a row reads one cache line (a map to
// separate counters read three, and cost as much as the spilling it replaced). Beside the
// slots, each slot's class keeps up to maxDistinctSensitive distinct hashes of each of width
// sensitive attributes.
type classTable struct {
	width int
	slots []classSlot // a power of two of them, or none; size 0 is an empty slot
	vals  []uint32    // per slot and attribute, maxDistinctSensitive of them
	nvals []uint8     // per slot and attribute, how many of those are kept
	n     int         // classes held
	full  bool        // classes it does not hold go to the tally's rows
}

type classSlot struct {
	hash        uint64
	size, first int64
}

// slotBytes is one slot's memory, with its sensitive values.
func (c *classTable) slotBytes() int64 { return 24 + int64(4*maxDistinctSensitive+1)*int64(c.width) }

func (c *classTable) bytes() int64 { return int64(len(c.slots)) * c.slotBytes() }

// fits reports whether one more class keeps the table within budget bytes, counting the
// doubling it may need.
func (c *classTable) fits(budget int64) bool {
	slots := len(c.slots)
	if c.growing() {
		slots = max(2*slots, 64)
	}
	if classTableSlots > 0 {
		return slots <= classTableSlots
	}
	return int64(slots)*c.slotBytes() <= budget
}

// growing reports whether one more class takes the table past three quarters full.
func (c *classTable) growing() bool { return (c.n+1)*4 > len(c.slots)*3 }

// find returns class h's slot, or else the empty slot where it would go (-1 in a table of no
// slots). The hashes are xxhash's, mixed, so their low bits spread well.
func (c *classTable) find(h uint64) (int, bool) {
	if len(c.slots) == 0 {
		return -1, false
	}
	mask := len(c.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		if s := &c.slots[i]; s.size == 0 || s.hash == h {
			return i, s.size != 0
		}
	}
}

// claim puts class h, of size rows the first at first, in slot i that find returned for it,
// and returns its slot: growing the table moves the classes. A size of 0 is for a row the
// caller counts at once, before the next find.
func (c *classTable) claim(i int, h uint64, size, first int64) int {
	if c.growing() {
		c.grow()
		i, _ = c.find(h)
	}
	c.slots[i] = classSlot{hash: h, size: size, first: first}
	c.n++
	return i
}

func (c *classTable) grow() {
	old, oldVals, oldN := c.slots, c.vals, c.nvals
	n := max(2*len(old), 64)
	w := c.width
	c.slots, c.vals, c.nvals = make([]classSlot, n), make([]uint32, n*w*maxDistinctSensitive), make([]uint8, n*w)
	for j, s := range old {
		if s.size == 0 {
			continue
		}
		i, _ := c.find(s.hash)
		c.slots[i] = s
		copy(c.vals[i*w*maxDistinctSensitive:(i+1)*w*maxDistinctSensitive], oldVals[j*w*maxDistinctSensitive:])
		copy(c.nvals[i*w:(i+1)*w], oldN[j*w:])
	}
}

// count adds one row of the class in slot i.
func (c *classTable) count(i int, row int64, sens []uint32) {
	s := &c.slots[i]
	s.size++
	s.first = min(s.first, row)
	for a, v := range sens {
		c.keep(i*c.width+a, v)
	}
}

// keep adds v to one slot and attribute's distinct values unless it is there or they are
// maxDistinctSensitive: a class's count of them is then the smaller of its true count and
// maxDistinctSensitive, however its rows were split, which is all l-diversity reads.
func (c *classTable) keep(at int, v uint32) {
	n := &c.nvals[at]
	kept := c.vals[at*maxDistinctSensitive:][:*n]
	if int(*n) < maxDistinctSensitive && !slices.Contains(kept, v) {
		c.vals[at*maxDistinctSensitive+int(*n)] = v
		*n++
	}
}

// absorb adds the class in slot j of o, of the same width, to the table.
func (c *classTable) absorb(o *classTable, j int) {
	s := o.slots[j]
	i, held := c.find(s.hash)
	if held {
		c.slots[i].size += s.size
		c.slots[i].first = min(c.slots[i].first, s.first)
	} else {
		i = c.claim(i, s.hash, s.size, s.first)
	}
	for a := range c.width {
		at := j*c.width + a
		for _, v := range o.vals[at*maxDistinctSensitive:][:o.nvals[at]] {
			c.keep(i*c.width+a, v)
		}
	}
}

// merge takes o's classes; o must not be used afterwards.
func (c *classTable) merge(o *classTable) {
	for j, s := range o.slots {
		if s.size != 0 {
			c.absorb(o, j)
		}
	}
	c.full = c.full || o.full
	*o = classTable{width: o.width}
}

// reset empties the table, keeping its memory, for counting a partition.
func (c *classTable) reset() {
	clear(c.slots)
	clear(c.nvals)
	c.n = 0
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

// countPartition counts the classes of partition i of the hash space into f, from the
// table's classes there (byPart) and the rows, then frees the partition's rows. pc is the
// caller's scratch, reused: it holds one entry per class of the partition, about 1/256 of the
// classes.
func (t *classTally) countPartition(i int, byPart []int, pc *classTable, buf *[]byte, f *classFigures) error {
	pc.reset()
	for _, j := range byPart {
		pc.absorb(&t.table, j)
	}
	err := t.rows.eachEntry(i, buf, func(h, row uint64, sens []uint32) {
		c, held := pc.find(h)
		if !held {
			c = pc.claim(c, h, 0, int64(row))
		}
		pc.count(c, int64(row), sens)
	})
	t.rows.parts[i] = nil
	if err != nil {
		return err
	}
	for c, s := range pc.slots {
		if s.size != 0 {
			f.add(s.size, s.first, pc.nvals[c*pc.width:(c+1)*pc.width])
		}
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
	var byPart [256][]int
	for j, s := range t.table.slots {
		if s.size != 0 {
			byPart[s.hash>>56] = append(byPart[s.hash>>56], j)
		}
	}
	workers := runtime.GOMAXPROCS(0)
	figures := make([]*classFigures, workers)
	scratch := make([]classTable, workers)
	bufs := make([][]byte, workers)
	for w := range workers {
		figures[w], scratch[w] = newClassFigures(len(sensitive), samples), classTable{width: t.table.width}
	}
	err := t.rows.eachPartition(workers, func(w, i int) error {
		return t.countPartition(i, byPart[i], &scratch[w], &bufs[w], figures[w])
	})
	if err != nil {
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
