package reports

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// TextWriter writes the terminal report: the dataset, findings grouped by area and ordered by
// severity, then the verdict as the last line, where a person's eye lands.
type TextWriter struct{}

// areaOrder follows a data owner's path to release: describe, classify, de-identify, check
// identifiers and quality, then the release gate. Unknown areas (user packs) sort after.
var areaOrder = []string{"metadata", "classification", "desensitisation", "identifiers", "quality", "release"}

func (TextWriter) Write(w io.Writer, r *Report) error {
	p := &printer{w: w}
	d := r.Dataset
	p.printf("%s %s: %s\n", r.Tool.Name, r.Tool.Version, d.Path)
	facts := []string{d.Format}
	if d.Encoding != "" {
		facts = append(facts, "encoding "+d.Encoding)
	}
	if d.Delimiter != "" {
		facts = append(facts, fmt.Sprintf("delimiter %q", d.Delimiter))
	}
	facts = append(facts, counted(d.Rows, "row"), counted(len(d.Columns), "column"))
	p.printf("  %s\n", strings.Join(facts, ", "))
	if d.MetadataPath != "" {
		p.printf("  metadata: %s (%s)\n", d.MetadataPath, d.MetadataKind)
	} else {
		p.printf("  metadata: none found\n")
	}
	for _, n := range r.Notices {
		p.printf("  notice: %s\n", n)
	}

	byArea := map[string][]Finding{}
	for _, f := range r.Findings {
		byArea[f.Area] = append(byArea[f.Area], f)
	}
	areas := make([]string, 0, len(byArea))
	for a := range byArea {
		areas = append(areas, a)
	}
	slices.SortFunc(areas, func(a, b string) int {
		return cmp.Or(cmp.Compare(areaRank(a), areaRank(b)), cmp.Compare(a, b))
	})
	// Continuation lines indent to the message column, which a user pack's longer rule ids
	// (PRIVACY-001) push right.
	idWidth := 10
	for _, f := range r.Findings {
		idWidth = max(idWidth, len(f.ID))
	}
	for _, area := range areas {
		fs := byArea[area]
		slices.SortStableFunc(fs, func(a, b Finding) int {
			return cmp.Or(cmp.Compare(b.Severity.Rank(), a.Severity.Rank()), cmp.Compare(a.ID, b.ID))
		})
		p.printf("\n%s (%d)\n", area, len(fs))
		for _, f := range fs {
			p.printf("  %-7s %-*s %s\n", f.Severity, idWidth, f.ID, f.Message)
			p.printf("  %-7s %-*s %s, %s\n", "", idWidth, "", f.Standard, f.Clause)
			if len(f.Samples) > 0 {
				p.printf("  %-7s %-*s rows: %s\n", "", idWidth, "", formatSamples(f.Samples))
			}
			if f.Remediation != "" {
				p.printf("  %-7s %-*s fix: %s\n", "", idWidth, "", f.Remediation)
			}
		}
	}
	if len(r.Findings) == 0 {
		p.printf("\nno findings\n")
	}
	v := r.Verdict
	counts := fmt.Sprintf("%s, %s, %d info", counted(r.Summary.BySeverity[string(Error)], "error"),
		counted(r.Summary.BySeverity[string(Warning)], "warning"), r.Summary.BySeverity[string(Info)])
	if v.Conformant {
		p.printf("\nverdict: CONFORMANT (%s; fails on %s)\n", counts, v.FailOn)
	} else {
		p.printf("\nverdict: NOT CONFORMANT: %s at or above %s (%s)\n", counted(v.Failing, "finding"), v.FailOn, counts)
	}
	return p.err
}

func areaRank(a string) int {
	if i := slices.Index(areaOrder, a); i >= 0 {
		return i
	}
	return len(areaOrder)
}

// counted reads as English: "1 warning", "2 warnings", "0 rows".
func counted[N int | int64](n N, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
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
