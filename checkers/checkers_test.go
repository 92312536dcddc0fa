package checkers

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

func TestKindOf(t *testing.T) {
	tests := map[string]string{
		"0": "integer", "42": "integer", "-7": "integer", "+3": "integer",
		"123456789012345":    "integer",
		"110105194912310021": "string", // 18 digits: an identifier, not a quantity
		"007":                "string", // a leading zero marks a code
		"0571":               "string",
		"3.14":               "number", "-0.5": "number", ".5": "number", "1e6": "number", "2.5E-3": "number", "780": "integer",
		"1.2.3": "string", "1e": "string", "-": "string", ".": "string",
		"true": "boolean", "FALSE": "boolean", "yes": "string",
		"2024-02-29": "date", "2023-02-29": "string", "2024-13-01": "string", "2024/01/01": "string",
		"2024-01-01T08:30:00Z": "datetime", "2024-01-01 08:30": "datetime", "2024-01-01T08:30:00.123+08:00": "datetime",
		"2024-01-01T25:00": "string", "张三": "string", "N/A": "string",
	}
	for v, want := range tests {
		if got := kindNames[kindOf(v)]; got != want {
			t.Errorf("kindOf(%q) = %s, want %s", v, got, want)
		}
	}
}

func TestDistinctIsExactWhenSmallAndCloseWhenLarge(t *testing.T) {
	for _, n := range []int{0, 1, 1000, exactLimit, exactLimit + 1, 200_000, 1_000_000} {
		d := newDistinctCounter(exactLimit)
		for i := range n {
			d.add(hashString(fmt.Sprint(i)))
			d.add(hashString(fmt.Sprint(i))) // repeats must not count
		}
		got, exact := d.count()
		if n <= exactLimit {
			if !exact || got != int64(n) {
				t.Errorf("n=%d: count = %d exact=%v, want exact %d", n, got, exact, n)
			}
			continue
		}
		if exact {
			t.Errorf("n=%d: still exact past the limit", n)
		}
		if e := math.Abs(float64(got)-float64(n)) / float64(n); e > 0.03 {
			t.Errorf("n=%d: estimate %d is %.1f%% off (sketch error is ~0.8%%)", n, got, 100*e)
		}
	}
}

func TestDistinctMergeEqualsOnePass(t *testing.T) {
	whole, a, b := newDistinctCounter(exactLimit), newDistinctCounter(exactLimit), newDistinctCounter(exactLimit)
	for i := range 50_000 {
		h := hashString(fmt.Sprint(i % 30_000))
		whole.add(h)
		if i%3 == 0 {
			a.add(h)
		} else {
			b.add(h)
		}
	}
	a.merge(&b)
	w, _ := whole.count()
	m, _ := a.count()
	if w != m {
		t.Errorf("merged count %d, one-pass count %d", m, w)
	}
}

func TestRowSetFindsRepeatsWithTheirFirstRow(t *testing.T) {
	var s, other rowSet
	values := []string{"a", "b", "a", "c", "b", "a"} // rows 1..6
	for i, v := range values {
		set := &s
		if i >= 3 {
			set = &other // a second worker's share
		}
		set.add(hashString(v), int64(i+1), nil)
	}
	s.merge(&other)
	d, err := s.duplicates(2)
	if err != nil {
		t.Fatal(err)
	}
	want := Duplicates{Count: 3, Samples: []DuplicateRow{{Row: 3, FirstRow: 1}, {Row: 5, FirstRow: 2}}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("duplicates = %+v, want %+v", d, want)
	}
}

func TestSampleSetKeepsTheFirstRows(t *testing.T) {
	s := newSampleSet[int64](3)
	for _, r := range []int64{9, 4, 7, 1, 8, 2} {
		s.add(r*10, r)
	}
	if got := fmt.Sprint(s.sorted()); got != "[10 20 40]" {
		t.Errorf("kept %s, want [10 20 40]", got)
	}
}

const rollCSV = `household_id,name,sfzh,mobile,size,start_date
H1,张三,11010519491231002X,13812345678,3,2020-01-01
H2,,110105194912310021,,2,2020-02-30
H3,李四,110105********002X,138****5678,N/A,2021-06-01
H1,王五,11010519491231002X,13912345678,1,2022-01-01
H3,李四,110105********002X,138****5678,N/A,2021-06-01
H6,  ,not an id,a@b.cn,4,2023-01-01
`

