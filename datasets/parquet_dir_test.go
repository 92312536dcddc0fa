package datasets_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/dgcheck/dgcheck/datasets"
)

// partitioned writes files of smallParquet rows under dir, each at its relative path.
func partitioned(t *testing.T, dir string, files map[string]int) {
	t.Helper()
	for name, rows := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, smallParquet(t, rows), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A Hive-partitioned directory reads as one dataset: its files' rows in path order, numbered
// across them, with each partition key a column (URL-escaped values decoded, Hive's null
// folder a null); the files Spark leaves beside the data are not rows.
func TestParquetDirectoryIsOneDataset(t *testing.T) {
	dir := t.TempDir()
	partitioned(t, dir, map[string]int{
		"year=2023/region=420111/part-0.parquet":             5,
		"year=2024/region=420111/part-0.parquet":             3,
		"year=2024/region=%E6%B4%AA%E5%B1%B1/a.parquet":      2,
		"year=__HIVE_DEFAULT_PARTITION__/region=x/z.parquet": 1,
	})
	for _, junk := range []string{"_SUCCESS", "year=2023/.part-0.parquet.crc", "_temporary/x.parquet"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, junk)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, junk), []byte("not data"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	r, err := datasets.Open(context.Background(), dir, datasets.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if cols := r.Source().Columns; !slices.Equal(cols, []string{"id", "name", "year", "region"}) {
		t.Fatalf("columns %q", cols)
	}
	type row struct {
		first       int64
		year, place string
	}
	var got []row
	for r.Next() {
		b := r.Batch()
		rec := b.Record
		year, place := rec.Column(2).(*array.String), rec.Column(3).(*array.String)
		y := "null"
		if !year.IsNull(0) {
			y = year.Value(0)
		}
		got = append(got, row{b.FirstRow, y, place.Value(0)})
		rec.Release()
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(got, func(a, b row) int { return int(a.first - b.first) })
	// Path order is the bytes of the names as written: region=%E6... before region=420111.
	want := []row{{1, "2023", "420111"}, {6, "2024", "洪山"}, {8, "2024", "420111"}, {11, "null", "x"}}
	if !slices.Equal(got, want) {
		t.Errorf("batches %v, want %v", got, want)
	}
	if src := r.Source(); src.Rows != 11 || src.Name != filepath.Base(dir) || src.Format != datasets.Parquet {
		t.Errorf("source %+v", src)
	}
}

// Files that are not one table are refused, naming the file that differs.
func TestParquetDirectoryMustBeOneTable(t *testing.T) {
	other := arrow.NewSchema([]arrow.Field{{Name: "code", Type: arrow.BinaryTypes.String}}, nil)
	for _, tc := range []struct {
		name  string
		files map[string]int
		odd   string // a file of another schema, at this path
		want  string
	}{
		{"other columns", map[string]int{"a.parquet": 2}, "b.parquet", "b.parquet: its columns [code] are not the dataset's [id, name]"},
		{"other keys", map[string]int{"year=2024/a.parquet": 2, "region=x/b.parquet": 2}, "", "year=2024/a.parquet: its folders name the partition keys [year], other files' [region]"},
		{"key is a column", map[string]int{"id=1/a.parquet": 2}, "", "the partition key id is also a column of the file"},
		{"no file", map[string]int{}, "", "a directory without a .parquet file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			partitioned(t, dir, tc.files)
			if tc.odd != "" {
				b := array.NewRecordBuilder(memory.DefaultAllocator, other)
				b.Field(0).(*array.StringBuilder).Append("x")
				rec := b.NewRecordBatch()
				b.Release()
				if err := os.WriteFile(filepath.Join(dir, tc.odd), parquetOf(t, other, rec, nil, pqarrow.DefaultWriterProps()), 0o644); err != nil {
					t.Fatal(err)
				}
				rec.Release()
			}
			r, err := datasets.Open(context.Background(), dir)
			if err == nil {
				for r.Next() {
					r.Batch().Record.Release()
				}
				err = r.Err()
				r.Close()
			}
			if err == nil || !strings.Contains(filepath.ToSlash(err.Error()), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// Keys nested in another order are the same partitions, and a key named twice on one path
// takes its first value, as DuckDB reads its hive-partitioning test data
// (data/parquet-testing/hive-partitioning: different_order, duplicate_names).
func TestParquetDirectoryKeysByName(t *testing.T) {
	dir := t.TempDir()
	partitioned(t, dir, map[string]int{"date=2012/part=a/t.parquet": 1, "part=b/date=2013/t.parquet": 1})
	r, err := datasets.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var got []string
	for r.Next() {
		rec := r.Batch().Record
		got = append(got, rec.Column(2).(*array.String).Value(0)+"/"+rec.Column(3).(*array.String).Value(0))
		rec.Release()
	}
	slices.Sort(got)
	if !slices.Equal(r.Source().Columns, []string{"id", "name", "date", "part"}) || !slices.Equal(got, []string{"2012/a", "2013/b"}) {
		t.Errorf("columns %q, rows %q; want date and part by name", r.Source().Columns, got)
	}

	twice := t.TempDir()
	partitioned(t, twice, map[string]int{"x=1/x=2/t.parquet": 1})
	r2, err := datasets.Open(context.Background(), twice)
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	if !r2.Next() || !slices.Equal(r2.Source().Columns, []string{"id", "name", "x"}) || r2.Batch().Record.Column(2).(*array.String).Value(0) != "1" {
		t.Errorf("a key named twice: columns %q; want one x, its first value 1", r2.Source().Columns)
	}
	r2.Batch().Record.Release()
}

// The parts of a dataset (WithPart) read its row groups, across its files, each exactly once:
// together they are the whole's rows, each under its number in the whole, and every part
// reports the whole's total.
func TestPartsReadEachRowGroupOnce(t *testing.T) {
	dir := t.TempDir()
	partitioned(t, dir, map[string]int{"year=2023/a.parquet": 5, "year=2024/a.parquet": 3, "year=2024/b.parquet": 2, "year=2025/a.parquet": 4})
	rowsOf := func(opts ...datasets.Option) (rows []int64, total int64) {
		t.Helper()
		r, err := datasets.Open(context.Background(), dir, opts...)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for r.Next() {
			b := r.Batch()
			for j := range b.Record.NumRows() {
				rows = append(rows, b.FirstRow+j)
			}
			b.Record.Release()
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		return rows, r.Source().TotalRows
	}
	whole, total := rowsOf()
	if len(whole) != 14 || total != 14 {
		t.Fatalf("the whole: %d rows of %d", len(whole), total)
	}
	for n := 1; n <= 5; n++ {
		var all []int64
		for i := 1; i <= n; i++ {
			rows, partTotal := rowsOf(datasets.WithPart(i, n))
			if partTotal != total {
				t.Errorf("part %d/%d: total %d, want the whole's %d", i, n, partTotal, total)
			}
			all = append(all, rows...)
		}
		slices.Sort(all)
		if !slices.Equal(all, whole) {
			t.Errorf("%d parts read rows %v, the whole %v", n, all, whole)
		}
	}
	for _, tc := range []struct {
		path string
		opt  datasets.Option
		want string
	}{
		{dir, datasets.WithPart(0, 3), "numbered from 1"},
		{dir, datasets.WithPart(4, 3), "numbered from 1"},
		{"../examples/dibao/hongshan_dibao_2025.csv", datasets.WithPart(1, 2), "a CSV is measured whole"},
	} {
		if r, err := datasets.Open(context.Background(), tc.path, tc.opt); err == nil || !strings.Contains(err.Error(), tc.want) {
			if r != nil {
				r.Close()
			}
			t.Errorf("%s: %v, want an error saying %q", tc.path, err, tc.want)
		}
	}
}
