package datasets_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/dgcheck/dgcheck/datasets"
)

// readAll reads a dataset under a checked allocator and returns its cells as text ("<null>"
// for nulls), the issues and the source. It fails the test if any buffer leaks.
func readAll(t *testing.T, path string, opts ...datasets.Option) ([][]string, []datasets.Issue, *datasets.Source, error) {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	r, err := datasets.Open(context.Background(), path, append(opts, datasets.WithAllocator(mem), datasets.WithBatchSize(2))...)
	if err != nil {
		return nil, nil, nil, err
	}
	defer r.Close()
	var rows [][]string
	var issues []datasets.Issue
	next := int64(1)
	for r.Next() {
		b := r.Batch()
		if b.FirstRow != next {
			t.Errorf("batch FirstRow = %d, want %d", b.FirstRow, next)
		}
		next += b.Record.NumRows()
		issues = append(issues, b.Issues...)
		for j := range int(b.Record.NumRows()) {
			var row []string
			for c := range int(b.Record.NumCols()) {
				col := b.Record.Column(c)
				if col.IsNull(j) {
					row = append(row, "<null>")
				} else {
					row = append(row, col.(*array.String).Value(j))
				}
			}
			rows = append(rows, row)
		}
		b.Record.Release()
	}
	return rows, issues, r.Source(), r.Err()
}

func TestCSVEncodingsAndDelimiters(t *testing.T) {
	tests := []struct {
		file, encoding, delimiter string
		opts                      []datasets.Option
		want                      [][]string
	}{
		{"gb18030.csv", datasets.GB18030, ",", nil,
			[][]string{{"1", "张三", "武汉"}, {"2", "李四", "北京"}, {"3", "王五", "上海"}}},
		{"bom_semicolon.csv", datasets.UTF8BOM, ";", nil,
			[][]string{{"1", "张三", "武汉"}, {"2", "李四", "北京"}}},
		{"tab.csv", datasets.UTF8, "\t", nil,
			[][]string{{"1", "张三", "a\tb"}, {"2", "李四", "<null>"}}},
		// Forcing the encoding wins over sniffing: GBK is read as its superset GB18030.
		{"gb18030.csv", datasets.GB18030, ",", []datasets.Option{datasets.WithEncoding("gbk")},
			[][]string{{"1", "张三", "武汉"}, {"2", "李四", "北京"}, {"3", "王五", "上海"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rows, issues, src, err := readAll(t, filepath.Join("..", "testdata", "csv", tt.file), tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if src.Encoding != tt.encoding || src.Delimiter != tt.delimiter {
				t.Errorf("encoding %q delimiter %q, want %q %q", src.Encoding, src.Delimiter, tt.encoding, tt.delimiter)
			}
			if !slices.EqualFunc(rows, tt.want, slices.Equal) {
				t.Errorf("rows = %q, want %q", rows, tt.want)
			}
			if len(issues) != 0 {
				t.Errorf("unexpected issues %+v", issues)
			}
			if src.Columns[0] != "id" {
				t.Errorf("first column %q: a BOM or encoding leaked into the header", src.Columns[0])
			}
			if src.Rows != int64(len(tt.want)) {
				t.Errorf("Source.Rows = %d, want %d", src.Rows, len(tt.want))
			}
		})
	}
}

func TestCSVRaggedRowsAreIssuesNotAborts(t *testing.T) {
	rows, issues, _, err := readAll(t, "../testdata/csv/ragged.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"1", "张三", "武汉"}, {"2", "李四", "<null>"}, {"3", "王五", "北京"}, {"4", "赵六", "上海"}}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows = %q, want %q", rows, want)
	}
	if len(issues) != 2 {
		t.Fatalf("issues = %+v, want 2 ragged rows", issues)
	}
	for i, want := range []datasets.Issue{
		{Kind: datasets.Ragged, Row: 2, Line: 3, Detail: "2 fields, header has 3", DetailZh: "2 个字段，表头有 3 个"},
		{Kind: datasets.Ragged, Row: 3, Line: 4, Detail: "4 fields, header has 3", DetailZh: "4 个字段，表头有 3 个"},
	} {
		if issues[i] != want {
			t.Errorf("issue %d = %+v, want %+v", i, issues[i], want)
		}
	}
}

func TestCSVUndecodableBytesAreLocated(t *testing.T) {
	rows, issues, src, err := readAll(t, "../testdata/csv/invalid_utf8.csv")
	if err != nil {
		t.Fatal(err)
	}
	if src.Delimiter != "|" {
		t.Errorf("delimiter %q, want |", src.Delimiter)
	}
	want := datasets.Issue{Kind: datasets.Undecodable, Row: 2, Line: 3, Column: "name", Detail: "bytes not valid utf-8", DetailZh: "字节不是有效的 utf-8"}
	if len(issues) != 1 || issues[0] != want {
		t.Fatalf("issues = %+v, want [%+v]", issues, want)
	}
	if got := rows[1][1]; got != "\uFFFD李四" {
		t.Errorf("repaired value %q, want the bad bytes replaced by U+FFFD", got)
	}
}

// A quote never closed would make the rest of the file one field; DuckDB's sniffer reads such
// a file with quotes as characters, and so does dgcheck, the quote located where it opens.
func TestCSVQuoteNeverClosedIsReadWithQuotesAsCharacters(t *testing.T) {
	rows, issues, _, err := readAll(t, "../testdata/csv/unterminated_quote.csv")
	if err != nil {
		t.Fatalf("the file was refused: %v", err)
	}
	want := [][]string{{"1", "张三", "武汉"}, {"2", "\"李四", "北京"}, {"3", "王五", "上海"}}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
	wantIssue := datasets.Issue{Kind: datasets.BareQuote, Row: 2, Line: 3, Column: "name",
		Detail: "the quote opening field 2 is never closed: lines 3 to 4, the end of the file, are read with quotes as characters", DetailZh: "字段 2 开头的引号始终未闭合：第 3 行至文件末尾第 4 行按引号为字符读取"}
	if len(issues) != 1 || issues[0] != wantIssue {
		t.Errorf("issues %+v, want [%+v]", issues, wantIssue)
	}
}

// Past its limits a file is refused at once, the limit named and located, rather than read
// until memory runs out: a record over MaxRecordBytes (a quote never closed in a large
// file makes one), a header over MaxColumns.
func TestCSVPastTheLimitsIsALocatedError(t *testing.T) {
	long := "id,text\n1,a\n\n2,\"" + strings.Repeat("x", datasets.MaxRecordBytes) + "\"\n3,b\n"
	wide := strings.Repeat("c,", datasets.MaxColumns) + "c\n"
	tests := []struct{ name, content, want string }{
		{"record", long, "data.csv:3: past dgcheck's limit: a record longer than 16 MiB after line 2 (a row this long, or a quoted field that never closes"},
		{"columns", wide, "data.csv:1: past dgcheck's limit: 4097 columns, more than 4096"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := readAll(t, writeCSV(t, tt.content))
			var pe *datasets.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, datasets.ErrLimit) {
				t.Fatalf("err = %v, want a *ParseError past a limit", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want it to hold %q", err, tt.want)
			}
		})
	}
}

func TestOpenRejectsWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.csv")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// An empty file is a table of no columns and no rows, as DuckDB and Frictionless read it;
	// QUAL-002 reports that it has no header.
	r, err := datasets.Open(context.Background(), empty)
	if err != nil {
		t.Fatalf("empty file: %v", err)
	}
	if r.Next() || r.Err() != nil || r.Source().Columns == nil || len(r.Source().Columns) != 0 {
		t.Errorf("empty file: a batch, error %v or columns %#v; want none and no columns", r.Err(), r.Source().Columns)
	}
	r.Close()
	if _, err := datasets.Open(context.Background(), filepath.Join(dir, "data.xlsx")); !errors.Is(err, datasets.ErrUnsupportedFormat) {
		t.Errorf("xlsx: err = %v, want ErrUnsupportedFormat", err)
	}
	if _, err := datasets.Open(context.Background(), "../testdata/csv/ragged.csv", datasets.WithEncoding("ebcdic")); err == nil || !strings.Contains(err.Error(), "unknown encoding") {
		t.Errorf("unknown encoding: err = %v", err)
	}
}

// FuzzCSV feeds arbitrary bytes to the CSV reader: it must return rows or a *ParseError,
// never panic, and every row it returns has the header's width. The fixtures and the messy
// corpus (testdata/messy) are its seeds.
func FuzzCSV(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "csv", "*.csv"))
	messy, _ := filepath.Glob(filepath.Join(messyDir, "*.*sv"))
	for _, path := range append(seeds, messy...) {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := datasets.Open(context.Background(), path, datasets.WithBatchSize(3))
		if err != nil {
			var pe *datasets.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("open: %v is not a *ParseError", err)
			}
			return
		}
		defer r.Close()
		width := int64(len(r.Source().Columns))
		for r.Next() {
			b := r.Batch()
			if b.Record.NumCols() != width {
				t.Fatalf("batch has %d columns, header %d", b.Record.NumCols(), width)
			}
			b.Record.Release()
		}
		if err := r.Err(); err != nil {
			var pe *datasets.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("read: %v is not a *ParseError", err)
			}
		}
	})
}