func scanCSV(t *testing.T, text string, plan Plan, opts ...datasets.Option) *Profile {
	t.Helper()
	path := filepath.Join(t.TempDir(), "roll.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := datasets.Open(context.Background(), path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	p, err := Scan(context.Background(), r, plan)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestScanMeasuresColumnsAndRows(t *testing.T) {
	p := scanCSV(t, rollCSV, Plan{Keys: [][]string{{"household_id"}, {"name", "sfzh"}, {"missing_column"}}})
	col := func(name string) ColumnProfile {
		for _, c := range p.Columns {
			if c.Name == name {
				return c
			}
		}
		t.Fatalf("no column %s", name)
		return ColumnProfile{}
	}
	if p.Rows != 6 || p.Table.Rows != 6 {
		t.Errorf("rows = %d/%d, want 6", p.Rows, p.Table.Rows)
	}
	name := col("name")
	if name.Nulls != 1 || name.Blanks != 1 || fmt.Sprint(name.NullSamples) != "[2 6]" {
		t.Errorf("name nulls %d blanks %d samples %v", name.Nulls, name.Blanks, name.NullSamples)
	}
	if name.Min != "张*" || name.Max != "王*" {
		t.Errorf("name min/max %q %q: extremes of a text column must be masked", name.Min, name.Max)
	}
	id := col("sfzh").Detectors["cn_resident_id"]
	if id.Matched != 3 || id.Valid != 2 || id.Masked != 2 {
		t.Errorf("sfzh detector = %+v, want 3 matched, 2 valid, 2 masked", id)
	}
	if len(id.InvalidSamples) != 1 || id.InvalidSamples[0] != (Sample{Row: 2, Value: "110105********0021"}) {
		t.Errorf("invalid samples = %+v", id.InvalidSamples)
	}
	mobile := col("mobile")
	if d := mobile.Detectors["mobile"]; d.Matched != 2 || d.Masked != 2 {
		t.Errorf("mobile detector = %+v", d)
	}
	if mobile.Min != "138****5678" || mobile.Max != "a***@b.cn" {
		t.Errorf("mobile min/max %q %q: extremes of an identifier column must be masked", mobile.Min, mobile.Max)
	}
	if mobile.Detectors["email"].Matched != 1 {
		t.Errorf("email in mobile column not counted")
	}
	size := col("size")
	if size.InferredType != "integer" || size.TypeConformance != 4.0/6 || size.MissingTokens["N/A"] != 2 || size.Min != "1" || size.Max != "4" {
		t.Errorf("size = type %s conf %v missing %v min %s max %s", size.InferredType, size.TypeConformance, size.MissingTokens, size.Min, size.Max)
	}
	start := col("start_date")
	if start.InferredType != "date" || start.Min != "2020-01-01" || start.Max != "2023-01-01" || start.Kinds["string"] != 1 {
		t.Errorf("start_date = %+v", start)
	}
	if start.Distinct != 5 || !start.DistinctExact {
		t.Errorf("start_date distinct = %d exact %v, want 5", start.Distinct, start.DistinctExact)
	}
	if d := p.Table.DuplicateRows; d.Count != 1 || d.Samples[0] != (DuplicateRow{Row: 5, FirstRow: 3}) {
		t.Errorf("duplicate rows = %+v", d)
	}
	if len(p.Table.Keys) != 2 {
		t.Fatalf("keys = %+v: a key over a missing column is not measured", p.Table.Keys)
	}
	hid := p.Table.Keys[0]
	if hid.Duplicates.Count != 2 || hid.Distinct != 4 || hid.NullKeys != 0 {
		t.Errorf("household_id key = %+v", hid)
	}
	if pair := p.Table.Keys[1]; pair.NullKeys != 2 || pair.Duplicates.Count != 1 {
		t.Errorf("(name, sfzh) key = %+v: rows with a null or blank part have a null key", pair)
	}
}

// The profile must not depend on how batches were split between workers: that is what makes
// partial profiles mergeable.
func TestScanIsIndependentOfBatchingAndWorkers(t *testing.T) {
	var narrow strings.Builder
	narrow.WriteString("id,v,w\n")
	for i := range 5000 {
		fmt.Fprintf(&narrow, "%d,%d,%s\n", i%4100, i%37, strings.Repeat("x", i%5))
	}
	// 400 columns share a worker's budget (allowanceFor): 2,621 exact hashes, 655 exact
	// numbers and 2,621 sketch bins a column, and 256 detection caches among them all, so
	// 3,000 distinct numbers a column take every column to its sketches.
	var wide strings.Builder
	for c := range 400 {
		fmt.Fprintf(&wide, "c%d,", c)
	}
	wide.WriteString("id\n")
	for i := range 3000 {
		for c := range 400 {
			fmt.Fprintf(&wide, "%d,", (i*7919+c*104729)%3000*(c+1))
		}
		fmt.Fprintf(&wide, "%d\n", i)
	}
	for _, table := range []struct{ name, text string }{{"narrow", narrow.String()}, {"wide", wide.String()}} {
		plan := Plan{Keys: [][]string{{"id"}}}
		one := scanCSV(t, table.text, Plan{Keys: plan.Keys, Workers: 1})
		if table.name == "wide" && (one.Columns[0].DistinctExact || one.Columns[0].Distinct < 2900) {
			t.Errorf("wide: column c0 has %d distinct values, exact %v; want about 3000 from its sketch", one.Columns[0].Distinct, one.Columns[0].DistinctExact)
		}
		want, err := json.Marshal(one)
		if err != nil {
			t.Fatal(err)
		}
		for _, workers := range []int{2, 3} {
			for _, batch := range []int{7, 1000} {
				got, _ := json.Marshal(scanCSV(t, table.text, Plan{Keys: plan.Keys, Workers: workers}, datasets.WithBatchSize(batch)))
				if string(got) != string(want) {
					t.Errorf("%s: workers=%d batch=%d: profile differs from one worker's", table.name, workers, batch)
				}
			}
		}
	}
}

func TestScanRecordsReaderRepairs(t *testing.T) {
	p := scanCSV(t, "a,b\n1,2\n3\n4,5,6\n7,\xff\n", Plan{})
	if r := p.Table.RaggedRows; r.Count != 2 || r.Samples[0].Row != 2 || r.Samples[1].Row != 3 {
		t.Errorf("ragged = %+v", r)
	}
	if u := p.Table.UndecodableRows; u.Count != 1 || u.Samples[0] != (RowIssue{Row: 4, Line: 5, Column: "b", Detail: "bytes not valid utf-8", DetailZh: "字节不是有效的 utf-8"}) {
		t.Errorf("undecodable = %+v", u)
	}
}

// appendDate writes what time.Format writes, over the whole range Date32 and Date64 hold.
func TestAppendDateIsTimeFormat(t *testing.T) {
	days := []int64{0, -1, 1, 59, 60, 365, -719_468, -719_469, 2_932_896, 2_932_897, 11_016, -25_567, 1 << 31 / 2}
	for d := int64(-800_000); d < 3_000_000; d += 997 {
		days = append(days, d)
	}
	for _, d := range days {
		want := time.Unix(d*86_400, 0).UTC().Format(time.DateOnly)
		if got := string(appendDate(nil, d)); got != want {
			t.Fatalf("appendDate(%d) = %s, want %s", d, got, want)
		}
	}
}

// The text of every date a Parquet DATE column can hold in ISO form, 0000-01-01 to
// 9999-12-31, decides what dateFacts say and nothing else, so a date column's values are
// met without being read (typedFacts), and so are the CSV values isDate accepts, which are
// the same texts. A detector that came to recognise some date would fail this test rather
// than go unseen in date columns.
func TestDateTextDecidesNothingElse(t *testing.T) {
	c := newColumn("d", 5, allowanceFor(1))
	var buf []byte
	first, last := int64(-719_528), int64(2_932_896) // 0000-01-01 and 9999-12-31
	for days := first; days <= last; days++ {
		buf = appendDate(buf[:0], days)
		v := string(buf)
		if want := time.Unix(days*86_400, 0).UTC().Format(time.DateOnly); v != want {
			t.Fatalf("day %d is %q, want %q", days, v, want)
		}
		var f facts
		if !c.first(&f, v, hashString(v), 1) || f != dateFacts {
			t.Fatalf("%s: facts %+v, want dateFacts %+v", v, f, dateFacts)
		}
		if !isDate(v) {
			t.Fatalf("%s is not a date to isDate", v)
		}
	}
	// isDate accepts as many texts as there are days, each of the form dddd-dd-dd with a
	// month of 1-12 and a day of 1-31: exactly the texts above, which observe may take for
	// dateFacts when a CSV holds them.
	accepted := 0
	for y := range 10_000 {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= 31; d++ {
				if isDate(fmt.Sprintf("%04d-%02d-%02d", y, m, d)) {
					accepted++
				}
			}
		}
	}
	if days := last - first + 1; int64(accepted) != days {
		t.Errorf("isDate accepts %d texts, there are %d days", accepted, days)
	}
	if got := string(appendDate(nil, first)); got != "0000-01-01" {
		t.Errorf("first day %s", got)
	}
	if got := string(appendDate(nil, last)); got != "9999-12-31" {
		t.Errorf("last day %s", got)
	}
	if got := string(appendDate(nil, last+1)); len(got) == len(time.DateOnly) {
		t.Errorf("day after 9999-12-31 is %s: ten bytes, which typedFacts would not read", got)
	}
}

