package reports

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// SARIFWriter writes SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, Azure DevOps): one
// SARIF rule per dgcheck rule, its id the rule id, its help the remediation and its standard
// and clause in properties; one result per finding, located at the data file and, for CSV,
// at the line of the first sample row. Waived findings are results with an accepted
// suppression, so that scanners show them as dismissed rather than lose them.
type SARIFWriter struct{}

// informationURI is where the tool and its rules are documented.
const informationURI = "https://github.com/dgcheck/dgcheck"

var sarifLevel = map[Severity]string{Error: sarif.LevelError, Warning: sarif.LevelWarning, Info: sarif.LevelNote}

func (SARIFWriter) Write(w io.Writer, r *Report) error {
	log := sarif.NewReport()
	run := sarif.NewRunWithInformationURI(cmp.Or(r.Tool.Name, "dgcheck"), informationURI)
	if r.Tool.Version != "" {
		run.Tool.Driver.WithVersion(r.Tool.Version)
	}
	for _, rule := range rulesOf(r) {
		help := rule.Remediation
		if help != "" {
			help += "\n\n"
		}
		help += fmt.Sprintf("Standard: %s. Clause: %s.", rule.Standard, rule.Clause)
		props := sarif.NewPropertyBag().Add("area", rule.Area).Add("standard", rule.Standard).Add("clause", rule.Clause)
		if rule.TitleZh != "" {
			props.Add("title_zh", rule.TitleZh)
		}
		if rule.RemediationZh != "" {
			props.Add("remediation_zh", rule.RemediationZh)
		}
		props.WithTags([]string{"dgcheck", rule.Area})
		run.AddRule(rule.ID).
			WithDescription(rule.Title).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(cmp.Or(rule.Description, rule.Title))).
			WithHelp(sarif.NewMultiformatMessageString().WithText(help)).
			WithDefaultConfiguration(&sarif.ReportingConfiguration{Enabled: true, Level: sarifLevel[rule.Severity], Rank: -1}).
			WithProperties(props)
	}

	for _, file := range []struct{ path, role string }{
		{r.Dataset.Path, "analysisTarget"}, {r.Dataset.MetadataPath, "attachment"},
	} {
		if file.path == "" {
			continue
		}
		uri, base := artifactURI(file.path)
		a := run.AddDistinctArtifact(uri).WithRoles([]string{file.role})
		if base != "" {
			a.Location.WithURIBaseID(base)
		}
	}

	for _, f := range r.Findings {
		res := run.CreateResultForRule(f.ID).
			WithLevel(sarifLevel[f.Severity]).
			WithMessage(sarif.NewTextMessage(f.Message))
		res.AddLocation(sarifLocation(r, f, 0))
		for i := 1; i < len(f.Samples) && r.Dataset.Format == "csv"; i++ {
			res.AddRelatedLocation(sarifLocation(r, f, i).WithID(i))
		}
		props := sarif.NewPropertyBag().Add("standard", f.Standard).Add("clause", f.Clause)
		if f.Column != "" {
			props.Add("column", f.Column)
		}
		if f.Measure != nil {
			props.Add("measure", f.Measure)
		}
		if len(f.Evidence) > 0 {
			props.Add("evidence", f.Evidence)
		}
		if len(f.Samples) > 0 {
			props.Add("samples", f.Samples)
		}
		res.WithProperties(props)
		if f.Waived != nil {
			res.AddSuppression(sarif.NewSuppression().WithKind("external").WithStatus("accepted").
				WithJustification(waivedLine(f.Waived)))
		}
	}

	// A rule that could not be judged is a failed part of the run: an error notification
	// associated with the rule, and an execution that did not succeed.
	props := sarif.NewPropertyBag().Add("fail_on", string(r.Verdict.FailOn)).
		Add("conformant", r.Verdict.Conformant).Add("failing", r.Verdict.Failing)
	if r.Verdict.Incomplete {
		props.Add("incomplete", true).Add("not_judged", r.Verdict.NotJudged)
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(!r.Verdict.Incomplete).WithStartTimeUtc(r.CheckedAt).
		WithProperties(props)
	for _, te := range r.ToolErrors {
		text := te.Error
		if where := toolErrorWhere(te); where != "" {
			text += " (" + where + ")"
		}
		inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel(sarif.LevelError).
			WithMessage(sarif.NewTextMessage(text)).
			WithAssociatedRule(sarif.NewReportingDescriptorReference().WithID(te.Rule)))
	}
	if r.Host != "" {
		inv.WithMachine(r.Host)
	}
	for _, n := range r.Notices {
		inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel(sarif.LevelNote).
			WithMessage(sarif.NewTextMessage(n)))
	}
	run.AddInvocation(inv)
	log.AddRun(run)
	if err := log.PrettyWrite(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// sarifLocation locates a finding's i-th sample. Findings about the metadata point at the
// metadata file; the rest at the data file, with a CSV sample row as a line (the header is
// line 1, so data row n is line n+1 unless a quoted value spans lines) and the column as a
// logical location.
func sarifLocation(r *Report, f Finding, i int) *sarif.Location {
	path := r.Dataset.Path
	if f.Area == "metadata" && r.Dataset.MetadataPath != "" {
		path = r.Dataset.MetadataPath
	}
	uri, base := artifactURI(path)
	art := sarif.NewArtifactLocation().WithURI(uri)
	if base != "" {
		art.WithURIBaseID(base)
	}
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(art)
	loc := sarif.NewLocation().WithPhysicalLocation(phys)
	if path == r.Dataset.Path && r.Dataset.Format == "csv" && i < len(f.Samples) {
		s := f.Samples[i]
		phys.WithRegion(sarif.NewRegion().WithStartLine(int(s.Row) + 1))
		text := fmt.Sprintf("row %d", s.Row)
		if s.Value != "" {
			text += ": " + s.Value
		}
		loc.WithMessage(sarif.NewTextMessage(text))
	}
	if f.Column != "" {
		loc.WithLogicalLocations([]*sarif.LogicalLocation{
			sarif.NewLogicalLocation().WithName(f.Column).WithKind("member").
				WithFullyQualifiedName(r.Dataset.Name + "/" + f.Column),
		})
	}
	return loc
}

// artifactURI turns a file path into a SARIF URI: relative paths stay relative to the
// source root (%SRCROOT%, the base code-scanning services resolve against the repository),
// absolute ones become file URIs; both are percent-encoded (Chinese file names included).
func artifactURI(path string) (uri, base string) {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: p}).String(), ""
	}
	return (&url.URL{Path: strings.TrimPrefix(p, "./")}).String(), "%SRCROOT%"
}
