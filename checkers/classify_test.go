package checkers

import (
	"slices"
	"strings"
	"testing"
)

func TestHintsFor(t *testing.T) {
	for name, want := range map[string][]string{
		"sfzh":              {"cn_resident_id"},
		"身份证号码":             {"cn_resident_id"},
		"id_card":           {"cn_resident_id"},
		"IdCardNo":          {"cn_resident_id"},
		"mobileNo":          {"mobile"},
		"联系电话":              {"mobile", "fixed_line"},
		"filename":          {},
		"username":          {},
		"birth_date":        {"birth_date"},
		"病史":                {"health"},
		"login_pwd":         {"credential"},
		"人脸图像":              {"biometric"},
		"household_id":      {},
		"lng":               {"coordinate"},
		"amount":            {},
		"户主姓名":              {"person_name"},
		"gender":            {"sex"},
		"办公电话":              {"mobile", "fixed_line"},
		"client_ip":         {"ip_address"},
		"monthly_allowance": {},
	} {
		if got := HintsFor(name); !slices.Equal(got, want) {
			t.Errorf("HintsFor(%q) = %q, want %q", name, got, want)
		}
	}
}

// classifyCSV scans a one-column CSV and returns its classification.
func classifyCSV(t *testing.T, header string, values []string, plan Plan) *ColumnProfile {
	t.Helper()
	p := scanCSV(t, header+"\n"+strings.Join(values, "\n")+"\n", plan)
	return &p.Columns[0]
}

