package audits

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dgcheck/dgcheck/reports"
)

// PortfolioWriter renders a portfolio in one format.
type PortfolioWriter interface {
	Write(w io.Writer, p *Portfolio) error
}

// A PortfolioFormat is one format of the portfolio, in one row of portfolioTable: its name,
// its file in the output directory and its writer.
type PortfolioFormat struct {
	Name   string
	File   string
	Writer PortfolioWriter
}

var portfolioTable = []PortfolioFormat{
	{Name: "json", File: "portfolio.json", Writer: PortfolioJSON{}},
	{Name: "markdown", File: "portfolio.md", Writer: PortfolioMarkdown{}},
	{Name: "junit", File: "portfolio.junit.xml", Writer: PortfolioJUnit{}},
	{Name: "html", File: "index.html", Writer: PortfolioHTML{}},
}

// PortfolioFormats lists the portfolio's formats' names, in the table's order, for flags and
// validation.
var PortfolioFormats = func() []string {
	names := make([]string, len(portfolioTable))
	for i, f := range portfolioTable {
		names[i] = f.Name
	}
	return names
}()

// portfolioFormat is the format of a name, or an error naming the known ones.
func portfolioFormat(name string) (PortfolioFormat, error) {
	i := slices.IndexFunc(portfolioTable, func(f PortfolioFormat) bool { return f.Name == name })
	if i < 0 {
		return PortfolioFormat{}, fmt.Errorf("unknown portfolio format %q (want one of %s)", name, strings.Join(PortfolioFormats, ", "))
	}
	return portfolioTable[i], nil
}

// PortfolioFile is the file name of the portfolio in a format, "" for an unknown one.
func PortfolioFile(format string) string {
	f, _ := portfolioFormat(format)
	return f.File
}

// WritePortfolio writes the portfolio into dir in each format (all of PortfolioFormats when
// none are given), each file atomically.
func WritePortfolio(dir string, p *Portfolio, formats []string) error {
	if len(formats) == 0 {
		formats = PortfolioFormats
	}
	for _, name := range formats {
		f, err := portfolioFormat(name)
		if err != nil {
			return err
		}
		if err := writeFileAtomic(filepath.Join(dir, f.File), func(out io.Writer) error {
			return f.Writer.Write(out, p)
		}); err != nil {
			return err
		}
	}
	return nil
}

// ReadPortfolio reads a portfolio JSON file (a baseline, a shard's output).
func ReadPortfolio(name string) (*Portfolio, error) {
	var p Portfolio
	if err := readJSON(name, &p); err != nil {
		return nil, err
	}
	if p.SchemaVersion != PortfolioSchemaVersion {
		return nil, fmt.Errorf("%s: portfolio schema_version %q, want %q", name, p.SchemaVersion, PortfolioSchemaVersion)
	}
	return &p, nil
}

// PortfolioJSON writes the portfolio as indented JSON (docs/portfolio.schema.json). Lists and
// maps are never null.
type PortfolioJSON struct{}

