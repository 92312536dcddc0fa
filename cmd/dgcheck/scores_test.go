package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/dgcheck/dgcheck/reports"
)

// brokenEncoding is a CSV read in an encoding its bytes are not in: undecodable rows, which
// QUAL-019 counts.
type brokenEncoding struct {
	name        string
	args        []string // check's flags, then the path
	undecodable int64    // rows that hold undecodable bytes
}

// brokenEncodings generates the CSVs: Latin-1 read as UTF-8 (sniffed), UTF-8 forced as
// GB18030, GBK forced as UTF-8, and a UTF-8 file with invalid bytes, one row with two bad
// fields. Each row with bad bytes in several fields is one row, not several.
func brokenEncodings(t *testing.T) []brokenEncoding {
	t.Helper()
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("1,张三,北京\n2,李四,武汉\n3,王五,上海\n")
	if err != nil {
		t.Fatal(err)
	}
	return []brokenEncoding{
		{"latin-1 read as utf-8", []string{"--encoding", "utf-8", write("latin1.csv", "name,city\nJos\xe9,M\xfcnchen\n")}, 1},
		{"utf-8 forced as gb18030", []string{"--encoding", "gb18030", "../../examples/dibao/hongshan_dibao_2025_clean.csv"}, 2000},
		{"gbk forced as utf-8", []string{"--encoding", "utf-8", write("gbk.csv", "id,name,city\n"+gbk)}, 3},
		{"invalid bytes", []string{write("invalid.csv", "id,name,city\n1,ok,fine\n2,\xff\xfe,\xc3\n3,good,well\n4,x,\x80\n")}, 2},
	}
}

// QUAL-019 counts rows, the unit its message names: A of B rows read cleanly, never more rows
// than the file has, and the rule is judged (the check complete), whatever encoding the bytes
// were read in.
func TestUndecodableRowsAreCountedAsRows(t *testing.T) {
	for _, b := range brokenEncodings(t) {
		t.Run(b.name, func(t *testing.T) {
			r, code := checkReport(t, b.args...)
			if code != 1 || r.Verdict.Incomplete || len(r.ToolErrors) > 0 {
				t.Fatalf("exit %d, incomplete %v, not judged %+v: want QUAL-019 judged and failing", code, r.Verdict.Incomplete, r.ToolErrors)
			}
			var found bool
			for _, f := range r.Findings {
				if f.ID != "QUAL-019" || !strings.Contains(f.Message, "do not decode") {
					continue
				}
				found = true
				m := f.Measure
				want := r.Dataset.Rows - b.undecodable
				if m == nil || m.B != r.Dataset.Rows || m.A != want || m.X < 0 || m.X > 1 {
					t.Errorf("measure %+v, want %d of %d rows", m, want, r.Dataset.Rows)
				}
				if !strings.HasPrefix(f.Message, fmt.Sprintf("%d of %d rows", b.undecodable, r.Dataset.Rows)) {
					t.Errorf("message %q, want %d of %d rows", f.Message, b.undecodable, r.Dataset.Rows)
				}
			}
			if !found {
				t.Errorf("no QUAL-019 finding of undecodable rows in %+v", r.Findings)
			}
			if s := r.Scores; s == nil || s.Grade == "A" || s.Indicators["accessibility"].Score >= 90 {
				t.Errorf("scores %+v: want accessibility below 90 and no grade A", s)
			}
		})
	}
}

// The shipped example fails 21 errors: its scores say so. Its timeliness shows QUAL-017's
// overdue update, no error-bearing indicator reaches 90, 46223 of 46232 is not 100, and a
// non-conformant dataset is not graded A, in JSON and in the HTML report.
func TestExampleScoresAgreeWithItsVerdict(t *testing.T) {
	// The day the issue was reported: the example, modified 2025-07-05 and updated monthly,
	// is then 517 days old, overdue (QUAL-017). No test here runs in parallel.
	clock = func() time.Time { return time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC) }
	defer func() { clock = func() time.Time { return testNow } }()
	r, code := checkReport(t, "../../examples/dibao/hongshan_dibao_2025.csv")
	if code != 1 || r.Verdict.Conformant || r.Scores == nil {
		t.Fatalf("exit %d, verdict %+v, scores %v: want the example to fail with scores", code, r.Verdict, r.Scores)
	}
	s := r.Scores
	errs := map[string]bool{}
	for _, f := range r.Findings {
		if f.Severity == reports.Error && f.Waived == nil {
			errs[f.ID] = true
		}
	}
	for name, ind := range s.Indicators {
		if ind.A < ind.B && ind.Score >= 100 {
			t.Errorf("%s: %d of %d scored %v", name, ind.A, ind.B, ind.Score)
		}
		for id := range ind.ByRule {
			if errs[id] && ind.Score >= 90 {
				t.Errorf("%s: %v while %s has an error", name, ind.Score, id)
			}
		}
	}
	timeliness := s.Indicators["timeliness"]
	if q := timeliness.ByRule["QUAL-017"]; q.A >= q.B || timeliness.Score != 83.3 {
		t.Errorf("timeliness %+v: want QUAL-017's overdue update to count (83.3)", timeliness)
	}
	if a := s.Indicators["accuracy"]; a.Score != 89.9 || a.A != 46223 || a.B != 46232 {
		t.Errorf("accuracy %+v, want 89.9: 46223 of 46232 and QUAL-012's error", a)
	}
	if s.Overall != 90.5 || s.Grade != "B" {
		t.Errorf("overall %v (%s), want 90.5 (B)", s.Overall, s.Grade)
	}

	html := filepath.Join(t.TempDir(), "report.html")
	if _, stderr, code := runCLI(t, "check", "-q", "--lang", "zh", "-o", html, "../../examples/dibao/hongshan_dibao_2025.csv"); code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"综合: 90.5 (B)", "得分的计算方法", "准确性：因 QUAL-012 存在未豁免的错误级发现"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
}
