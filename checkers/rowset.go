package checkers

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
)

// rowSet finds rows that repeat an earlier row, on the whole row or on a key. It is the one
// exact set a scan keeps (a sketch cannot name the repeated rows), so it is packed: each row
// costs its 8-byte hash plus its row number as a signed varint delta from the previous row in
// the same block (about 2 bytes), roughly 10 bytes a row instead of 16 for (hash, row) pairs.
// Rows are spread over 256 partitions by hash so that finishing takes one small partition at a
// time, and stored in fixed blocks rather than growing slices, whose doubling left a third
// unused.
//
// Memory is a budget: past it, the set writes its blocks to a temporary file, partition by
// partition, and reuses them. The rows are already partitioned by hash, so no sorted runs
// are needed: finishing reads each partition from its extents in the files and its blocks in
// memory, and holds one entry per distinct hash of the partition (about 1/256 of the set's
// distinct rows) per CPU.
//
// A row may carry a fixed number of 32-bit values (width): the hashes of an entity's
// attributes (entities.go) or of a class's sensitive values (reident.go), the sets that
// group rows by a hash and look at what else the rows hold.
//
// Equal 64-bit hashes are taken as equal values: among 10 million rows the chance of one false
// duplicate is about 3 in a million.
type rowSet struct {
	parts [256][]*block
	width int // 32-bit values each row carries

	budget int64 // bytes of blocks held before spilling; 0 means maxRowSetBudget
	// reserved is the part of the budget its owner holds otherwise: a class tally's table.
	reserved int64
	dir      string // where spill files go; "" means os.TempDir()
	held     int64  // bytes of the blocks in parts
	free     []*block
	out      *spillFile   // the file this set spills to, once it has spilled
	spills   []*spillFile // out and the files of the sets merged into this one
	err      error        // the first spilling failure; the set is empty after it
}

// blockRows is a block's capacity: 8 KiB of hashes, so 256 partitions' partly filled last
// blocks waste at most a few megabytes.
const blockRows = 1024

// block is a run of rows in a partition. Their deltas are signed: a Parquet file's row
// groups are decoded two at a time and their batches reach a worker interleaved, and when a
// row below the last started a block, as it once did, the 10M-row roll's blocks held some 64
// rows of their 1,024, so that its set spilled at a sixteenth of its budget. The first delta
// is from row 0.
type block struct {
	hashes  []uint64
	vals    []uint32 // width values per row
	deltas  []byte
	lastRow int64
}

// blockOverhead approximates a block's header and its pointer in a partition.
const blockOverhead = 64

// A scan should run within 500 MB, and its row sets are what grows with rows: one for whole
// rows, one per declared key (rarely more than two), one per declared entity and one for the
// quasi-identifiers' classes, in each of the GOMAXPROCS workers' partials, merged at the end
// without growing. Blocks stay live, and Go's collector lets the heap grow past what is live
// before collecting, so all the sets together hold at most rowSetMemory = 128 MiB, the rest
// of the 500 MB being that headroom and the columns' own counters. (At 160 MiB, a 50M-row CSV
// checked with the example sidecar, whose keys, entity and classes make five sets a worker,
// peaked at 473 to 511 MiB over runs; at 128 MiB, 467 MiB, while a check without metadata
// keeps its two sets' 32 MiB.) Each set holds up to maxRowSetBudget = 32 MiB (so up to 4
// sets), an equal share when there are more, but never below minRowSetBudget = 4 MiB, under
// which 256 partitions' partly filled blocks would make spills small and frequent; past 32
// sets the floor wins. At 32 MiB a spill writes about 128 KiB a partition, and a
// 40-million-row set spills a dozen times.
const (
	rowSetMemory    = 128 << 20
	maxRowSetBudget = 32 << 20
	minRowSetBudget = 4 << 20
)

// Tests set these to make scans spill, and to see where.
var (
	spillBudget int64  // 0 means rowSetBudget's choice
	spillDir    string // "" means os.TempDir()
)

