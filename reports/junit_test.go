package reports_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

// junitDoc is the Ant JUnit schema as CI test reporters read it, decoded independently of
// the writer's own types.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name      string `xml:"name,attr"`
		Tests     int    `xml:"tests,attr"`
		Failures  int    `xml:"failures,attr"`
		Errors    int    `xml:"errors,attr"`
		Skipped   int    `xml:"skipped,attr"`
		Timestamp string `xml:"timestamp,attr"`
		Cases     []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, r *reports.Report) junitDoc {
	t.Helper()
	var out bytes.Buffer
	if err := (reports.JUnitWriter{}).Write(&out, r); err != nil {
		t.Fatal(err)
	}
	var doc junitDoc
	dec := xml.NewDecoder(&out)
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("output is not well-formed JUnit XML: %v\n%s", err, out.String())
	}
	return doc
}

func TestJUnitParsesWithACasePerRule(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			r := c.report()
			doc := parseJUnit(t, r)
			if len(doc.Suites) != 1 {
				t.Fatalf("%d test suites, want one per dataset", len(doc.Suites))
			}
			s := doc.Suites[0]
			var failures, skipped, errored int
			seen := map[string]bool{}
			for _, tc := range s.Cases {
				if tc.Name == "" || !strings.HasPrefix(tc.Classname, "dgcheck.") {
					t.Errorf("test case %+v lacks a name or classname", tc)
				}
				id, _, _ := strings.Cut(tc.Name, " ")
				seen[id] = true
				if tc.Failure != nil {
					failures++
				}
				if tc.Skipped != nil {
					skipped++
				}
				if tc.Error != nil {
					errored++
				}
			}
			// A rule that could not be judged is a case in error, as a test that could not run.
			if s.Tests != len(s.Cases) || s.Failures != failures || s.Skipped != skipped || s.Errors != errored ||
				errored != len(r.ToolErrors) || doc.Tests != s.Tests || doc.Failures != s.Failures ||
				doc.Skipped != s.Skipped || doc.Errors != s.Errors {
				t.Errorf("counts disagree with the test cases: %+v", doc)
			}
			// Every rule that judged the dataset or found something is a case; failures are
			// the rules whose findings fail the run.
			want := map[string]bool{}
			failingRules := map[string]bool{}
			for _, rule := range r.Rules {
				want[rule.ID] = true
			}
			for _, f := range r.Findings {
				want[f.ID] = true
				if f.Waived == nil && f.Severity.Rank() >= r.Verdict.FailOn.Rank() {
					failingRules[f.ID] = true
				}
			}
			if len(seen) != len(want) || len(s.Cases) != len(want) {
				t.Errorf("cases for %v, want one for each of %v", seen, want)
			}
			if failures != len(failingRules) {
				t.Errorf("%d failures, want %d", failures, len(failingRules))
			}
			if s.Timestamp != "" && strings.HasSuffix(s.Timestamp, "Z") {
				t.Errorf("timestamp %q: the Ant schema's has no zone", s.Timestamp)
			}
		})
	}
}

func TestJUnitFailureCarriesTheEvidence(t *testing.T) {
	doc := parseJUnit(t, failingReport())
	for _, tc := range doc.Suites[0].Cases {
		switch {
		case strings.HasPrefix(tc.Name, "ID-002 "):
			if tc.Failure == nil {
				t.Fatal("ID-002 did not fail")
			}
			for _, want := range []string{"798 of 800", "cn_resident_id", "17 (110105********002X)", "GB 11643-1999", "fix: "} {
				if !strings.Contains(tc.Failure.Text, want) {
					t.Errorf("ID-002 failure lacks %q:\n%s", want, tc.Failure.Text)
				}
			}
		case strings.HasPrefix(tc.Name, "QUAL-011 "):
			if tc.Skipped == nil || !strings.Contains(tc.Skipped.Message, "two households share a flat") {
				t.Errorf("waived QUAL-011: %+v, want skipped with the waiver's reason", tc)
			}
		case strings.HasPrefix(tc.Name, "PRIVACY-001 "):
			if tc.Failure != nil || !strings.Contains(tc.SystemOut, "139****9008") {
				t.Errorf("an info finding below --fail-on: %+v, want a pass with the finding in system-out", tc)
			}
		case strings.HasPrefix(tc.Name, "QUAL-012 "):
			if tc.Failure != nil || tc.Skipped != nil || tc.SystemOut != "" {
				t.Errorf("QUAL-012 found nothing but %+v", tc)
			}
		}
	}
}

// Text from the data (a column name with a control character, a CDATA terminator) must not
// break the XML.
func TestJUnitSurvivesHostileText(t *testing.T) {
	r := failingReport()
	r.Findings[1].Message = "bad\x01column ]]> <tag> & \"quote\" \x00"
	r.Findings[1].Column = "a\x1bb"
	r.Conclude(reports.Error)
	doc := parseJUnit(t, r)
	for _, tc := range doc.Suites[0].Cases {
		if strings.HasPrefix(tc.Name, r.Findings[1].ID+" ") {
			if tc.Failure == nil || !strings.Contains(tc.Failure.Text, "column ]]> <tag> & \"quote\"") {
				t.Errorf("the text did not survive: %+v", tc.Failure)
			}
		}
	}
}
