package checkers

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

// The checks a scan makes because the metadata declares them, beyond each column's own
// (fieldchecks.go): rows with every required field populated, business rules, derivations and
// temporal orders across a row's columns, attributes of a declared entity that must agree
// wherever it repeats, and foreign keys into another dataset. A declaration naming a column the
// file lacks is not measured: the field-dictionary rule reports the missing column.

// declaredSpec is what the metadata asks the scan to measure, compiled once per scan and
// shared by the workers.
type declaredSpec struct {
	fields   []*fieldSpec // by column index; nil where a column has no declared checks
	rows     []rowSpec
	entities []entitySpec
	fks      []*fkSpec
	need     []int // the columns row-level checks read
}

// rowSpec is a check over several columns of one row.
type rowSpec struct {
	kind, name string
	columns    []string
	idx        []int
	// test gets the row's values of idx and whether each is present (neither null, blank
	// nor a declared missing value).
	test func(vals []string, present []bool) (applies, ok bool)
}

func newDeclaredSpec(ctx context.Context, m *datasets.Metadata, cols []string) (*declaredSpec, error) {
	fields, err := fieldSpecs(m, cols)
	if err != nil {
		return nil, err
	}
	s := &declaredSpec{fields: fields}
	if m == nil {
		return s, nil
	}
	resolve := func(names []string) ([]int, bool) {
		idx := make([]int, len(names))
		for i, n := range names {
			if idx[i] = slices.Index(cols, n); idx[i] < 0 {
				return nil, false
			}
		}
		return idx, len(names) > 0
	}
	add := func(kind, name string, columns []string, test func([]string, []bool) (bool, bool)) {
		if idx, ok := resolve(columns); ok {
			s.rows = append(s.rows, rowSpec{kind: kind, name: name, columns: columns, idx: idx, test: test})
		}
	}

	var required []string
	for _, f := range m.DistinctFields() {
		if f.Nullable != nil && !*f.Nullable && slices.Contains(cols, f.Name) {
			required = append(required, f.Name)
		}
	}
	if len(required) > 0 {
		add("record_completeness", "required fields", required, func(vals []string, present []bool) (bool, bool) {
			for i, v := range vals {
				if !present[i] || missingToken(v) >= 0 {
					return true, false
				}
			}
			return true, true
		})
	}
	for _, r := range m.BusinessRules {
		test, err := businessRule(r)
		if err != nil {
			return nil, fmt.Errorf("metadata business rule %q: %w", r.Name, err)
		}
		columns := []string{r.Column}
		if r.Other != "" {
			columns = append(columns, r.Other)
		}
		add("business_rule", r.Name, columns, test)
	}
	for _, d := range m.Consistency {
		test, ok := derivations[d.Derivation]
		if !ok {
			return nil, fmt.Errorf("metadata consistency of %s: unknown derivation %q", d.Column, d.Derivation)
		}
		add("consistency", d.Derivation, []string{d.From, d.Column}, test)
	}
	for _, order := range m.TemporalOrder {
		add("temporal_order", strings.Join(order, " <= "), order, temporalOrder)
	}
	for _, e := range m.Entities {
		key, ok := resolve(e.Key)
		if !ok {
			continue
		}
		spec := entitySpec{key: key, keyNames: e.Key}
		for _, a := range e.Attributes {
			if ai := slices.Index(cols, a); ai >= 0 {
				spec.attrs, spec.attrNames = append(spec.attrs, ai), append(spec.attrNames, a)
			}
		}
		if len(spec.attrs) > 0 {
			s.entities = append(s.entities, spec)
		}
	}
	for _, fk := range m.ForeignKeys {
		idx, ok := resolve(fk.Fields)
		if !ok || len(fk.Fields) == 0 || len(fk.Fields) != len(fk.Reference.Fields) || fk.Reference.Refused {
			continue // a malformed key, or one whose dataset may not be read, is QUAL-002's finding, not measured
		}
		spec, err := loadReference(ctx, fk, idx)
		if err != nil {
			return nil, err
		}
		s.fks = append(s.fks, spec)
	}

	for _, r := range s.rows {
		s.need = append(s.need, r.idx...)
	}
	for _, e := range s.entities {
		s.need = append(append(s.need, e.key...), e.attrs...)
	}
	for _, fk := range s.fks {
		s.need = append(s.need, fk.idx...)
	}
	slices.Sort(s.need)
	s.need = slices.Compact(s.need)
	return s, nil
}

// businessRule compiles Column Op Other, or Column Op Value.
func businessRule(r datasets.BusinessRule) (func([]string, []bool) (bool, bool), error) {
	var pass func(int) bool
	switch r.Op {
	case "<":
		pass = func(c int) bool { return c < 0 }
	case "<=":
		pass = func(c int) bool { return c <= 0 }
	case "==":
		pass = func(c int) bool { return c == 0 }
	case "!=":
		pass = func(c int) bool { return c != 0 }
	case ">=":
		pass = func(c int) bool { return c >= 0 }
	case ">":
		pass = func(c int) bool { return c > 0 }
	default:
		return nil, fmt.Errorf("unknown op %q (want <, <=, ==, !=, >= or >)", r.Op)
	}
	if r.Other == "" && r.Value == "" {
		return nil, fmt.Errorf("compares %s with neither another column nor a value", r.Column)
	}
	return func(vals []string, present []bool) (bool, bool) {
		other := r.Value
		if r.Other != "" {
			if !present[1] {
				return false, false
			}
			other = vals[1]
		}
		if !present[0] {
			return false, false
		}
		return true, pass(compareValues(vals[0], other))
	}, nil
}

