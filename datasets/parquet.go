package datasets

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/metadata"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// parquetReader streams row groups through pqarrow's record reader. Never ReadTable: it holds
// the whole file decoded (3.5 GB RSS for a 617 MB file measured here), while a record reader
// holds one batch.
//
// Row groups are decoded in parallel by goroutines of our own rather than with pqarrow's
// Parallel option: that option decodes columns in goroutines that do not recover, so one
// corrupt page (found by FuzzParquet) crashed the process. Our goroutines recover and turn a
// panic into a ParseError. Batches therefore arrive in row-group completion order; FirstRow
// is exact.
type parquetReader struct {
	f      parquetFile
	pf     *file.Reader
	int96  *int96Plan // nil unless the file has top-level INT96 columns
	mem    memory.Allocator
	batchN int64
	src    Source
	batch  Batch
	err    error
	out    chan parquetResult
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

type parquetResult struct {
	batch Batch
	err   error
}

// parquetFile is the bytes of one Parquet file: a local file, or an object in storage read
// by range requests (objectstore.go).
type parquetFile interface {
	parquet.ReaderAtSeeker
	io.Closer
}

func openParquet(ctx context.Context, path string, c config) (Reader, error) {
	f, st, err := openFile(path)
	if err != nil {
		return nil, err
	}
	return openParquetFile(ctx, f, path, filepath.Base(path), st.Size(), c)
}

// openParquetFile reads f, size bytes, which errors call path and reports name; the reader
// closes f.
func openParquetFile(ctx context.Context, f parquetFile, path, name string, size int64, c config) (Reader, error) {
	src := Source{Path: path, Name: name, Format: Parquet, Size: size}
	fail := func(err error) (Reader, error) {
		f.Close()
		return nil, &ParseError{File: path, Err: err}
	}
	pf, fr, schema, err := openFooter(f, size, c)
	if err != nil {
		// Some schemas arrow-go refuses are read by other readers: try once more with the
		// footer read leniently (parquet_footer.go).
		patched, changed, perr := lenientFooter(f, size)
		if perr != nil || len(changed) == 0 {
			return fail(err)
		}
		if pf, fr, schema, perr = openFooter(patched, patched.size(), c); perr != nil {
			return fail(err)
		}
	}
	if n := len(schema.Fields()); n > MaxColumns {
		return fail(tooManyColumns(n))
	}
	names := columnNamer{field: "schema field", fieldZh: "模式字段", seen: map[string]int{}}
	for i, fld := range schema.Fields() {
		src.Columns = append(src.Columns, names.name(i, fld.Name, &src.HeaderIssues))
	}

	ctx, cancel := context.WithCancel(ctx)
	pr := &parquetReader{f: f, pf: pf, src: src, cancel: cancel, int96: planInt96(pf, fr, schema),
		mem: c.mem, batchN: int64(c.batchSize)}
	groups := make(chan int)
	starts := make([]int64, pf.NumRowGroups())
	var rows int64
	for i := range starts {
		starts[i] = rows
		rows += pf.MetaData().RowGroup(i).NumRows()
	}
	pr.src.TotalRows = rows
	workers := max(1, min(runtime.GOMAXPROCS(0), len(starts)))
	pr.out = make(chan parquetResult, workers)
	for range workers {
		pr.wg.Go(func() {
			for rg := range groups {
				if !pr.readRowGroup(ctx, fr, rg, starts[rg]) {
					return
				}
			}
		})
	}
	go func() {
		defer close(groups)
		for rg := range starts {
			if c.schemaOnly {
				return
			}
			if c.parts > 1 && (c.groupBase+rg)%c.parts != c.part-1 {
				continue
			}
			select {
			case groups <- rg:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		pr.wg.Wait()
		close(pr.out)
	}()
	return pr, nil
}

// openFooter reads a Parquet file's footer and its Arrow schema. Footer parsing panics on some
// damaged footers; a damaged file is an error, not a crash.
func openFooter(ra parquet.ReaderAtSeeker, size int64, c config) (pf *file.Reader, fr *pqarrow.FileReader, schema *arrow.Schema, err error) {
	defer func() {
		if p := recover(); p != nil {
			pf, fr, schema, err = nil, nil, nil, fmt.Errorf("corrupt parquet footer: %v", p)
		}
	}()
	if pf, err = file.NewParquetReader(ra, file.WithReadProps(pageReading(ra, c.mem))); err != nil {
		return nil, nil, nil, fmt.Errorf("not a readable parquet file: %w", err)
	}
	if err = checkChunkBounds(pf, size); err != nil {
		return nil, nil, nil, err
	}
	props := pqarrow.ArrowReadProperties{BatchSize: int64(min(c.batchSize, maxParquetBatch))}
	for _, col := range dictionaryColumns(pf) {
		props.SetReadDict(col, true)
	}
	if fr, err = pqarrow.NewFileReader(pf, props, c.mem); err != nil {
		return nil, nil, nil, err
	}
	if schema, err = fr.Schema(); err != nil {
		return nil, nil, nil, err
	}
	return pf, fr, schema, nil
}

// pageReading is how the column chunks of ra are read. Their pages' buffers come from the
// batches' allocator: with arrow's default, every page was new memory, 950 MB of the 2.3 GB
// a 10M-row check allocated, and the collector's work grew with it. A local file is read a
// page at a time through a small buffer rather than a column chunk at a time into memory made
// for it (arrow's default), which was 340 MB more and, for a file of one large row group,
// every chunk of it held at once. An object in storage is still read a chunk at a time: a
// page at a time would be a range request a page.
func pageReading(ra parquet.ReaderAtSeeker, mem memory.Allocator) *parquet.ReaderProperties {
	props := parquet.NewReaderProperties(mem)
	if _, local := ra.(*os.File); local {
		props.BufferedStreamEnabled = true
		props.BufferSize = 64 << 10
	}
	return props
}

// maxParquetBatch bounds a Parquet batch's rows. Each decoder builds a batch while the
// workers measure theirs and the channel holds more: at 64k rows a batch, those of
// the 10M-row roll held 135 MB of Arrow buffers and peaked at 525 MB; at 16k, 377 MB, for 2%
// more time.
const maxParquetBatch = 1 << 14

// dictionaryColumns are the text columns whose every data page is dictionary-encoded: read as
// Arrow dictionaries, each distinct value is decoded once a batch instead of once a row (the
// low-cardinality columns of a roll: sex, street, status). Columns with plain pages are left
// dense, since reading those as a dictionary would hash every value.
func dictionaryColumns(pf *file.Reader) []int {
	md := pf.MetaData()
	var cols []int
next:
	for i := range md.Schema.NumColumns() {
		if c := md.Schema.Column(i); c.PhysicalType() != parquet.Types.ByteArray || len(c.ColumnPath()) != 1 || md.NumRowGroups() == 0 {
			continue
		}
		for rg := range md.NumRowGroups() {
			cc, err := md.RowGroup(rg).ColumnChunk(i)
			if err != nil || !cc.HasDictionaryPage() || !dictionaryPagesOnly(cc) {
				continue next
			}
		}
		cols = append(cols, i)
	}
	return cols
}

// dictionaryPagesOnly says whether a chunk's data pages are all dictionary-encoded: from its
// page encoding statistics when the writer kept them, else from its list of encodings, in
// which PLAIN then means plain data pages (DuckDB lists PLAIN_DICTIONARY alone).
func dictionaryPagesOnly(cc *metadata.ColumnChunkMetaData) bool {
	if stats := cc.EncodingStats(); len(stats) > 0 {
		for _, s := range stats {
			// DATA_PAGE or DATA_PAGE_V2: the type's package is internal to arrow-go.
			if strings.HasPrefix(s.PageType.String(), "DATA_PAGE") && s.Encoding != parquet.Encodings.RLEDict && s.Encoding != parquet.Encodings.PlainDict {
				return false
			}
		}
		return true
	}
	return !slices.Contains(cc.Encodings(), parquet.Encodings.Plain)
}

// checkChunkBounds rejects column chunks whose byte ranges fall outside the file: the
// library trusts them and panics allocating a negative or huge buffer.
func checkChunkBounds(pf *file.Reader, size int64) error {
	md := pf.MetaData()
	for g := range pf.NumRowGroups() {
		rg := md.RowGroup(g)
		for c := range rg.NumColumns() {
			cc, err := rg.ColumnChunk(c)
			if err != nil {
				return fmt.Errorf("row group %d column %d: %w", g, c, err)
			}
			start := cc.DataPageOffset()
			if cc.HasDictionaryPage() && cc.DictionaryPageOffset() > 0 {
				start = min(start, cc.DictionaryPageOffset())
			}
			n := cc.TotalCompressedSize()
			if start < 0 || n < 0 || start+n > size || cc.NumValues() < 0 {
				return fmt.Errorf("row group %d column %d: chunk at byte %d of length %d lies outside the %d-byte file", g, c, start, n, size)
			}
		}
	}
	return nil
}

// readRowGroup sends one row group's batches; it returns false once the reader is cancelled.
func (pr *parquetReader) readRowGroup(ctx context.Context, fr *pqarrow.FileReader, rg int, start int64) (more bool) {
	row := start
	defer func() {
		if p := recover(); p != nil {
			more = pr.send(ctx, parquetResult{err: fmt.Errorf("corrupt data in row group %d after row %d: %v", rg, row, p)})
		}
	}()
	if _, err := verifyChecksums(pr.f, pr.src.Size, pr.pf, rg); err != nil {
		return pr.send(ctx, parquetResult{err: err})
	}
	if pr.int96 != nil {
		return pr.readRowGroupWithInt96(ctx, fr, rg, &row)
	}
	rr, err := fr.GetRecordReader(ctx, nil, []int{rg})
	if err != nil {
		return pr.send(ctx, parquetResult{err: fmt.Errorf("row group %d: %w", rg, err)})
	}
	defer rr.Release()
	for rr.Next() {
		rec := rr.RecordBatch()
		rec.Retain() // the record reader reuses its batch on Next; the receiver owns this one
		if !pr.send(ctx, parquetResult{batch: Batch{Record: rec, FirstRow: row + 1}}) {
			rec.Release()
			return false
		}
		row += rec.NumRows()
	}
	if err := rr.Err(); err != nil {
		return pr.send(ctx, parquetResult{err: fmt.Errorf("row group %d after row %d: %w", rg, row, err)})
	}
	return true
}

// readRowGroupWithInt96 is readRowGroup for a file with INT96 columns (int96Plan): pqarrow
// reads the other columns, in batches whose size gives the INT96 reads theirs. row is the
// rows sent so far, for readRowGroup's messages.
func (pr *parquetReader) readRowGroupWithInt96(ctx context.Context, fr *pqarrow.FileReader, rg int, row *int64) bool {
	fail := func(err error) bool {
		return pr.send(ctx, parquetResult{err: fmt.Errorf("row group %d after row %d: %w", rg, *row, err)})
	}
	readers, err := pr.int96.readers(pr.pf, rg)
	if err != nil {
		return fail(err)
	}
	emit := func(rec arrow.RecordBatch, n int64) bool {
		b, err := pr.int96.batch(readers, rec, n, *row+1, pr.mem)
		if err != nil {
			return fail(err)
		}
		if !pr.send(ctx, parquetResult{batch: b}) {
			b.Record.Release()
			return false
		}
		*row += n
		return true
	}
	if len(pr.int96.others) == 0 {
		// No other column to pace the batches: they are cut here.
		for left := pr.pf.MetaData().RowGroup(rg).NumRows(); left > 0; {
			n := min(left, pr.batchN)
			if !emit(nil, n) {
				return false
			}
			left -= n
		}
		return true
	}
	rr, err := fr.GetRecordReader(ctx, pr.int96.others, []int{rg})
	if err != nil {
		return fail(err)
	}
	defer rr.Release()
	for rr.Next() {
		if rec := rr.RecordBatch(); !emit(rec, rec.NumRows()) {
			return false
		}
	}
	if err := rr.Err(); err != nil {
		return fail(err)
	}
	return true
}

func (pr *parquetReader) send(ctx context.Context, res parquetResult) bool {
	select {
	case pr.out <- res:
		return res.err == nil
	case <-ctx.Done():
		return false
	}
}

func (pr *parquetReader) Source() *Source { return &pr.src }
func (pr *parquetReader) Batch() Batch    { return pr.batch }
func (pr *parquetReader) Err() error      { return pr.err }

func (pr *parquetReader) Next() bool {
	pr.batch = Batch{}
	if pr.err != nil {
		return false
	}
	res, ok := <-pr.out
	if !ok {
		return false
	}
	if res.err != nil {
		var pe *ParseError
		if !errors.As(res.err, &pe) {
			res.err = &ParseError{File: pr.src.Path, Err: res.err}
		}
		pr.err = res.err
		pr.cancel()
		return false
	}
	pr.batch = res.batch
	pr.src.Rows += res.batch.Record.NumRows()
	return true
}

// Close stops the decoders and releases batches nobody will read.
func (pr *parquetReader) Close() error {
	pr.cancel()
	for res := range pr.out {
		if res.batch.Record != nil {
			res.batch.Record.Release()
		}
	}
	pr.pf.Close()
	return nil
}
