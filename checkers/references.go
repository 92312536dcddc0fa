package checkers

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dgcheck/dgcheck/datasets"
)

// Foreign keys (Table Schema foreignKeys): each row's key must be a key of the referenced
// dataset. The referenced dataset is read once, before the scan, into an exact set of key
// hashes (the one set the check needs), then every worker looks keys up in it. The set is a
// sorted slice, 8 bytes a key, searched by bisection: a map of the hashes cost about 40 bytes
// a key.

// fkSpec is one foreign key with the referenced keys, shared read-only by the workers.
type fkSpec struct {
	columns []string
	idx     []int
	table   ReferencedTable
	keys    []uint64 // sorted, distinct
}

// loadReference reads the referenced columns of the dataset a foreign key names; the key
// references one field for each of its own. A referenced file that cannot be read, or lacks a
// referenced column, is an input error naming it.
func loadReference(ctx context.Context, fk datasets.ForeignKey, idx []int) (*fkSpec, error) {
	ref := fk.Reference
	r, err := datasets.Open(ctx, ref.Path)
	if err != nil {
		return nil, fmt.Errorf("foreign key %s: %w", strings.Join(fk.Fields, ","), err)
	}
	defer r.Close()
	cols := r.Source().Columns
	refIdx := make([]int, len(ref.Fields))
	for i, name := range ref.Fields {
		if refIdx[i] = slices.Index(cols, name); refIdx[i] < 0 {
			return nil, fmt.Errorf("foreign key %s: %s has no column %q", strings.Join(fk.Fields, ","), ref.Path, name)
		}
	}
	s := &fkSpec{columns: fk.Fields, idx: idx,
		table: ReferencedTable{Path: ref.Path, Columns: ref.Fields}}
	texts := make([]texter, len(refIdx))
	for r.Next() {
		b := r.Batch()
		for i, ci := range refIdx {
			texts[i] = texterFor(b.Record.Column(ci))
		}
	rows:
		for j := range int(b.Record.NumRows()) {
			var h uint64
			for _, text := range texts {
				v, ok := text(j)
				if !ok || isBlank(v) {
					continue rows
				}
				h = mix(h, hashString(v))
			}
			s.keys = append(s.keys, h)
		}
		s.table.Rows += b.Record.NumRows()
		b.Record.Release()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("foreign key %s: %w", strings.Join(fk.Fields, ","), err)
	}
	slices.Sort(s.keys)
	s.keys = slices.Clip(slices.Compact(s.keys))
	s.table.Keys = int64(len(s.keys))
	return s, nil
}

// observe looks up one row's key (hashes are its values' hashes, by column); a row with an
// empty key part is not evaluated.
func (s *fkSpec) observe(t *checkTally, vals []string, hashes []uint64, present []bool, row int64) {
	var h uint64
	for _, ci := range s.idx {
		if !present[ci] {
			return
		}
		h = mix(h, hashes[ci])
	}
	t.evaluated++
	if _, ok := slices.BinarySearch(s.keys, h); ok {
		return
	}
	t.fail(row, func() heldSample {
		parts := make([]string, len(s.idx))
		for i, ci := range s.idx {
			parts[i] = hold(vals[ci])
		}
		return heldSample{parts: parts}
	})
}

// show is a failing key as published: each part in its own column's form, joined by commas.
func (s *fkSpec) show(h heldSample, masks []columnMask) string {
	parts := make([]string, len(h.parts))
	for i, v := range h.parts {
		parts[i] = masks[s.idx[i]].show(v)
	}
	return strings.Join(parts, ",")
}
