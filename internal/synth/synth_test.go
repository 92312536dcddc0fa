package synth

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Column positions, for reading records back.
const (
	colHouseholdID = iota
	colName
	colSFZH
	colSex
	colBirthDate
	colMobile
	colStreet
	colCommunity
	colHouseholdSize
	colMonthlyAllowance
	colStartDate
	colStatus
	colRemark
)

func generate(t testing.TB, write func(io.Writer, Config) (Stats, error), c Config) ([]byte, Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := write(&buf, c)
	if err != nil {
		t.Fatalf("%+v: %v", c, err)
	}
	return buf.Bytes(), st
}

// readCSV parses a generated CSV with encoding/csv and returns its records without the header.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = len(columns)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], columns[:]) {
		t.Fatalf("header = %q, want %q", recs[0], columns)
	}
	return recs[1:]
}

// countDefects recounts, from the text alone, what Stats claims was injected.
func countDefects(recs [][]string) Stats {
	st := Stats{Rows: int64(len(recs))}
	keys := make(map[string]bool)
	rows := make(map[string]bool)
	for _, rec := range recs {
		id := rec[colSFZH]
		if !strings.Contains(id, "*") && idCheckDigit([]byte(id[:17])) != id[17] {
			st.BadCheckDigit++
		}
		if rec[colName] == "" {
			st.BlankName++
		}
		if yuan, _ := strconv.ParseFloat(rec[colMonthlyAllowance], 64); yuan >= 100_000 {
			st.InflatedAllowance++
		}
		if keys[rec[colHouseholdID]] {
			st.DuplicateKey++
		}
		keys[rec[colHouseholdID]] = true
		whole := strings.Join(rec, "\x00")
		if rows[whole] {
			st.DuplicateRow++
		}
		rows[whole] = true
	}
	return st
}

func TestSameConfigSameBytes(t *testing.T) {
	for _, w := range []struct {
		name  string
		write func(io.Writer, Config) (Stats, error)
	}{{"csv", WriteCSV}, {"parquet", WriteParquet}} {
		t.Run(w.name, func(t *testing.T) {
			c := Defective(5000, 7)
			a, _ := generate(t, w.write, c)
			b, _ := generate(t, w.write, c)
			if !bytes.Equal(a, b) {
				t.Fatal("two runs of the same Config differ")
			}
			c.Seed++
			if other, _ := generate(t, w.write, c); bytes.Equal(a, other) {
				t.Fatal("a different seed gave the same roll")
			}
		})
	}
}

func TestStatsMatchOutput(t *testing.T) {
	for _, c := range []Config{
		Defective(2000, 2025),
		Defective(30000, 3),
		Defective(7, 1), // every rate rounds to 0 but still injects one
		{Rows: 5000, Seed: 9, BadCheckDigit: 0.1, BlankName: 0.1, DuplicateKey: 0.2, DuplicateRow: 0.3, InflatedAllowance: 0.05},
		{Rows: 3000, Seed: 4, Masked: true, BlankName: 0.01, DuplicateKey: 0.01, DuplicateRow: 0.05},
		{Rows: 50, Seed: 5, DuplicateRow: 0.98}, // every row but the first is a copy
		{Rows: 0, Seed: 1, BlankName: 0.5},
	} {
		data, st := generate(t, WriteCSV, c)
		q := c.quotas()
		want := Stats{
			Rows:              int64(c.Rows),
			BadCheckDigit:     q[badCheckDigit],
			BlankName:         q[blankName],
			DuplicateKey:      q[duplicateKey] + q[duplicateRow],
			DuplicateRow:      q[duplicateRow],
			InflatedAllowance: q[inflatedAllowance],
		}
		if st != want {
			t.Errorf("%+v: Stats = %+v, want the quotas %+v", c, st, want)
		}
		if got := countDefects(readCSV(t, data)); got != st {
			t.Errorf("%+v: the file holds %+v, Stats say %+v", c, got, st)
		}
	}
}

// TestDefectsDamageTheCleanRoll: a defective roll differs from the sound roll of the same seed
// in its defective rows only.
func TestDefectsDamageTheCleanRoll(t *testing.T) {
	c := Defective(20000, 14)
	damaged, st := generate(t, WriteCSV, c)
	sound, _ := generate(t, WriteCSV, Config{Rows: c.Rows, Seed: c.Seed})
	damagedRecs, soundRecs := readCSV(t, damaged), readCSV(t, sound)
	var differ int64
	for i := range soundRecs {
		if !slices.Equal(damagedRecs[i], soundRecs[i]) {
			differ++
		}
	}
	// A duplicate row counts once in DuplicateRow and once in DuplicateKey.
	if want := st.BadCheckDigit + st.BlankName + st.DuplicateKey + st.InflatedAllowance; differ != want {
		t.Fatalf("%d rows differ from the sound roll, want the %d defective ones", differ, want)
	}
}

