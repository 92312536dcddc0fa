package audits

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/internal/synth"
	"github.com/dgcheck/dgcheck/reports"
)

func finding(id, column string, sev reports.Severity, x float64) Finding {
	return Finding{ID: id, Area: "quality", Severity: sev, Column: column, Message: id + " " + column,
		Measure: &reports.Measure{A: int64(x * 100), B: 100, X: x}}
}

func changes(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s %s", f.Change, f.ID, f.Column))
	}
	return out
}

func TestClassify(t *testing.T) {
	baseline := &Portfolio{Datasets: []Entry{
		{Dataset: "a.csv", Status: NonConformant, Findings: []Finding{
			finding("QUAL-007", "name", reports.Error, 0.99),
			finding("QUAL-007", "sfzh", reports.Error, 0.99),
			finding("ID-002", "sfzh", reports.Warning, 0.999),
			finding("QUAL-012", "household_id", reports.Error, 0.98),
			finding("QUAL-019", "", reports.Error, 0.9),
			finding("QUAL-019", "", reports.Error, 0.8),
		}},
		{Dataset: "was-broken.csv", Status: Failed, Error: "truncated"},
		{Dataset: "now-broken.csv", Status: NonConformant, Findings: []Finding{finding("QUAL-007", "name", reports.Error, 0.5)}},
		{Dataset: "gone.csv", Status: Conformant},
	}}
	entries := []Entry{
		{Dataset: "a.csv", Status: NonConformant, Findings: []Finding{
			finding("QUAL-007", "name", reports.Error, 0.99),      // unchanged
			finding("QUAL-007", "sfzh", reports.Error, 0.97),      // lower share: regressed
			finding("ID-002", "sfzh", reports.Error, 0.999),       // more severe: regressed
			finding("QUAL-011", "", reports.Error, 0.9),           // new
			finding("QUAL-019", "", reports.Error, 0.95),          // one of two left: unchanged
			finding("QUAL-012", "household_id", reports.Error, 1), // better share: unchanged
		}},
		{Dataset: "was-broken.csv", Status: NonConformant, Findings: []Finding{finding("QUAL-007", "name", reports.Error, 0.5)}},
		{Dataset: "now-broken.csv", Status: Failed, Error: "truncated"},
		{Dataset: "new.csv", Status: NonConformant, Findings: []Finding{finding("QUAL-007", "name", reports.Error, 0.5)}},
	}
	p := assemble(Stamp{}, entries, []string{"a.csv", "new.csv", "now-broken.csv", "was-broken.csv"}, nil, baseline)
	got := map[string][]string{}
	status := map[string]string{}
	for _, e := range p.Datasets {
		got[e.Dataset] = append(changes(e.Findings), changes(e.Fixed)...)
		status[e.Dataset] = e.BaselineStatus
	}
	want := map[string][]string{
		"a.csv": {
			"regressed ID-002 sfzh", "unchanged QUAL-007 name", "regressed QUAL-007 sfzh",
			"new QUAL-011 ", "unchanged QUAL-012 household_id", "unchanged QUAL-019 ",
			"fixed QUAL-019 ",
		},
		"was-broken.csv": {"new QUAL-007 name"},
		"now-broken.csv": nil, // not checked now: nothing is known, nothing is fixed
		"new.csv":        {"new QUAL-007 name"},
	}
	for name, w := range want {
		if !slices.Equal(got[name], w) {
			t.Errorf("%s: %q, want %q", name, got[name], w)
		}
	}
	if status["new.csv"] != "absent" || status["was-broken.csv"] != "error" || status["a.csv"] != "nonconformant" {
		t.Errorf("baseline statuses %v", status)
	}
	if !slices.Equal(p.Removed, []string{"gone.csv"}) {
		t.Errorf("removed %q, want gone.csv", p.Removed)
	}
	if c := *p.Summary.Changes; c != (Changes{New: 3, Unchanged: 3, Regressed: 2, Fixed: 1}) {
		t.Errorf("changes %+v", c)
	}
	// Without a baseline there is no classification at all.
	if p := assemble(Stamp{}, []Entry{{Dataset: "a.csv", Findings: []Finding{finding("X", "", reports.Error, 1)}}}, nil, nil, nil); p.Summary.Changes != nil || p.Datasets[0].Findings[0].Change != "" {
		t.Errorf("classified without a baseline: %+v", p.Summary)
	}
}