// compareValues compares two non-blank values as numbers when both are numbers, else as text,
// which orders ISO 8601 dates and times. The kind test comes first because it runs on every
// row: ParseFloat on a date allocates its error.
func compareValues(a, b string) int {
	ka, kb := kindOf(a), kindOf(b)
	if isNumeric(ka) && isNumeric(kb) {
		x, _ := numberOf(a, ka)
		y, _ := numberOf(b, kb)
		return cmp.Compare(x, y)
	}
	return strings.Compare(a, b)
}

func isNumeric(k kind) bool { return k == kindInteger || k == kindNumber }

// temporalOrder passes when no value is after the next present one.
func temporalOrder(vals []string, present []bool) (bool, bool) {
	applies, prev := false, -1
	for i := range vals {
		if !present[i] {
			continue
		}
		if prev >= 0 {
			applies = true
			if compareValues(vals[prev], vals[i]) > 0 {
				return true, false
			}
		}
		prev = i
	}
	return applies, true
}

// derivations read a value from an identifier (vals[0]) and compare it with a column (vals[1]).
// A row whose identifier is masked, or not the identifier at all, is not evaluated: the
// identifier rules report those.
var derivations = map[string]func([]string, []bool) (bool, bool){
	"cn_id_birth_date": func(vals []string, present []bool) (bool, bool) {
		y, m, d, ok := detect.BirthDate(vals[0])
		if !ok || !present[1] {
			return false, false
		}
		return true, sameDate(vals[1], y*10000+m*100+d)
	},
	"cn_id_sex": func(vals []string, present []bool) (bool, bool) {
		id := strings.TrimSpace(vals[0])
		if !present[1] || len(id) != 18 || !detect.ResidentID(id).Match {
			return false, false
		}
		want := "2" // GB 11643: an odd 17th digit is a man, an even one a woman
		if (id[16]-'0')%2 == 1 {
			want = "1"
		}
		return true, sexCodes[strings.TrimSpace(vals[1])] == want
	},
	"cn_id_region": func(vals []string, present []bool) (bool, bool) {
		id := strings.TrimSpace(vals[0])
		if !present[1] || len(id) != 18 || !detect.ResidentID(id).Match {
			return false, false
		}
		return true, strings.TrimSpace(vals[1]) == id[:6]
	},
	"uscc_region": func(vals []string, present []bool) (bool, bool) {
		code := strings.TrimSpace(vals[0])
		if !present[1] || len(code) != 18 || !detect.USCC(code).Match {
			return false, false
		}
		return true, strings.TrimSpace(vals[1]) == code[2:8]
	},
}

// declared is one worker's share of the row-level declared checks.
type declared struct {
	spec     *declaredSpec `state:"-"`
	rows     []checkTally
	entities []entityTally
	fks      []checkTally
	missing  []string `state:"-"`
	// cells are the batch's values of each column in spec.need (nil for the others), kept by
	// the scan as it measures them; vals, hashes and present are the current row's.
	cells   []*cells `state:"-"`
	vals    []string `state:"-"`
	hashes  []uint64 `state:"-"`
	present []bool   `state:"-"`
}

// cells are one batch's values of a column the row-level checks read, kept as the scan
// measures the column, so that each value is read (a typed one formatted) and hashed once:
// reading them again cost a fifth of a scan with the example's sidecar.
type cells struct {
	text    []string
	present []bool
	hash    []uint64
	// arena holds the text of a typed column, whose texter formats every value into one
	// reused buffer; strings into it stay valid for the batch even if it grows.
	arena  []byte
	stable bool // the texts alias the batch's own memory
}

// cellsOf readies column ci's cells for a batch of n rows of arr; nil when no row-level check
// reads the column.
func (d *declared) cellsOf(ci, n int, arr arrow.Array) *cells {
	if d == nil || d.cells[ci] == nil {
		return nil
	}
	c := d.cells[ci]
	c.text, c.present, c.hash = slices.Grow(c.text[:0], n)[:n], slices.Grow(c.present[:0], n)[:n], resize(c.hash, n)
	c.arena, c.stable = c.arena[:0], textAliasesBatch(arr)
	return c
}

// put keeps row j's value.
func (c *cells) put(j int, v string, present bool, h uint64) {
	if present && !c.stable {
		at := len(c.arena)
		c.arena = append(c.arena, v...)
		v = unsafe.String(unsafe.SliceData(c.arena[at:]), len(v))
	}
	c.text[j], c.present[j], c.hash[j] = v, present, h
}

