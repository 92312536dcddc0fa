package checkers

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

func TestValueForms(t *testing.T) {
	tests := []struct {
		v    string
		want form
		sub  string // generalisation or digest name, or the mask shape
	}{
		{"张三", formRaw, ""},
		{"11010519491231002X", formRaw, ""},
		{"1949-12-31", formRaw, ""},
		{"780", formRaw, ""},
		{"110105********002X", formMasked, "6+8+4"},
		{"138****1234", formMasked, "3+4+4"},
		{"张*", formMasked, "1+1"},
		{"欧阳**", formMasked, "2+2"},
		{"****1234", formMasked, "0+4+4"},
		{"d**@126.com", formMasked, "1+2+8"},
		{"张＊", formMasked, "1+1"},
		{"******", formSuppressed, ""},
		{"*", formSuppressed, ""},
		{"5d41402abc4b2a76b9719d911017c592", formHashed, "md5_hex"},
		{"AAF4C61DDCC5E8A2DABEDE0F3B482CD9AEA9434D", formHashed, "sha1_hex"},
		{"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", formHashed, "sha256_hex"},
		{"XUFAKrxLKna5cZ2REBfFkg==", formHashed, "md5_base64"},
		{"LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=", formHashed, "sha256_base64"},
		{"ffffffffffffffffffffffffffffffff", formRaw, ""}, // no digit: not a digest
		{"123e4567-e89b-12d3-a456-426614174000", formTokenised, ""},
		{"tk_9fA2c8Qe71bX0d4K", formTokenised, ""},
		{"HS2025-000001", formRaw, ""},
		{"tk_abcdefghijklmnopq", formRaw, ""},            // no digit: a word, not a token
		{"sessionid_9fA2c8Qe71bX0d4K", formRaw, ""},      // a prefix of nine letters is too long
		{"sessions:9fA2c8Qe71bX0d4K", formTokenised, ""}, // eight letters
		{"9fA2c8Qe71bX0d4K_tk", formRaw, ""},             // the separator after the body
		{"1950年", formGeneralised, "year"},
		{"1950-07", formGeneralised, "year_month"},
		{"1950年7月", formGeneralised, "year_month"},
		{"1950-1969", formGeneralised, "year_band"},
		{"1950年代", formGeneralised, "year_band"},
		{"60-69", formGeneralised, "age_band"},
		{"60-69岁", formGeneralised, "age_band"},
		{"60岁以上", formGeneralised, "age_band"},
		{"80+", formGeneralised, "age_band"},
		{"<18", formGeneralised, "age_band"},
		{"≥60", formGeneralised, "age_band"},
		{"420100", formGeneralised, "region_4"},
		{"420000", formGeneralised, "region_2"},
		{"420111", formRaw, ""},
		{"1950-13", formRaw, ""},
		{"69-60", formRaw, ""},
	}
	for _, tt := range tests {
		var f formCounter
		f.observe(formOfValue(tt.v, kindOf(tt.v), detect.ShapeOf(tt.v)), tt.v, 1)
		p := f.profile()
		got := map[form]int64{formRaw: p.Raw, formMasked: p.Masked, formHashed: p.Hashed, formTokenised: p.Tokenised,
			formGeneralised: p.Generalised, formSuppressed: p.Suppressed}
		if got[tt.want] != 1 {
			t.Errorf("%q: forms %+v, want form %d", tt.v, got, tt.want)
			continue
		}
		switch tt.want {
		case formMasked:
			if len(p.MaskShapes) != 1 || p.MaskShapes[0].Shape != tt.sub {
				t.Errorf("%q: shapes %+v, want %s", tt.v, p.MaskShapes, tt.sub)
			}
		case formGeneralised:
			if p.Generalisations[tt.sub] != 1 {
				t.Errorf("%q: generalisations %v, want %s", tt.v, p.Generalisations, tt.sub)
			}
		case formHashed:
			if p.Hashes[tt.sub] != 1 {
				t.Errorf("%q: hashes %v, want %s", tt.v, p.Hashes, tt.sub)
			}
		}
	}
}

