package dgcheck_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck"
)

var updateFindings = flag.Bool("update-findings", false, "rewrite testdata/findings.golden.jsonl from what dgcheck finds in every fixture")

const findingsGolden = "testdata/findings.golden.jsonl"

// TestFixtureFindingsAreUnchanged checks every dataset the repository ships (testdata and
// examples, with the metadata found beside each, as `dgcheck check` finds it) and compares
// what was found with testdata/findings.golden.jsonl: every finding's rule, severity, column,
// message, measure, evidence and samples, and the verdict, or the error that stopped the
// check. A change that is meant to change no finding (a faster reader, a new memory layout)
// proves it here; one that is meant to shows exactly what changed in the golden file's diff
// (go test . -update-findings). A rule's title and citation are left out: they are the
// rule's text, not what it found.
func TestFixtureFindingsAreUnchanged(t *testing.T) {
	c := fixtureChecker(t)
	var got bytes.Buffer
	for _, path := range fixtureDatasets(t) {
		got.Write(findingsLine(t, c, path))
		got.WriteByte('\n')
	}
	if *updateFindings {
		if err := os.WriteFile(findingsGolden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(findingsGolden)
	if err != nil {
		t.Fatalf("%v (go test . -update-findings writes it)", err)
	}
	wantLines := strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")
	gotLines := strings.Split(strings.TrimSuffix(got.String(), "\n"), "\n")
	byPath := func(lines []string) map[string]string {
		m := map[string]string{}
		for _, l := range lines {
			var head struct{ Path string }
			if err := json.Unmarshal([]byte(l), &head); err != nil {
				t.Fatalf("%s: %v", findingsGolden, err)
			}
			m[head.Path] = l
		}
		return m
	}
	wantBy, gotBy := byPath(wantLines), byPath(gotLines)
	for path, w := range wantBy {
		switch g, ok := gotBy[path]; {
		case !ok:
			t.Errorf("%s: in %s but no longer a fixture", path, findingsGolden)
		case g != w:
			t.Errorf("%s: findings changed\n got: %s\nwant: %s", path, g, w)
		}
	}
	for path := range gotBy {
		if _, ok := wantBy[path]; !ok {
			t.Errorf("%s: a fixture missing from %s (go test . -update-findings)", path, findingsGolden)
		}
	}
}

// fixtureDatasets are the CSV, TSV and Parquet files under testdata and examples, in
// lexical order, leaving out the peers' installed packages.
func fixtureDatasets(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, root := range []string{"examples", "testdata"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".csv", ".tsv", ".parquet":
				if d.Type().IsRegular() {
					paths = append(paths, filepath.ToSlash(path))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(paths) < 100 {
		t.Fatalf("only %d fixture datasets found", len(paths))
	}
	return paths
}

// findingsLine is one fixture's result as one line of JSON.
func findingsLine(t *testing.T, c *dgcheck.Checker, path string) []byte {
	t.Helper()
	type finding struct {
		ID       string         `json:"id"`
		Severity string         `json:"severity"`
		Column   string         `json:"column,omitempty"`
		Message  string         `json:"message"`
		Measure  any            `json:"measure,omitempty"`
		Evidence map[string]any `json:"evidence,omitempty"`
		Samples  any            `json:"samples,omitempty"`
	}
	line := struct {
		Path     string    `json:"path"`
		Error    string    `json:"error,omitempty"`
		Verdict  any       `json:"verdict,omitempty"`
		Rows     int64     `json:"rows"`
		Findings []finding `json:"findings,omitempty"`
	}{Path: path}
	r, err := c.Check(context.Background(), dgcheck.Request{Path: path})
	if err != nil {
		line.Error = err.Error()
	} else {
		line.Verdict, line.Rows = r.Verdict, r.Dataset.Rows
		for _, f := range r.Findings {
			line.Findings = append(line.Findings, finding{ID: f.ID, Severity: string(f.Severity), Column: f.Column,
				Message: f.Message, Measure: f.Measure, Evidence: f.Evidence, Samples: f.Samples})
		}
	}
	b, err := json.Marshal(line)
	if err != nil {
		t.Fatal(fmt.Errorf("%s: %w", path, err))
	}
	return b
}