func (PortfolioJSON) Write(w io.Writer, p *Portfolio) error {
	c := *p
	c.Datasets = make([]Entry, len(p.Datasets))
	for i, e := range p.Datasets {
		if e.Inputs == nil {
			e.Inputs = []reports.Input{}
		}
		if e.Findings == nil {
			e.Findings = []Finding{}
		}
		c.Datasets[i] = e
	}
	if c.Notices == nil {
		c.Notices = []string{}
	}
	if c.Stamp.Inputs == nil {
		c.Stamp.Inputs = []reports.Input{}
	}
	if c.Summary.ByArea == nil {
		c.Summary.ByArea = map[string]int{}
	}
	if c.Summary.BySeverity == nil {
		c.Summary.BySeverity = map[string]int{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}

// PortfolioMarkdown writes a summary for a CI step summary or an issue: the counts, one table
// row per dataset that did not conform, the datasets that could not be checked, and the
// changes against the baseline.
type PortfolioMarkdown struct{}

// markdownMaxRows bounds each table, so the summary fits a comment (65,536 characters on
// GitHub); the JSON and HTML portfolios have every row.
const markdownMaxRows = 100

func (PortfolioMarkdown) Write(w io.Writer, p *Portfolio) error {
	var b strings.Builder
	s := p.Summary
	fmt.Fprintf(&b, "## dgcheck audit of %s\n\n", mdCode(p.Stamp.Target))
	fmt.Fprintf(&b, "%d datasets: **%d conformant**, **%d not conformant**, **%d could not be checked** (fails on %s).",
		s.Datasets, s.Conformant, s.NonConformant, s.Errors, p.Stamp.FailOn)
	if s.Incomplete > 0 {
		fmt.Fprintf(&b, " **%d incomplete**: a rule could not be judged.", s.Incomplete)
	}
	if p.Stamp.Shard != "" {
		fmt.Fprintf(&b, " Shard %s of the audit.", p.Stamp.Shard)
	}
	b.WriteString("\n")
	if c := s.Changes; c != nil {
		fmt.Fprintf(&b, "\nAgainst the baseline: %d new, %d regressed, %d fixed, %d unchanged findings", c.New, c.Regressed, c.Fixed, c.Unchanged)
		if len(p.Removed) > 0 {
			fmt.Fprintf(&b, "; datasets no longer audited: %d", len(p.Removed))
		}
		b.WriteString(".\n")
	}

	var failing, incomplete, changed []Entry
	for _, e := range p.Datasets {
		switch e.Status {
		case NonConformant:
			failing = append(failing, e)
		case Incomplete:
			incomplete = append(incomplete, e)
		}
		if changedSince(e) {
			changed = append(changed, e)
		}
	}
	if t := p.Views.Trend; t != nil && len(t.Audits) > 1 {
		var counts []string
		for _, a := range t.Audits {
			counts = append(counts, fmt.Sprintf("%d/%d", a.Conformant, a.Datasets))
		}
		fmt.Fprintf(&b, "\nConformant in the last %d audits: %s.\n", len(t.Audits), strings.Join(counts, " → "))
	}
	markdownViews(&b, p.Views)
	if len(incomplete) > 0 {
		b.WriteString("\n### Incomplete\n\nA rule could not be judged; the findings are the other rules'.\n\n| dataset | owner | rules not judged | failing |\n| --- | --- | --- | ---: |\n")
		for _, e := range incomplete {
			var ids []string
			for _, te := range e.ToolErrors {
				ids = append(ids, te.Rule)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %d |\n", mdCode(e.Dataset), mdText(e.Owner), mdText(strings.Join(ids, ", ")), e.Verdict.Failing)
		}
	}
	if len(failing) > 0 {
		trends := failingTrends(p.Views.Trend)
		b.WriteString("\n### Not conformant\n\n| dataset | owner | failing | findings by area | level | open type |")
		if trends != nil {
			b.WriteString(" failing, last audits |")
		}
		b.WriteString("\n| --- | --- | ---: | --- | --- | --- |")
		if trends != nil {
			b.WriteString(" --- |")
		}
		b.WriteString("\n")
		mdRows(&b, len(failing), func(i int) {
			e := failing[i]
			fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s |", mdCode(e.Dataset), mdText(e.Owner),
				e.Verdict.Failing, mdText(AreaCounts(e.Summary.ByArea)), mdText(e.Level), mdText(e.OpenType))
			if trends != nil {
				fmt.Fprintf(&b, " %s |", trends[e.Dataset])
			}
			b.WriteString("\n")
		})
	}
	if len(p.Views.Unchecked) > 0 {
		b.WriteString("\n### Could not be checked\n\n| dataset | owner | reason |\n| --- | --- | --- |\n")
		mdRows(&b, len(p.Views.Unchecked), func(i int) {
			u := p.Views.Unchecked[i]
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCode(u.Dataset), mdText(u.Owner), mdText(u.Reason))
		})
	}
	if len(p.Views.Changes) > 0 {
		b.WriteString("\n### Changes by rule\n\n| rule | new | regressed | fixed |\n| --- | ---: | ---: | ---: |\n")
		mdRows(&b, len(p.Views.Changes), func(i int) {
			c := p.Views.Changes[i]
			fmt.Fprintf(&b, "| **%s** %s | %d | %d | %d |\n", mdText(c.ID), mdText(c.Title), c.New, c.Regressed, c.Fixed)
		})
	}
	if len(changed) > 0 {
		b.WriteString("\n### Changes since the baseline\n\n| dataset | change | rule | column | finding |\n| --- | --- | --- | --- | --- |\n")
		rows := 0
		for _, e := range changed {
			for _, f := range append(slices.Clone(e.Findings), e.Fixed...) {
				if f.Change == Unchanged {
					continue
				}
				if rows == markdownMaxRows {
					b.WriteString("\nMore changes are in portfolio.json.\n")
					break
				}
				rows++
				fmt.Fprintf(&b, "| %s | %s | **%s** | %s | %s |\n", mdCode(e.Dataset), f.Change, mdText(f.ID), mdText(f.Column), mdText(f.Message))
			}
		}
	}
	if len(p.Removed) > 0 {
		fmt.Fprintf(&b, "\nNo longer audited: %s.\n", mdText(strings.Join(p.Removed, ", ")))
	}
	st := p.Stamp
	fmt.Fprintf(&b, "\n<sub>dgcheck %s · rules %s · config %s · %s to %s</sub>\n",
		mdText(st.Version), shortDigest(st.RulesDigest), shortDigest(st.ConfigDigest), st.Started, st.Ended)
	_, err := io.WriteString(w, b.String())
	return err
}

// failingTrends are each dataset's failing findings over the trend's audits, "2 → – → 1" (–
// where it was not checked); nil without two audits.
func failingTrends(t *TrendView) map[string]string {
	if t == nil || len(t.Audits) < 2 {
		return nil
	}
	out := map[string]string{}
	for _, d := range t.Datasets {
		var parts []string
		for _, f := range d.Failing {
			if f == nil {
				parts = append(parts, "–")
			} else {
				parts = append(parts, fmt.Sprint(*f))
			}
		}
		out[d.Dataset] = strings.Join(parts, " → ")
	}
	return out
}

// mdRows writes row(i) for the first markdownMaxRows of n rows, then says how many more
// portfolio.json holds.
func mdRows(b *strings.Builder, n int, row func(i int)) {
	for i := range n {
		if i == markdownMaxRows {
			fmt.Fprintf(b, "\n%d more in portfolio.json.\n", n-i)
			return
		}
		row(i)
	}
}

// markdownViews writes the requirement and owner views.
func markdownViews(b *strings.Builder, v Views) {
	if len(v.Requirements) > 0 {
		b.WriteString("\n### Requirements failing\n\nBy the datasets failing each, most first.\n\n" +
			"| rule | severity | standard | clause | datasets | findings |\n| --- | --- | --- | --- | ---: | ---: |\n")
		mdRows(b, len(v.Requirements), func(i int) {
			r := v.Requirements[i]
			fmt.Fprintf(b, "| **%s** %s | %s | %s | %s | %d | %d |\n", mdText(r.ID), mdText(r.Title), r.Severity,
				mdText(r.Standard), mdText(r.Clause), len(r.Datasets), r.Findings)
		})
	}
	if len(v.Owners) > 0 {
		b.WriteString("\n### Owners\n\n| owner | datasets | checked | conformant | top failing rules |\n| --- | ---: | ---: | ---: | --- |\n")
		mdRows(b, len(v.Owners), func(i int) {
			o := v.Owners[i]
			fmt.Fprintf(b, "| %s | %d | %d | %d (%.0f%%) | %s |\n", mdText(cmp.Or(o.Owner, "(none)")), o.Datasets, o.Checked,
				o.Conformant, 100*o.ConformantShare, mdText(o.topRules()))
		})
	}
}

// changedSince reports an entry with a finding that is not unchanged against the baseline.
func changedSince(e Entry) bool {
	return len(e.Fixed) > 0 || slices.ContainsFunc(e.Findings, func(f Finding) bool {
		return f.Change == New || f.Change == Regressed
	})
}

// AreaCounts is "classification 2, quality 3": findings per area, areas in name order so
// that lines of one dataset over time line up.
func AreaCounts(byArea map[string]int) string {
	parts := make([]string, 0, len(byArea))
	for _, a := range slices.Sorted(maps.Keys(byArea)) {
		parts = append(parts, fmt.Sprintf("%s %d", a, byArea[a]))
	}
	return strings.Join(parts, ", ")
}

func shortDigest(d string) string {
	if len(d) > 12 {
		return d[:12]
	}
	return d
}

// The Markdown report's escaping, so the two Markdown writers escape alike.
var (
	mdText = reports.MarkdownText
	mdCode = reports.MarkdownCode
)

// toolErrorOf is the tool error of the rule with the given id, if it could not be judged.
func toolErrorOf(e Entry, id string) (reports.ToolError, bool) {
	for _, te := range e.ToolErrors {
		if te.Rule == id {
			return te, true
		}
	}
	return reports.ToolError{}, false
}

// PortfolioJUnit writes JUnit XML for CI test tabs: one test suite per dataset, one test
// case per rule that judged it (failing when it has a finding at or above fail-on that is not
// waived, skipped when all its findings are waived), and for a dataset that could not be
// checked, one test case in error saying why; a rule that could not be judged is a test case
// in error too.
type PortfolioJUnit struct{}

func (PortfolioJUnit) Write(w io.Writer, p *Portfolio) error {
	doc := reports.JUnitSuites{Name: "dgcheck audit " + p.Stamp.Target}
	for _, e := range p.Datasets {
		suite := reports.JUnitSuite{Name: e.Dataset, Time: "0"}
		if e.Status == Failed {
			suite.Cases = []reports.JUnitCase{{Name: "read " + e.Dataset, Classname: "dgcheck.audit", File: e.Dataset, Time: "0",
				Error: &reports.JUnitFailure{Message: e.Error, Type: "unreadable"}}}
			suite.Errors = 1
		}
		for _, id := range rulesJudged(e) {
			c := reports.JUnitCase{Name: id, Classname: "dgcheck", File: e.Dataset, Time: "0"}
			var failing, waived, passing []string
			for _, f := range e.Findings {
				if f.ID != id {
					continue
				}
				line := fmt.Sprintf("%s %s %s: %s", f.Severity, f.ID, f.Column, f.Message)
				if f.Change != "" {
					line += " (" + string(f.Change) + ")"
				}
				switch {
				case f.Waived:
					waived = append(waived, line)
				case f.Severity.Rank() >= p.Stamp.FailOn.Rank():
					failing = append(failing, line)
				default:
					passing = append(passing, line)
				}
				c.Classname = "dgcheck." + f.Area
			}
			switch te, notJudged := toolErrorOf(e, id); {
			case notJudged:
				c.Error = &reports.JUnitFailure{Message: te.Error, Type: "tool error"}
				suite.Errors++
			case len(failing) > 0:
				c.Failure = &reports.JUnitFailure{Message: failing[0], Type: "nonconformant",
					Text: reports.XMLChars(strings.Join(append(failing, passing...), "\n"))}
				suite.Failures++
			case len(waived) > 0:
				c.Skipped = &reports.JUnitSkipped{Message: "waived: " + strings.Join(waived, "; ")}
				suite.Skipped++
			case len(passing) > 0:
				c.SystemOut = &reports.JUnitText{Text: reports.XMLChars(strings.Join(passing, "\n"))}
			}
			suite.Cases = append(suite.Cases, c)
		}
		suite.Tests = len(suite.Cases)
		doc.Tests += suite.Tests
		doc.Failures += suite.Failures
		doc.Errors += suite.Errors
		doc.Skipped += suite.Skipped
		doc.Suites = append(doc.Suites, suite)
	}
	return reports.EncodeJUnit(w, doc)
}

// rulesJudged are the ids of the rules that judged a dataset, and of any rule with a finding.
func rulesJudged(e Entry) []string {
	ids := slices.Clone(e.Rules)
	for _, f := range e.Findings {
		ids = append(ids, f.ID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
