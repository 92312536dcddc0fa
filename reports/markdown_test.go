package reports_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

func writeMarkdown(t *testing.T, r *reports.Report) string {
	t.Helper()
	var out bytes.Buffer
	if err := (reports.MarkdownWriter{}).Write(&out, r); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// A cell from the data cannot break the table, forge a link or inject HTML.
func TestMarkdownKeepsTheTableWhole(t *testing.T) {
	r := failingReport()
	r.Findings[0].Column = "a|b\nc<script>"
	r.Findings[0].Message = "[click](http://evil.example) `code` *bold*"
	r.Conclude(reports.Error)
	out := writeMarkdown(t, r)
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		// Every row of the findings table has five cells: six unescaped bars.
		if bars := strings.Count(line, "|") - strings.Count(line, `\|`); strings.Contains(line, "META-001") && bars != 6 {
			t.Errorf("row has %d cell separators: %s", bars, line)
		}
	}
	for _, bad := range []string{"<script>", "click](", "`code`", " *bold*"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q unescaped", bad)
		}
	}
}

// Failing findings come first, and a long report is cut to a comment's size.
func TestMarkdownPutsFailuresFirstAndStaysShort(t *testing.T) {
	r := failingReport()
	for i := range 200 {
		r.Findings = append([]reports.Finding{{ID: "QUAL-011", Title: "t", Area: "quality", Severity: reports.Info,
			Standard: "s", Clause: "c", Message: fmt.Sprintf("info %d", i)}}, r.Findings...)
	}
	r.Conclude(reports.Error)
	out := writeMarkdown(t, r)
	rows := strings.Count(out, "\n| error |") + strings.Count(out, "\n| warning") + strings.Count(out, "\n| info |")
	if rows != 50 {
		t.Errorf("%d finding rows, want the first 50", rows)
	}
	if !strings.Contains(out, "157 more findings are in the full report.") {
		t.Errorf("no note of the findings left out:\n%s", out[len(out)-200:])
	}
	if first := strings.Index(out, "\n| error |"); first < 0 || first > strings.Index(out, "\n| info |") {
		t.Error("failing findings do not come first")
	}
	if len(out) > 65536 {
		t.Errorf("%d bytes: over GitHub's comment limit", len(out))
	}
}