func TestQuotaRounding(t *testing.T) {
	c := Config{Rows: 2000, BadCheckDigit: 0.0025, BlankName: 0.0001, DuplicateKey: 0.00075}
	q := c.quotas()
	if q[badCheckDigit] != 5 || q[blankName] != 1 || q[duplicateKey] != 2 || q[duplicateRow] != 0 {
		t.Fatalf("quotas = %v, want 5 (rounded), 1 (at least one), 2 (half rounds up), 0", q)
	}
}

var (
	maskedSFZH   = regexp.MustCompile(`^\d{6}\*{8}\d{3}[\dX]$`)
	maskedMobile = regexp.MustCompile(`^1\d{2}\*{4}\d{4}$`)
	maskedName   = regexp.MustCompile(`^\p{Han}{1,2}\*{1,2}$`)
	rawSFZH      = regexp.MustCompile(`^[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$`)
	rawMobile    = regexp.MustCompile(`^1(3\d|4[01456879]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$`)
	rawName      = regexp.MustCompile(`^\p{Han}{2,4}$`)
	allowance    = regexp.MustCompile(`^[1-9]\d*(\.\d{1,2})?$`)
)

func TestCleanIsMaskedAndSound(t *testing.T) {
	c := Clean(20000, 11)
	data, st := generate(t, WriteCSV, c)
	if st != (Stats{Rows: 20000}) {
		t.Fatalf("Stats = %+v, want no defects", st)
	}
	recs := readCSV(t, data)
	if got := countDefects(recs); got != st {
		t.Fatalf("the clean roll holds %+v", got)
	}
	for i, rec := range recs {
		if !maskedSFZH.MatchString(rec[colSFZH]) {
			t.Fatalf("row %d: sfzh %q is not masked 6-8-4", i+1, rec[colSFZH])
		}
		if m := rec[colMobile]; m != "" && !maskedMobile.MatchString(m) {
			t.Fatalf("row %d: mobile %q is not masked 3-4-4", i+1, m)
		}
		if !maskedName.MatchString(rec[colName]) {
			t.Fatalf("row %d: name %q is not masked to the surname", i+1, rec[colName])
		}
	}
}

func TestMaskingKeepsTheRawEnds(t *testing.T) {
	raw, _ := generate(t, WriteCSV, Config{Rows: 3000, Seed: 8})
	masked, _ := generate(t, WriteCSV, Config{Rows: 3000, Seed: 8, Masked: true})
	rawRecs, maskedRecs := readCSV(t, raw), readCSV(t, masked)
	for i := range rawRecs {
		r, m := rawRecs[i], maskedRecs[i]
		if want := r[colSFZH][:6] + "********" + r[colSFZH][14:]; m[colSFZH] != want {
			t.Fatalf("row %d: masked sfzh %q, want %q", i+1, m[colSFZH], want)
		}
		if r[colMobile] != "" {
			if want := r[colMobile][:3] + "****" + r[colMobile][7:]; m[colMobile] != want {
				t.Fatalf("row %d: masked mobile %q, want %q", i+1, m[colMobile], want)
			}
		}
		surname, stars, _ := strings.Cut(m[colName], "*")
		if !strings.HasPrefix(r[colName], surname) ||
			len([]rune(r[colName])) != len([]rune(surname))+1+len(stars) {
			t.Fatalf("row %d: %q masked as %q", i+1, r[colName], m[colName])
		}
		// The release form generalises birth_date to a 20-year band and suppresses community.
		year, _ := strconv.Atoi(r[colBirthDate][:4])
		from := 1930 + (year-1930)/20*20
		if want := fmt.Sprintf("%d-%d", from, from+19); m[colBirthDate] != want || m[colCommunity] != "" {
			t.Fatalf("row %d: born %s, released as %q with community %q, want %q and none", i+1, r[colBirthDate], m[colBirthDate], m[colCommunity], want)
		}
		r[colSFZH], r[colMobile], r[colName], r[colBirthDate], r[colCommunity] = "", "", "", "", ""
		m[colSFZH], m[colMobile], m[colName], m[colBirthDate], m[colCommunity] = "", "", "", "", ""
		if !slices.Equal(r, m) {
			t.Fatalf("row %d: masking changed other columns: %q vs %q", i+1, r, m)
		}
	}
}

