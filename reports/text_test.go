package reports_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

func TestTextWriterCountsInEnglish(t *testing.T) {
	r := &reports.Report{Tool: tool, Dataset: reports.Dataset{Path: "one.csv", Format: "csv", Rows: 1,
		Columns: []string{"sfzh"}},
		Findings: []reports.Finding{{ID: "ID-002", Area: "identifiers", Severity: reports.Error,
			Standard: "GB 11643-1999", Clause: "check digit", Message: "sfzh: 1 of 1 invalid"}}}
	r.Conclude(reports.Error)
	var out bytes.Buffer
	if err := (reports.TextWriter{}).Write(&out, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"csv, 1 row, 1 column\n",
		"verdict: NOT CONFORMANT: 1 finding at or above error (1 error, 0 warnings, 0 info)\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// A user pack's rule id longer than the built-in ones must not push its message out of line
// with the standard, rows and fix lines below it.
func TestTextWriterAlignsLongRuleIDs(t *testing.T) {
	r := &reports.Report{Tool: tool, Dataset: reports.Dataset{Path: "d.csv", Format: "csv"},
		Findings: []reports.Finding{
			{ID: "META-001", Area: "metadata", Severity: reports.Error, Standard: "DCAT-AP 3.0.1",
				Clause: "shapes.ttl", Message: "no title", Remediation: "add a title"},
			{ID: "PRIVACYPACK-001", Area: "acme", Severity: reports.Warning, Standard: "Acme policy",
				Clause: "§3.2", Message: "remark: 3 remarks hold mobile numbers",
				Samples: []reports.Sample{{Row: 4, Value: "139****9008"}}, Remediation: "mask them"},
		}}
	r.Conclude(reports.Error)
	var out bytes.Buffer
	if err := (reports.TextWriter{}).Write(&out, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	for _, f := range r.Findings {
		i := indexOfLineContaining(lines, f.Message)
		if i < 0 {
			t.Fatalf("no line holds %q:\n%s", f.Message, out.String())
		}
		column := strings.Index(lines[i], f.Message)
		for _, next := range lines[i+1:] {
			if !strings.HasPrefix(next, "   ") || strings.TrimSpace(next[:2]) != "" {
				break // the next finding or area
			}
			if indent := len(next) - len(strings.TrimLeft(next, " ")); indent != column {
				t.Errorf("%s: line %q starts at %d, its message at %d", f.ID, next, indent, column)
			}
		}
	}
}

func indexOfLineContaining(lines []string, s string) int {
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

// Colour is only escapes around the same text: without them the output is the plain one, so
// colour cannot shift a column.
func TestTextWriterColourAddsOnlyEscapes(t *testing.T) {
	var plain, coloured bytes.Buffer
	if err := (reports.TextWriter{}).Write(&plain, failingReport()); err != nil {
		t.Fatal(err)
	}
	if err := (reports.TextWriter{Colour: true}).Write(&coloured, failingReport()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\033[") {
		t.Error("the plain report holds escapes")
	}
	for _, want := range []string{"\033[31merror  \033[0m", "\033[2mwarning\033[0m", "\033[1;31mNOT CONFORMANT\033[0m"} {
		if !strings.Contains(coloured.String(), want) {
			t.Errorf("coloured report lacks %q", want)
		}
	}
	if stripped := regexp.MustCompile("\033\\[[0-9;]*m").ReplaceAllString(coloured.String(), ""); stripped != plain.String() {
		t.Errorf("without its escapes the coloured report differs:\n%s", stripped)
	}
}

func TestTextWriterShowsWaivedFindings(t *testing.T) {
	var out bytes.Buffer
	if err := (reports.TextWriter{}).Write(&out, failingReport()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  warning QUAL-011    2 of 800 rows repeat an earlier row exactly (X = 0.9975)\n" +
			"                      waived until 2025-12-31 by data-owner@hongshan.example: two households share a flat; confirmed by the street office\n",
		"(5 errors, 1 warning, 1 info; 1 waived)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
