package checkers

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

func TestDirtyOf(t *testing.T) {
	tests := []struct {
		value string
		want  []string
	}{
		{"999999", []string{"sentinel"}},
		{"-9999999", []string{"sentinel"}},
		{"99999", nil}, // five 9s: too often a real amount
		{"990000", nil},
		{"é\uFFFD", []string{"mojibake"}},
		{"锟斤拷锟斤拷", []string{"mojibake"}},
		{"CafÃ©", []string{"mojibake"}},       // UTF-8 é read as Latin-1
		{"â€œquotedâ€", []string{"mojibake"}}, // UTF-8 “ read as Windows-1252
		{"Ã", nil}, // a real Ã at the end of a value
		{"a\x00b", []string{"control"}},
		{"a\x1bb", []string{"control"}},
		{"a\u0085b", []string{"control"}}, // C1 NEL
		{"line one\nline two\tcolumn", nil},
		{"４２０１１１", []string{"fullwidth"}},
		{"420111\u3000", []string{"ideographic_space"}},
		{"户主公民身份号码（GB 11643-1999，18位）", []string{"fullwidth"}}, // full-width brackets and comma
		{"洪山区珞南街道", nil},
		{"北京", nil},
	}
	for _, tt := range tests {
		var got []string
		kinds := dirtyOf(tt.value, detect.ShapeOf(tt.value))
		for k := range numDirty {
			if kinds&(1<<k) != 0 {
				got = append(got, dirtyNames[k])
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("dirtyOf(%q) = %v, want %v", tt.value, got, tt.want)
		}
	}
}

func TestReferenceKeyIgnoresSpellingAndEdition(t *testing.T) {
	for _, name := range []string{"GB/T 2260", "GB/T 2260-2024", "gbt2260", "GB/T2260"} {
		if _, ok := codeList(name); !ok {
			t.Errorf("codeList(%q) not found", name)
		}
	}
	if _, ok := codeList("GB/T 4754"); ok {
		t.Error("an unbundled code list was found")
	}
	if r, ok := standard("GB 11643-1999"); !ok || !r.conform("11010519491231002X") || r.conform("110105194912310021") {
		t.Errorf("standard GB 11643-1999 = %+v, %v", r, ok)
	}
	// The date standard by its current edition's number, the one it replaced, and ISO's.
	for _, name := range []string{"GB/T 7408.1-2023", "GB/T 7408-2005", "GB/T 7408", "ISO 8601"} {
		if r, ok := standard(name); !ok || !r.conform("2024-02-29") || r.conform("2023-02-29") {
			t.Errorf("standard(%q) = %+v, %v; want the ISO 8601 date check", name, r, ok)
		}
	}
}

// declaredRoll breaks each declared check once or twice, on known rows.
const declaredRoll = `id,sex,birth_date,sfzh,size,start_date,end_date,status,region,remark
A001,男,1949-12-31,11010519491231002X,2,2020-01-01,2021-01-01,在保,420111,
A002,女,1949-12-31,11010519491231002X,x,2019-13-01,2018-01-01,停保,420111,NULL
A003,男,1985-01-01,110105198501010012,9,2020-01-01,,暂停,999999,CafÃ©
A004,男,1985-01-01,110105198501010012,1,2014-06-30,2016-01-01,在保,４２０１１１,
A05,女,1990-05-05,11010519900505002X,3,2020-05-05,2021-05-05,在保,420111,无
`

func declaredMetadata(refPath string) *datasets.Metadata {
	minSize, maxSize := "1", "6"
	four := 4
	return &datasets.Metadata{
		MissingValues: []string{"无"},
		TimeField:     "start_date",
		Temporal:      &datasets.Temporal{Start: "2015-01-01", End: "2025-06-30"},
		Fields: []datasets.Field{
			{Name: "id", Constraints: &datasets.Constraints{Pattern: `A\d{3}`, MinLength: &four}},
			{Name: "sex", CodeList: "GB/T 2261.1", Nullable: new(false)},
			{Name: "birth_date", Datatype: "date"},
			{Name: "sfzh", StandardRef: "GB 11643-1999"},
			{Name: "size", Datatype: "integer", Constraints: &datasets.Constraints{Minimum: minSize, Maximum: maxSize}},
			{Name: "start_date", Datatype: "date"},
			{Name: "status", Constraints: &datasets.Constraints{Enum: []string{"在保", "停保"}}},
			{Name: "region", CodeList: "GB/T 2260-2024", Nullable: new(false)},
			{Name: "remark", Nullable: new(false)},
		},
		BusinessRules: []datasets.BusinessRule{{Name: "ends after it starts", Column: "end_date", Op: ">=", Other: "start_date"}},
		Consistency: []datasets.Derivation{
			{Column: "birth_date", From: "sfzh", Derivation: "cn_id_birth_date"},
			{Column: "sex", From: "sfzh", Derivation: "cn_id_sex"},
		},
		TemporalOrder: [][]string{{"birth_date", "start_date", "end_date"}},
		Entities:      []datasets.Entity{{Key: []string{"sfzh"}, Attributes: []string{"sex", "status"}}},
		ForeignKeys: []datasets.ForeignKey{{Fields: []string{"region"},
			Reference: datasets.FKReference{Path: refPath, Fields: []string{"code"}}}},
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestScanMeasuresWhatTheMetadataDeclares(t *testing.T) {
	ref := writeFile(t, "regions.csv", "code,name\n420111,洪山区\n420102,江岸区\n,空\n")
	p := scanCSV(t, declaredRoll, Plan{Metadata: declaredMetadata(ref)})
	col := func(name string) ColumnProfile {
		i := slices.IndexFunc(p.Columns, func(c ColumnProfile) bool { return c.Name == name })
		return p.Columns[i]
	}
	rows := func(ss []Sample) (out []int64) {
		for _, s := range ss {
			out = append(out, s.Row)
		}
		return out
	}
	checks := []struct {
		column, check string
		evaluated     int64
		failed        []int64
	}{
		{"id", "pattern", 5, []int64{5}},
		{"id", "min_length", 5, []int64{5}},
		{"sex", "code_list", 5, nil},
		{"birth_date", "type", 5, nil},
		{"sfzh", "standard", 5, []int64{5}}, // a wrong check digit
		{"size", "type", 5, []int64{2}},
		{"size", "minimum", 4, nil},
		{"size", "maximum", 4, []int64{3}},
		{"start_date", "type", 5, []int64{2}},
		{"start_date", "temporal_coverage", 4, []int64{4}},
		{"status", "enum", 5, []int64{3}},
		{"region", "code_list", 5, []int64{3, 4}},
	}
	for _, c := range checks {
		got := col(c.column).Constraints[c.check]
		if got == nil {
			t.Errorf("%s: no %s check", c.column, c.check)
			continue
		}
		if got.Evaluated != c.evaluated || got.Failed != int64(len(c.failed)) || !slices.Equal(rows(got.Samples), c.failed) {
			t.Errorf("%s %s = evaluated %d, failed %d at rows %v; want %d, failing rows %v",
				c.column, c.check, got.Evaluated, got.Failed, rows(got.Samples), c.evaluated, c.failed)
		}
	}
	if s := col("region").Constraints["code_list"]; s.Reference != "GB/T 2260 (bundled edition 2024-12)" || s.Samples[1].Value == "４２０１１１" {
		t.Errorf("region code list = %+v: it must name the edition and mask samples", s)
	}
	if d := col("region").Dirty; d["fullwidth"] == nil || d["fullwidth"].Count != 1 || d["sentinel"].Count != 1 {
		t.Errorf("region dirty = %v", d)
	}
	if d := col("remark").Dirty; d["mojibake"] == nil || d["mojibake"].Samples[0].Row != 3 {
		t.Errorf("remark dirty = %v", d)
	}

	wantRows := map[string]struct {
		evaluated int64
		failed    []int64
	}{
		// Row 2's remark is NULL and row 1's, 4's are empty; 无 is a declared missing value.
		"required fields":                      {5, []int64{1, 2, 4, 5}},
		"ends after it starts":                 {4, []int64{2}},
		"cn_id_birth_date":                     {5, nil},
		"cn_id_sex":                            {5, []int64{1}}, // an even 17th digit is a woman
		"birth_date <= start_date <= end_date": {5, []int64{2}},
	}
	for _, rc := range p.Table.RowChecks {
		want, ok := wantRows[rc.Name]
		if !ok {
			t.Errorf("unexpected row check %+v", rc)
			continue
		}
		delete(wantRows, rc.Name)
		if rc.Evaluated != want.evaluated || !slices.Equal(rows(rc.Samples), want.failed) || rc.Failed != int64(len(want.failed)) {
			t.Errorf("%s %s = evaluated %d failed %d at %v, want %d at %v", rc.Kind, rc.Name, rc.Evaluated, rc.Failed, rows(rc.Samples), want.evaluated, want.failed)
		}
	}
	for name := range wantRows {
		t.Errorf("row check %s not measured", name)
	}

	// Rows 1 and 2 share an ID with different sex and status; rows 3 and 4 agree on sex and differ in status.
	for _, e := range p.Table.Entities {
		want := map[string][2]int64{"sex": {3, 1}, "status": {3, 2}}[e.Attribute]
		if e.Entities != want[0] || e.Inconsistent != want[1] {
			t.Errorf("entity %v %s = %d entities, %d inconsistent; want %v", e.Key, e.Attribute, e.Entities, e.Inconsistent, want)
		}
	}
	if len(p.Table.ForeignKeys) != 1 {
		t.Fatalf("foreign keys = %+v", p.Table.ForeignKeys)
	}
	fk := p.Table.ForeignKeys[0]
	if fk.Referenced.Rows != 3 || fk.Referenced.Keys != 2 || fk.Evaluated != 5 || !slices.Equal(rows(fk.Samples), []int64{3, 4}) {
		t.Errorf("foreign key = %+v", fk)
	}
	if v := fk.Samples[0].Value; v == "999999" || v == "" {
		t.Errorf("foreign key sample %q must be masked", v)
	}
}

// Declared checks, row checks and entities merge like every other part of a profile.
func TestDeclaredChecksAreIndependentOfBatchingAndWorkers(t *testing.T) {
	ref := writeFile(t, "regions.csv", "code\n420111\n420102\n")
	var b strings.Builder
	b.WriteString("id,sex,birth_date,sfzh,size,start_date,end_date,status,region,remark\n")
	ids := []string{"11010519491231002X", "110105198501010012", "11010519900505002X"}
	for i := range 3000 {
		fmt.Fprintf(&b, "A%03d,%s,1985-01-01,%s,%d,20%02d-01-01,20%02d-06-01,%s,%s,%s\n", i%1000,
			[]string{"男", "女", "x"}[i%3], ids[i%3], i%9, 10+i%20, 12+i%15,
			[]string{"在保", "停保", "暂停"}[i%7%3], []string{"420111", "420102", "999999"}[i%11%3], []string{"", "NULL", "ok"}[i%5%3])
	}
	m := declaredMetadata(ref)
	want, err := json.Marshal(scanCSV(t, b.String(), Plan{Metadata: m, Workers: 1}))
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{2, 3} {
		got, _ := json.Marshal(scanCSV(t, b.String(), Plan{Metadata: m, Workers: workers}, datasets.WithBatchSize(97)))
		if string(got) != string(want) {
			t.Errorf("workers=%d: profile differs from one worker's", workers)
		}
	}
}

func TestUnusableDeclarationsAreErrors(t *testing.T) {
	path := writeFile(t, "roll.csv", "id,region\n1,420111\n")
	for name, m := range map[string]*datasets.Metadata{
		"pattern":    {Fields: []datasets.Field{{Name: "id", Constraints: &datasets.Constraints{Pattern: "(["}}}},
		"op":         {BusinessRules: []datasets.BusinessRule{{Name: "r", Column: "id", Op: "=>", Value: "0"}}},
		"derivation": {Consistency: []datasets.Derivation{{Column: "region", From: "id", Derivation: "cn_id_age"}}},
		"reference":  {ForeignKeys: []datasets.ForeignKey{{Fields: []string{"region"}, Reference: datasets.FKReference{Path: filepath.Join(t.TempDir(), "none.csv"), Fields: []string{"code"}}}}},
	} {
		r, err := datasets.Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Scan(t.Context(), r, Plan{Metadata: m})
		r.Close()
		if err == nil {
			t.Errorf("%s: an unusable declaration scanned without error", name)
		}
	}
}

func TestHeaderIssuesReachTheProfile(t *testing.T) {
	p := scanCSV(t, "id,,name,id\n1,2,3,4\n", Plan{})
	h := p.Table.HeaderIssues
	if h.Count != 2 || h.Samples[0].Column != "column_2" || h.Samples[1].Column != "id (column 4)" || h.Samples[1].Line != 1 {
		t.Errorf("header issues = %+v", h)
	}
}

// A header field with two issues (undecodable bytes and a stray quote) is one field of the
// count QUAL-002 measures against the number of columns: counted twice, one column read
// A = -1 of B = 1 (a fuzzed file of DuckDB's corpus, afl/3977/case_26.csv).
func TestHeaderIssuesCountFields(t *testing.T) {
	p := scanCSV(t, "na\xffm\"e,id\n1,2\n", Plan{})
	h := p.Table.HeaderIssues
	if h.Count != 1 || len(h.Samples) != 2 || h.Samples[0].Column != h.Samples[1].Column {
		t.Errorf("header issues = %+v, want 1 field with 2 issues", h)
	}
}

func TestKeptValuesStopAtTheLimit(t *testing.T) {
	p := scanCSV(t, "sex,n\n男,1\n女,2\n男,3\n", Plan{KeepValues: 2})
	if !slices.Equal(p.Columns[0].Values, []string{"女", "男"}) || p.Columns[1].Values != nil {
		t.Errorf("values = %q and %q, want the sexes and none of the three numbers", p.Columns[0].Values, p.Columns[1].Values)
	}
	if raw, _ := json.Marshal(p.Columns[0]); strings.Contains(string(raw), `"values"`) || strings.Contains(string(raw), `"女","男"`) {
		t.Error("kept values reached the profile's JSON")
	}
}

// A value with several kinds of dirt is counted under each kind and once among the overlaps,
// so QUAL-013 can count it as one value.
func TestDirtyOverlapsCountValuesWithSeveralKinds(t *testing.T) {
	p := scanCSV(t, "code\n４２０１１１\u3000\n４２０１１２\u3000\n４２０１１３\n420114\u3000\n420115\n", Plan{})
	col := p.Columns[0]
	if col.Dirty["fullwidth"].Count != 3 || col.Dirty["ideographic_space"].Count != 3 {
		t.Errorf("dirty %+v, want 3 full-width and 3 ideographic spaces", col.Dirty)
	}
	want := []DirtyOverlap{{Kinds: []string{"fullwidth", "ideographic_space"}, Count: 2}}
	if !reflect.DeepEqual(col.DirtyOverlaps, want) {
		t.Errorf("overlaps %+v, want %+v", col.DirtyOverlaps, want)
	}
}