// appendFloat writes what strconv's shortest 'f' formatting writes, on whole numbers either
// side of 2^53, signed zeros, fractions, extremes and 200,000 random values of every scale.
func TestAppendFloatIsStrconv(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, 890, 1620.5, 0.1, 1e15, 1e21, -1e21, 1 << 53, 1<<53 + 2,
		1<<53 - 1, -(1 << 53), math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789012345678}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		f := math.Float64frombits(rng.Uint64())
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		values = append(values, f, math.Trunc(f), math.Trunc(rng.NormFloat64()*1e6), math.Round(rng.Float64()*1e4)/10)
	}
	for _, f := range values {
		if got, want := string(appendFloat(nil, f)), strconv.FormatFloat(f, 'f', -1, 64); got != want {
			t.Fatalf("%v: %s, want %s", f, got, want)
		}
	}
}

// shapeFragments are the pieces shapeValues builds values from: the bytes and runs each
// shortcut of first() turns on (digits, signs, separators, mask characters, dirt, Han text
// and the suffixes of generalisations), so that the values reach both sides of every test.
var shapeFragments = []string{"0", "7", "9", "42", "999999", "2024", "19", "420115", "13812345678",
	"420115198209090014", "1234567890123456", "00", "X", "x", "A", "HS", "tk", "e", "E", ".", "-", "+", ":", "_", "/",
	"@", "a.b", "*", "#", "＊", " ", "\t", "\n", "\x01", "\x7f", "\u3000", "锟斤拷", "Ã©", "\uFFFD", "４２", "\u0085",
	"年", "岁", "月", "以上", "<", ">", "≥", "~", "张", "欧阳", "鄂", "洪山街道", "NULL", "-", "无", "true",
	"9fA2c8Qe71bX0d4K", "d41d8cd98f00b204e9800998ecf8427e", "1e6", "12:30", "T", "Z", "\xff"}