// rowSetBudget is each row set's budget when a scan has workers partials of sets row sets.
func rowSetBudget(workers, sets int) int64 {
	if spillBudget > 0 {
		return spillBudget
	}
	return min(maxRowSetBudget, max(minRowSetBudget, rowSetMemory/int64(workers*sets)))
}

// add keeps row under hash h, with the set's width of vals.
func (s *rowSet) add(h uint64, row int64, vals []uint32) {
	if s.err != nil {
		return
	}
	p := &s.parts[h>>56]
	if n := len(*p); n == 0 || len((*p)[n-1].hashes) == blockRows {
		if s.held >= s.limit() {
			if s.spill(); s.err != nil {
				return
			}
		}
		*p = append(*p, s.newBlock())
	}
	b := (*p)[len(*p)-1]
	b.hashes = append(b.hashes, h)
	b.vals = append(b.vals, vals[:s.width]...)
	c := cap(b.deltas)
	b.deltas = binary.AppendVarint(b.deltas, row-b.lastRow)
	s.held += int64(cap(b.deltas) - c)
	b.lastRow = row
}

// limit is the bytes of blocks the set holds before spilling.
func (s *rowSet) limit() int64 {
	return cmp.Or(s.budget, maxRowSetBudget) - s.reserved
}

func (s *rowSet) newBlock() *block {
	var b *block
	if n := len(s.free); n > 0 {
		b, s.free = s.free[n-1], s.free[:n-1]
	} else {
		b = &block{hashes: make([]uint64, 0, blockRows), vals: make([]uint32, 0, blockRows*s.width),
			deltas: make([]byte, 0, 2*blockRows)}
	}
	s.held += int64(8*cap(b.hashes)+4*cap(b.vals)+cap(b.deltas)) + blockOverhead
	return b
}

// spillFile is a file of spilled blocks. Each spill appends every partition's blocks, and
// extents says where each partition's are.
type spillFile struct {
	f       *os.File
	w       *bufio.Writer
	size    int64
	extents [256][]extent
}

type extent struct{ off, len int64 }

// spill appends the blocks in memory to the set's file and keeps them for reuse. A block is
// written as its row count, each hash but its top byte (the partition's number), the rows'
// values, the length of its deltas and the deltas.
func (s *rowSet) spill() {
	if s.out == nil {
		dir := s.dir
		if dir == "" {
			dir = os.TempDir()
		}
		f, err := os.CreateTemp(dir, "dgcheck-rows-")
		if err != nil {
			s.fail(err)
			return
		}
		// Where the system allows it, the file goes from the directory at once, so that
		// nothing is left behind even if the process is killed; release removes it otherwise.
		_ = os.Remove(f.Name())
		s.out = &spillFile{f: f, w: bufio.NewWriterSize(f, 256<<10)}
		s.spills = append(s.spills, s.out)
	}
	out := s.out
	var buf []byte
	for i := range s.parts {
		start := out.size
		for _, b := range s.parts[i] {
			buf = binary.AppendUvarint(buf[:0], uint64(len(b.hashes)))
			for _, h := range b.hashes {
				buf = binary.LittleEndian.AppendUint64(buf, h)[:len(buf)+7]
			}
			for _, v := range b.vals {
				buf = binary.LittleEndian.AppendUint32(buf, v)
			}
			buf = binary.AppendUvarint(buf, uint64(len(b.deltas)))
			buf = append(buf, b.deltas...)
			n, err := out.w.Write(buf)
			out.size += int64(n)
			if err != nil {
				s.fail(err)
				return
			}
			b.hashes, b.vals, b.deltas, b.lastRow = b.hashes[:0], b.vals[:0], b.deltas[:0], 0
			s.free = append(s.free, b)
		}
		if out.size > start {
			out.extents[i] = append(out.extents[i], extent{start, out.size - start})
		}
		clear(s.parts[i])
		s.parts[i] = s.parts[i][:0]
	}
	if err := out.w.Flush(); err != nil {
		s.fail(err)
		return
	}
	s.held = 0
}

