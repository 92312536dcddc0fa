// Package checkers measures a dataset in one streaming pass and produces its Profile: the
// evidence that rules judge. One goroutine reads batches, workers profile them into partial
// profiles, and the partial profiles merge; every part of a profile merges the same way
// whatever the split, so the result does not depend on the number of workers.
package checkers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"

	"github.com/dgcheck/dgcheck/datasets"
)

// DefaultSamples is how many offending rows each check keeps: enough to find the pattern in
// a report, few enough that a report stays small.
const DefaultSamples = 5

// Plan says what to measure beyond what every scan measures: the keys the metadata declares.
type Plan struct {
	// Keys are the declared unique keys (the primary key, and each field declared unique),
	// by column name. A key naming a column the file lacks is not measured; the metadata
	// rules report the missing column.
	Keys [][]string
	// KeepValues, when positive, keeps each column's distinct values while there are at most
	// that many (ColumnProfile.Values).
	KeepValues int
	// Samples per check; 0 means DefaultSamples.
	Samples int
	// Metadata is what the dataset declares, for the checks it asks for (declared.go):
	// field constraints and code lists, required fields, business rules, derivations,
	// temporal orders, entities and foreign keys. Nil measures none.
	Metadata *datasets.Metadata
	// Workers profiling batches; 0 means one per CPU.
	Workers int
	// SkipDetection leaves out identifier detection, free-text scanning and classification
	// (detection.go): the profile's detectors are empty. For scans that need no evidence of
	// personal information, and to measure what detection costs.
	SkipDetection bool
	// Progress, if set, is called from the reading goroutine after each batch with what the
	// reader has learned so far (rows read; bytes read of a CSV, rows a Parquet declares).
	Progress func(datasets.Source)

	// Desensitisation evidence (masking.go, reident.go). Masking is the masking each field
	// declares, by column name. Re-identification risk is measured over QuasiIdentifiers
	// (QuasiIdentifierSource says where they came from), or, when there are none and
	// SuggestQuasiIdentifiers is set, over the columns whose names suggest one; l-diversity
	// over each Sensitive attribute.
	Masking                 map[string]Masking
	QuasiIdentifiers        []string
	QuasiIdentifierSource   string
	SuggestQuasiIdentifiers bool
	Sensitive               []string
}

// PlanFor derives the plan from metadata (nil for none).
func PlanFor(m *datasets.Metadata) Plan {
	var p Plan
	if m == nil {
		p.SuggestQuasiIdentifiers = true
		return p
	}
	p.Metadata = m
	desensitisationPlan(&p, m)
	if len(m.PrimaryKey) > 0 {
		p.Keys = append(p.Keys, m.PrimaryKey)
	}
	for _, f := range m.DistinctFields() {
		if f.Unique && !slices.Equal(m.PrimaryKey, []string{f.Name}) {
			p.Keys = append(p.Keys, []string{f.Name})
		}
	}
	return p
}

// Scan reads r to the end and returns its profile. A read error (damage after which nothing
// more can be read) is returned as is; problems the reader repaired become evidence.
func Scan(ctx context.Context, r datasets.Reader, plan Plan) (*Profile, error) {
	part, err := Measure(ctx, r, plan)
	if err != nil {
		return nil, err
	}
	defer part.Release()
	return part.Profile(r.Source().HeaderIssues)
}

// scanSetup is what a plan resolves to over a file's columns: the accumulators each worker
// starts from.
type scanSetup struct {
	plan     Plan
	cols     []string
	keys     []key
	masking  map[int]*maskingSpec
	risk     *riskPlan
	declared *declaredSpec
	missing  []string
}

func newScanSetup(ctx context.Context, cols []string, plan Plan) (*scanSetup, error) {
	if plan.Samples <= 0 {
		plan.Samples = DefaultSamples
	}
	if plan.Workers <= 0 {
		plan.Workers = runtime.GOMAXPROCS(0)
	}
	s := &scanSetup{plan: plan, cols: cols, keys: resolveKeys(plan.Keys, cols),
		masking: maskingCounters(plan.Masking, cols), risk: resolveRisk(plan, cols)}
	var err error
	if s.declared, err = newDeclaredSpec(ctx, plan.Metadata, cols); err != nil {
		return nil, err
	}
	if plan.Metadata != nil {
		s.missing = plan.Metadata.MissingValues
	}
	return s, nil
}

