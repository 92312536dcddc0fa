package datasets_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/dgcheck/dgcheck/datasets"
)

const (
	chineseCSV = "编号,姓名,地址,备注\n1,张三,湖北省武汉市洪山区珞喻路,低保户家庭收入核查\n2,李四,北京市海淀区中关村大街,已经完成年度复核\n3,王五,广东省广州市天河区体育西路,需要补充身份证明材料\n"
	// The same table in traditional characters: Big5 has no simplified ones.
	traditionalCSV = "編號,姓名,地址,備註\n1,張三,湖北省武漢市洪山區珞喻路,低保戶家庭收入核查\n2,李四,北京市海淀區中關村大街,已經完成年度複核\n3,王五,廣東省廣州市天河區體育西路,需要補充身份證明材料\n"
	latinCSV       = "id,nom,ville,remarque\n1,Françoise Müller,Besançon,élève déjà inscrite\n2,José Señor,Málaga,años de experiencia\n3,Søren Ærø,Århus,straße geöffnet\n"
)

// Every encoding the reader knows: the same small table, generated in that encoding, is
// sniffed as it and reads back as the same values, and a forced --encoding reads it too.
func TestCSVEncodingsAreDetectedAndDecoded(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	bomLE := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	bomBE := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	tests := []struct {
		name   string
		text   string
		enc    encoding.Encoding // nil: the text's UTF-8 bytes
		want   string            // Source.Encoding when sniffed
		forced []string          // --encoding names that read it alike
	}{
		{"utf-8 chinese", chineseCSV, nil, datasets.UTF8, []string{"utf-8", "utf8"}},
		{"utf-16le with BOM", chineseCSV, bomLE, datasets.UTF16LE, []string{"utf-16le"}},
		{"utf-16be with BOM", chineseCSV, bomBE, datasets.UTF16BE, []string{"utf-16be"}},
		{"utf-16le without BOM", chineseCSV, utf16le, datasets.UTF16LE, []string{"utf-16le", "UTF-16LE"}},
		{"utf-16be without BOM", chineseCSV, utf16be, datasets.UTF16BE, []string{"utf-16be"}},
		{"utf-16le latin", latinCSV, utf16le, datasets.UTF16LE, []string{"utf-16le"}},
		{"gb18030", chineseCSV, simplifiedchinese.GB18030, datasets.GB18030, []string{"gb18030", "gbk", "gb2312"}},
		{"gbk", chineseCSV, simplifiedchinese.GBK, datasets.GB18030, []string{"gbk"}},
		{"gb2312 (hz-free euc-cn)", chineseCSV, simplifiedchinese.GBK, datasets.GB18030, []string{"gb2312"}},
		{"big5", traditionalCSV, traditionalchinese.Big5, datasets.Big5, []string{"big5"}},
		{"latin-1", latinCSV, charmap.ISO8859_1, datasets.Windows1252, []string{"latin1", "iso-8859-1"}},
		{"windows-1252", latinCSV + "4,“Zoë”,Köln,€ 5\n", charmap.Windows1252, datasets.Windows1252, []string{"windows-1252"}},
		// Its punctuation, not accented letters, is what most English text in it holds.
		{"windows-1252 punctuation", "id,title,price\n1,“Quoted” – dash,€5\n2,it’s…,€7\n", charmap.Windows1252, datasets.Windows1252, []string{"windows-1252", "cp1252"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content := []byte(tt.text)
			if tt.enc != nil {
				var err error
				if content, err = tt.enc.NewEncoder().Bytes(content); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(t.TempDir(), "data.csv")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			want := parseLines(tt.text)
			for _, forced := range append([]string{""}, tt.forced...) {
				var opts []datasets.Option
				if forced != "" {
					opts = append(opts, datasets.WithEncoding(forced))
				}
				rows, issues, src, err := readAll(t, path, opts...)
				if err != nil {
					t.Fatalf("encoding %q: %v", forced, err)
				}
				if forced == "" && src.Encoding != tt.want {
					t.Errorf("sniffed %q, want %q", src.Encoding, tt.want)
				}
				if !slices.Equal(src.Columns, want[0]) {
					t.Errorf("encoding %q: columns %q, want %q", forced, src.Columns, want[0])
				}
				if !slices.EqualFunc(rows, want[1:], slices.Equal) {
					t.Errorf("encoding %q: rows %q, want %q", forced, rows, want[1:])
				}
				if len(issues) != 0 {
					t.Errorf("encoding %q: issues %+v, want none", forced, issues)
				}
			}
		})
	}
}

// A sample of 64 KiB cut mid-character is still sniffed right: the sniffer allows for it.
func TestCSVEncodingSniffedFromALongFile(t *testing.T) {
	for _, tt := range []struct {
		enc  encoding.Encoding
		text string
		want string
	}{
		{simplifiedchinese.GB18030, chineseCSV, datasets.GB18030},
		{traditionalchinese.Big5, traditionalCSV, datasets.Big5},
		{charmap.Windows1252, latinCSV, datasets.Windows1252},
		{unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), chineseCSV, datasets.UTF16LE},
	} {
		header, body, _ := strings.Cut(tt.text, "\n")
		text := header + "\n" + strings.Repeat(body, 2000)
		content, err := tt.enc.NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "data.csv")
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		rows, issues, src, err := readAll(t, path)
		if err != nil || src.Encoding != tt.want || len(rows) != 6000 || len(issues) != 0 {
			t.Errorf("%s: err %v, encoding %q, %d rows, %d issues; want %s, 6000 rows, none", tt.want, err, src.Encoding, len(rows), len(issues), tt.want)
		}
	}
}

// parseLines splits a small unquoted CSV into its fields, empty ones "<null>" as readAll
// gives them.
func parseLines(text string) [][]string {
	var out [][]string
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		fields := strings.Split(line, ",")
		for i, f := range fields {
			if f == "" {
				fields[i] = "<null>"
			}
		}
		out = append(out, fields)
	}
	return out
}
