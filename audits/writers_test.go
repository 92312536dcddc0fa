package audits

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

var update = flag.Bool("update", false, "rewrite the portfolio golden files in testdata/golden")

// goldenPortfolio has one dataset of every kind: conformant with scores, not conformant with
// findings new, regressed and fixed against a baseline, one that could not be read, and one
// whose name and owner try to inject markup.
func goldenPortfolio() *Portfolio {
	scores := &reports.Scores{Overall: 92.5, Grade: "A", Indicators: map[string]reports.IndicatorScore{
		"completeness": {Score: 99.5, A: 199, B: 200, Rules: []string{"QUAL-007"}},
		"accuracy":     {Score: 85.5, A: 171, B: 200, Rules: []string{"ID-002"}},
	}}
	entries := []Entry{
		{Dataset: "bureau-01/roll-001.csv", Owner: "洪山区民政局", Profile: "public-release", Status: Conformant,
			Inputs: []reports.Input{{Role: RoleData, Path: "cat/bureau-01/roll-001.csv", SHA256: strings.Repeat("a", 64), Size: 1234}},
			Format: "csv", Encoding: "utf-8", Rows: 200, Level: "general", OpenType: "无条件开放",
			Verdict: &reports.Verdict{Conformant: true, FailOn: reports.Error},
			Summary: &reports.Summary{ByArea: map[string]int{"quality": 1}, BySeverity: map[string]int{"warning": 1}},
			Scores:  scores, Rules: []string{"ID-002", "QUAL-007"},
			Findings: []Finding{{ID: "QUAL-007", Area: "quality", Severity: reports.Warning, Column: "remark",
				Message: "remark: 1 of 200 missing", Measure: &reports.Measure{A: 199, B: 200, X: 0.995}, Change: Unchanged}},
			BaselineStatus: "conformant",
			Reports:        map[string]string{"json": "datasets/bureau-01/roll-001.csv/report.json", "html": "datasets/bureau-01/roll-001.csv/report.html"},
			Timing:         Timing{Started: "2026-11-25T08:00:01Z", Ended: "2026-11-25T08:00:02Z", Seconds: 1}},
		{Dataset: "bureau-02/roll-002.parquet", Owner: "青山区民政局", Status: NonConformant,
			Format: "parquet", Rows: 120, Level: "important", OpenType: "有条件开放",
			Verdict: &reports.Verdict{Conformant: false, FailOn: reports.Error, Failing: 2},
			Summary: &reports.Summary{ByArea: map[string]int{"identifiers": 1, "release": 1}, BySeverity: map[string]int{"error": 2}},
			Rules:   []string{"ID-002", "PUB-003", "QUAL-007"},
			Findings: []Finding{
				{ID: "ID-002", Area: "identifiers", Severity: reports.Error, Column: "sfzh", Message: "sfzh: 3 of 120 wrong check digits",
					Measure: &reports.Measure{A: 117, B: 120, X: 0.975}, Change: Regressed},
				{ID: "PUB-003", Area: "release", Severity: reports.Error, Column: "mobile", Message: "mobile: raw mobile numbers in open data", Change: New},
			},
			Fixed:          []Finding{{ID: "QUAL-007", Area: "quality", Severity: reports.Error, Column: "name", Message: "name: 1 of 120 missing", Change: Fixed}},
			BaselineStatus: "nonconformant",
			Reports:        map[string]string{"json": "datasets/bureau-02/roll-002.parquet/report.json"}},
		{Dataset: "bureau-03/roll-003.parquet", Status: Failed, BaselineStatus: "absent",
			Error: "cat/bureau-03/roll-003.parquet: not a readable parquet file: file is smaller than indicated metadata size"},
		{Dataset: "odd/<script>alert(1)</script> | *x*.csv", Owner: "<b>me</b>", Status: NonConformant,
			Verdict:  &reports.Verdict{FailOn: reports.Error, Failing: 1},
			Summary:  &reports.Summary{ByArea: map[string]int{"metadata": 1}, BySeverity: map[string]int{"error": 1}},
			Findings: []Finding{{ID: "META-001", Area: "metadata", Severity: reports.Error, Message: "no <title>", Change: New, Waived: true}},
			Reports:  map[string]string{"json": "datasets/odd/x.csv/report.json"}, BaselineStatus: "absent"},
	}
	stamp := Stamp{Stamp: reports.Stamp{Version: "1.2.3", RulesDigest: strings.Repeat("b", 64), ConfigDigest: strings.Repeat("c", 64),
		Inputs:  []reports.Input{{Role: RoleManifest, Path: "cat/manifest.yaml", SHA256: strings.Repeat("d", 64), Size: 99}},
		Started: "2026-11-25T08:00:00Z", Ended: "2026-11-25T08:01:00Z"},
		Target: "cat/manifest.yaml", FailOn: reports.Error, TargetDatasets: 4}
	p := &Portfolio{SchemaVersion: PortfolioSchemaVersion, Stamp: stamp, Datasets: entries,
		Notices: []string{"cat/manifest.yaml:9: qingshan/*.csv matches no file"}, Removed: []string{"bureau-09/gone.csv"}}
	p.Summary = summarise(entries, true)
	return p
}

