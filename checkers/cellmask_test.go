package checkers

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

// mosaicIDs are valid 18-digit resident ID numbers of one county, every one of which the
// credit-code and bank-card detectors match too, and every third with a wrong check digit.
func mosaicIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		body := fmt.Sprintf("420116%04d%02d%02d%03d", 1960+i, 1+i%12, 1+i%28, 100+i)
		c := detect.CheckDigit(body)
		if i%3 == 2 {
			c = "0123456789X"[(strings.IndexByte("0123456789X", c)+1)%11]
		}
		ids[i] = body + string(c)
	}
	return ids
}

// walkSamples calls f with every {row, value} sample anywhere in v (a profile's JSON).
func walkSamples(v any, path string, f func(path string, row int64, value string)) {
	switch x := v.(type) {
	case map[string]any:
		if row, ok := x["row"].(float64); ok {
			if s, ok := x["value"].(string); ok {
				f(path, int64(row), s)
			}
		}
		for k, e := range x {
			walkSamples(e, path+"."+k, f)
		}
	case []any:
		for _, e := range x {
			walkSamples(e, path, f)
		}
	}
}

// The mosaic: one ID number, sampled by the resident ID, credit-code and bank-card detectors,
// a declared constraint and a foreign key, was shown in three masks that together revealed
// its birth year. Now every sample of a cell has the column's one form, which reveals at most
// the first 6 and the last 4 characters.
func TestOneMaskedFormPerCell(t *testing.T) {
	ids := mosaicIDs(12)
	var b strings.Builder
	b.WriteString("n,sfzh\n")
	for i, id := range ids {
		fmt.Fprintf(&b, "%d,%s\n", i, id)
	}
	seventeen := 17
	ref := writeFile(t, "people.csv", "id\nnobody\n")
	meta := &datasets.Metadata{
		Fields: []datasets.Field{{Name: "n"}, {Name: "sfzh", Constraints: &datasets.Constraints{MaxLength: &seventeen}}},
		ForeignKeys: []datasets.ForeignKey{{Fields: []string{"sfzh"},
			Reference: datasets.FKReference{Path: ref, Fields: []string{"id"}}}},
	}
	p := scanCSV(t, b.String(), Plan{Metadata: meta})
	col := p.Columns[1]
	if col.Classification == nil || col.Classification.Type != "cn_resident_id" {
		t.Fatalf("classification %+v", col.Classification)
	}
	for _, d := range []string{"cn_resident_id", "cn_uscc", "bank_card"} {
		if len(col.Detectors[d].RawSamples) == 0 {
			t.Fatalf("%s kept no samples: the test would prove nothing", d)
		}
	}
	raw, _ := json.Marshal(col)
	var tree any
	if err := json.Unmarshal(raw, &tree); err != nil {
		t.Fatal(err)
	}
	fks, _ := json.Marshal(p.Table.ForeignKeys)
	var fkTree any
	if err := json.Unmarshal(fks, &fkTree); err != nil {
		t.Fatal(err)
	}
	forms := map[int64]map[string][]string{} // row → form → where
	collect := func(path string, row int64, v string) {
		if forms[row] == nil {
			forms[row] = map[string][]string{}
		}
		forms[row][v] = append(forms[row][v], path)
	}
	walkSamples(tree, "sfzh", collect)
	walkSamples(fkTree, "foreign_keys", collect)
	seen := 0
	for row, byForm := range forms {
		if len(byForm) != 1 {
			t.Errorf("row %d is shown in %d forms: %v", row, len(byForm), byForm)
		}
		id := ids[row-1]
		for form, where := range byForm {
			seen += len(where)
			if form != detect.MaskResidentID(id) {
				t.Errorf("row %d (%s) shown as %q in %v, want the column's form %q", row, id, form, where, detect.MaskResidentID(id))
			}
		}
	}
	// 5 raw samples from each of three detectors, 4 invalid ID samples (rows 3, 6, 9, 12 are
	// bad check digits, credit codes and mostly bad cards), 5 constraint and 5 key failures.
	if seen < 20 {
		t.Errorf("only %d samples seen", seen)
	}
	for _, v := range []string{col.Min, col.Max} {
		if len(v) != 18 || v[6:14] != "********" {
			t.Errorf("extreme %q of an ID column shows its birth date", v)
		}
	}
}

// Whatever a column is classified as, no mask shows an ID number's birth date or more than
// the first 6 and last 4 digits of a bank card.
func TestMasksAreHeldToTheStrictestRule(t *testing.T) {
	id := mosaicIDs(1)[0]
	card := "6222021234567890128" // 19 digits, Luhn-valid
	if !detect.BankCard(card).Valid || !detect.ResidentID(id).Valid || !detect.USCC(id).Match {
		t.Fatal("fixtures no longer what the test needs")
	}
	uscc, bank := columnMask{det: detect.Index("cn_uscc"), pi: true}, columnMask{det: detect.Index("bank_card"), pi: true}
	for name, got := range map[string]string{
		"ID in a credit-code column":  uscc.show(id),
		"ID in a bank-card column":    bank.show(id),
		"ID in a non-personal column": columnMask{det: -1}.show(id),
		"ID in free text":             columnMask{det: -1}.show("联系人身份证" + id + "，已核实"),
	} {
		if strings.Contains(got, id[6:14]) || strings.Contains(got, id[6:10]) {
			t.Errorf("%s: %q shows the birth date of %s", name, got, id)
		}
	}
	if got := uscc.show(card); got != detect.MaskBankCard(card) {
		t.Errorf("card in a credit-code column: %q", got)
	}
}