func newDeclared(spec *declaredSpec, missing []string, cols, samples int) *declared {
	if len(spec.rows) == 0 && len(spec.entities) == 0 && len(spec.fks) == 0 {
		return nil
	}
	d := &declared{spec: spec, missing: missing, rows: make([]checkTally, len(spec.rows)),
		entities: make([]entityTally, len(spec.entities)), fks: make([]checkTally, len(spec.fks)),
		cells: make([]*cells, cols), vals: make([]string, cols), hashes: make([]uint64, cols), present: make([]bool, cols)}
	for _, ci := range spec.need {
		d.cells[ci] = &cells{}
	}
	for i, e := range spec.entities {
		d.entities[i] = newEntityTally(e)
	}
	for i := range d.rows {
		d.rows[i].samples = newSampleSet[heldSample](samples)
	}
	for i := range d.fks {
		d.fks[i].samples = newSampleSet[heldSample](samples)
	}
	return d
}

func (d *declared) observe(b datasets.Batch) {
	if d == nil {
		return
	}
	var vals []string
	var present []bool
	for j := range int(b.Record.NumRows()) {
		row := b.FirstRow + int64(j)
		for _, ci := range d.spec.need {
			c := d.cells[ci]
			v := c.text[j]
			d.vals[ci], d.hashes[ci], d.present[ci] = v, c.hash[j], c.present[j] && !isBlank(v) && !slices.Contains(d.missing, v)
		}
		for i, r := range d.spec.rows {
			vals, present = vals[:0], present[:0]
			for _, ci := range r.idx {
				vals, present = append(vals, d.vals[ci]), append(present, d.present[ci])
			}
			if applies, ok := r.test(vals, present); applies {
				d.rows[i].evaluated++
				if !ok {
					d.rows[i].fail(row, nil)
				}
			}
		}
		for i, e := range d.spec.entities {
			d.entities[i].observe(e, d.hashes, d.present, row)
		}
		for i, fk := range d.spec.fks {
			fk.observe(&d.fks[i], d.vals, d.hashes, d.present, row)
		}
	}
}

func (d *declared) merge(o *declared) {
	if d == nil {
		return
	}
	for i := range d.rows {
		d.rows[i].merge(&o.rows[i])
	}
	for i := range d.entities {
		d.entities[i].merge(&o.entities[i])
	}
	for i := range d.fks {
		d.fks[i].merge(&o.fks[i])
	}
}

// profile publishes the evidence; masks are the columns' (cellmask.go), for foreign keys'
// values. Its error is an entity tally's that could not be read back from disk.
func (d *declared) profile(t *TableProfile, samples int, masks []columnMask) error {
	t.RowChecks, t.ForeignKeys, t.Entities = []RowCheck{}, []ForeignKeyProfile{}, []EntityProfile{}
	if d == nil {
		return nil
	}
	for i, r := range d.spec.rows {
		t.RowChecks = append(t.RowChecks, RowCheck{Kind: r.kind, Name: r.name, Columns: r.columns, CheckCounts: d.rows[i].counts("", nil)})
	}
	for i, e := range d.spec.entities {
		ep, err := d.entities[i].profile(e, samples)
		if err != nil {
			return fmt.Errorf("entity (%s): %w", strings.Join(e.keyNames, ", "), err)
		}
		t.Entities = append(t.Entities, ep...)
	}
	for i, fk := range d.spec.fks {
		t.ForeignKeys = append(t.ForeignKeys, ForeignKeyProfile{Columns: fk.columns, Referenced: fk.table,
			CheckCounts: d.fks[i].counts("", func(h heldSample) string { return fk.show(h, masks) })})
	}
	return nil
}

// rowSets are the worker's exact sets that grow with rows, for their budget and release.
func (d *declared) rowSets() []*rowSet {
	if d == nil {
		return nil
	}
	var sets []*rowSet
	for i := range d.entities {
		sets = append(sets, &d.entities[i].rows)
	}
	return sets
}

// headerIssues turns the reader's header problems into evidence.
func headerIssues(issues []datasets.Issue) RowIssues {
	ri := RowIssues{Samples: []RowIssue{}}
	fields := map[string]bool{}
	for _, is := range issues {
		ri.Samples = append(ri.Samples, rowIssue(is))
		fields[is.Column] = true
	}
	// The count is of fields, which QUAL-002 measures: one name can be both undecodable and
	// hold a stray quote, two issues of one field.
	ri.Count = int64(len(fields))
	return ri
}

// sameDate reports whether the digits of a date written with any separators (2025-07-05,
// 2025/07/05, 20250705, 2025年7月5日 is not: its month has one digit) are yyyymmdd, without
// building a string: it runs on every row.
func sameDate(v string, yyyymmdd int) bool {
	n, digits := 0, 0
	for i := 0; i < len(v); i++ {
		if c := v[i]; c >= '0' && c <= '9' {
			n, digits = n*10+int(c-'0'), digits+1
		}
	}
	return digits == 8 && n == yyyymmdd
}