// fail keeps the first spilling error and empties the set: its count would be wrong.
func (s *rowSet) fail(err error) {
	if s.err == nil {
		s.err = fmt.Errorf("spilling to disk: %w", err)
	}
	s.release()
}

// release closes and removes the set's files and drops its blocks. It may be called more
// than once, and must be on every path that drops a set that may have spilled.
func (s *rowSet) release() {
	for _, sf := range s.spills {
		_ = sf.f.Close()
		_ = os.Remove(sf.f.Name()) // already gone where an open file can be removed
	}
	s.spills, s.out, s.free, s.held = nil, nil, nil, 0
	clear(s.parts[:])
}

// merge takes o's blocks and files; o must not be used afterwards.
func (s *rowSet) merge(o *rowSet) {
	for i := range s.parts {
		s.parts[i] = append(s.parts[i], o.parts[i]...)
	}
	s.held += o.held
	s.spills = append(s.spills, o.spills...)
	if s.err == nil {
		s.err = o.err
	}
	*o = rowSet{}
	if s.err != nil {
		s.release()
	}
}

// duplicates counts rows whose hash equals an earlier row's and keeps the first n of them
// (by row number) with the row they repeat. Partitions are independent, so one goroutine per
// CPU takes its share, one partition at a time. It frees the set, and removes its files, as it
// goes.
func (s *rowSet) duplicates(n int) (Duplicates, error) {
	defer s.release()
	if s.err != nil {
		return Duplicates{}, s.err
	}
	s.free = nil
	workers := runtime.GOMAXPROCS(0)
	counts := make([]int64, workers)
	samples := make([]sampleSet[DuplicateRow], workers)
	firsts := make([]classTable, workers)
	bufs := make([][]byte, workers)
	for w := range workers {
		samples[w] = newSampleSet[DuplicateRow](n)
	}
	err := s.eachPartition(workers, func(w, i int) error {
		firsts[w].reset()
		repeats, err := s.partitionRepeats(i, &firsts[w], &bufs[w], &samples[w])
		counts[w] += repeats
		return err
	})
	if err != nil {
		return Duplicates{}, err
	}
	d := Duplicates{Count: counts[0]}
	for w := 1; w < workers; w++ {
		d.Count += counts[w]
		samples[0].merge(&samples[w])
	}
	d.Samples = samples[0].sorted()
	return d, nil
}

// eachPartition calls finish(w, i) for every partition i of the set, spread over workers
// goroutines (w is the goroutine's index, for its own state), each stopping at its first
// error: the finishing of duplicates and of equivalence classes.
func (s *rowSet) eachPartition(workers int, finish func(w, i int) error) error {
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(s.parts) && errs[w] == nil; i += workers {
				errs[w] = finish(w, i)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("reading back spilled rows: %w", err)
	}
	return nil
}

// partitionRepeats counts the rows of partition i that repeat an earlier row's hash and
// samples them with the row they repeat, then frees the partition's blocks. It reads the
// partition twice, the first time for each hash's earliest row (first, an empty table of
// width 0 to fill: each hash a class, as the quasi-identifiers' are), the second for the
// samples, so that it holds one entry per distinct hash: a partition is 1/256 of the distinct
// rows, however often a row repeats (40 million copies of one row are one partition, which
// sorting whole had taken 640 MB to hold). buf is scratch for reading the files.
func (s *rowSet) partitionRepeats(i int, first *classTable, buf *[]byte, samples *sampleSet[DuplicateRow]) (int64, error) {
	var rows int64
	err := s.eachEntry(i, buf, func(h, row uint64, _ []uint32) {
		rows++
		c, held := first.find(h)
		if !held {
			c = first.claim(c, h, 0, int64(row))
		}
		first.count(c, int64(row), nil)
	})
	if err != nil {
		return 0, err
	}
	repeats := rows - int64(first.n)
	if repeats > 0 {
		err = s.eachEntry(i, buf, func(h, row uint64, _ []uint32) {
			if samples.full(int64(row)) {
				return
			}
			c, _ := first.find(h)
			if f := first.slots[c].first; f != int64(row) {
				samples.add(DuplicateRow{Row: int64(row), FirstRow: f}, int64(row))
			}
		})
	}
	s.parts[i] = nil
	return repeats, err
}