// A bare number is a generalised year or region code only where such numbers are most of
// the column: birth years in a column of years, amounts in a column of amounts.
func TestBareNumbersAreGeneralisedOnlyAsTheColumnsMajority(t *testing.T) {
	count := func(values ...string) *ValueForms {
		var f formCounter
		for i, v := range values {
			f.observe(formOfValue(v, kindOf(v), detect.ShapeOf(v)), v, int64(i+1))
		}
		return f.profile()
	}
	if years := count("1950", "1962", "1988", "780"); years.Generalised != 3 || years.Generalisations["year"] != 3 || years.Raw != 1 {
		t.Errorf("birth years: %+v", years)
	}
	if amounts := count("1950", "780", "1560", "2400"); amounts.Generalised != 0 || amounts.Raw != 4 || len(amounts.Generalisations) != 0 {
		t.Errorf("amounts: %+v", amounts)
	}
	if d := count("116.397128", "39.916527", "3", "2.5"); !reflect.DeepEqual(d.DecimalPlaces, map[string]int64{"6": 2, "0": 1, "1": 1}) {
		t.Errorf("decimal places %v", d.DecimalPlaces)
	}
}

func TestMaskShapesKeepTheSmallestShapesExactly(t *testing.T) {
	var whole, a, b shapeSet
	for i := range 40 {
		v := strings.Repeat("x", 1+i%20) + "**" // 20 shapes "1+2" ... "20+2", two rows each
		whole.observe(v, int64(i+1))
		if i%3 == 0 {
			a.observe(v, int64(i+1))
		} else {
			b.observe(v, int64(i+1))
		}
	}
	a.merge(&b)
	ws, wo := whole.sorted()
	ms, mo := a.sorted()
	if !reflect.DeepEqual(ws, ms) || wo != mo {
		t.Errorf("merged shapes differ from one pass:\n%+v %d\n%+v %d", ms, mo, ws, wo)
	}
	if len(ws) != maxMaskShapes || wo != 2*(20-maxMaskShapes) {
		t.Errorf("kept %d shapes and %d others, want %d and %d", len(ws), wo, maxMaskShapes, 2*(20-maxMaskShapes))
	}
	if got := keptRanges("6+8+4"); !reflect.DeepEqual(got, [][2]int{{1, 6}, {15, 18}}) {
		t.Errorf("keptRanges(6+8+4) = %v", got)
	}
	if got := keptRanges("0+4+4"); !reflect.DeepEqual(got, [][2]int{{5, 8}}) {
		t.Errorf("keptRanges(0+4+4) = %v", got)
	}
}

func TestBuiltInMaskingPatterns(t *testing.T) {
	examples := map[string][2][]string{ // conforming, not conforming
		"id_6_8_4":         {{"110105********002X"}, {"11010519491231002X", "110***********002X"}},
		"id_3_11_4":        {{"110***********002X"}, {"110105********002X"}},
		"id_1_16_1":        {{"1****************X"}, {"110105********002X"}},
		"mobile_3_4_4":     {{"138****1234"}, {"13812341234", "138*****234"}},
		"fixed_line_4_2":   {{"0571******34"}, {"057112345634"}},
		"bank_card_6_4":    {{"6222 **** **** **** 128", "622202*********0128"}, {"6222021234567890128"}},
		"name_surname":     {{"张*", "张*丰", "欧阳**"}, {"张三", "*三"}},
		"address_district": {{"北京市海淀区********"}, {"北京市海淀区中关村大街1号"}},
		"email_initial":    {{"d**@126.com"}, {"dgcheck@126.com"}},
		"plate_3_1":        {{"苏D4***0", "陕A1****D"}, {"苏D12340"}},
		"passport_2_2":     {{"E1*****78", "EA*****67"}, {"E12345678", "E*******8"}},
		"hkmo_permit_2_2":  {{"C1*****78", "H1*******90"}, {"C12345678"}},
		"tw_permit_2_2":    {{"12****78"}, {"12345678", "1******8"}},
		"iban_4_4":         {{"DE89**************3000", "DE89 **** **** **** **30 00"}, {"DE89370400440532013000"}},
		"secret_full":      {{"******"}, {"abc***"}},
		"ipv4_1":           {{"10.*.*.*"}, {"10.1.2.3"}},
		"ipv6_1":           {{"2001:*:*:*:*:*:*:*"}, {"2001:db8::1"}},
	}
	patterns := MaskingPatterns()
	if len(patterns) != len(examples) {
		t.Errorf("%d patterns, %d with examples", len(patterns), len(examples))
	}
	for name, ex := range examples {
		p, ok := patterns[name]
		if !ok {
			t.Errorf("no pattern %s", name)
			continue
		}
		re := regexp.MustCompile(p.Regex)
		for _, v := range ex[0] {
			if !re.MatchString(v) {
				t.Errorf("%s does not match %q", name, v)
			}
		}
		for _, v := range ex[1] {
			if re.MatchString(v) {
				t.Errorf("%s matches %q", name, v)
			}
		}
	}
}

