package datasets_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/dgcheck/dgcheck/datasets"
)

// parquetSuite is what reading each kept file of Apache's parquet-testing suite
// (testdata/parquet-testing/README.md) must give: its rows, or the error naming its damage.
var parquetSuite = []struct {
	file string
	rows int64
	err  string // a part of the error; "" when the file must be read
}{
	{"data/hadoop_lz4_compressed.parquet", 4, ""},
	{"data/non_hadoop_lz4_compressed.parquet", 4, ""},
	{"data/datapage_v2_empty_datapage.snappy.parquet", 1, ""},
	{"data/datapage_v1-snappy-compressed-checksum.parquet", 5120, ""},
	{"data/plain-dict-uncompressed-checksum.parquet", 1000, ""},
	{"data/rle-dict-snappy-checksum.parquet", 1000, ""},
	{"data/nation.dict-malformed.parquet", 25, ""},
	{"data/column_chunk_key_value_metadata.parquet", 0, ""},
	{"data/int96_from_spark.parquet", 6, ""},
	{"data/unknown-logical-type.parquet", 3, ""},
	{"data/incorrect_map_schema.parquet", 1, ""},
	{"data/datapage_v1-corrupt-checksum.parquet", 0, "row group 0 column a: page 1 (byte 4) fails its CRC-32 checksum"},
	{"data/rle-dict-uncompressed-corrupt-checksum.parquet", 0, "row group 0 column long_field: page 1 (byte 4) fails its CRC-32 checksum"},
	{"bad_data/ARROW-GH-45185.parquet", 0, "record starts with a nonzero repetition level"},
	{"bad_data/ARROW-RS-GH-6229-DICTHEADER.parquet", 0, "ARROW-RS-GH-6229-DICTHEADER.parquet"},
	{"bad_data/ARROW-RS-GH-6229-LEVELS.parquet", 0, "ARROW-RS-GH-6229-LEVELS.parquet"},
	{"bad_data/PARQUET-1481.parquet", 0, "PARQUET-1481.parquet"},
}

func TestParquetTestingSuite(t *testing.T) {
	for _, tt := range parquetSuite {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "parquet-testing", tt.file)
			rows, err := parquetRows(path)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.err == "" && rows != tt.rows:
				t.Errorf("%d rows, want %d", rows, tt.rows)
			case tt.err != "":
				var pe *datasets.ParseError
				if !errors.As(err, &pe) || pe.File != path || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("err = %v, want a *ParseError naming the file and %q", err, tt.err)
				}
			}
		})
	}
}

// parquetRows reads a Parquet file to its end and counts its rows.
func parquetRows(path string) (int64, error) {
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	var rows int64
	for r.Next() {
		b := r.Batch()
		rows += b.Record.NumRows()
		b.Record.Release()
	}
	return rows, r.Err()
}