// newPartial is one worker's empty accumulators.
func (s *scanSetup) newPartial() *partial {
	p := newPartial(s.cols, s.keys, s.plan.Samples)
	if s.plan.SkipDetection {
		for _, c := range p.columns {
			c.detectors = nil
		}
	}
	p.risk = newRiskAcc(s.risk, len(s.cols))
	for ci, spec := range s.masking {
		p.columns[ci].masking = newMaskingCounter(spec, s.plan.Samples)
	}
	for ci, spec := range s.declared.fields {
		p.columns[ci].checks = newFieldChecks(spec, s.plan.Samples)
		p.columns[ci].kept = newKeptValues(s.plan.KeepValues)
	}
	p.declared = newDeclared(s.declared, s.missing, len(s.cols), s.plan.Samples)
	p.spillPast(rowSetBudget(s.plan.Workers, len(p.rowSets())), spillDir)
	return p
}

// Part is a scan's accumulators before they are finished into a profile: what was measured
// of all of a dataset, or of a slice of it (datasets.WithPart) to be written down (Encode),
// read back on another machine (DecodePart), merged with the other slices' (Merge) and
// finished once (Profile), giving the profile one scan of the whole would.
type Part struct {
	setup   *scanSetup
	acc     *partial
	decoded bool // read from a state another process wrote (DecodePart)
}

// Measure reads r to the end into a Part, measured by one worker per CPU.
func Measure(ctx context.Context, r datasets.Reader, plan Plan) (*Part, error) {
	setup, err := newScanSetup(ctx, r.Source().Columns, plan)
	if err != nil {
		return nil, err
	}
	plan = setup.plan
	batches := make(chan datasets.Batch, plan.Workers)
	parts := make([]*partial, plan.Workers)
	var wg sync.WaitGroup
	for w := range parts {
		parts[w] = setup.newPartial()
		wg.Go(func() {
			for b := range batches {
				parts[w].observe(b)
				b.Record.Release()
			}
		})
	}
	var readErr error
	for r.Next() {
		select {
		case batches <- r.Batch():
		case <-ctx.Done():
			r.Batch().Record.Release()
			readErr = ctx.Err()
		}
		if readErr != nil {
			break
		}
		if plan.Progress != nil {
			plan.Progress(*r.Source())
		}
	}
	close(batches)
	wg.Wait()
	if readErr == nil {
		readErr = r.Err()
	}
	if readErr != nil {
		for _, p := range parts {
			p.release()
		}
		return nil, readErr
	}
	total := parts[0]
	for _, p := range parts[1:] {
		total.merge(p)
	}
	total.noteIssues(r.Source().EndIssues)
	return &Part{setup: setup, acc: total}, nil
}

// Merge adds o's measurements to p's; o must not be used afterwards. Merging decoded state
// that is damaged is an error, not a crash.
func (p *Part) Merge(o *Part) (err error) {
	if p.decoded || o.decoded {
		defer damagedState(&err)
	}
	p.acc.merge(o.acc)
	return nil
}

// damagedState turns a panic while merging or finishing decoded state into an error: a state
// comes from a file, which may be damaged in ways its encoding cannot tell (a sample count
// that does not fit the samples, lists of another length than the plan's).
func damagedState(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("partial profile: the state is damaged (%v)", r)
	}
}

// Rows is the number of rows measured.
func (p *Part) Rows() int64 { return p.acc.rows }

// Release removes the files the accumulators spilled to.
func (p *Part) Release() { p.acc.release() }

// Profile finishes the measurements into the dataset's profile, with the issues the reader
// found in its header or schema.
func (p *Part) Profile(header []datasets.Issue) (_ *Profile, err error) {
	if p.decoded {
		defer damagedState(&err)
	}
	s := p.setup
	pr, err := p.acc.profile(s.cols, maskDecls(s.plan.Metadata, s.masking, s.risk, s.cols))
	if err != nil {
		return nil, err
	}
	pr.Table.HeaderIssues = headerIssues(header)
	return pr, nil
}

// WriteState writes the accumulators to w in this build's state encoding (partstate.go), as
// it goes: the row sets are written from their files, not gathered first.
func (p *Part) WriteState(w io.Writer) error {
	sw := stateWriter{out: w}
	if err := sw.value(p.acc); err != nil {
		return err
	}
	return sw.flush(true)
}

// DecodePart reads accumulators WriteState wrote, from state, which holds at most limit bytes,
// for a dataset of these columns measured under this plan: the same plan makes the same
// accumulators, into which the state is read as it streams.
func DecodePart(ctx context.Context, state io.Reader, limit int64, cols []string, plan Plan) (*Part, error) {
	setup, err := newScanSetup(ctx, cols, plan)
	if err != nil {
		return nil, err
	}
	acc := setup.newPartial()
	r := newStateReader(state, limit)
	err = func() (err error) {
		defer damagedState(&err)
		return r.value(acc)
	}()
	if err == nil && !r.atEnd() {
		err = errors.New("partial profile: bytes after the state")
		if r.err != nil {
			err = r.short()
		}
	}
	if err != nil {
		acc.release()
		return nil, err
	}
	return &Part{setup: setup, acc: acc, decoded: true}, nil
}

