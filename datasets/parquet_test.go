package datasets_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/dgcheck/dgcheck/datasets"
)

// smallParquet writes rows of (id int64, name utf8 with nulls) as a Parquet file.
func smallParquet(t testing.TB, rows int) []byte {
	t.Helper()
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "name", Type: arrow.BinaryTypes.String, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	for i := range rows {
		b.Field(0).(*array.Int64Builder).Append(int64(i + 1))
		if i%3 == 2 {
			b.Field(1).AppendNull()
		} else {
			b.Field(1).(*array.StringBuilder).Append("张" + strings.Repeat("三", i%4+1))
		}
	}
	rec := b.NewRecordBatch()
	defer rec.Release()
	return parquetOf(t, schema, rec, nil, pqarrow.DefaultWriterProps())
}

// parquetOf writes rec (nil: no rows) as a Parquet file of schema and returns its bytes.
func parquetOf(t testing.TB, schema *arrow.Schema, rec arrow.RecordBatch, props *parquet.WriterProperties, arrowProps pqarrow.ArrowWriterProperties) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := pqarrow.NewFileWriter(schema, &buf, props, arrowProps)
	if err != nil {
		t.Fatal(err)
	}
	if rec != nil {
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParquetStreamsBatches(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.parquet")
	if err := os.WriteFile(path, smallParquet(t, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	r, err := datasets.Open(context.Background(), path, datasets.WithBatchSize(4), datasets.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var firsts []int64
	nulls := 0
	for r.Next() {
		b := r.Batch()
		firsts = append(firsts, b.FirstRow)
		nulls += b.Record.Column(1).NullN()
		b.Record.Release()
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	src := r.Source()
	if src.Format != datasets.Parquet || src.Rows != 10 || strings.Join(src.Columns, ",") != "id,name" {
		t.Errorf("source = %+v", src)
	}
	if got := fmt.Sprint(firsts); got != "[1 5 9]" {
		t.Errorf("batch first rows = %s, want [1 5 9]", got)
	}
	if nulls != 3 {
		t.Errorf("nulls = %d, want 3", nulls)
	}
}

// A truncated or corrupt Parquet file is an error naming the file, at open or while reading,
// never a panic.
func TestParquetDamageIsAnError(t *testing.T) {
	whole := smallParquet(t, 200)
	dir := t.TempDir()
	for _, cut := range []int{0, 4, len(whole) / 2, len(whole) - 9, len(whole) - 1} {
		path := filepath.Join(dir, "truncated.parquet")
		if err := os.WriteFile(path, whole[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		err := drain(path)
		var pe *datasets.ParseError
		if !errors.As(err, &pe) || pe.File != path {
			t.Errorf("cut at %d: err = %v, want a *ParseError naming the file", cut, err)
		}
	}
}

func drain(path string) error {
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		return err
	}
	defer r.Close()
	for r.Next() {
		r.Batch().Record.Release()
	}
	return r.Err()
}

// FuzzParquet corrupts bytes of a valid file: reading must end in rows or a *ParseError.
func FuzzParquet(f *testing.F) {
	whole := smallParquet(f, 50)
	f.Add(0, byte(0xff))
	f.Add(len(whole)-8, byte(0))
	f.Add(len(whole)/2, byte(7))
	f.Fuzz(func(t *testing.T, at int, b byte) {
		data := bytes.Clone(whole)
		if at < 0 || at >= len(data) {
			return
		}
		data[at] ^= b
		path := filepath.Join(t.TempDir(), "f.parquet")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := drain(path); err != nil {
			var pe *datasets.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("%v is not a *ParseError", err)
			}
		}
	})
}

// A Parquet schema wider than MaxColumns is refused at open, the limit named, as a CSV header
// is: its footer alone says how wide the table is.
func TestParquetPastTheColumnLimitIsRefused(t *testing.T) {
	fields := make([]arrow.Field, datasets.MaxColumns+1)
	for i := range fields {
		fields[i] = arrow.Field{Name: fmt.Sprintf("c%d", i), Type: arrow.PrimitiveTypes.Int32, Nullable: true}
	}
	path := emptyParquet(t, arrow.NewSchema(fields, nil))
	_, err := datasets.Open(context.Background(), path)
	var pe *datasets.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, datasets.ErrLimit) || !strings.Contains(err.Error(), "4097 columns, more than 4096") {
		t.Errorf("err = %v, want a *ParseError past the column limit", err)
	}
}

// int96Parquet writes rows of (id int64, at INT96 with nulls, name utf8) in row groups of 7,
// as Spark and Impala write timestamps, and returns the microseconds each row holds.
func int96Parquet(t testing.TB, rows int) ([]byte, []int64) {
	t.Helper()
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "at", Type: arrow.FixedWidthTypes.Timestamp_ns, Nullable: true},
		{Name: "name", Type: arrow.BinaryTypes.String, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	var micros []int64
	for i := range rows {
		b.Field(0).(*array.Int64Builder).Append(int64(i + 1))
		us := int64(-2_000_000_000_000_000) + int64(i)*86_400_000_123
		if i%4 == 3 {
			b.Field(1).AppendNull()
			us = -1
		} else {
			b.Field(1).(*array.TimestampBuilder).Append(arrow.Timestamp(us * 1000))
		}
		micros = append(micros, us)
		b.Field(2).(*array.StringBuilder).Append(fmt.Sprint("n", i))
	}
	rec := b.NewRecordBatch()
	defer rec.Release()
	return parquetOf(t, schema, rec, parquet.NewWriterProperties(parquet.WithMaxRowGroupLength(7)),
		pqarrow.NewArrowWriterProperties(pqarrow.WithDeprecatedInt96Timestamps(true))), micros
}

// INT96 columns are read beside the others, batch by batch and row group by row group, with
// nulls where they were and each row's other values beside its timestamp.
func TestParquetInt96BesideOtherColumns(t *testing.T) {
	data, want := int96Parquet(t, 30)
	path := filepath.Join(t.TempDir(), "int96.parquet")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := datasets.Open(context.Background(), path, datasets.WithBatchSize(3))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got := make([]int64, 30)
	for r.Next() {
		b := r.Batch()
		rec := b.Record
		if rec.Schema().Field(1).Type.ID() != arrow.TIMESTAMP || rec.Schema().Field(2).Name != "name" {
			t.Fatalf("schema %v", rec.Schema())
		}
		ids, at, names := rec.Column(0).(*array.Int64), rec.Column(1).(*array.Timestamp), rec.Column(2)
		for i := range int(rec.NumRows()) {
			row := int(ids.Value(i)) - 1
			if int64(row) != b.FirstRow-1+int64(i) || textAt(names, i) != fmt.Sprint("n", row) {
				t.Errorf("batch at row %d holds id %d, name %s at %d", b.FirstRow, ids.Value(i), textAt(names, i), i)
			}
			got[row] = -1
			if !at.IsNull(i) {
				got[row] = int64(at.Value(i))
			}
		}
		rec.Release()
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("timestamps %v, want %v", got, want)
	}
}

// A Parquet schema's blank and repeated names are renamed and located as a CSV header's are,
// so that each column is measured apart.
func TestParquetRepeatedAndBlankNamesAreRenamed(t *testing.T) {
	path := emptyParquet(t, arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "", Type: arrow.PrimitiveTypes.Int64},
	}, nil))
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	src := r.Source()
	if !slices.Equal(src.Columns, []string{"id", "id (column 2)", "column_3"}) {
		t.Errorf("columns %q", src.Columns)
	}
	want := []datasets.Issue{
		{Kind: datasets.DuplicateHeader, Column: "id (column 2)", Detail: `schema field 2 repeats the name "id" of field 1`, DetailZh: `第 2 个模式字段与第 1 个字段重名 "id"`},
		{Kind: datasets.BlankHeader, Column: "column_3", Detail: "schema field 3 is blank", DetailZh: "第 3 个模式字段为空"},
	}
	if !slices.Equal(src.HeaderIssues, want) {
		t.Errorf("header issues %+v, want %+v", src.HeaderIssues, want)
	}
}

// emptyParquet writes a Parquet file of schema and no rows, and returns its path.
func emptyParquet(t *testing.T, schema *arrow.Schema) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "empty.parquet")
	if err := os.WriteFile(path, parquetOf(t, schema, nil, nil, pqarrow.DefaultWriterProps()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// textAt is the text of row i of a column the reader gives: binary and string columns, and
// text columns read as dictionaries, as their bytes; others as arrow formats them.
func textAt(arr arrow.Array, i int) string {
	switch a := arr.(type) {
	case *array.Dictionary:
		return textAt(a.Dictionary(), a.GetValueIndex(i))
	case *array.Binary:
		return string(a.Value(i))
	case *array.String:
		return a.Value(i)
	}
	return arr.ValueStr(i)
}