// Both LZ4 framings decode to the table Arrow C++'s reader test expects of them
// (parquet/arrow/arrow_reader_writer_test.cc, TestArrowReaderAdHoc LZ4 files).
func TestParquetLZ4FramingsDecode(t *testing.T) {
	for _, name := range []string{"hadoop_lz4_compressed.parquet", "non_hadoop_lz4_compressed.parquet"} {
		r, err := datasets.Open(context.Background(), filepath.Join("..", "testdata", "parquet-testing", "data", name))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for r.Next() {
			rec := r.Batch().Record
			for i := range int(rec.NumRows()) {
				got = append(got, fmt.Sprintf("%d %s %g", rec.Column(0).(*array.Int64).Value(i),
					textAt(rec.Column(1), i), rec.Column(2).(*array.Float64).Value(i)))
			}
			rec.Release()
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		r.Close()
		want := "[1593604800 abc 42 1593604800 def 7.7 1593604801 abc 42.125 1593604801 def 7.7]"
		if fmt.Sprint(got) != want {
			t.Errorf("%s: %v, want %s", name, got, want)
		}
	}
}

// Spark's INT96 timestamps are read as microseconds, years past 2262 included. The first four
// are DuckDB's reading of the same file; the sixth, 290000-12-31T01:00:00+02:00 as Spark wrote
// it (int96_from_spark.md), overflows nanoseconds, and DuckDB reads it as a date BC.
func TestParquetInt96FromSpark(t *testing.T) {
	r, err := datasets.Open(context.Background(), filepath.Join("..", "testdata", "parquet-testing", "data", "int96_from_spark.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var got []string
	for r.Next() {
		rec := r.Batch().Record
		col := rec.Column(0).(*array.Timestamp)
		if unit := col.DataType().(*arrow.TimestampType).Unit; unit != arrow.Microsecond {
			t.Errorf("unit %v, want microseconds", unit)
		}
		for i := range col.Len() {
			if col.IsNull(i) {
				got = append(got, "null")
			} else {
				got = append(got, fmt.Sprint(int64(col.Value(i))))
			}
		}
		rec.Release()
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	want := "[1704141296123456 1704070800000000 253402225200000000 1735599600000000 null 9089380393200000000]"
	if fmt.Sprint(got) != want {
		t.Errorf("timestamps %v, want %s", got, want)
	}
}

// A logical type arrow-go does not know reads as its physical type, and a MAP whose keys are
// not declared required as the key-value records it stores, with the values DuckDB reads.
func TestParquetLenientFooter(t *testing.T) {
	dir := filepath.Join("..", "testdata", "parquet-testing", "data")
	for name, want := range map[string]string{
		"unknown-logical-type.parquet": "[known string 1 unknown string 1 known string 2 unknown string 2 known string 3 unknown string 3]",
		"incorrect_map_schema.parquet": `[{"key_value":[{"key":"parent","value":"another"},{"key":"name","value":"report"}]}]`,
	} {
		r, err := datasets.Open(context.Background(), filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got []string
		for r.Next() {
			rec := r.Batch().Record
			for i := range int(rec.NumRows()) {
				for c := range int(rec.NumCols()) {
					got = append(got, textAt(rec.Column(c), i))
				}
			}
			rec.Release()
		}
		if err := r.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r.Close()
		if fmt.Sprint(got) != want {
			t.Errorf("%s: %v, want %s", name, got, want)
		}
	}
}

// TestParquetTestingSuiteWhole reads every file of a checkout of the whole suite, named by
// DGCHECK_PARQUET_TESTING: files under bad_data/ and those named corrupt must be refused with
// an error naming them, every other .parquet file read (encrypted ones, .parquet.encrypted,
// need keys and are left out; shredded variants named INVALID are read as the plain structs
// they are, or not). pastLimits lists the valid files dgcheck refuses by a documented limit
// (README, "Limits").
//
//	DGCHECK_PARQUET_TESTING=/tmp/parquet-testing go test -run TestParquetTestingSuiteWhole -v ./datasets
func TestParquetTestingSuiteWhole(t *testing.T) {
	root := os.Getenv("DGCHECK_PARQUET_TESTING")
	if root == "" {
		t.Skip("DGCHECK_PARQUET_TESTING is not set: it names a checkout of apache/parquet-testing")
	}
	pastLimits := map[string]string{
		"data/large_string_map.brotli.parquet": "a 1 GiB page, past the 256 MiB a decompressed page may hold",
	}
	read, refused := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".parquet") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		_, rerr := parquetRows(path)
		var pe *datasets.ParseError
		bad := strings.HasPrefix(rel, "bad_data/") || strings.Contains(rel, "corrupt")
		switch {
		case strings.Contains(rel, "-INVALID"):
			// Invalid as shredded variants, which dgcheck reads as the plain structs they are.
		case bad && (rerr == nil || !errors.As(rerr, &pe)):
			if !strings.HasPrefix(rel, "bad_data/ARROW-GH-43605") { // read, as Arrow C++ now reads it
				t.Errorf("%s: damaged, but err = %v", rel, rerr)
			}
		case !bad && rerr != nil && pastLimits[rel] == "":
			t.Errorf("%s: refused: %v", rel, rerr)
		case !bad && rerr == nil && pastLimits[rel] != "":
			t.Errorf("%s: read, though past a limit; take it off pastLimits", rel)
		}
		if rerr == nil {
			read++
		} else {
			refused++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files read, %d refused; valid files past a limit: %d", read, refused, len(pastLimits))
}
