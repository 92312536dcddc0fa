package datasets_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

func writeCSV(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data.csv")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Damage that leaves the rest readable is read and located, never an abort: a stray quote
// is a character, blank lines and all-empty rows are counted, NUL bytes are kept and named.
func TestCSVDamageIsReadAndLocated(t *testing.T) {
	tests := []struct {
		name, content string
		want          [][]string
		issues        []datasets.Issue
	}{
		{name: "bare quote in a coordinate",
			content: "id,lat,lon\n1,37°36'37.8\"N,1\n2,x,2\n",
			want:    [][]string{{"1", "37°36'37.8\"N", "1"}, {"2", "x", "2"}},
			issues: []datasets.Issue{{Kind: datasets.BareQuote, Row: 1, Line: 2, Column: "lat",
				Detail: "a \" inside unquoted field 2 (byte 14 of the line), read as a character", DetailZh: "未加引号的字段 2 中有 \"（该行第 14 字节），按字符读取"}}},
		{name: "bare quote after a multi-line quoted field",
			content: "id,note,size\n1,\"two\nlines\",12\"\n2,x,3\n",
			want:    [][]string{{"1", "two\nlines", "12\""}, {"2", "x", "3"}},
			issues: []datasets.Issue{{Kind: datasets.BareQuote, Row: 1, Line: 3, Column: "size",
				Detail: "a \" inside unquoted field 3 (byte 10 of the line), read as a character", DetailZh: "未加引号的字段 3 中有 \"（该行第 10 字节），按字符读取"}}},
		{name: "text after a closing quote mid-file",
			content: "id,name\n1,\"Smith\" Jr\n\n2,x\n",
			want:    [][]string{{"1", "Smith\" Jr"}, {"2", "x"}},
			issues: []datasets.Issue{{Kind: datasets.BareQuote, Row: 1, Line: 2, Column: "name",
				Detail: "text after the closing quote of field 2 (byte 9 of the line), read as characters", DetailZh: "字段 2 的闭合引号后还有文本（该行第 9 字节），按字符读取"},
				{Kind: datasets.BlankRow, Row: 2, Line: 3, Detail: "line 3 is blank (before row 2)", DetailZh: "第 3 行为空行（在第 2 行数据之前）"}}},
		{name: "blank lines",
			content: "id,name\n1,a\n\n\n2,b\r\n\r\n3,c\n",
			want:    [][]string{{"1", "a"}, {"2", "b"}, {"3", "c"}},
			issues: []datasets.Issue{
				{Kind: datasets.BlankRow, Row: 2, Line: 3, Detail: "line 3 is blank (before row 2)", DetailZh: "第 3 行为空行（在第 2 行数据之前）"},
				{Kind: datasets.BlankRow, Row: 2, Line: 4, Detail: "line 4 is blank (before row 2)", DetailZh: "第 4 行为空行（在第 2 行数据之前）"},
				{Kind: datasets.BlankRow, Row: 3, Line: 6, Detail: "line 6 is blank (before row 3)", DetailZh: "第 6 行为空行（在第 3 行数据之前）"}}},
		{name: "blank line after a multi-line field",
			content: "id,name\n1,\"a\nb\"\n\n2,c\n",
			want:    [][]string{{"1", "a\nb"}, {"2", "c"}},
			issues:  []datasets.Issue{{Kind: datasets.BlankRow, Row: 2, Line: 4, Detail: "line 4 is blank (before row 2)", DetailZh: "第 4 行为空行（在第 2 行数据之前）"}}},
		{name: "row of empty fields",
			content: "id,name\n1,a\n,\n2,b\n",
			want:    [][]string{{"1", "a"}, {"<null>", "<null>"}, {"2", "b"}},
			issues:  []datasets.Issue{{Kind: datasets.BlankRow, Row: 2, Line: 3, Detail: "every field is empty", DetailZh: "每个字段都为空"}}},
		{name: "nul byte",
			content: "id,name\n1,a\x00b\n2,c\n",
			want:    [][]string{{"1", "a\x00b"}, {"2", "c"}},
			issues:  []datasets.Issue{{Kind: datasets.NULByte, Row: 1, Line: 2, Column: "name", Detail: "a NUL byte in field 2", DetailZh: "字段 2 中有 NUL 字节"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, issues, _, err := readAll(t, writeCSV(t, tt.content))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(rows, tt.want, slices.Equal) {
				t.Errorf("rows %q, want %q", rows, tt.want)
			}
			if !slices.Equal(issues, tt.issues) {
				t.Errorf("issues\n%+v\nwant\n%+v", issues, tt.issues)
			}
		})
	}
}

// A stray quote in the header is a header issue (QUAL-002 reports those), and the header
// is read.
func TestCSVBareQuoteInHeader(t *testing.T) {
	rows, issues, src, err := readAll(t, writeCSV(t, "id,lat 37\"N\n1,2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(src.Columns, []string{"id", "lat 37\"N"}) || len(rows) != 1 || len(issues) != 0 {
		t.Errorf("columns %q, rows %q, issues %+v", src.Columns, rows, issues)
	}
	want := []datasets.Issue{{Kind: datasets.BareQuote, Line: 1, Column: "lat 37\"N",
		Detail: "a \" inside unquoted header field 2 (byte 10 of the line), read as a character", DetailZh: "未加引号的表头字段 2 中有 \"（该行第 10 字节），按字符读取"}}
	if !slices.Equal(src.HeaderIssues, want) {
		t.Errorf("header issues %+v, want %+v", src.HeaderIssues, want)
	}
}

// A quote left open to the end of the file is read with quotes as characters from the line
// it opens on, the line located; blank lines in what is read so are still blank rows, and a
// header can hold the quote too.
func TestCSVQuoteLeftOpenToTheEnd(t *testing.T) {
	for _, tt := range []struct {
		content string
		want    [][]string
		quote   datasets.Issue // the one stray-quote issue, a row's or the header's
		blank   []int64        // the lines of blank rows, within the rows and after them
	}{
		{content: "id,name\n1,a\n2,\"b\n3,c\n",
			want:  [][]string{{"1", "a"}, {"2", "\"b"}, {"3", "c"}},
			quote: datasets.Issue{Kind: datasets.BareQuote, Row: 2, Line: 3, Column: "name"}},
		{content: "id,name\n1,a\n2,\"b",
			want:  [][]string{{"1", "a"}, {"2", "\"b"}},
			quote: datasets.Issue{Kind: datasets.BareQuote, Row: 2, Line: 3, Column: "name"}},
		{content: "id,name\r\n1,a\r\n\r\n\"2,b\r\n\r\n3,c\r\n\r\n",
			want:  [][]string{{"1", "a"}, {"\"2", "b"}, {"3", "c"}},
			quote: datasets.Issue{Kind: datasets.BareQuote, Row: 2, Line: 4, Column: "id"},
			blank: []int64{3, 5, 7}},
		{content: "\"hello\n\n world\n",
			want:  [][]string{{" world"}},
			quote: datasets.Issue{Kind: datasets.BareQuote, Line: 1, Column: "\"hello"},
			blank: []int64{2}},
	} {
		rows, issues, src, err := readAll(t, writeCSV(t, tt.content))
		if err != nil {
			t.Errorf("%q: refused: %v", tt.content, err)
			continue
		}
		if fmt.Sprint(rows) != fmt.Sprint(tt.want) {
			t.Errorf("%q: rows %q, want %q", tt.content, rows, tt.want)
		}
		var quotes []datasets.Issue
		var blank []int64
		for _, is := range slices.Concat(src.HeaderIssues, issues, src.EndIssues) {
			switch is.Kind {
			case datasets.BareQuote:
				if !strings.Contains(is.Detail, "is never closed") {
					t.Errorf("%q: detail %q does not say the quote is never closed", tt.content, is.Detail)
				}
				if !strings.Contains(is.DetailZh, "始终未闭合") {
					t.Errorf("%q: Chinese detail %q does not say the quote is never closed", tt.content, is.DetailZh)
				}
				is.Detail, is.DetailZh = "", ""
				quotes = append(quotes, is)
			case datasets.BlankRow:
				blank = append(blank, is.Line)
			default:
				t.Errorf("%q: unexpected issue %+v", tt.content, is)
			}
		}
		if len(quotes) != 1 || quotes[0] != tt.quote {
			t.Errorf("%q: quote issues %+v, want [%+v]", tt.content, quotes, tt.quote)
		}
		if !slices.Equal(blank, tt.blank) {
			t.Errorf("%q: blank lines %v, want %v", tt.content, blank, tt.blank)
		}
	}
}

// Blank lines after the last row have no row to carry them: they are Source.EndIssues,
// known once the reader is done, and a file ending in one line end has none.
func TestCSVTrailingBlankLines(t *testing.T) {
	for _, tt := range []struct {
		content string
		want    []int64
	}{
		{"id,name\n1,a\n", nil},
		{"id,name\n1,a", nil},
		{"id,name\n1,a\n\n\r\n", []int64{3, 4}},
		{"id,name\n1,\"a\nb\"\n\n", []int64{4}},
		{"id,name\n\n", []int64{2}},
	} {
		_, issues, src, err := readAll(t, writeCSV(t, tt.content))
		if err != nil {
			t.Fatal(err)
		}
		var lines []int64
		for _, is := range src.EndIssues {
			if is.Kind != datasets.BlankRow || !strings.Contains(is.Detail, "after the last row") {
				t.Errorf("%q: end issue %+v, want a blank row after the last row", tt.content, is)
			}
			lines = append(lines, is.Line)
		}
		if !slices.Equal(lines, tt.want) || len(issues) != 0 {
			t.Errorf("%q: blank lines at the end %v, row issues %+v; want %v and none", tt.content, lines, issues, tt.want)
		}
	}
}

// Text after a closing quote on the last line of a file (backslash-escaped quotes, which
// DuckDB reads) is read, as it is on any other line; a quoted field never closed is not.
func TestCSVTextAfterAClosingQuoteOnTheLastLine(t *testing.T) {
	rows, issues, _, err := readAll(t, writeCSV(t, "foo,bar\n\"332\",\"Surname, Firstname\"\n\"123\",\"foo (\\\"foo\\\")\""))
	if err != nil {
		t.Fatalf("the file was refused: %v", err)
	}
	if len(rows) != 2 || len(issues) != 1 || issues[0].Kind != datasets.BareQuote || issues[0].Line != 3 {
		t.Errorf("%d rows, issues %+v; want 2 rows and the stray quote located on line 3", len(rows), issues)
	}
}

// A header name with bytes its encoding cannot decode is read with U+FFFD, as values are, and
// is a header issue: the column is still measured (DuckDB reads such files too).
func TestCSVUndecodableHeader(t *testing.T) {
	rows, _, src, err := readAll(t, writeCSV(t, "id,na\xffme\n1,2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(src.Columns, []string{"id", "na\uFFFDme"}) || len(rows) != 1 {
		t.Errorf("columns %q, rows %q", src.Columns, rows)
	}
	want := []datasets.Issue{{Kind: datasets.Undecodable, Line: 1, Column: "na\uFFFDme",
		Detail: "header field 2 is not valid utf-8 (read as U+FFFD)", DetailZh: "表头字段 2 不是有效的 utf-8（按 U+FFFD 读取）"}}
	if !slices.Equal(src.HeaderIssues, want) {
		t.Errorf("header issues %+v, want %+v", src.HeaderIssues, want)
	}
}
