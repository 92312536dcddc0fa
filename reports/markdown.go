package reports

import (
	"fmt"
	"io"
	"strings"
)

// MarkdownWriter writes a compact summary for a pull-request comment or a CI step summary
// ($GITHUB_STEP_SUMMARY): the verdict first, counts per area, then one table row per finding.
// Long reports are cut at markdownMaxFindings rows, failing findings first, so the summary
// stays inside a comment's size limit; the full report is another format's job.
type MarkdownWriter struct {
	// Lang is the language of the findings' messages ("zh" for their Chinese ones; "" or en
	// for English).
	Lang string
}

// markdownMaxFindings bounds the findings table: GitHub rejects comments over 65,536
// characters, and a row can run to a few hundred.
const markdownMaxFindings = 50

func (mw MarkdownWriter) Write(w io.Writer, r *Report) error {
	p := &printer{w: w}
	d := r.Dataset
	v := r.Verdict
	switch {
	case v.Incomplete:
		p.printf("## ⚠️ dgcheck: %s could not be fully checked\n\n", mdCode(d.Name))
	case v.Conformant:
		p.printf("## ✅ dgcheck: %s conforms\n\n", mdCode(d.Name))
	default:
		p.printf("## ❌ dgcheck: %s does not conform\n\n", mdCode(d.Name))
	}
	facts := []string{mdCode(d.Path), d.Format, counted(d.Rows, "row"), counted(len(d.Columns), "column")}
	if d.MetadataPath != "" {
		facts = append(facts, "metadata "+mdCode(d.MetadataPath))
	} else {
		facts = append(facts, "no metadata")
	}
	p.printf("%s  \n", strings.Join(facts, " · "))
	p.printf("%s %s, checked %s; fails on **%s**: %s failing",
		mdText(r.Tool.Name), mdText(r.Tool.Version), r.CheckedAt, v.FailOn, counted(v.Failing, "finding"))
	if r.Summary.Waived > 0 {
		p.printf(", %d waived", r.Summary.Waived)
	}
	p.printf("\n")
	if len(r.ToolErrors) > 0 {
		p.printf("\n%s could not be judged, so the verdict is incomplete:\n\n| rule | error | where |\n| --- | --- | --- |\n", counted(v.NotJudged, "rule"))
		for _, te := range r.ToolErrors {
			p.printf("| %s | %s | %s |\n", mdText(te.Rule), mdText(te.Error), mdText(toolErrorWhere(te)))
		}
	}

	groups := byArea(r.Findings)
	if len(groups) == 0 {
		p.printf("\nNo findings.\n")
		return p.err
	}
	p.printf("\n| area | error | warning | info | waived |\n| --- | ---: | ---: | ---: | ---: |\n")
	for _, g := range groups {
		counts := map[Severity]int{}
		waived := 0
		for _, f := range g.Findings {
			counts[f.Severity]++
			if f.Waived != nil {
				waived++
			}
		}
		p.printf("| %s | %d | %d | %d | %d |\n", mdText(g.Area), counts[Error], counts[Warning], counts[Info], waived)
	}

	// Failing findings first: they are what a reviewer must act on.
	var rows []Finding
	for _, failingFirst := range []bool{true, false} {
		for _, g := range groups {
			for _, f := range g.Findings {
				if r.failing(f) == failingFirst {
					rows = append(rows, f)
				}
			}
		}
	}
	p.printf("\n| | rule | column | finding | standard, clause |\n| --- | --- | --- | --- | --- |\n")
	for i, f := range rows {
		if i == markdownMaxFindings {
			p.printf("\n%d more findings are in the full report.\n", len(rows)-i)
			break
		}
		mark := string(f.Severity)
		if f.Waived != nil {
			mark += " (waived)"
		}
		message := mdText(f.MessageIn(mw.Lang))
		if len(f.Samples) > 0 {
			message += " — rows " + mdText(formatSamples(f.Samples))
		}
		if f.Waived != nil {
			message += " — " + mdText(waivedLine(f.Waived))
		}
		p.printf("| %s | **%s** | %s | %s | %s |\n", mark, mdText(f.ID), mdText(f.Column), message,
			mdText(fmt.Sprintf("%s, %s", f.Standard, f.Clause)))
	}
	return p.err
}

// mdText makes text from the data or the rules safe in a Markdown table cell: no line
// breaks, no cell separators, no HTML (GitHub renders tags in comments), no links or code a
// column name could forge, and no emphasis from the asterisks of masked values. Underscores
// stay: GitHub does not emphasise inside words, and household_id reads better unescaped.
// Controls are shown as escapes (visible), and what GitHub would act on without any markup
// is broken by a zero-width space: an @mention (which notifies the person named), a #123
// reference (which lands in that timeline) and the autolinks www. and scheme://.
// An entity such as &#64; would not do: GitHub finds mentions in the rendered text, where
// the entity is an '@' again.
func mdText(s string) string { return mdUnlink(mdEscape(visible(s, "\t\r\n"))) }

var mdEscape = strings.NewReplacer(
	"\r\n", " ", "\n", " ", "\r", " ",
	"|", `\|`, "\\", `\\`, "<", "&lt;", ">", "&gt;", "&", "&amp;",
	"*", `\*`, "`", "\\`", "[", `\[`, "]", `\]`,
	"@", "@\u200b", "://", "\u200b://",
).Replace

// mdUnlink breaks the www. autolink (any case) and #-references to issues with a zero-width
// space, which a strings.Replacer cannot say: www. in any case, # only before a digit.
func mdUnlink(s string) string {
	if !strings.Contains(s, "#") && !strings.Contains(s, ".") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		switch {
		case s[i] == '#' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			b.WriteString("\u200b")
		case (s[i] == 'w' || s[i] == 'W') && i+3 < len(s) && strings.EqualFold(s[i:i+4], "www.") &&
			(i == 0 || !isWordByte(s[i-1])):
			b.WriteString("\u200b")
		}
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c == '_' || c == '-'
}

// mdCode shows a path or name as code; a backtick inside it would end the span, so such a
// name is shown as escaped text instead.
func mdCode(s string) string {
	if s == "" || strings.ContainsAny(s, "`|\r\n") || visible(s, "") != s {
		return mdText(s)
	}
	return "`" + s + "`"
}