// Acceptance 4: after three datasets change, an audit against the previous one shows their
// new and fixed findings, exactly, and nothing on the datasets that did not change.
func TestBaselineShowsExactlyTheChangedDatasets(t *testing.T) {
	dir, sets := writeCatalogue(t, 24, 9)
	target := resolve(t, dir)
	ctx := context.Background()
	first := t.TempDir()
	before, err := Run(ctx, testChecker(t), target, Options{Out: first, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}

	// 1. A released (masked) roll replaced by a raw one with defects: new findings.
	// 2. A raw roll with defects replaced by its masked, sound form and that form's sidecar:
	//    fixed findings.
	// 3. A raw roll whose sidecar now declares the personal information it holds.
	var leaked, repaired, declared synth.CatalogueDataset
	for _, d := range sets {
		switch {
		case d.Damage != "":
		case d.Config.Masked && leaked.Path == "":
			leaked = d
		case !d.Config.Masked && repaired.Path == "" && leaked.Path != "" && d.Format == leaked.Format:
			repaired = d // of the leaked roll's format, whose sidecar it takes
		case !d.Config.Masked && declared.Path == "":
			declared = d
		}
	}
	if leaked.Path == "" || repaired.Path == "" || declared.Path == "" {
		t.Fatalf("the catalogue lacks the rolls to change: %q, %q, %q", leaked.Path, repaired.Path, declared.Path)
	}
	replaceRoll(t, dir, leaked, synth.Defective(leaked.Config.Rows, leaked.Config.Seed))
	replaceRoll(t, dir, repaired, synth.Clean(repaired.Config.Rows, repaired.Config.Seed))
	copySidecar(t, dir, leaked, repaired) // a masked roll's sidecar, for the masked form
	editSidecar(t, dir, declared, "contains_pi: false", "contains_pi: true")

	second := t.TempDir()
	after, err := Run(ctx, testChecker(t), target, Options{Out: second, Version: "test",
		Baseline: before.Portfolio, BaselinePath: filepath.Join(first, PortfolioFile("json"))})
	if err != nil {
		t.Fatal(err)
	}
	was := map[string]Entry{}
	for _, e := range before.Portfolio.Datasets {
		was[e.Dataset] = e
	}
	changed := []string{leaked.Path, repaired.Path, declared.Path}
	for _, e := range after.Portfolio.Datasets {
		var news, regressed, fixed []string
		for _, f := range e.Findings {
			switch f.Change {
			case New:
				news = append(news, f.ID+" "+f.Column)
			case Regressed:
				regressed = append(regressed, f.ID+" "+f.Column)
			}
		}
		for _, f := range e.Fixed {
			fixed = append(fixed, f.ID+" "+f.Column)
		}
		if !slices.Contains(changed, e.Dataset) {
			if len(news)+len(regressed)+len(fixed) > 0 {
				t.Errorf("%s did not change, yet shows new %q, regressed %q, fixed %q", e.Dataset, news, regressed, fixed)
			}
			continue
		}
		if e.Status == Failed || was[e.Dataset].Status == Failed {
			t.Errorf("%s could not be checked: %s%s", e.Dataset, e.Error, was[e.Dataset].Error)
			continue
		}
		// What changed is what the two audits' own findings differ by.
		wantNew, wantFixed := difference(e.Findings, was[e.Dataset].Findings), difference(was[e.Dataset].Findings, e.Findings)
		if !slices.Equal(news, wantNew) || !slices.Equal(fixed, wantFixed) {
			t.Errorf("%s: new %q, fixed %q; the audits differ by new %q, fixed %q", e.Dataset, news, fixed, wantNew, wantFixed)
		}
		switch e.Dataset {
		case leaked.Path:
			if len(news) == 0 || len(fixed) > 0 {
				t.Errorf("%s leaked raw data: new %q, fixed %q", e.Dataset, news, fixed)
			}
		case repaired.Path:
			if len(fixed) == 0 {
				t.Errorf("%s was repaired, but nothing is fixed", e.Dataset)
			}
		case declared.Path:
			if !slices.Contains(fixed, "CLASS-006 sfzh") || len(news) > 0 {
				t.Errorf("%s now declares its personal information: new %q, fixed %q", e.Dataset, news, fixed)
			}
		}
	}
	// The portfolio views show the diff.
	md, err := os.ReadFile(filepath.Join(second, PortfolioFile("markdown")))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range changed {
		if !strings.Contains(string(md), "`"+name+"`") {
			t.Errorf("portfolio.md does not list the changes of %s", name)
		}
	}
	html, err := os.ReadFile(filepath.Join(second, PortfolioFile("html")))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(html, []byte(`<th>fixed</th>`)) {
		t.Error("index.html has no column of fixed findings")
	}
}

// difference is the findings of a (id and column) that b does not have, as a multiset.
func difference(a, b []Finding) []string {
	left := map[string]int{}
	for _, f := range b {
		left[f.ID+" "+f.Column]++
	}
	var out []string
	for _, f := range a {
		k := f.ID + " " + f.Column
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, k)
	}
	return out
}

// copySidecar gives roll to the sidecar of from.
func copySidecar(t *testing.T, dir string, from, to synth.CatalogueDataset) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(from.Sidecar)))
	if err != nil {
		t.Fatal(err)
	}
	raw = bytes.ReplaceAll(raw, []byte(fmt.Sprintf("record_count: %d", from.Config.Rows)), []byte(fmt.Sprintf("record_count: %d", to.Config.Rows)))
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(to.Sidecar)), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