func TestPortfolioGoldenFiles(t *testing.T) {
	p := goldenPortfolio()
	for _, f := range portfolioTable {
		format := f.Name
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.Writer.Write(&buf, p); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", f.File)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from %s; run go test ./audits -update and review the diff", format, golden)
			}
		})
	}
	if _, err := portfolioFormat("pdf"); err == nil || !strings.Contains(err.Error(), "json, markdown, junit, html") {
		t.Errorf("an unknown format: %v", err)
	}
}

// The JSON round-trips: a portfolio read back (a baseline, a shard) is the one written.
func TestPortfolioJSONRoundTrips(t *testing.T) {
	p := goldenPortfolio()
	name := filepath.Join(t.TempDir(), "portfolio.json")
	if err := WritePortfolio(filepath.Dir(name), p, []string{"json"}); err != nil {
		t.Fatal(err)
	}
	back, err := ReadPortfolio(name)
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := (PortfolioJSON{}).Write(&again, back); err != nil {
		t.Fatal(err)
	}
	if written, _ := os.ReadFile(name); !bytes.Equal(again.Bytes(), written) {
		t.Error("the portfolio read back and written again differs from the one written")
	}
}

// Nothing a dataset's name, owner or error holds can run in the index: values are escaped,
// and the page's policy lets only its own sorting script run, by hash.
func TestPortfolioHTMLIsInert(t *testing.T) {
	var buf bytes.Buffer
	if err := (PortfolioHTML{}).Write(&buf, goldenPortfolio()); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, raw := range []string{"<script>alert(1)</script>", "<b>me</b>", "no <title>"} {
		if strings.Contains(page, raw) {
			t.Errorf("the index holds %q unescaped", raw)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the dataset name is not shown, escaped")
	}
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	if len(scripts) != 1 {
		t.Fatalf("%d scripts in the page, want only the sorting one", len(scripts))
	}
	sum := sha256.Sum256([]byte(scripts[0][1]))
	hash := "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
	if csp == nil || !strings.Contains(strings.ReplaceAll(csp[1], "&#43;", "+"), "script-src '"+hash+"'") || !strings.Contains(csp[1], "default-src 'none'") {
		t.Errorf("the policy %q does not allow exactly the page's script (%s)", csp, hash)
	}
	// Each dataset links to its own report: HTML when there is one, else JSON.
	for _, link := range []string{`href="datasets/bureau-01/roll-001.csv/report.html"`, `href="datasets/bureau-02/roll-002.parquet/report.json"`} {
		if !strings.Contains(page, link) {
			t.Errorf("the index lacks %s", link)
		}
	}
}

func TestPortfolioJUnitHasASuitePerDataset(t *testing.T) {
	var buf bytes.Buffer
	p := goldenPortfolio()
	if err := (PortfolioJUnit{}).Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	var doc reports.JUnitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suites) != len(p.Datasets) {
		t.Fatalf("%d suites for %d datasets", len(doc.Suites), len(p.Datasets))
	}
	want := []struct{ tests, failures, errors, skipped int }{
		{2, 0, 0, 0}, // conformant: two rules judged, a warning below fail-on passes
		{3, 2, 0, 0}, // ID-002 and PUB-003 fail, QUAL-007 (fixed) passes
		{1, 0, 1, 0}, // unreadable: one case in error
		{1, 0, 0, 1}, // its only finding is waived
	}
	for i, s := range doc.Suites {
		if got := (struct{ tests, failures, errors, skipped int }{s.Tests, s.Failures, s.Errors, s.Skipped}); got != want[i] {
			t.Errorf("suite %s: %+v, want %+v", s.Name, got, want[i])
		}
	}
	if doc.Tests != 7 || doc.Failures != 2 || doc.Errors != 1 || doc.Skipped != 1 {
		t.Errorf("totals %d tests, %d failures, %d errors, %d skipped", doc.Tests, doc.Failures, doc.Errors, doc.Skipped)
	}
}