func TestRowsAreConsistentAndPlausible(t *testing.T) {
	c := Defective(30000, 12)
	data, _ := generate(t, WriteCSV, c)
	recs := readCSV(t, data)
	counties := make(map[string]bool)
	for _, county := range idCounties {
		counties[county.code] = true
	}
	communities := make(map[string]string)
	for _, s := range streets {
		for _, cm := range s.communities {
			communities[cm] = s.name
		}
	}
	seenRows := make(map[string]bool)
	people := make(map[string]int) // first 17 characters of sfzh → row
	for i, rec := range recs {
		row := i + 1
		id := rec[colSFZH]
		if !rawSFZH.MatchString(id) || !counties[id[:6]] {
			t.Fatalf("row %d: sfzh %q", row, id)
		}
		sex := "女"
		if (id[16]-'0')%2 == 1 {
			sex = "男"
		}
		if rec[colSex] != sex {
			t.Fatalf("row %d: sex %s but ID %s", row, rec[colSex], id)
		}
		birth, err := time.Parse("2006-01-02", rec[colBirthDate])
		if err != nil || birth.Format("20060102") != id[6:14] {
			t.Fatalf("row %d: birth_date %s but ID %s", row, rec[colBirthDate], id)
		}
		if birth.Year() < 1935 || birth.Year() > 2008 {
			t.Fatalf("row %d: born %s", row, rec[colBirthDate])
		}
		start, err := time.Parse("2006-01-02", rec[colStartDate])
		if err != nil || start.Before(time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)) ||
			start.After(time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)) || start.Before(birth.AddDate(selfSupportAge, 0, 0)) {
			t.Fatalf("row %d: start_date %s for someone born %s", row, rec[colStartDate], rec[colBirthDate])
		}
		if n := rec[colName]; n != "" && !rawName.MatchString(n) {
			t.Fatalf("row %d: name %q", row, n)
		}
		if m := rec[colMobile]; m != "" && !rawMobile.MatchString(m) {
			t.Fatalf("row %d: mobile %q", row, m)
		}
		if communities[rec[colCommunity]] != rec[colStreet] {
			t.Fatalf("row %d: community %s is not in street %s", row, rec[colCommunity], rec[colStreet])
		}
		if size, err := strconv.Atoi(rec[colHouseholdSize]); err != nil || size < 1 || size > 6 {
			t.Fatalf("row %d: household_size %q", row, rec[colHouseholdSize])
		}
		if !allowance.MatchString(rec[colMonthlyAllowance]) {
			t.Fatalf("row %d: monthly_allowance %q", row, rec[colMonthlyAllowance])
		}
		if s := rec[colStatus]; s != inCare && s != stopped {
			t.Fatalf("row %d: status %q", row, s)
		}
		// Apart from exact copies, every row is headed by someone not on the roll before.
		whole := strings.Join(rec, ",")
		if !seenRows[whole] {
			if other, dup := people[id[:17]]; dup {
				t.Fatalf("rows %d and %d have the same person %s", other, row, id)
			}
			people[id[:17]] = row
		}
		seenRows[whole] = true
	}
}

// TestCSVIsWhatEncodingCSVWrites proves that writing fields unescaped is safe: re-encoding the
// parsed records with encoding/csv reproduces the file byte for byte.
func TestCSVIsWhatEncodingCSVWrites(t *testing.T) {
	data, _ := generate(t, WriteCSV, Defective(20000, 13))
	var again bytes.Buffer
	if err := csv.NewWriter(&again).WriteAll(append([][]string{columns[:]}, readCSV(t, data)...)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again.Bytes()) {
		t.Fatal("encoding/csv writes the same records differently")
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatal("the CSV starts with a BOM")
	}
}

// readParquet reads a generated Parquet file back into CSV text form, formatting typed values
// as a reader would: int64 by FormatInt, float64 by FormatFloat('f', -1), date32 as a date,
// null as the empty string.
func readParquet(t *testing.T, data []byte, schema *arrow.Schema) (recs [][]string, rowGroups int) {
	t.Helper()
	pf, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 10000}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Release()
	for i, f := range rr.Schema().Fields() {
		if want := schema.Field(i); f.Name != want.Name || !arrow.TypeEqual(f.Type, want.Type) {
			t.Fatalf("column %d is %s %s, want %s %s", i, f.Name, f.Type, want.Name, want.Type)
		}
	}
	for rr.Next() {
		batch := rr.RecordBatch()
		for row := 0; row < int(batch.NumRows()); row++ {
			rec := make([]string, batch.NumCols())
			for j, col := range batch.Columns() {
				if col.IsNull(row) {
					continue
				}
				switch a := col.(type) {
				case *array.String:
					if rec[j] = a.Value(row); rec[j] == "" {
						t.Fatalf("row %d column %s: an empty string that is not null", len(recs)+1, columns[j])
					}
				case *array.Int64:
					rec[j] = strconv.FormatInt(a.Value(row), 10)
				case *array.Float64:
					rec[j] = strconv.FormatFloat(a.Value(row), 'f', -1, 64)
				case *array.Date32:
					rec[j] = a.Value(row).ToTime().Format("2006-01-02")
				default:
					t.Fatalf("column %s has unexpected type %s", columns[j], col.DataType())
				}
			}
			recs = append(recs, rec)
		}
	}
	if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	return recs, pf.NumRowGroups()
}

