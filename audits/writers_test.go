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
	// The rules' own identities (rules/bundle), which the requirement view shows.
	qual007 := Finding{ID: "QUAL-007", Title: "Required fields are populated", Standard: "GB/T 36344-2018",
		Clause: "5 指标说明, indicator 完整性/数据元素完整性", Area: "quality"}
	id002 := Finding{ID: "ID-002", Title: "Citizen ID check digits are valid", Standard: "GB 11643-1999",
		Clause: "校验码 (ISO 7064:1983 MOD 11-2); Annex B 校验码字符值计算方法实例", Area: "identifiers"}
	pub003 := Finding{ID: "PUB-003", Title: "Unconditionally open data contains no PI unless anonymised or lawfully public",
		Standard: "PIPL (个人信息保护法); GB/T 35273-2020", Clause: "PIPL art. 25, art. 27, art. 55(三), art. 4; GB/T 35273-2020 9.4 个人信息公开披露", Area: "release"}
	meta001 := Finding{ID: "META-001", Title: "Dataset has a non-empty title", Standard: "DCAT-AP 3.0.1", Clause: "shapes.ttl :Dataset_Shape", Area: "metadata"}
	with := func(f Finding, sev reports.Severity, column, message string, m *reports.Measure, c Change) Finding {
		f.Severity, f.Column, f.Message, f.Measure, f.Change = sev, column, message, m, c
		return f
	}
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
			Findings:       []Finding{with(qual007, reports.Warning, "remark", "remark: 1 of 200 missing", &reports.Measure{A: 199, B: 200, X: 0.995}, Unchanged)},
			BaselineStatus: "conformant",
			Reports:        map[string]string{"json": "datasets/bureau-01/roll-001.csv/report.json", "html": "datasets/bureau-01/roll-001.csv/report.html"},
			Timing:         Timing{Started: "2026-11-25T08:00:01Z", Ended: "2026-11-25T08:00:02Z", Seconds: 1}},
		{Dataset: "bureau-02/roll-002.parquet", Owner: "青山区民政局", Status: NonConformant,
			Format: "parquet", Rows: 120, Level: "important", OpenType: "有条件开放",
			Verdict: &reports.Verdict{Conformant: false, FailOn: reports.Error, Failing: 2},
			Summary: &reports.Summary{ByArea: map[string]int{"identifiers": 1, "quality": 1, "release": 1}, BySeverity: map[string]int{"error": 2, "warning": 1}},
			Rules:   []string{"ID-002", "PUB-003", "QUAL-007"},
			Findings: []Finding{
				with(id002, reports.Error, "sfzh", "sfzh: 3 of 120 wrong check digits", &reports.Measure{A: 117, B: 120, X: 0.975}, Regressed),
				with(pub003, reports.Error, "mobile", "mobile: raw mobile numbers in open data", nil, New),
				with(qual007, reports.Warning, "remark", "remark: 4 of 120 missing", &reports.Measure{A: 116, B: 120, X: 0.967}, New),
			},
			Fixed:          []Finding{with(qual007, reports.Error, "name", "name: 1 of 120 missing", nil, Fixed)},
			BaselineStatus: "nonconformant",
			Reports:        map[string]string{"json": "datasets/bureau-02/roll-002.parquet/report.json"}},
		{Dataset: "bureau-03/roll-003.parquet", Status: Failed, BaselineStatus: "absent",
			Error: "cat/bureau-03/roll-003.parquet: not a readable parquet file: file is smaller than indicated metadata size"},
		{Dataset: "odd/<script>alert(1)</script> | *x*.csv", Owner: "<b>me</b>", Status: NonConformant,
			Verdict: &reports.Verdict{FailOn: reports.Error, Failing: 1},
			Summary: &reports.Summary{ByArea: map[string]int{"metadata": 1}, BySeverity: map[string]int{"error": 1}},
			Findings: []Finding{func() Finding {
				f := with(meta001, reports.Error, "", "no <title>", nil, New)
				f.Waived = true
				return f
			}()},
			Reports: map[string]string{"json": "datasets/odd/x.csv/report.json"}, BaselineStatus: "absent"},
	}
	stamp := Stamp{Stamp: reports.Stamp{Version: "1.2.3", RulesDigest: strings.Repeat("b", 64), ConfigDigest: strings.Repeat("c", 64),
		Inputs:  []reports.Input{{Role: RoleManifest, Path: "cat/manifest.yaml", SHA256: strings.Repeat("d", 64), Size: 99}},
		Started: "2026-11-25T08:00:00Z", Ended: "2026-11-25T08:01:00Z"},
		Target: "cat/manifest.yaml", FailOn: reports.Error, TargetDatasets: 4}
	p := &Portfolio{SchemaVersion: PortfolioSchemaVersion, Stamp: stamp, Datasets: entries,
		Notices: []string{"cat/manifest.yaml:9: qingshan/*.csv matches no file"}, Removed: []string{"bureau-09/gone.csv"}}
	p.Summary, p.Views = summarise(entries, true), viewsOf(entries, true)
	// Two earlier audits in the history: roll-001 conformant throughout, roll-002 failing 1,
	// then 0, then 2, roll-003 first audited now.
	n := func(v int) *int { return &v }
	p.Views.Trend = &TrendView{
		Audits: []AuditPoint{{Started: "2026-09-25T08:00:00Z", Datasets: 2, Conformant: 1}, {Started: "2026-10-25T08:00:00Z", Datasets: 2, Conformant: 2},
			{Started: "2026-11-25T08:00:00Z", Datasets: 4, Conformant: 1, Unchecked: 1}},
		Datasets: []DatasetTrend{{Dataset: "bureau-01/roll-001.csv", Failing: []*int{n(0), n(0), n(0)}},
			{Dataset: "bureau-02/roll-002.parquet", Failing: []*int{n(1), n(0), n(2)}},
			{Dataset: "bureau-03/roll-003.parquet", Failing: []*int{nil, nil, nil}},
			{Dataset: "odd/<script>alert(1)</script> | *x*.csv", Failing: []*int{nil, nil, n(1)}}},
	}
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