// shapeValues are n values of one to five fragments, the same on every run.
func shapeValues(n int) []string {
	rng := rand.New(rand.NewPCG(7, 11))
	values := slices.Clone(shapeFragments)
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(shapeFragments[rng.IntN(len(shapeFragments))])
		}
		values = append(values, b.String())
	}
	return values
}

// unshaped is a shape that tells nothing: every class, as many digits as bytes.
func unshaped(v string) detect.Shape {
	return detect.Shape{Len: len(v), Digits: len(v), Classes: ^detect.Classes(0)}
}

// checkShapeShortcuts fails if what first() decides from v's shape differs from what the
// scans it spares decide.
func checkShapeShortcuts(t *testing.T, v string) {
	t.Helper()
	if isBlank(v) {
		return // first() never sees one
	}
	sh := detect.ShapeOf(v)
	k := kindOf(v)
	if got := kindOfShaped(v, sh); got != k {
		t.Errorf("kindOfShaped(%q) = %s, kindOf %s", v, kindNames[got], kindNames[k])
	}
	if got, want := formOfValue(v, k, sh), formOfValue(v, k, unshaped(v)); got != want {
		t.Errorf("formOfValue(%q) = %+v by its shape, %+v by its bytes", v, got, want)
	}
	if got, want := dirtyOf(v, sh), dirtyOf(v, unshaped(v)); got != want {
		t.Errorf("dirtyOf(%q) = %b by its shape, %b by its bytes", v, got, want)
	}
	c := newColumn("v", 5, allowanceFor(1))
	var f facts
	c.first(&f, v, hashString(v), 1)
	if c.minLen != utf8.RuneCountInString(v) {
		t.Errorf("length of %q = %d, want %d", v, c.minLen, utf8.RuneCountInString(v))
	}
}

// The shortcuts first() takes from a value's shape decide what the scans they spare decide.
func TestShapeShortcutsDecideAsTheScans(t *testing.T) {
	for _, v := range shapeValues(300_000) {
		checkShapeShortcuts(t, v)
	}
}

func FuzzShapeShortcuts(f *testing.F) {
	for _, v := range shapeValues(200) {
		f.Add(v)
	}
	f.Fuzz(checkShapeShortcuts)
}

