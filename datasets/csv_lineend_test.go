package datasets_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/dgcheck/dgcheck/datasets"
)

// Line endings: a file whose lines end in a lone CR (old Mac and Excel exports) is read row by
// row, not as one header of every cell; CRLF and LF files, and a CR inside a quoted field of an
// LF file, read as before. The files are written here: a CR-only file in testdata would be one
// checkout setting away from being rewritten.
func TestCSVLineEndings(t *testing.T) {
	rows := [][]string{{"1", "张三", "13812345678"}, {"2", "李四", "<null>"}, {"3", "王五", "武汉"}}
	tests := []struct {
		name, content, delimiter string
		gb                       bool
		want                     [][]string
		issues                   []datasets.Issue
	}{
		{name: "cr", content: "id,name,phone\r1,张三,13812345678\r2,李四,\r3,王五,武汉\r", delimiter: ",", want: rows},
		{name: "cr without a final line end", content: "id,name,phone\r1,张三,13812345678\r2,李四,\r3,王五,武汉", delimiter: ",", want: rows},
		{name: "cr semicolon", content: "id;name;phone\r1;张三;13812345678\r2;李四;\r3;王五;武汉\r", delimiter: ";", want: rows},
		{name: "cr gb18030", content: "id,name,phone\r1,张三,13812345678\r2,李四,\r3,王五,武汉\r", delimiter: ",", gb: true, want: rows},
		{name: "cr ragged", content: "id,name,phone\r1,张三,13812345678\r2,李四\r3,王五,武汉\r", delimiter: ",",
			want:   [][]string{{"1", "张三", "13812345678"}, {"2", "李四", "<null>"}, {"3", "王五", "武汉"}},
			issues: []datasets.Issue{{Kind: datasets.Ragged, Row: 2, Line: 3, Detail: "2 fields, header has 3", DetailZh: "2 个字段，表头有 3 个"}}},
		{name: "crlf", content: "id,name,phone\r\n1,张三,13812345678\r\n2,李四,\r\n3,王五,武汉\r\n", delimiter: ",", want: rows},
		{name: "lf", content: "id,name,phone\n1,张三,13812345678\n2,李四,\n3,王五,武汉\n", delimiter: ",", want: rows},
		{name: "lf with a quoted cr", content: "id,name,phone\n1,\"张\r三\",13812345678\n", delimiter: ",",
			want: [][]string{{"1", "张\r三", "13812345678"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content := []byte(tt.content)
			if tt.gb {
				var err error
				if content, err = simplifiedchinese.GB18030.NewEncoder().Bytes(content); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(t.TempDir(), "data.csv")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			got, issues, src, err := readAll(t, path)
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{"id", "name", "phone"}; !slices.Equal(src.Columns, want) {
				t.Errorf("columns %q, want %q", src.Columns, want)
			}
			if src.Delimiter != tt.delimiter {
				t.Errorf("delimiter %q, want %q", src.Delimiter, tt.delimiter)
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("rows = %q, want %q", got, tt.want)
			}
			if !slices.Equal(issues, tt.issues) {
				t.Errorf("issues = %+v, want %+v", issues, tt.issues)
			}
			if src.Rows != int64(len(tt.want)) {
				t.Errorf("Source.Rows = %d, want %d", src.Rows, len(tt.want))
			}
		})
	}
}

// The reproduction of the issue: 2,400 cells in CR-only lines were read as 2,400 column names.
func TestCSVCROnlyIsNotOneWideHeader(t *testing.T) {
	var b strings.Builder
	b.WriteString("a,b,c,d,e,f\r")
	for i := range 400 {
		b.WriteString(strings.Repeat("x,", 5) + strings.Repeat("9", i%7+1) + "\r")
	}
	path := filepath.Join(t.TempDir(), "wide.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _, src, err := readAll(t, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Columns) != 6 || len(got) != 400 {
		t.Errorf("%d columns, %d rows; want 6 and 400", len(src.Columns), len(got))
	}
}
