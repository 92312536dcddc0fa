package datasets

import (
	"encoding/binary"
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// int96Plan is how a file's top-level INT96 columns are read: by dgcheck, as microsecond
// timestamps, beside pqarrow's record reader for the rest. pqarrow reads INT96 only as
// nanoseconds and fails the whole row group on a value past 2262, while Spark writes its
// microsecond timestamps as INT96, years up to 294,000 (parquet-testing's
// int96_from_spark.parquet).
type int96Plan struct {
	schema *arrow.Schema // every top-level field, INT96 ones as timestamp[us]
	int96  []int         // per top-level field, its leaf column if it is an INT96 one, else -1
	others []int         // the leaf columns pqarrow reads: all but the INT96 ones
}

var int96Type = &arrow.TimestampType{Unit: arrow.Microsecond}

// planInt96 finds the top-level INT96 columns; nil when there are none (INT96 inside a
// nested field is still pqarrow's).
func planInt96(pf *file.Reader, fr *pqarrow.FileReader, schema *arrow.Schema) *int96Plan {
	p := &int96Plan{int96: make([]int, len(fr.Manifest.Fields))}
	fields := schema.Fields()
	found := false
	for i, f := range fr.Manifest.Fields {
		p.int96[i] = -1
		if f.IsLeaf() && pf.MetaData().Schema.Column(f.ColIndex).PhysicalType() == parquet.Types.Int96 {
			p.int96[i], found = f.ColIndex, true
			fields[i].Type = int96Type
		}
	}
	if !found {
		return nil
	}
	for leaf := range pf.MetaData().Schema.NumColumns() {
		if pf.MetaData().Schema.Column(leaf).PhysicalType() != parquet.Types.Int96 || !isTopLevelInt96(p, leaf) {
			p.others = append(p.others, leaf)
		}
	}
	md := schema.Metadata()
	p.schema = arrow.NewSchema(fields, &md)
	return p
}

func isTopLevelInt96(p *int96Plan, leaf int) bool {
	for _, l := range p.int96 {
		if l == leaf {
			return true
		}
	}
	return false
}

// int96Reader reads one INT96 column chunk of a row group.
type int96Reader struct {
	cr     *file.Int96ColumnChunkReader
	name   string
	maxDef int16
	values []parquet.Int96
	defs   []int16
}

// readers opens the plan's INT96 column chunks of row group rg.
func (p *int96Plan) readers(pf *file.Reader, rg int) ([]*int96Reader, error) {
	g := pf.RowGroup(rg)
	var rs []*int96Reader
	for _, leaf := range p.int96 {
		if leaf < 0 {
			rs = append(rs, nil)
			continue
		}
		cr, err := g.Column(leaf)
		if err != nil {
			return nil, err
		}
		ir, ok := cr.(*file.Int96ColumnChunkReader)
		if !ok {
			return nil, fmt.Errorf("column %d is not INT96", leaf)
		}
		descr := pf.MetaData().Schema.Column(leaf)
		rs = append(rs, &int96Reader{cr: ir, name: descr.Name(), maxDef: descr.MaxDefinitionLevel()})
	}
	return rs, nil
}

// batch assembles n rows, from firstRow on: the INT96 columns read here, the others taken
// from rec (pqarrow's batch of p.others; nil when there are none).
func (p *int96Plan) batch(rs []*int96Reader, rec arrow.RecordBatch, n, firstRow int64, mem memory.Allocator) (Batch, error) {
	cols := make([]arrow.Array, len(p.int96))
	k := 0
	for i, r := range rs {
		if r == nil {
			cols[i] = rec.Column(k)
			cols[i].Retain()
			k++
			continue
		}
		arr, err := r.read(n, mem)
		if err != nil {
			releaseAll(cols)
			return Batch{}, fmt.Errorf("column %s: %w", r.name, err)
		}
		cols[i] = arr
	}
	out := array.NewRecordBatch(p.schema, cols, n)
	releaseAll(cols)
	return Batch{Record: out, FirstRow: firstRow}, nil
}

func releaseAll(cols []arrow.Array) {
	for _, c := range cols {
		if c != nil {
			c.Release()
		}
	}
}

// read reads the column's next n rows as microsecond timestamps.
func (r *int96Reader) read(n int64, mem memory.Allocator) (arrow.Array, error) {
	if int64(cap(r.values)) < n {
		r.values, r.defs = make([]parquet.Int96, n), make([]int16, n)
	}
	values, defs := r.values[:n], r.defs[:n]
	var levels int64
	vals := 0
	for levels < n {
		l, v, err := r.cr.ReadBatch(n-levels, values[vals:], defs[levels:], nil)
		if err != nil {
			return nil, err
		}
		if l == 0 {
			return nil, fmt.Errorf("%d rows short of the row group's count", n-levels)
		}
		levels, vals = levels+l, vals+v
	}
	b := array.NewTimestampBuilder(mem, int96Type)
	defer b.Release()
	b.Reserve(int(n))
	next := 0
	for i := range n {
		if r.maxDef > 0 && defs[i] < r.maxDef {
			b.AppendNull()
			continue
		}
		b.Append(arrow.Timestamp(int96Micros(values[next])))
		next++
	}
	return b.NewArray(), nil
}

// int96Micros converts an INT96 timestamp (nanoseconds into a Julian day, then the day) to
// microseconds since the Unix epoch as Spark reads it back: the day a signed 32-bit and the
// nanoseconds a signed 64-bit number, in wrapping 64-bit arithmetic. Spark's writer overflows
// the same way for years past about 292,000 (int96_from_spark.parquet's 290000-12-31T01:00+02:00
// is stored as day -105,862,232 and -9 hours), so only Spark's reading gives its value back;
// Impala's and Hive's INT96, within the day and the calendar, read the same either way.
func int96Micros(v parquet.Int96) int64 {
	const (
		julianUnixEpoch = 2_440_588
		microsPerDay    = 86_400_000_000
	)
	nanos := int64(binary.LittleEndian.Uint64(v[:8]))
	days := int64(int32(binary.LittleEndian.Uint32(v[8:])))
	return (days-julianUnixEpoch)*microsPerDay + nanos/1000
}