func TestParquetHoldsTheCSVValues(t *testing.T) {
	for _, c := range []Config{
		Defective(3000, 5),
		Clean(rowGroupRows+10, 6), // two row groups
		{Rows: 0},
	} {
		csvData, csvStats := generate(t, WriteCSV, c)
		pqData, pqStats := generate(t, WriteParquet, c)
		if csvStats != pqStats {
			t.Fatalf("%+v: CSV Stats %+v, Parquet Stats %+v", c, csvStats, pqStats)
		}
		want := readCSV(t, csvData)
		got, groups := readParquet(t, pqData, schemaFor(c.Masked))
		if len(got) != len(want) {
			t.Fatalf("%+v: Parquet has %d rows, CSV %d", c, len(got), len(want))
		}
		if wantGroups := (c.Rows + rowGroupRows - 1) / rowGroupRows; groups != wantGroups {
			t.Errorf("%+v: %d row groups, want %d", c, groups, wantGroups)
		}
		for i := range want {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("%+v row %d:\nparquet %q\ncsv     %q", c, i+1, got[i], want[i])
			}
		}
	}
}

func TestInvalidConfigs(t *testing.T) {
	for _, c := range []Config{
		{Rows: -1},
		{Rows: 10, BlankName: -0.1},
		{Rows: 10, DuplicateKey: 1.5},
		{Rows: 10, DuplicateRow: math.NaN()},
		{Rows: 10, Masked: true, BadCheckDigit: 0.1},
		{Rows: 1, BlankName: 0.5}, // the only row is the first, which is always sound
		{Rows: 10, BlankName: 0.5, DuplicateRow: 0.5},
		Defective(5, 1), // five kinds of defect need five rows after the first
	} {
		if err := c.Validate(); err == nil {
			t.Errorf("%+v: no error", c)
		}
		var buf bytes.Buffer
		if _, err := WriteCSV(&buf, c); err == nil || buf.Len() != 0 {
			t.Errorf("%+v: WriteCSV wrote %d bytes, err %v", c, buf.Len(), err)
		}
		if _, err := WriteParquet(&buf, c); err == nil || buf.Len() != 0 {
			t.Errorf("%+v: WriteParquet wrote %d bytes, err %v", c, buf.Len(), err)
		}
	}
	if err := Defective(6, 1).Validate(); err != nil {
		t.Errorf("the smallest Defective roll: %v", err)
	}
}

func TestIDCheckDigit(t *testing.T) {
	// The worked example of STANDARDS §3.1.
	if got := idCheckDigit([]byte("11010519491231002")); got != 'X' {
		t.Fatalf("check digit of 11010519491231002 = %c, want X", got)
	}
}

func TestPersonSlotsArePermutation(t *testing.T) {
	for _, size := range []uint64{1, 7, 1000, 4097} {
		p := newPersonSlots(size, 42)
		seen := make([]bool, size)
		for n := range size {
			s := p.slot(n)
			if s >= size || seen[s] {
				t.Fatalf("size %d: slot(%d) = %d repeats or is out of range", size, n, s)
			}
			seen[s] = true
		}
	}
}

func TestCivilDates(t *testing.T) {
	for d := daysFromCivil(1900, 1, 1); d <= daysFromCivil(2100, 12, 31); d++ {
		want := time.Unix(int64(d)*86400, 0).UTC()
		if y, m, dd := civilFromDays(d); y != want.Year() || m != int(want.Month()) || dd != want.Day() {
			t.Fatalf("day %d: %d-%d-%d, want %s", d, y, m, dd, want.Format(time.DateOnly))
		}
		if got := string(appendDate(nil, d)); got != want.Format(time.DateOnly) {
			t.Fatalf("day %d formats as %s, want %s", d, got, want.Format(time.DateOnly))
		}
		if back := daysFromCivil(want.Year(), int(want.Month()), want.Day()); back != d {
			t.Fatalf("%s: day %d, want %d", want.Format(time.DateOnly), back, d)
		}
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	c := Defective(1_000_000, 1)
	data, _ := generate(b, WriteCSV, c)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := WriteCSV(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkWriteParquet(b *testing.B) {
	c := Defective(1_000_000, 1)
	for b.Loop() {
		if _, err := WriteParquet(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