// Values that are no one's personal data are shown as they are, so that the user sees what
// to fix: a foreign key ZZZ is ZZZ, a bad integer <3 is <3; only a long value is cut. A valid
// ID number or mobile number on its own in such a column is masked all the same, and one
// embedded in a note is masked in place.
func TestValuesOfNoOnesDataAreShown(t *testing.T) {
	id := mosaicIDs(1)[0]
	long := strings.Repeat("长", 100)
	text := "code,size,note\nZZZ,<3,ok\nA01,2," + id + "\nA02,4,请回电13812345678谢谢\nA03,5," + long + "\n"
	ref := writeFile(t, "codes.csv", "code\nA01\nA02\nA03\n")
	meta := &datasets.Metadata{
		Fields: []datasets.Field{{Name: "code"}, {Name: "size", Datatype: "integer"},
			{Name: "note", Constraints: &datasets.Constraints{MaxLength: new(2)}}},
		ForeignKeys: []datasets.ForeignKey{{Fields: []string{"code"}, Reference: datasets.FKReference{Path: ref, Fields: []string{"code"}}}},
	}
	p := scanCSV(t, text, Plan{Metadata: meta})
	if fk := p.Table.ForeignKeys[0]; fk.Failed != 1 || fk.Samples[0] != (Sample{Row: 1, Value: "ZZZ"}) {
		t.Errorf("foreign key samples %+v, want ZZZ as it is", fk.Samples)
	}
	if c := p.Columns[1].Constraints["type"]; c == nil || c.Failed != 1 || c.Samples[0] != (Sample{Row: 1, Value: "<3"}) {
		t.Errorf("type check %+v, want <3 as it is", c)
	}
	notes := p.Columns[2].Constraints["max_length"]
	want := []Sample{{Row: 2, Value: detect.MaskResidentID(id)}, {Row: 3, Value: "请回电138****5678谢谢"},
		{Row: 4, Value: strings.Repeat("长", maxShownRunes) + "…"}}
	if notes == nil || !slices.Equal(notes.Samples, want) {
		t.Errorf("note samples %+v, want %+v", notes, want)
	}
}

// A column the metadata declares personal, or a quasi-identifier, shows no raw value: its
// samples are masked, its date extremes generalised to the year, its numeric extremes and
// spread omitted.
func TestDeclaredPersonalAndQuasiColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("birth_date,age,diagnosis,income\n")
	for i := range 40 {
		fmt.Fprintf(&b, "19%02d-0%d-1%d,%d,感冒%d,%d\n", 50+i, 1+i%9, i%10, 20+i, i, 1000+i)
	}
	b.WriteString("1990-02-30,abc,肺炎,x\n")
	meta := &datasets.Metadata{
		Fields: []datasets.Field{{Name: "birth_date", Datatype: "date"}, {Name: "age", Datatype: "integer", IdentifierRole: "quasi"},
			{Name: "diagnosis", PICategory: "health", Constraints: &datasets.Constraints{MaxLength: new(2)}},
			{Name: "income", Datatype: "integer"}},
	}
	p := scanCSV(t, b.String(), PlanFor(meta))
	birth, age, diag, income := p.Columns[0], p.Columns[1], p.Columns[2], p.Columns[3]
	if birth.Min != "1950" || birth.Max != "1989" {
		t.Errorf("birth_date extremes %q..%q, want the years only", birth.Min, birth.Max)
	}
	if age.Min != "" || age.Max != "" || age.Spread != nil {
		t.Errorf("age (declared quasi): extremes %q..%q, spread %v: want none", age.Min, age.Max, age.Spread)
	}
	if c := age.Constraints["type"]; c == nil || c.Samples[0].Value != "a**" {
		t.Errorf("age type samples %+v: a quasi-identifier's values are masked", c)
	}
	if c := diag.Constraints["max_length"]; c == nil || c.Samples[0].Value != "感**" || diag.Min != "感**" {
		t.Errorf("diagnosis (declared health PI) samples %+v, min %q", c, diag.Min)
	}
	if income.Min != "1000" || income.Spread == nil {
		t.Errorf("income (nothing declared): min %q spread %v: shown", income.Min, income.Spread)
	}
	if c := income.Constraints["type"]; c == nil || c.Samples[0].Value != "x" {
		t.Errorf("income type samples %+v", c)
	}
}