// The positions a pattern leaves in clear are read from its regex: that is how DESENS-005
// tells a declared pattern that reveals the birth date.
func TestExposureOfFixedLengthPatterns(t *testing.T) {
	tests := []struct {
		regex  string
		length int
		kept   [][2]int
	}{
		{`^\d{6}\*{8}\d{3}[\dX]$`, 18, [][2]int{{1, 6}, {15, 18}}},
		{`^\d{3}\*{11}\d{3}[\dX]$`, 18, [][2]int{{1, 3}, {15, 18}}},
		{`^\d{14}\*{4}$`, 18, [][2]int{{1, 14}}},
		{`^1\d{2}\*{4}\d{4}$`, 11, [][2]int{{1, 3}, {8, 11}}},
		{`^(\d{3})\*\*\*\*(\d{4})$`, 11, [][2]int{{1, 3}, {8, 11}}},
		{`^\*{6}$`, 6, [][2]int{}},
		{`^\p{Han}{1,2}\*+\p{Han}?$`, 0, nil}, // lengths vary: unknown
		{`\d{6}\*{8}\d{4}`, 0, nil},           // unanchored: unknown
		{`^(ab|c)$`, 0, nil},
	}
	for _, tt := range tests {
		n, kept := exposure(tt.regex)
		if n != tt.length || !reflect.DeepEqual(kept, tt.kept) {
			t.Errorf("exposure(%s) = %d %v, want %d %v", tt.regex, n, kept, tt.length, tt.kept)
		}
	}
}

const maskedRoll = `id,xm,sfzh,lxdh,sex,birth,street,diagnosis
1,张*,110105********002X,138****1234,男,1950,A,flu
2,李*,110105********0021,139****5678,女,1950,A,cold
3,王**,11010519491231002X,13912345678,男,1950,A,flu
4,赵*,110105194912310021,,女,1960,B,flu
5,钱*,110105*******1002X,137****0000,男,1960,B,flu
6,孙*,110105********0035,136****1111,男,1950,A,asthma
`

func TestMaskingCheckCountsConformanceAndLeaks(t *testing.T) {
	plan := Plan{Masking: map[string]Masking{
		"xm":   {Method: "mask", Pattern: "name_surname"},
		"sfzh": {Method: "mask", Pattern: "id_6_8_4"},
		"lxdh": {Method: "mask", Pattern: "my_mobile", Regex: `^1\d{2}\*{4}\d{4}$`, Data: "mobile"},
		"sex":  {Method: "mask", Pattern: "no_such_pattern"},
		"id":   {Method: "hash"}, // no pattern: nothing to check values against
	}}
	p := scanCSV(t, maskedRoll, plan)
	col := func(name string) ColumnProfile {
		for _, c := range p.Columns {
			if c.Name == name {
				return c
			}
		}
		t.Fatalf("no column %s", name)
		return ColumnProfile{}
	}
	id := col("sfzh").Masking
	// Row 3 is a valid raw ID (a leak), row 4 a raw ID with a wrong check digit (not a
	// leak: it passes no validator), row 5 masked 6+7+5 (non-conforming, no leak).
	if id.Checked != 6 || id.Conforming != 3 || id.Leaks != 1 || id.Length != 18 ||
		!reflect.DeepEqual(id.Kept, [][2]int{{1, 6}, {15, 18}}) || id.Data != "cn_resident_id" {
		t.Errorf("sfzh masking = %+v", id)
	}
	if len(id.LeakSamples) != 1 || id.LeakSamples[0] != (Sample{Row: 3, Value: "110105********002X"}) {
		t.Errorf("leak samples %+v: a leak is located, and its value masked", id.LeakSamples)
	}
	if got := fmt.Sprint(id.NonconformingSamples); got != "[{3 110105********002X} {4 110105********0021} {5 110105*******1002X}]" {
		t.Errorf("nonconforming samples %s", got)
	}
	if xm := col("xm").Masking; xm.Conforming != 6 || xm.Leaks != 0 || xm.Length != 0 || xm.Kept != nil {
		t.Errorf("xm masking = %+v", xm)
	}
	if m := col("lxdh").Masking; m.Checked != 5 || m.Conforming != 4 || m.Leaks != 1 || m.Pattern != "my_mobile" {
		t.Errorf("lxdh masking = %+v", m)
	}
	if m := col("sex").Masking; m.Error == "" || m.Checked != 0 {
		t.Errorf("unknown pattern: %+v", m)
	}
	if m := col("id").Masking; m != nil {
		t.Errorf("a declaration without a pattern is not checked: %+v", m)
	}
	if f := col("sfzh").Forms; f.Masked != 4 || f.Raw != 2 || f.MaskShapes[0].Shape != "6+8+4" || f.MaskShapes[0].Count != 3 {
		t.Errorf("sfzh forms %+v", f)
	}
}

