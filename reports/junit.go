package reports

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnitWriter writes JUnit XML for CI test tabs: one test suite for the dataset, one test case
// per rule that judged it. A rule with a failing finding fails and the failure carries the
// evidence; a rule whose findings are all waived is skipped with the waivers' reasons; a rule
// whose findings are below --fail-on passes, its findings in system-out. A rule that could not
// be judged is an error, as a test that could not run is.
type JUnitWriter struct{}

// The JUnit types are the elements and attributes of the Ant JUnit schema that Jenkins,
// GitLab and GitHub test reporters read; the audit's portfolio writer builds its document
// from them too.
type JUnitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []JUnitSuite `xml:"testsuite"`
}

type JUnitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Time       string           `xml:"time,attr"`
	Timestamp  string           `xml:"timestamp,attr,omitempty"`
	Hostname   string           `xml:"hostname,attr,omitempty"`
	Properties *JUnitProperties `xml:"properties,omitempty"`
	Cases      []JUnitCase      `xml:"testcase"`
}

// JUnitProperties is a suite's properties element, absent when there are none.
type JUnitProperties struct {
	Property []JUnitProperty `xml:"property"`
}

type JUnitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type JUnitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *JUnitFailure `xml:"failure"`
	Error     *JUnitFailure `xml:"error"` // the dataset could not be checked
	Skipped   *JUnitSkipped `xml:"skipped"`
	SystemOut *JUnitText    `xml:"system-out"`
}

type JUnitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	// CDATA keeps the evidence readable in the file; encoding/xml splits a "]]>" inside it.
	Text string `xml:",cdata"`
}

type JUnitText struct {
	Text string `xml:",cdata"`
}

type JUnitSkipped struct {
	Message string `xml:"message,attr"`
}

func (JUnitWriter) Write(w io.Writer, r *Report) error {
	d := r.Dataset
	suite := JUnitSuite{Name: d.Path, Time: "0", Hostname: r.Host,
		// The Ant schema's timestamp has no zone; CheckedAt is UTC.
		Timestamp: strings.TrimSuffix(r.CheckedAt, "Z"),
		Properties: &JUnitProperties{[]JUnitProperty{
			{"dgcheck.version", r.Tool.Version},
			{"dataset.format", d.Format},
			{"dataset.rows", fmt.Sprint(d.Rows)},
			{"fail_on", string(r.Verdict.FailOn)},
			{"conformant", fmt.Sprint(r.Verdict.Conformant)},
		}}}
	if r.Verdict.Incomplete {
		suite.Properties.Property = append(suite.Properties.Property, JUnitProperty{"incomplete", "true"})
	}
	if d.MetadataPath != "" {
		suite.Properties.Property = append(suite.Properties.Property, JUnitProperty{"metadata", d.MetadataPath})
	}
	for _, rule := range rulesOf(r) {
		c := JUnitCase{Name: rule.ID + " " + rule.Title, Classname: "dgcheck." + rule.Area, File: d.Path, Time: "0"}
		var failing, waived, passing []Finding
		for _, f := range findingsOf(r, rule.ID) {
			switch {
			case f.Waived != nil:
				waived = append(waived, f)
			case r.failing(f):
				failing = append(failing, f)
			default:
				passing = append(passing, f)
			}
		}
		switch te, notJudged := toolErrorOf(r, rule.ID); {
		case notJudged:
			c.Error = &JUnitFailure{Type: "tool error", Message: te.Error, Text: XMLChars(toolErrorWhere(te))}
			suite.Errors++
		case len(failing) > 0:
			c.Failure = &JUnitFailure{Type: string(failing[0].Severity), Message: failing[0].Message,
				Text: XMLChars(junitEvidence(append(failing, passing...), rule))}
			suite.Failures++
		case len(waived) > 0:
			reasons := make([]string, len(waived))
			for i, f := range waived {
				reasons[i] = waivedLine(f.Waived)
			}
			c.Skipped = &JUnitSkipped{Message: strings.Join(reasons, "; ")}
			suite.Skipped++
		}
		if c.Failure == nil && len(passing) > 0 {
			c.SystemOut = &JUnitText{XMLChars(junitEvidence(passing, rule))}
		}
		suite.Cases = append(suite.Cases, c)
	}
	suite.Tests = len(suite.Cases)
	doc := JUnitSuites{Name: "dgcheck", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Skipped: suite.Skipped,
		Suites: []JUnitSuite{suite}}
	return EncodeJUnit(w, doc)
}

// toolErrorOf is the tool error of the rule with the given id, if it could not be judged.
func toolErrorOf(r *Report, id string) (ToolError, bool) {
	for _, te := range r.ToolErrors {
		if te.Rule == id {
			return te, true
		}
	}
	return ToolError{}, false
}

// EncodeJUnit writes a JUnit document with its XML header, indented.
func EncodeJUnit(w io.Writer, doc JUnitSuites) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitEvidence is the plain-text body of a failure: each finding with its standard, measure,
// evidence counts and located (masked) sample rows, then how to fix it.
func junitEvidence(fs []Finding, rule Rule) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s: %s\n", f.Severity, f.ID, f.Message)
		fmt.Fprintf(&b, "  %s, %s\n", f.Standard, f.Clause)
		if f.Measure != nil {
			fmt.Fprintf(&b, "  measure: %d of %d conform, X = %.4f\n", f.Measure.A, f.Measure.B, f.Measure.X)
		}
		if len(f.Evidence) > 0 {
			fmt.Fprintf(&b, "  evidence: %s\n", compactJSON(f.Evidence))
		}
		if len(f.Samples) > 0 {
			fmt.Fprintf(&b, "  rows: %s\n", formatSamples(f.Samples))
		}
	}
	if rule.Remediation != "" {
		fmt.Fprintf(&b, "fix: %s\n", rule.Remediation)
	}
	return b.String()
}

// XMLChars replaces the characters XML 1.0 cannot hold (most C0 controls, which a column name
// may carry) with U+FFFD: encoding/xml does so when it escapes text, but not inside CDATA.
func XMLChars(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r', r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}