func repeat(v string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func TestClassifierWeighsHintsAndValues(t *testing.T) {
	eight := []string{"12345678", "23456789", "34567890", "45678901"}
	// Eight digits are a Taiwan permit's form, but too common to type a column alone.
	if c := classifyCSV(t, "code", eight, Plan{}).Classification; c != nil {
		t.Errorf("eight-digit codes typed %+v without a hint", c)
	}
	if c := classifyCSV(t, "台胞证号", eight, Plan{}).Classification; c == nil || c.Type != "tw_permit" || !c.Hinted {
		t.Errorf("eight digits under 台胞证号: %+v", c)
	}
	// A hint never types a column alone.
	if c := classifyCSV(t, "身份证号", []string{"不详", "无", "待补"}, Plan{}).Classification; c != nil {
		t.Errorf("a hint alone typed the column: %+v", c)
	}
	// Twelve street names that start like names are a category, not names: the heuristic
	// needs the spread of values a column of names has.
	streets := slices.Repeat([]string{"鲁巷", "马房", "关山", "和平"}, 25)
	if c := classifyCSV(t, "c", streets, Plan{}).Classification; c != nil {
		t.Errorf("four repeated words typed %+v", c)
	}
	names := []string{"张伟", "李娜", "王芳", "刘强", "陈静", "杨洋", "赵敏", "黄磊", "周杰", "吴刚"}
	c := classifyCSV(t, "c", names, Plan{}).Classification
	if c == nil || c.Type != "person_name" || c.Confidence > heuristicCap {
		t.Errorf("names without a hint: %+v (a heuristic stays at or below %v)", c, heuristicCap)
	}
	// A hint for another type lowers the confidence.
	if o := classifyCSV(t, "mobile", names, Plan{}).Classification; o == nil || o.Confidence >= c.Confidence {
		t.Errorf("names under a mobile hint: %+v, want below %v", o, c.Confidence)
	}
	// Coordinates: precise when most have four or more places.
	coords := []string{`"30.592849,114.305215"`, `"30.5,114.3"`, `"30.512345,114.312345"`}
	if c := classifyCSV(t, "pos", coords, Plan{}).Classification; c == nil || c.Type != "precise_location" {
		t.Errorf("coordinate pairs: %+v", c)
	}
	coarse := []string{`"30.5,114.3"`, `"30.6,114.2"`, `"30.512345,114.312345"`}
	if c := classifyCSV(t, "pos", coarse, Plan{}).Classification; c == nil || c.Type != "location" {
		t.Errorf("coarse pairs: %+v", c)
	}
}

func TestClassifierForms(t *testing.T) {
	raw := classifyCSV(t, "x", repeat("11010519491231002X", 4), Plan{}).Classification
	masked := classifyCSV(t, "x", repeat("110105********002X", 4), Plan{}).Classification
	mixed := classifyCSV(t, "x", []string{"11010519491231002X", "110105********002X"}, Plan{}).Classification
	for _, c := range []struct {
		c    *Classification
		form string
	}{{raw, "raw"}, {masked, "masked"}, {mixed, "mixed"}} {
		if c.c == nil || c.c.Type != "cn_resident_id" || c.c.Form != c.form {
			t.Errorf("%s: %+v", c.form, c.c)
		}
	}
}

func TestScanWithoutDetection(t *testing.T) {
	col := classifyCSV(t, "sfzh", repeat("11010519491231002X", 3), Plan{SkipDetection: true})
	if len(col.Detectors) != 0 || col.Classification != nil {
		t.Errorf("detection skipped, yet detectors %v, classification %+v", col.Detectors, col.Classification)
	}
	if !slices.Equal(col.Hints, []string{"cn_resident_id"}) {
		t.Errorf("hints %q: a column's name is read whatever the plan", col.Hints)
	}
}

func TestEmbeddedAndBirthMonths(t *testing.T) {
	col := classifyCSV(t, "remark", []string{"电话13812345678", "无", "13912345678", "身份证11010519491231002X"}, Plan{})
	if m := col.Detectors["mobile"]; m.Embedded != 1 || m.Matched != 1 || len(m.EmbeddedSamples) != 1 ||
		m.EmbeddedSamples[0] != (Sample{Row: 1, Value: "138****5678"}) {
		t.Errorf("mobile in free text: %+v", m)
	}
	if id := col.Detectors["cn_resident_id"]; id.Embedded != 1 || id.EmbeddedSamples[0].Value != "110105********002X" {
		t.Errorf("ID in free text: %+v", id)
	}
	ids := classifyCSV(t, "sfzh", []string{"11010519491231002X", "440301200002291237", "110105194912310021"}, Plan{})
	if b := ids.Detectors["cn_resident_id"].BirthMonths; b == nil || *b != (MonthRange{Min: "1949-12", Max: "2000-02"}) {
		t.Errorf("birth months %+v (valid numbers only)", b)
	}
	if tr := ids.Detectors["cn_resident_id"].Traits; tr["bad_check_digit"] != 1 || len(tr) != 4 {
		t.Errorf("traits %v", tr)
	}
}

// Holds decides as the rules' identifier columns do: plausible values, above chance, at the
// rate asked; check characters mostly wrong still hold the identifier.
func TestHoldsJudgesPlausibleValues(t *testing.T) {
	col := func(matched, plausible, valid, masked int64) *ColumnProfile {
		return &ColumnProfile{Rows: 1000, Detectors: map[string]*DetectorCounts{
			"cn_org_code": {Matched: matched, Plausible: plausible, Valid: valid, Masked: masked}}}
	}
	cases := []struct {
		name string
		col  *ColumnProfile
		want bool
	}{
		{"valid codes", col(1000, 1000, 990, 0), true},
		{"80% wrong check characters", col(1000, 1000, 200, 0), true},
		{"right no more often than chance", col(1000, 1000, 95, 0), false},
		{"masked only", col(0, 0, 0, 900), true},
		{"too few", col(300, 300, 300, 0), false},
	}
	for _, c := range cases {
		if got := c.col.Holds("cn_org_code", 0.5); got != c.want {
			t.Errorf("%s: Holds = %v, want %v", c.name, got, c.want)
		}
	}
	ids := &ColumnProfile{Rows: 1000, Detectors: map[string]*DetectorCounts{"cn_resident_id": {Matched: 1000, Plausible: 0}}}
	if ids.Holds("cn_resident_id", 0.5) {
		t.Error("18-digit numbers with no real address code or birth date hold ID numbers")
	}
}