// key is a declared key resolved to column indexes.
type key struct {
	names   []string
	columns []int
}

func resolveKeys(declared [][]string, cols []string) []key {
	var keys []key
next:
	for _, names := range declared {
		k := key{names: names}
		for _, n := range names {
			i := slices.Index(cols, n)
			if i < 0 {
				continue next
			}
			k.columns = append(k.columns, i)
		}
		keys = append(keys, k)
	}
	return keys
}

// partial is one worker's share of a profile.
type partial struct {
	columns     []*column
	keys        []key   `state:"-"`
	keysOf      [][]int `state:"-"` // per column, the keys it belongs to
	samples     int
	rows        int64
	ragged      issueSet
	undecodable issueSet
	bareQuote   issueSet
	nul         issueSet
	blank       issueSet // lines, not rows: a blank line is no row, each one counts
	rowSet      rowSet
	keySets     []rowSet
	nullKeys    []int64
	risk        *riskAcc  // nil without quasi-identifiers
	declared    *declared // nil without declared row-level checks
	// Per-batch scratch, reused: each row's running hash over its columns, and over each key.
	rowHash  []uint64        `state:"-"`
	entries  dictionaryCells `state:"-"` // values.go: a dictionary-encoded column's, one batch's
	keyHash  [][]uint64      `state:"-"`
	keyNulls [][]bool        `state:"-"`
}

type issueSet struct {
	count   int64 // rows, not fields: QUAL-019 measures A of B rows
	samples sampleSet[RowIssue]
	last    int64 // the row counted last; a row's issues come together, in row order
}

func newPartial(cols []string, keys []key, samples int) *partial {
	p := &partial{keys: keys, samples: samples, keysOf: make([][]int, len(cols)), keySets: make([]rowSet, len(keys)), nullKeys: make([]int64, len(keys)),
		keyHash: make([][]uint64, len(keys)), keyNulls: make([][]bool, len(keys)),
		ragged:      issueSet{samples: newSampleSet[RowIssue](samples)},
		undecodable: issueSet{samples: newSampleSet[RowIssue](samples)},
		bareQuote:   issueSet{samples: newSampleSet[RowIssue](samples)},
		nul:         issueSet{samples: newSampleSet[RowIssue](samples)},
		blank:       issueSet{samples: newSampleSet[RowIssue](samples)}}
	memos, allowed := maxMemos, allowanceFor(len(cols))
	for _, c := range cols {
		col := newColumn(c, samples, allowed)
		col.memo.memos = &memos
		p.columns = append(p.columns, col)
	}
	for k, key := range keys {
		for _, ci := range key.columns {
			p.keysOf[ci] = append(p.keysOf[ci], k)
		}
	}
	return p
}

func (p *partial) observe(b datasets.Batch) {
	rec := b.Record
	n := int(rec.NumRows())
	p.rows += int64(n)
	p.noteIssues(b.Issues)
	p.rowHash = resize(p.rowHash, n)
	for k := range p.keys {
		p.keyHash[k] = resize(p.keyHash[k], n)
		p.keyNulls[k] = slices.Grow(p.keyNulls[k][:0], n)[:n]
		clear(p.keyNulls[k])
	}
	p.risk.begin(n)
	for ci, c := range p.columns {
		arr := rec.Column(ci)
		text, entries := texterFor(arr), p.entries.of(arr)
		c.typed = typedFacts(arr)
		fold := p.risk.folder(ci)
		keep := p.declared.cellsOf(ci, n, arr)
		for j := range n {
			var v string
			var present bool
			var h uint64
			if entries != nil {
				v, present, h = entries.at(j)
			} else if v, present = text(j); present {
				h = hashString(v)
			}
			h = c.observe(v, present, h, b.FirstRow+int64(j))
			if keep != nil {
				keep.put(j, v, present, h)
			}
			p.rowHash[j] = mix(p.rowHash[j], h)
			if fold != nil {
				fold[j] = mix(fold[j], h)
			}
			for _, k := range p.keysOf[ci] {
				p.keyHash[k][j] = mix(p.keyHash[k][j], h)
				if !present || isBlank(v) {
					p.keyNulls[k][j] = true
				}
			}
		}
	}
	for _, c := range p.columns {
		c.settle()
	}
	p.risk.end(b.FirstRow)
	p.declared.observe(b)
	for j := range n {
		row := b.FirstRow + int64(j)
		p.rowSet.add(p.rowHash[j], row, nil)
		for k := range p.keys {
			if p.keyNulls[k][j] {
				p.nullKeys[k]++
				continue
			}
			p.keySets[k].add(p.keyHash[k][j], row, nil)
		}
	}
}

