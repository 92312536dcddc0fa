package checkers

import (
	"cmp"
	"encoding/binary"
	"slices"
)

// rowSet finds rows that repeat an earlier row, on the whole row or on a key. It is the one
// exact set a scan keeps (a sketch cannot name the repeated rows), so it is packed: each row
// costs its 8-byte hash plus its row number as a varint delta from the previous row in the
// same partition (about 2 bytes), roughly 10 bytes a row instead of 16 for (hash, row) pairs.
// Rows are spread over 256 partitions by hash so that finishing sorts small slices.
//
// Equal 64-bit hashes are taken as equal values: among 10 million rows the chance of one false
// duplicate is about 3 in a million.
type rowSet struct {
	parts [256][]segment
}

// segment is a run of ascending rows in a partition. A worker sees batches in read order, but
// a Parquet file's row groups may arrive out of order: a row below the last starts a segment.
type segment struct {
	hashes  []uint64
	deltas  []byte
	lastRow int64
}

func (s *rowSet) add(h uint64, row int64) {
	p := &s.parts[h>>56]
	if len(*p) == 0 || row <= (*p)[len(*p)-1].lastRow {
		*p = append(*p, segment{})
	}
	seg := &(*p)[len(*p)-1]
	seg.hashes = append(seg.hashes, h)
	seg.deltas = binary.AppendUvarint(seg.deltas, uint64(row-seg.lastRow))
	seg.lastRow = row
}

// merge takes o's segments; o must not be used afterwards.
func (s *rowSet) merge(o *rowSet) {
	for i := range s.parts {
		s.parts[i] = append(s.parts[i], o.parts[i]...)
	}
}

// duplicates counts rows whose hash equals an earlier row's and keeps the first n of them
// (by row number) with the row they repeat. It frees the set as it goes.
func (s *rowSet) duplicates(n int) Duplicates {
	type entry struct{ hash, row uint64 }
	var d Duplicates
	samples := newSampleSet[DuplicateRow](n)
	var entries []entry
	for i := range s.parts {
		entries = entries[:0]
		for _, seg := range s.parts[i] {
			row, buf := uint64(0), seg.deltas
			for _, h := range seg.hashes {
				delta, w := binary.Uvarint(buf)
				buf = buf[w:]
				row += delta
				entries = append(entries, entry{h, row})
			}
		}
		s.parts[i] = nil
		slices.SortFunc(entries, func(a, b entry) int {
			return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.row, b.row))
		})
		first := 0 // the earliest row of the current run of equal hashes
		for j := 1; j < len(entries); j++ {
			if entries[j].hash != entries[first].hash {
				first = j
				continue
			}
			d.Count++
			row := int64(entries[j].row)
			samples.add(DuplicateRow{Row: row, FirstRow: int64(entries[first].row)}, row)
		}
	}
	d.Samples = samples.sorted()
	return d
}
