package reports_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

// A report built without Conclude, as a library caller might, still writes its lists and
// counts as [] and {}: the schema has no nulls.
func TestJSONWriterWritesNoNull(t *testing.T) {
	var out bytes.Buffer
	if err := (reports.JSONWriter{}).Write(&out, &reports.Report{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "null") {
		t.Errorf("output holds null:\n%s", out.String())
	}
	for _, want := range []string{`"notices": []`, `"findings": []`, `"columns": []`, `"by_area": {}`, `"by_severity": {}`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, out.String())
		}
	}
}

func TestJSONWriterLeavesReportAlone(t *testing.T) {
	r := &reports.Report{}
	if err := (reports.JSONWriter{}).Write(&bytes.Buffer{}, r); err != nil {
		t.Fatal(err)
	}
	if r.Findings != nil || r.Dataset.Columns != nil || r.Summary.ByArea != nil {
		t.Errorf("writing changed the report: %+v", r)
	}
}
