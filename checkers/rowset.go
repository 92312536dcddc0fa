package checkers

import (
	"cmp"
	"encoding/binary"
	"runtime"
	"slices"
	"sync"
)

// rowSet finds rows that repeat an earlier row, on the whole row or on a key. It is the one
// exact set a scan keeps (a sketch cannot name the repeated rows), so it is packed: each row
// costs its 8-byte hash plus its row number as a varint delta from the previous row in the
// same partition (about 2 bytes), roughly 10 bytes a row instead of 16 for (hash, row) pairs.
// Rows are spread over 256 partitions by hash so that finishing sorts small slices, and
// stored in fixed blocks rather than growing slices, whose doubling left a third unused.
//
// Equal 64-bit hashes are taken as equal values: among 10 million rows the chance of one false
// duplicate is about 3 in a million.
type rowSet struct {
	parts [256][]*block
}

// blockRows is a block's capacity: 8 KiB of hashes, so 256 partitions' partly filled last
// blocks waste at most a few megabytes.
const blockRows = 1024

// block is a run of ascending rows in a partition. A worker sees batches in read order, but
// a Parquet file's row groups may arrive out of order: a row below the last starts a block.
type block struct {
	hashes  []uint64
	deltas  []byte
	lastRow int64
}

func (s *rowSet) add(h uint64, row int64) {
	p := &s.parts[h>>56]
	if n := len(*p); n == 0 || len((*p)[n-1].hashes) == blockRows || row <= (*p)[n-1].lastRow {
		*p = append(*p, &block{hashes: make([]uint64, 0, blockRows), deltas: make([]byte, 0, 2*blockRows)})
	}
	b := (*p)[len(*p)-1]
	b.hashes = append(b.hashes, h)
	b.deltas = binary.AppendUvarint(b.deltas, uint64(row-b.lastRow))
	b.lastRow = row
}

// merge takes o's blocks; o must not be used afterwards.
func (s *rowSet) merge(o *rowSet) {
	for i := range s.parts {
		s.parts[i] = append(s.parts[i], o.parts[i]...)
	}
}

// duplicates counts rows whose hash equals an earlier row's and keeps the first n of them
// (by row number) with the row they repeat. Partitions are independent, so one goroutine per
// CPU sorts its share. It frees the set as it goes.
func (s *rowSet) duplicates(n int) Duplicates {
	workers := runtime.GOMAXPROCS(0)
	counts := make([]int64, workers)
	samples := make([]sampleSet[DuplicateRow], workers)
	var wg sync.WaitGroup
	for w := range workers {
		samples[w] = newSampleSet[DuplicateRow](n)
		wg.Go(func() {
			var entries []rowEntry
			for i := w; i < len(s.parts); i += workers {
				entries = s.partition(i, entries[:0])
				counts[w] += countRepeats(entries, &samples[w])
			}
		})
	}
	wg.Wait()
	d := Duplicates{Count: counts[0]}
	for w := 1; w < workers; w++ {
		d.Count += counts[w]
		samples[0].merge(&samples[w])
	}
	d.Samples = samples[0].sorted()
	return d
}

type rowEntry struct{ hash, row uint64 }

// partition decodes partition i into entries sorted by hash, then row, and frees it.
func (s *rowSet) partition(i int, entries []rowEntry) []rowEntry {
	for _, b := range s.parts[i] {
		row, buf := uint64(0), b.deltas
		for _, h := range b.hashes {
			delta, w := binary.Uvarint(buf)
			buf = buf[w:]
			row += delta
			entries = append(entries, rowEntry{h, row})
		}
	}
	s.parts[i] = nil
	slices.SortFunc(entries, func(a, b rowEntry) int {
		if a.hash != b.hash {
			return cmp.Compare(a.hash, b.hash)
		}
		return cmp.Compare(a.row, b.row)
	})
	return entries
}

// countRepeats counts the entries that repeat an earlier entry's hash, sampling them with the
// row they repeat.
func countRepeats(entries []rowEntry, samples *sampleSet[DuplicateRow]) int64 {
	var count int64
	first := 0 // the earliest row of the current run of equal hashes
	for j := 1; j < len(entries); j++ {
		if entries[j].hash != entries[first].hash {
			first = j
			continue
		}
		count++
		row := int64(entries[j].row)
		samples.add(DuplicateRow{Row: row, FirstRow: int64(entries[first].row)}, row)
	}
	return count
}