func TestReidentificationOverQuasiIdentifiers(t *testing.T) {
	p := scanCSV(t, maskedRoll, Plan{QuasiIdentifiers: []string{"sex", "birth", "street", "no_such"},
		QuasiIdentifierSource: "declared", Sensitive: []string{"diagnosis"}})
	r := p.Table.Reidentification
	if r == nil {
		t.Fatal("no reidentification evidence")
	}
	// Classes: (男,1950,A) rows 1,3,6; (女,1950,A) row 2; (女,1960,B) row 4; (男,1960,B) row 5.
	want := Reidentification{
		QuasiIdentifiers: []string{"sex", "birth", "street"}, Source: "declared", Missing: []string{"no_such"},
		Rows: 6, Classes: 4, K: 1, UniqueRows: 3, SampleUniqueness: 0.5,
		ProsecutorRiskMax: 1, ProsecutorRiskAverage: 4.0 / 6,
		SmallestClasses: []ClassSample{{Size: 1, FirstRow: 2}, {Size: 1, FirstRow: 4}, {Size: 1, FirstRow: 5}, {Size: 3, FirstRow: 1}},
		Diversity: []Diversity{{Column: "diagnosis", L: 1, LCap: maxDistinctSensitive,
			LeastDiverse: []ClassSample{{Size: 1, FirstRow: 2, Distinct: 1}, {Size: 1, FirstRow: 4, Distinct: 1}, {Size: 1, FirstRow: 5, Distinct: 1}, {Size: 3, FirstRow: 1, Distinct: 2}}}},
		SampleRate: 1,
	}
	want.ClassSizes = make([]ClassSizeBin, len(classBins))
	for i, b := range classBins {
		want.ClassSizes[i] = ClassSizeBin{Min: b[0], Max: b[1]}
	}
	want.ClassSizes[0].Classes, want.ClassSizes[0].Rows = 3, 3
	want.ClassSizes[2].Classes, want.ClassSizes[2].Rows = 1, 3
	if !reflect.DeepEqual(*r, want) {
		t.Errorf("reidentification\n got %+v\nwant %+v", *r, want)
	}
	if p := scanCSV(t, maskedRoll, Plan{}); p.Table.Reidentification != nil {
		t.Errorf("measured without quasi-identifiers: %+v", p.Table.Reidentification)
	}
	if p := scanCSV(t, maskedRoll, Plan{SuggestQuasiIdentifiers: true}); p.Table.Reidentification == nil ||
		!reflect.DeepEqual(p.Table.Reidentification.QuasiIdentifiers, []string{"sex", "birth"}) || p.Table.Reidentification.Source != "suggested" {
		t.Errorf("suggested: %+v", p.Table.Reidentification)
	}
}

// Nulls are a value of their own (STANDARDS §5), distinct from a blank.
func TestReidentificationTreatsNullsAsAValue(t *testing.T) {
	p := scanCSV(t, "a,b\n1,\n1,\n1, \n2,x\n", Plan{QuasiIdentifiers: []string{"a", "b"}})
	if r := p.Table.Reidentification; r.Classes != 3 || r.K != 1 || r.UniqueRows != 2 {
		t.Errorf("%+v", r)
	}
}

// Classes are counted exactly however many there are: in the tally's table, in its rows
// spilled to disk past the memory budget, or split between the two, with any split between
// workers and batches, the figures are those of one worker holding every class in its table.
func TestReidentificationIsExactWhenItSpills(t *testing.T) {
	var b strings.Builder
	b.WriteString("q,s\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "%d,%d\n", i%5000, i%3) // 5,000 classes of 4 rows, 3 sensitive values each
	}
	b.WriteString("odd,x\n")
	plan := Plan{QuasiIdentifiers: []string{"q"}, Sensitive: []string{"s"}, Workers: 1}
	exact := scanCSV(t, b.String(), plan).Table.Reidentification
	if exact.Approximate || exact.K != 1 || exact.Classes != 5001 || exact.UniqueRows != 1 || exact.Rows != 20001 ||
		exact.Diversity[0].L != 1 || exact.SmallestClasses[0] != (ClassSample{Size: 1, FirstRow: 20001}) ||
		exact.SmallestClasses[1] != (ClassSample{Size: 4, FirstRow: 1}) || exact.ClassSizes[3].Classes != 5000 {
		t.Errorf("exact: %+v", exact)
	}
	one, _ := json.Marshal(exact)
	t.Cleanup(func() { classTableSlots = 0 })
	dir := spillScans(t)
	// With the spilling budget the table holds no class unless classTableSlots says so: 64
	// slots put most classes in the rows, and classes met first in one batch and again later
	// in both.
	for _, table := range []int{0, 64, 8192} {
		classTableSlots = table
		for _, workers := range []int{1, 2, 3} {
			for _, batch := range []int{7, 1000} {
				plan.Workers = workers
				got, _ := json.Marshal(scanCSV(t, b.String(), plan, datasets.WithBatchSize(batch)).Table.Reidentification)
				if string(got) != string(one) {
					t.Errorf("table of %d slots, workers=%d batch=%d, spilling: %s\none worker's table: %s", table, workers, batch, got, one)
				}
			}
		}
	}
	assertNoSpills(t, dir)
}

