package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/audits"
	"github.com/dgcheck/dgcheck/internal/synth"
	"github.com/dgcheck/dgcheck/internal/synth/synthtest"
)

const portfolioSchemaPath = "../../docs/portfolio.schema.json"

// catalogue writes a synthetic catalogue of n rolls with the example's sidecars.
func catalogue(t *testing.T, n int, seed int64) (string, []synth.CatalogueDataset) {
	t.Helper()
	return synthtest.Catalogue(t, "../../examples/dibao", n, seed)
}

func readJSONFile(t *testing.T, name string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// Acceptance 1: a catalogue of 200 datasets, three of them unreadable on purpose, audits with
// every dataset accounted for, the unreadable ones as errors, and exit 1. The portfolio and
// the datasets' reports match their documented schemas.
func TestAuditOfACatalogue(t *testing.T) {
	dir, sets := catalogue(t, 200, 1)
	out := filepath.Join(t.TempDir(), "audit")
	stdout, stderr, code := runCLI(t, "audit", "-o", out, dir)
	if code != exitNonConformant {
		t.Fatalf("exit %d, want 1\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	p, err := audits.ReadPortfolio(filepath.Join(out, "portfolio.json"))
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]audits.Status{}
	for _, e := range p.Datasets {
		status[e.Dataset] = e.Status
	}
	for _, d := range sets {
		got, ok := status[d.Path]
		switch {
		case !ok:
			t.Errorf("%s is not accounted for", d.Path)
		case d.Unreadable() != (got == audits.Failed):
			t.Errorf("%s (damage %q): %s", d.Path, d.Damage, got)
		case d.Unreadable() && !strings.Contains(stdout, "error: "+d.Path+": "):
			t.Errorf("stdout does not name the error of %s:\n%s", d.Path, stdout)
		}
	}
	if len(p.Datasets) != 200 || p.Summary.Errors != 3 || !strings.Contains(stdout, "200 datasets") {
		t.Errorf("%d datasets, %d errors; stdout:\n%s", len(p.Datasets), p.Summary.Errors, stdout)
	}

	schema := readJSONFile(t, portfolioSchemaPath)
	if errs := schemaErrors(t, schema, readJSONFile(t, filepath.Join(out, "portfolio.json"))); len(errs) > 0 {
		t.Errorf("portfolio.json does not match docs/portfolio.schema.json:\n%s", strings.Join(errs, "\n"))
	}
	for _, e := range p.Datasets[:5] {
		if e.Status == audits.Failed {
			continue
		}
		report := readJSONFile(t, filepath.Join(out, filepath.FromSlash(e.Reports["json"])))
		if errs := schemaErrors(t, reportSchema(t), report); len(errs) > 0 {
			t.Errorf("%s: its stamped report does not match docs/report.schema.json:\n%s", e.Dataset, strings.Join(errs, "\n"))
		}
		if _, stamped := report["stamp"]; !stamped {
			t.Errorf("%s: its report has no stamp", e.Dataset)
		}
	}
}

// The schema is no rubber stamp: it rejects a portfolio with a dataset status it does not know.
func TestPortfolioSchemaRejectsBadPortfolios(t *testing.T) {
	schema := readJSONFile(t, portfolioSchemaPath)
	doc := readJSONFile(t, "../../audits/testdata/golden/portfolio.json")
	if errs := schemaErrors(t, schema, doc); len(errs) > 0 {
		t.Fatalf("the golden portfolio does not match: %s", strings.Join(errs, "\n"))
	}
	doc["datasets"].([]any)[0].(map[string]any)["status"] = "fine"
	if errs := schemaErrors(t, schema, doc); len(errs) == 0 {
		t.Error("a status of fine passed the schema")
	}
}

// A catalogue whose every dataset conforms audits with exit 0.
func TestAuditOfConformantDatasetsExitsZero(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"hongshan_dibao_2025_clean.csv", "hongshan_dibao_2025_clean.parquet", "hongshan_dibao_2025_clean.meta.yaml"} {
		raw, err := os.ReadFile(filepath.Join("../../examples/dibao", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	stdout, stderr, code := runCLI(t, "audit", "-o", out, dir)
	if code != exitConformant || !strings.Contains(stdout, "2 datasets, 2 conformant") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

func TestAuditUsageErrorsExit2(t *testing.T) {
	dir, _ := catalogue(t, 8, 2)
	escaping := filepath.Join(dir, "manifest.yaml")
	if err := os.WriteFile(escaping, []byte("datasets:\n  - path: ../elsewhere.csv\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unknownProfile := filepath.Join(dir, "profiles.yaml")
	if err := os.WriteFile(unknownProfile, []byte("datasets:\n  - path: bureau-01/roll-001.csv\n    profile: everything-goes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	occupied := t.TempDir()
	if err := os.WriteFile(filepath.Join(occupied, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"audit", dir}, `"output" not set`},
		{[]string{"audit", "-o", t.TempDir()}, "audit takes one DIR or MANIFEST"},
		{[]string{"audit", "-o", t.TempDir(), "--shard", "4/3", dir}, "--shard"},
		{[]string{"audit", "-o", t.TempDir(), "--memory", "lots", dir}, "--memory"},
		{[]string{"audit", "-o", t.TempDir(), "--workers", "0", dir}, "--workers"},
		{[]string{"audit", "-o", t.TempDir(), "--report-format", "pdf", dir}, "--report-format"},
		{[]string{"audit", "-o", t.TempDir(), "--fail-on", "fatal", dir}, "--fail-on"},
		{[]string{"audit", "-o", t.TempDir(), "--baseline", filepath.Join(dir, "nothing.json"), dir}, "--baseline"},
		{[]string{"audit", "-o", t.TempDir(), escaping}, "manifest.yaml:2: ../elsewhere.csv is outside the manifest's directory"},
		{[]string{"audit", "-o", t.TempDir(), unknownProfile}, "everything-goes"},
		{[]string{"audit", "-o", occupied, dir}, "not a dgcheck audit's"},
		{[]string{"merge", "-o", t.TempDir()}, "merge takes the shards' output directories"},
		{[]string{"history", t.TempDir()}, "no history yet"},
	} {
		_, stderr, code := runCLI(t, tc.args...)
		if code != exitUsageOrInput || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// A manifest's entries may name a profile: the dataset is judged under it (an unknown one is
// a usage error, TestAuditUsageErrorsExit2), and its entry says so.
func TestManifestProfiles(t *testing.T) {
	dir, sets := catalogue(t, 8, 3)
	var raw synth.CatalogueDataset
	for _, d := range sets {
		if !d.Config.Masked && d.Damage == "" {
			raw = d
			break
		}
	}
	manifest := filepath.Join(dir, "audit.yaml")
	body := "datasets:\n  - path: " + raw.Path + "\n    owner: 洪山区民政局\n    profile: pipeline\n"
	if err := os.WriteFile(manifest, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, stderr, code := runCLI(t, "audit", "-o", out, manifest); code == exitUsageOrInput {
		t.Fatalf("exit 2: %s", stderr)
	}
	p, err := audits.ReadPortfolio(filepath.Join(out, "portfolio.json"))
	if err != nil {
		t.Fatal(err)
	}
	e := p.Datasets[0]
	if len(p.Datasets) != 1 || e.Profile != "pipeline" || e.Owner != "洪山区民政局" || len(e.Rules) == 0 {
		t.Fatalf("entry %+v", e)
	}
}

// Shards, merge and history, as a CI matrix runs them.
func TestShardMergeAndHistoryCommands(t *testing.T) {
	dir, _ := catalogue(t, 12, 4)
	var shards []string
	for _, s := range []string{"1/2", "2/2"} {
		out := t.TempDir()
		if _, stderr, code := runCLI(t, "audit", "-o", out, "--shard", s, dir); code == exitUsageOrInput {
			t.Fatalf("shard %s: exit 2: %s", s, stderr)
		}
		if _, err := os.Stat(filepath.Join(out, audits.HistoryFile)); err == nil {
			t.Errorf("shard %s wrote a history: only the merge may", s)
		}
		shards = append(shards, out)
	}
	merged := t.TempDir()
	stdout, stderr, code := runCLI(t, append([]string{"merge", "-o", merged}, shards...)...)
	if code != exitNonConformant || !strings.Contains(stdout, "12 datasets") {
		t.Fatalf("merge: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	// A second audit into the same directory, then the history of one bureau.
	if _, stderr, code := runCLI(t, "audit", "-o", merged, dir); code == exitUsageOrInput {
		t.Fatalf("exit 2: %s", stderr)
	}
	stdout, stderr, code = runCLI(t, "history", "--dataset", "bureau-02/*", merged)
	if code != 0 {
		t.Fatalf("history: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "bureau-02/roll-002.parquet") || strings.Contains(stdout, "bureau-01/") ||
		strings.Count(stdout, "nonconformant") < 2 {
		t.Errorf("history of bureau-02:\n%s", stdout)
	}
	stdout, _, _ = runCLI(t, "history", "--format", "json", "--last", "1", filepath.Join(merged, audits.HistoryFile))
	var trends []audits.Trend
	if err := json.Unmarshal([]byte(stdout), &trends); err != nil || len(trends) != 12 || len(trends[0].Points) != 1 {
		t.Errorf("history --last 1 as JSON: %d trends, %v\n%s", len(trends), err, stdout)
	}
}