// noteIssues counts a batch's reading problems, each kind in its own set.
func (p *partial) noteIssues(issues []datasets.Issue) {
	for _, is := range issues {
		set := &p.ragged
		switch is.Kind {
		case datasets.Undecodable:
			set = &p.undecodable
		case datasets.BareQuote:
			set = &p.bareQuote
		case datasets.NULByte:
			set = &p.nul
		case datasets.BlankRow:
			// Several blank lines come before one row: each is counted, sampled by line.
			p.blank.count++
			p.blank.samples.add(rowIssue(is), is.Line)
			continue
		}
		// The reader reports each undecodable field; a row counts once, with its first
		// field as its sample, so that the count is of rows, the unit of the table's rows.
		if is.Row == set.last {
			continue
		}
		set.last = is.Row
		set.count++
		set.samples.add(rowIssue(is), is.Row)
	}
}

// resize returns s with length n, zeroed: the seed of every row's running hash.
func resize(s []uint64, n int) []uint64 {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

// mix folds a value's hash into a row's running hash. Order matters (a,b differs from b,a),
// and the multiply spreads bits so that the top byte, which picks a rowSet partition, is
// uniform.
func mix(acc, h uint64) uint64 {
	return (bits.RotateLeft64(acc, 23) ^ h) * 0x9fb21c651e98df25
}

func hashString(s string) uint64 { return xxhash.Sum64String(s) }

func (p *partial) merge(o *partial) {
	p.rows += o.rows
	for i, c := range p.columns {
		c.merge(o.columns[i])
	}
	p.ragged.count += o.ragged.count
	p.ragged.samples.merge(&o.ragged.samples)
	p.undecodable.count += o.undecodable.count
	p.undecodable.samples.merge(&o.undecodable.samples)
	for _, s := range [][2]*issueSet{{&p.bareQuote, &o.bareQuote}, {&p.nul, &o.nul}, {&p.blank, &o.blank}} {
		s[0].count += s[1].count
		s[0].samples.merge(&s[1].samples)
	}
	p.rowSet.merge(&o.rowSet)
	for k := range p.keys {
		p.keySets[k].merge(&o.keySets[k])
		p.nullKeys[k] += o.nullKeys[k]
	}
	p.risk.merge(o.risk)
	p.declared.merge(o.declared)
}

func (p *partial) profile(cols []string, decls []maskDecl) (*Profile, error) {
	pr := &Profile{SchemaVersion: SchemaVersion, Rows: p.rows, Columns: make([]ColumnProfile, len(cols)),
		Table: TableProfile{Rows: p.rows, Keys: []KeyProfile{},
			RaggedRows:      RowIssues{Count: p.ragged.count, Samples: p.ragged.samples.sorted()},
			UndecodableRows: RowIssues{Count: p.undecodable.count, Samples: p.undecodable.samples.sorted()}}}
	// Kinds most files never have are left out when there are none: the profile's form and
	// the reports written from it stay what they were.
	for _, s := range []struct {
		set *issueSet
		to  *RowIssues
	}{{&p.bareQuote, &pr.Table.BareQuoteRows}, {&p.nul, &pr.Table.NULRows}, {&p.blank, &pr.Table.BlankRows}} {
		if s.set.count > 0 {
			*s.to = RowIssues{Count: s.set.count, Samples: s.set.samples.sorted()}
		}
	}
	masks := make([]columnMask, len(cols))
	for i, c := range p.columns {
		pr.Columns[i], masks[i] = c.profile(i, decls[i])
	}
	var err error
	if pr.Table.DuplicateRows, err = p.rowSet.duplicates(p.samples); err != nil {
		return nil, fmt.Errorf("duplicate rows: %w", err)
	}
	if pr.Table.Reidentification, err = p.risk.profile(p.samples); err != nil {
		return nil, fmt.Errorf("equivalence classes: %w", err)
	}
	if err := p.declared.profile(&pr.Table, p.samples, masks); err != nil {
		return nil, err
	}
	for k, key := range p.keys {
		d, err := p.keySets[k].duplicates(p.samples)
		if err != nil {
			return nil, fmt.Errorf("duplicate keys (%s): %w", strings.Join(key.names, ", "), err)
		}
		pr.Table.Keys = append(pr.Table.Keys, KeyProfile{Columns: key.names, Rows: p.rows,
			NullKeys: p.nullKeys[k], Distinct: p.rows - p.nullKeys[k] - d.Count, Duplicates: d})
	}
	return pr, nil
}

// rowIssue is the evidence of one of the reader's issues.
func rowIssue(is datasets.Issue) RowIssue {
	return RowIssue{Row: is.Row, Line: is.Line, Column: is.Column, Detail: is.Detail, DetailZh: is.DetailZh}
}