// eachEntry calls visit with every hash of partition i, its row and its values, from the files
// and then from memory. buf is scratch for reading the files; vals is only valid during the
// call.
func (s *rowSet) eachEntry(i int, buf *[]byte, visit func(h, row uint64, vals []uint32)) error {
	for _, sf := range s.spills {
		for _, e := range sf.extents[i] {
			*buf = slices.Grow((*buf)[:0], int(e.len))[:e.len]
			if _, err := sf.f.ReadAt(*buf, e.off); err != nil {
				return err
			}
			if err := decodeSpilled(*buf, uint64(i)<<56, s.width, visit); err != nil {
				return err
			}
		}
	}
	for _, b := range s.parts[i] {
		row, deltas := int64(0), b.deltas // well formed, having been written by add
		for j, h := range b.hashes {
			delta, w := binary.Varint(deltas)
			deltas = deltas[w:]
			row += delta
			visit(h, uint64(row), b.vals[j*s.width:(j+1)*s.width])
		}
	}
	return nil
}

var errSpillCorrupt = errors.New("spill file corrupt")

// decodeSpilled calls visit with the entries of the blocks spill wrote to buf, whose hashes'
// top byte is top and whose rows carry width values.
func decodeSpilled(buf []byte, top uint64, width int, visit func(h, row uint64, vals []uint32)) error {
	vals := make([]uint32, width)
	for len(buf) > 0 {
		rows, w := binary.Uvarint(buf)
		size := uint64(7 + 4*width)
		if w <= 0 || rows > blockRows || uint64(len(buf)-w) < size*rows {
			return errSpillCorrupt
		}
		hashes := buf[w : w+7*int(rows)]
		packed := buf[w+7*int(rows) : w+int(size*rows)]
		buf = buf[w+int(size*rows):]
		n, w := binary.Uvarint(buf)
		if w <= 0 || uint64(len(buf)-w) < n {
			return errSpillCorrupt
		}
		deltas := buf[w : w+int(n)]
		buf = buf[w+int(n):]
		row := int64(0)
		for j := range int(rows) {
			delta, w := binary.Varint(deltas)
			if row += delta; w <= 0 || row < 0 {
				return errSpillCorrupt
			}
			deltas = deltas[w:]
			var h [8]byte
			copy(h[:7], hashes[7*j:])
			for v := range vals {
				vals[v] = binary.LittleEndian.Uint32(packed[4*(j*width+v):])
			}
			visit(top|binary.LittleEndian.Uint64(h[:]), uint64(row), vals)
		}
	}
	return nil
}

// rowSets are the partial's exact sets, those that grow with rows: duplicate rows, each
// declared key, each declared entity and the equivalence classes.
func (p *partial) rowSets() []*rowSet {
	sets := []*rowSet{&p.rowSet}
	for k := range p.keySets {
		sets = append(sets, &p.keySets[k])
	}
	if rs := p.risk.rowSet(); rs != nil {
		sets = append(sets, rs)
	}
	return append(sets, p.declared.rowSets()...)
}

// spillPast gives each of the partial's row sets its budget and spill directory.
func (p *partial) spillPast(budget int64, dir string) {
	for _, s := range p.rowSets() {
		s.budget, s.dir = budget, dir
	}
}

// release removes the files of the partial's row sets.
func (p *partial) release() {
	for _, s := range p.rowSets() {
		s.release()
	}
}