// The desensitisation evidence merges across workers exactly like the rest of the profile.
func TestDesensitisationEvidenceIsIndependentOfBatchingAndWorkers(t *testing.T) {
	var b strings.Builder
	b.WriteString("xm,sfzh,sex,birth,street,diagnosis\n")
	streets := []string{"珞南街道", "关山街道", "洪山街道"}
	for i := range 5000 {
		id := fmt.Sprintf("420111%04d0101%03d", 1940+i%60, i%1000)
		if i%97 == 0 {
			id = id[:6] + "********" + id[14:]
		}
		fmt.Fprintf(&b, "张%s,%s%c,%s,%d,%s,d%d\n", strings.Repeat("*", 1+i%2), id, "10X98765432"[i%11], "男女"[3*(i%2):3*(i%2)+3],
			1940+i%60, streets[i%3], i%5)
	}
	plan := Plan{Masking: map[string]Masking{"sfzh": {Pattern: "id_6_8_4"}, "xm": {Pattern: "name_surname"}},
		QuasiIdentifiers: []string{"sex", "birth", "street"}, Sensitive: []string{"diagnosis"}}
	plan.Workers = 1
	want, err := json.Marshal(scanCSV(t, b.String(), plan))
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		for _, batch := range []int{7, 1000} {
			plan.Workers = workers
			got, _ := json.Marshal(scanCSV(t, b.String(), plan, datasets.WithBatchSize(batch)))
			if string(got) != string(want) {
				t.Errorf("workers=%d batch=%d: profile differs from one worker's", workers, batch)
			}
		}
	}
}

func TestPlanForReadsTheDesensitisationDeclarations(t *testing.T) {
	md := &datasets.Metadata{
		Deidentification: map[string]any{"qi_columns": []any{"sex", "birth_year"}, "sensitive_columns": []any{"diagnosis"}},
		Fields: []datasets.Field{
			{Name: "sfzh", Masking: map[string]any{"method": "mask", "pattern": "id_6_8_4"}},
			{Name: "sex", IdentifierRole: "quasi"},
			{Name: "street", IdentifierRole: "quasi"},
		},
	}
	p := PlanFor(md)
	if !reflect.DeepEqual(p.QuasiIdentifiers, []string{"sex", "birth_year"}) || p.QuasiIdentifierSource != "declared" ||
		!reflect.DeepEqual(p.Sensitive, []string{"diagnosis"}) || p.Masking["sfzh"] != (Masking{Method: "mask", Pattern: "id_6_8_4"}) {
		t.Errorf("declared: %+v", p)
	}
	md.Deidentification = nil
	if p := PlanFor(md); !reflect.DeepEqual(p.QuasiIdentifiers, []string{"sex", "street"}) || p.QuasiIdentifierSource != "field_roles" || p.SuggestQuasiIdentifiers {
		t.Errorf("field roles: %+v", p)
	}
	md.Deidentification = map[string]any{"qi_columns": []any{}}
	if p := PlanFor(md); len(p.QuasiIdentifiers) != 0 || p.SuggestQuasiIdentifiers {
		t.Errorf("an empty qi_columns declares none: %+v", p)
	}
	if p := PlanFor(&datasets.Metadata{}); !p.SuggestQuasiIdentifiers {
		t.Errorf("nothing declared: suggest")
	}
	if got := suggestQuasiIdentifiers([]string{"household_id", "XB", "出生日期", "age", "postcode", "民族", "name", "monthly_allowance"}); !reflect.DeepEqual(got, []string{"XB", "出生日期", "age", "postcode", "民族"}) {
		t.Errorf("suggested %q", got)
	}
}
