package reports

import (
	"fmt"
	"io"
	"strings"
)

// TextWriter writes the terminal report: the dataset, findings grouped by area and ordered by
// severity, then the verdict as the last line, where a person's eye lands.
type TextWriter struct {
	// Colour marks severities and the verdict with ANSI colours; for terminals only, since
	// escapes in a file or CI log are noise.
	Colour bool
	// Lang is the language of the findings' messages ("zh" for their Chinese ones; "" or en
	// for English).
	Lang string
}

// ANSI SGR codes for the colours the text report uses.
const (
	sgrRed    = "31"
	sgrYellow = "33"
	sgrCyan   = "36"
	sgrGreen  = "32"
	sgrBold   = "1"
	sgrDim    = "2"
)

var severityColour = map[Severity]string{Error: sgrRed, Warning: sgrYellow, Info: sgrCyan}

func (tw TextWriter) Write(w io.Writer, r *Report) error {
	p := &printer{w: w}
	// paint wraps s, already padded, so that colour never shifts the columns.
	paint := func(code, s string) string {
		if !tw.Colour || code == "" {
			return s
		}
		return "\033[" + code + "m" + s + "\033[0m"
	}
	d := r.Dataset
	// Every string from the data, the metadata, the rules or the configuration goes through
	// textLine: a column name's ESC or BEL must not reach the terminal (see visible).
	p.printf("%s %s: %s\n", textLine(r.Tool.Name), textLine(r.Tool.Version), textLine(d.Path))
	facts := []string{textLine(d.Format)}
	if d.Encoding != "" {
		facts = append(facts, "encoding "+textLine(d.Encoding))
	}
	if d.Delimiter != "" {
		facts = append(facts, fmt.Sprintf("delimiter %q", d.Delimiter))
	}
	facts = append(facts, counted(d.Rows, "row"), counted(len(d.Columns), "column"))
	p.printf("  %s\n", strings.Join(facts, ", "))
	if d.MetadataPath != "" {
		p.printf("  metadata: %s (%s)\n", textLine(d.MetadataPath), textLine(d.MetadataKind))
	} else {
		p.printf("  metadata: none found\n")
	}
	for _, n := range r.Notices {
		p.printf("  notice: %s\n", textLine(n))
	}

	// Continuation lines indent to the message column, which a user pack's longer rule ids
	// (PRIVACY-001) push right.
	idWidth := 10
	for _, f := range r.Findings {
		idWidth = max(idWidth, len(f.ID))
	}
	for _, g := range byArea(r.Findings) {
		p.printf("\n%s (%d)\n", textLine(g.Area), len(g.Findings))
		for _, f := range g.Findings {
			sev, id := fmt.Sprintf("%-7s", textLine(string(f.Severity))), fmt.Sprintf("%-*s", idWidth, textLine(f.ID))
			message := textLine(f.MessageIn(tw.Lang))
			if f.Waived != nil {
				p.printf("  %s %s %s\n", paint(sgrDim, sev), paint(sgrDim, id), message)
				p.printf("  %-7s %-*s %s\n", "", idWidth, "", paint(sgrDim, textLine(waivedLine(f.Waived))))
			} else {
				p.printf("  %s %s %s\n", paint(severityColour[f.Severity], sev), paint(sgrBold, id), message)
			}
			p.printf("  %-7s %-*s %s, %s\n", "", idWidth, "", textLine(f.Standard), textLine(f.Clause))
			if len(f.Samples) > 0 {
				p.printf("  %-7s %-*s rows: %s\n", "", idWidth, "", textLine(formatSamples(f.Samples)))
			}
			if f.Remediation != "" {
				p.printf("  %-7s %-*s fix: %s\n", "", idWidth, "", textLine(f.Remediation))
			}
		}
	}
	if len(r.Findings) == 0 {
		p.printf("\nno findings\n")
	}
	if len(r.ToolErrors) > 0 {
		p.printf("\nnot judged (%d)\n", len(r.ToolErrors))
		for _, te := range r.ToolErrors {
			p.printf("  %s %s %s\n", paint(sgrRed, fmt.Sprintf("%-7s", "tool")), paint(sgrBold, fmt.Sprintf("%-*s", idWidth, textLine(te.Rule))), textLine(te.Error))
			if where := toolErrorWhere(te); where != "" {
				p.printf("  %-7s %-*s %s\n", "", idWidth, "", textLine(where))
			}
		}
	}
	p.printf("\n%s\n", verdictLine(r, paint))
	return p.err
}

// VerdictLine is the text report's last line, without colour: what a terminal is told when
// the reports go to files ("verdict: NOT CONFORMANT: 21 findings at or above error (...)").
func VerdictLine(r *Report) string {
	return verdictLine(r, func(_, s string) string { return s })
}

func verdictLine(r *Report, paint func(code, s string) string) string {
	v := r.Verdict
	counts := fmt.Sprintf("%s, %s, %d info", counted(r.Summary.BySeverity[string(Error)], "error"),
		counted(r.Summary.BySeverity[string(Warning)], "warning"), r.Summary.BySeverity[string(Info)])
	if r.Summary.Waived > 0 {
		counts += fmt.Sprintf("; %d waived", r.Summary.Waived)
	}
	switch {
	case v.Incomplete:
		return fmt.Sprintf("verdict: %s: %s could not be judged; %s at or above %s among the rest (%s)",
			paint(sgrBold+";"+sgrRed, "INCOMPLETE"), counted(v.NotJudged, "rule"), counted(v.Failing, "finding"), v.FailOn, counts)
	case v.Conformant:
		return fmt.Sprintf("verdict: %s (%s; fails on %s)", paint(sgrBold+";"+sgrGreen, "CONFORMANT"), counts, v.FailOn)
	}
	return fmt.Sprintf("verdict: %s: %s at or above %s (%s)", paint(sgrBold+";"+sgrRed, "NOT CONFORMANT"),
		counted(v.Failing, "finding"), v.FailOn, counts)
}

// counted reads as English: "1 warning", "2 warnings", "0 rows".
func counted[N int | int64](n N, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// toolErrorWhere says where a rule failed and what of the input it was reading, as far as
// that is known: "at bundle/....rego:26, reading metadata.deidentification.process".
func toolErrorWhere(te ToolError) string {
	var parts []string
	if te.Pack != "" {
		parts = append(parts, "in rule pack "+te.Pack)
	}
	if te.Location != "" {
		parts = append(parts, "at "+te.Location)
	}
	if te.Cause != "" {
		parts = append(parts, "reading "+te.Cause)
	}
	return strings.Join(parts, ", ")
}

// waivedLine says why a finding does not count, in the words a waiver gives.
func waivedLine(w *Waiver) string {
	return fmt.Sprintf("waived until %s by %s: %s", w.Expires, w.Owner, w.Reason)
}

func formatSamples(samples []Sample) string {
	parts := make([]string, len(samples))
	for i, s := range samples {
		parts[i] = fmt.Sprint(s.Row)
		if s.Value != "" {
			parts[i] += " (" + s.Value + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// printer keeps the first write error so the layout code stays readable.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}