// A dictionary-encoded column read by entry (dictionaryCells) gives each row the text,
// presence and hash that reading it row by row gives, null rows and a null entry included,
// and from one batch to the next with another dictionary.
func TestDictionaryCellsReadAsRows(t *testing.T) {
	mem := memory.NewGoAllocator()
	batch := func(entries []string, nullEntry int, indices []int32, nullRows ...int) arrow.Array {
		sb := array.NewStringBuilder(mem)
		for i, e := range entries {
			if i == nullEntry {
				sb.AppendNull()
			} else {
				sb.Append(e)
			}
		}
		ib := array.NewInt32Builder(mem)
		for j, i := range indices {
			if slices.Contains(nullRows, j) {
				ib.AppendNull()
			} else {
				ib.Append(i)
			}
		}
		dt := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
		return array.NewDictionaryArray(dt, ib.NewArray(), sb.NewArray())
	}
	var cells dictionaryCells
	for _, arr := range []arrow.Array{
		batch([]string{"洪山街道", "", "左岭街道", "x"}, 3, []int32{0, 2, 0, 1, 3, 2, 2, 0}, 5),
		batch([]string{"在保", "停保"}, -1, []int32{1, 1, 0, 0, 1}, 0, 4),
	} {
		d := cells.of(arr)
		if d == nil {
			t.Fatal("a dictionary of strings with int32 indices is not read by entry")
		}
		text := texterFor(arr)
		for j := range arr.Len() {
			v, present, h := d.at(j)
			wv, wpresent := text(j)
			if v != wv || present != wpresent || present && h != hashString(wv) {
				t.Errorf("row %d: %q %v %x, row by row %q %v %x", j, v, present, h, wv, wpresent, hashString(wv))
			}
		}
	}
	if cells.of(array.NewStringBuilder(mem).NewArray()) != nil {
		t.Error("a plain string column is read by entry")
	}
}

// The memo changes no count: a column measured with its memo (hits of values only counted are
// tallied when evicted or when the batch ends) profiles the same as one without, over values
// that repeat and values that do not, dirt, mask shapes and identifiers (located row by row),
// numbers at the extremes, and enough distinct numbers that the spread turns to its sketch
// while hits are pending.
func TestTheMemoChangesNoCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	text := []string{"男", "女", "洪山街道", "在保", "2019-12-26", "NULL", "-", "138****5678", "张*",
		"13812345678", "420115198209090014", "  pad ", "x\x01y", "４２", "20-30岁"}
	// Numbers that repeat, the outliers among them (hits that belong in the tails), a
	// sentinel, and the distinct numbers that turn the spread to its sketch.
	numbers := []string{"890", "1620.5", "-3", "0", "999999", "-250000", "1e6", "12.25"}
	varied := shapeValues(20_000)
	column := func(numeric bool) []string {
		var values []string
		for range 60_000 {
			switch r := rng.IntN(10); {
			case r < 3 && !numeric:
				values = append(values, text[rng.IntN(len(text))])
			case r < 5:
				values = append(values, numbers[rng.IntN(len(numbers))])
			case r < 8 || numeric:
				values = append(values, strconv.Itoa(rng.IntN(6_000)*7))
			default:
				values = append(values, varied[rng.IntN(len(varied))])
			}
		}
		return values
	}
	for _, values := range [][]string{column(false), column(true)} {
		with, without := measuredWithMemo(t, values, true), measuredWithMemo(t, values, false)
		if !reflect.DeepEqual(with, without) {
			a, _ := json.MarshalIndent(with, "", " ")
			b, _ := json.MarshalIndent(without, "", " ")
			t.Errorf("with the memo:\n%s\nwithout:\n%s", a, b)
		}
	}
}

// measuredWithMemo is the profile of one column of values, read in batches of 1,000 rows
// with its memo or without.
func measuredWithMemo(t *testing.T, values []string, memo bool) ColumnProfile {
	t.Helper()
	c := newColumn("v", 5, allowanceFor(1))
	c.memo.off = !memo
	for i, v := range values {
		c.observe(v, true, hashString(v), int64(i+1))
		if i%1000 == 999 { // a batch ends
			c.settle()
		}
	}
	c.settle()
	if memo && c.memo.memo == nil {
		t.Fatal("the memo was dropped: the test does not reach its hits")
	}
	p, _ := c.profile(0, maskDecl{det: -1})
	if (p.InferredType == "integer" || p.InferredType == "number") && p.Spread == nil {
		t.Fatal("a column of numbers has no spread: the test does not reach the tails")
	}
	return p
}