func editSidecar(t *testing.T, dir string, d synth.CatalogueDataset, old, new string) {
	t.Helper()
	name := filepath.Join(dir, filepath.FromSlash(d.Sidecar))
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(old)) {
		t.Fatalf("%s has no %q", d.Sidecar, old)
	}
	if err := os.WriteFile(name, bytes.Replace(raw, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Without --baseline, an audit is classed against the previous audit of its target in the
// history, exactly as against that audit's portfolio given as the baseline.
func TestThePreviousAuditInTheHistoryIsTheBaseline(t *testing.T) {
	dir, sets := writeCatalogue(t, 12, 6)
	target := resolve(t, dir)
	ctx := context.Background()
	history := filepath.Join(t.TempDir(), HistoryFile)
	first := t.TempDir()
	before, err := Run(ctx, testChecker(t), target, Options{Out: first, Version: "test", History: history})
	if err != nil {
		t.Fatal(err)
	}
	if before.Portfolio.Summary.Changes != nil {
		t.Fatalf("the first audit in a history was compared with something: %+v", before.Portfolio.Summary.Changes)
	}
	// Repair one roll, spoil another.
	replaceRoll(t, dir, sets[1], synth.Clean(sets[1].Config.Rows, sets[1].Config.Seed))
	replaceRoll(t, dir, sets[3], synth.Defective(sets[3].Config.Rows, sets[3].Config.Seed))

	fromHistory, err := Run(ctx, testChecker(t), target, Options{Out: t.TempDir(), Version: "test", History: history})
	if err != nil {
		t.Fatal(err)
	}
	fromFile, err := Run(ctx, testChecker(t), target, Options{Out: t.TempDir(), Version: "test",
		Baseline: before.Portfolio, BaselinePath: filepath.Join(first, PortfolioFile("json"))})
	if err != nil {
		t.Fatal(err)
	}
	h, f := fromHistory.Portfolio, fromFile.Portfolio
	if h.Summary.Changes == nil || *h.Summary.Changes != *f.Summary.Changes || h.Summary.Changes.New+h.Summary.Changes.Fixed == 0 {
		t.Errorf("changes against the history %+v, against the portfolio %+v", h.Summary.Changes, f.Summary.Changes)
	}
	entries := func(p *Portfolio) string {
		c := &Portfolio{Datasets: slices.Clone(p.Datasets)}
		for i := range c.Datasets {
			c.Datasets[i].Timing = Timing{}
		}
		return untimed(t, c)
	}
	if a, b := entries(h), entries(f); a != b {
		t.Errorf("the entries classed against the history differ from those classed against the portfolio:\n%s", firstDiff(a, b))
	}
	if !reflect.DeepEqual(h.Views.Changes, f.Views.Changes) {
		t.Errorf("changes by rule: %+v against the history, %+v against the portfolio", h.Views.Changes, f.Views.Changes)
	}
	if !slices.ContainsFunc(h.Notices, func(n string) bool { return strings.Contains(n, "compared with the previous audit") }) {
		t.Errorf("the portfolio does not say what it was compared with: %q", h.Notices)
	}
}

// A history of version 1 gains the findings' tables when next appended to; its own audits,
// which recorded no findings, are not taken for a baseline, whose every finding would look new.
func TestAVersion1HistoryIsMigrated(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), HistoryFile)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(historySchema); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO audits VALUES (1, '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', 'old', '', '', 'cat/manifest.yaml', 'error', 1, 0, 1, 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if prev, err := PreviousAudit(ctx, path, "cat/manifest.yaml"); err != nil || prev != nil {
		t.Fatalf("a version-1 audit as the baseline: %+v, %v", prev, err)
	}
	p := goldenPortfolio()
	if err := AppendHistory(ctx, path, p); err != nil {
		t.Fatal(err)
	}
	prev, err := PreviousAudit(ctx, path, p.Stamp.Target)
	if err != nil || prev == nil || prev.Stamp.Started != p.Stamp.Started || len(prev.Datasets) != len(p.Datasets) {
		t.Fatalf("the audit appended after the migration: %+v, %v", prev, err)
	}
	got := prev.Datasets[1].Findings
	want := p.Datasets[1].Findings
	if len(got) != len(want) {
		t.Fatalf("roll-002's findings read back: %+v, want %+v", got, want)
	}
	sortFindings(got)
	for i := range want {
		w := want[i]
		w.Change = ""
		if !reflect.DeepEqual(got[i], w) {
			t.Errorf("finding %d read back %+v, want %+v", i, got[i], w)
		}
	}
	if prev, _ := PreviousAudit(ctx, path, "another/target"); prev != nil {
		t.Errorf("another target's audit taken for a baseline")
	}
}
