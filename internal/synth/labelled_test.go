package synth

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestLabelledTableIsDeterministicAndAccounted(t *testing.T) {
	var a, b bytes.Buffer
	ta, err := WriteLabelledCSV(&a, 3000, 11)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WriteLabelledCSV(&b, 3000, 11); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same rows and seed gave different tables")
	}
	records, err := csv.NewReader(&a).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 3001 || len(records[0]) != len(ta.Columns) {
		t.Fatalf("%d records of %d fields, want 3001 of %d", len(records), len(records[0]), len(ta.Columns))
	}
	for i, c := range ta.Columns {
		if records[0][i] != c.Name {
			t.Errorf("header %d = %q, truth %q", i, records[0][i], c.Name)
		}
		empty := int64(0)
		for _, rec := range records[1:] {
			if rec[i] == "" {
				empty++
			}
		}
		if empty != c.Empty {
			t.Errorf("%s: %d empty values, truth says %d", c.Name, empty, c.Empty)
		}
		if c.Detector != "" && c.Empty+c.Matched+c.Masked != ta.Rows {
			t.Errorf("%s: labels account for %d of %d rows", c.Name, c.Empty+c.Matched+c.Masked, ta.Rows)
		}
		if c.Detector != "" && (c.Valid == 0 || c.Valid > c.Matched) {
			t.Errorf("%s: %d valid of %d matched", c.Name, c.Valid, c.Matched)
		}
	}
	if _, err := WriteLabelledCSV(&a, -1, 1); err == nil {
		t.Error("negative rows accepted")
	}
}
