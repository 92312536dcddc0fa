package synth

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/checkers"
	"github.com/dgcheck/dgcheck/datasets"
)

// The release's exact figures for one configuration: what the tests below hold the generator
// (recounted from its text) and dgcheck's measuring pass to.
var deidentifiedExample = Deidentified{Rows: 3000, Seed: 7, LeakedIDs: 4, LeakedMobiles: 3}

func TestDeidentifiedFiguresAreExact(t *testing.T) {
	var buf bytes.Buffer
	st, err := WriteDeidentifiedCSV(&buf, deidentifiedExample)
	if err != nil {
		t.Fatal(err)
	}
	mobiles := st.Forms["mobile"]
	want := DeidentifiedStats{Rows: 3000, LeakedIDs: 4, LeakedMobiles: 3, Classes: 206, K: 1, UniqueRows: 7, Forms: map[string]Forms{
		"household_token":   {Tokenised: 3000},
		"name":              {Masked: 3000},
		"sfzh":              {Masked: 2996, Raw: 4},
		"sfzh_sha256":       {Hashed: 3000},
		"sex":               {Raw: 3000},
		"age_band":          {Generalised: 3000},
		"mobile":            {Nulls: mobiles.Nulls, Masked: 3000 - mobiles.Nulls - 3, Raw: 3},
		"street":            {Raw: 3000},
		"community":         {Suppressed: 3000},
		"household_size":    {Raw: 3000},
		"monthly_allowance": {Raw: 3000},
		"start_month":       {Generalised: 3000},
		"status":            {Raw: 3000},
	}}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("stats\n got %+v\nwant %+v", st, want)
	}
	if mobiles.Nulls == 0 {
		t.Error("no household lacks a mobile")
	}

	// Recount from the text alone.
	r := csv.NewReader(bytes.NewReader(buf.Bytes()))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, recs := recs[0], recs[1:]
	col := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	classes := map[string]int64{}
	var rawIDs, rawMobiles int64
	forms := map[string]*regexp.Regexp{
		"household_token": regexp.MustCompile(`^hh_k7[0-9a-f]{16}$`),
		"sfzh_sha256":     regexp.MustCompile(`^[0-9a-f]{64}$`),
		"age_band":        regexp.MustCompile(`^\d0-\d9$`),
		"start_month":     regexp.MustCompile(`^20\d\d-\d\d$`),
		"community":       regexp.MustCompile(`^\*+$`),
	}
	for _, rec := range recs {
		for name, re := range forms {
			if !re.MatchString(rec[col(name)]) {
				t.Fatalf("%s %q", name, rec[col(name)])
			}
		}
		if !strings.Contains(rec[col("sfzh")], "*") {
			rawIDs++
		}
		if m := rec[col("mobile")]; m != "" && !strings.Contains(m, "*") {
			rawMobiles++
		}
		classes[rec[col("sex")]+"|"+rec[col("age_band")]+"|"+rec[col("street")]]++
	}
	var unique, k int64
	for _, n := range classes {
		if n == 1 {
			unique++
		}
		if k == 0 || n < k {
			k = n
		}
	}
	if rawIDs != st.LeakedIDs || rawMobiles != st.LeakedMobiles || int64(len(classes)) != st.Classes || unique != st.UniqueRows || k != st.K {
		t.Errorf("text holds %d raw IDs, %d raw mobiles, %d classes, %d unique rows, k %d; stats say %+v",
			rawIDs, rawMobiles, len(classes), unique, k, st)
	}
}

// dgcheck's measuring pass finds in the release exactly what the generator put there.
func TestDeidentifiedMeasuredAsGenerated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "release.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := WriteDeidentifiedCSV(f, deidentifiedExample)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	p, err := checkers.Scan(context.Background(), r, checkers.Plan{
		Masking: map[string]checkers.Masking{
			"name": {Pattern: "name_surname"}, "sfzh": {Pattern: "id_6_8_4"}, "mobile": {Pattern: "mobile_3_4_4"},
		},
		QuasiIdentifiers: DeidentifiedQuasiIdentifiers,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p.Columns {
		want := st.Forms[c.Name]
		got := Forms{Nulls: c.Nulls + c.Blanks, Raw: c.Forms.Raw, Masked: c.Forms.Masked, Hashed: c.Forms.Hashed,
			Tokenised: c.Forms.Tokenised, Generalised: c.Forms.Generalised, Suppressed: c.Forms.Suppressed}
		if got != want {
			t.Errorf("%s: measured %+v, generated %+v", c.Name, got, want)
		}
		switch c.Name {
		case "sfzh", "mobile":
			leaks := map[string]int64{"sfzh": st.LeakedIDs, "mobile": st.LeakedMobiles}[c.Name]
			if m := c.Masking; m.Leaks != leaks || m.Conforming != m.Checked-leaks || len(m.LeakSamples) != int(leaks) {
				t.Errorf("%s masking %+v, want %d leaks", c.Name, m, leaks)
			}
		case "name":
			if m := c.Masking; m.Conforming != m.Checked || m.Leaks != 0 {
				t.Errorf("name masking %+v", m)
			}
		case "age_band":
			if c.Forms.Generalisations["age_band"] != st.Rows {
				t.Errorf("age_band generalisations %v", c.Forms.Generalisations)
			}
		case "sfzh_sha256":
			if c.Forms.Hashes["sha256_hex"] != st.Rows {
				t.Errorf("sfzh_sha256 hashes %v", c.Forms.Hashes)
			}
		}
	}
	re := p.Table.Reidentification
	if re == nil || re.K != st.K || re.Classes != st.Classes || re.UniqueRows != st.UniqueRows || re.Approximate ||
		re.SampleUniqueness != float64(st.UniqueRows)/float64(st.Rows) {
		t.Errorf("reidentification %+v, generated k %d, %d classes, %d unique", re, st.K, st.Classes, st.UniqueRows)
	}
}

func TestDeidentifiedKeepsTheCleanHouseholds(t *testing.T) {
	var rel, clean bytes.Buffer
	if _, err := WriteDeidentifiedCSV(&rel, Deidentified{Rows: 500, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteCSV(&clean, Clean(500, 3)); err != nil {
		t.Fatal(err)
	}
	relRecs, _ := csv.NewReader(&rel).ReadAll()
	cleanRecs := readCSV(t, clean.Bytes())
	for i, rec := range relRecs[1:] {
		if rec[1] != cleanRecs[i][colName] || rec[2] != cleanRecs[i][colSFZH] || rec[7] != cleanRecs[i][colStreet] {
			t.Fatalf("row %d: %q is not the clean roll's household %q", i+1, rec, cleanRecs[i])
		}
	}
	if err := (Deidentified{Rows: 2, LeakedIDs: 3}).Validate(); err == nil {
		t.Error("more leaks than rows accepted")
	}
}
