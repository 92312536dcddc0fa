package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The benchmark runs end to end on a small roll: DuckDB from npm writes the Parquet twin and
// runs its three queries, dgcheck checks both files with and without metadata, and the table
// has a ratio for each. It needs Node and bench/duckdb's packages (npm ci there), which
// .ci/run installs: under CI=true their absence fails the test.
func TestBenchmarkComparesWithDuckDB(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("node"); err != nil {
		needPeer(t, "node is not installed")
	}
	if _, err := os.Stat(filepath.Join(root, duckdbDir, "node_modules", "@duckdb", "node-api")); err != nil {
		needPeer(t, "DuckDB is not installed (cd bench/duckdb && npm ci)")
	}
	t.Chdir(root)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-rows", "3000", "-dir", t.TempDir()}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	out := stdout.String()
	if !strings.Contains(out, "3000 rows") || !strings.Contains(out, "written by DuckDB v1.") {
		t.Errorf("no heading with the rows and DuckDB's version:\n%s", out)
	}
	// | CSV | 0.05 s | 0.61 s | 12.20 | 43 MiB | 1.50 |
	row := regexp.MustCompile(`(?m)^\| (CSV|Parquet)[^|]* \| ([0-9.]+) s \| ([0-9.]+) s \| ([0-9.]+) \| ([0-9]+) MiB \| ([0-9.]+) \|$`)
	rows := row.FindAllStringSubmatch(out, -1)
	if len(rows) != 4 {
		t.Fatalf("%d result rows, want 4 (CSV and Parquet, with and without metadata):\n%s", len(rows), out)
	}
	for _, r := range rows {
		duck, _ := strconv.ParseFloat(r[2], 64)
		dg, _ := strconv.ParseFloat(r[3], 64)
		ratio, _ := strconv.ParseFloat(r[4], 64)
		rss, _ := strconv.Atoi(r[5])
		if duck <= 0 || dg <= 0 || rss <= 0 {
			t.Errorf("%s: a time or memory of zero", r[0])
		}
		if got := dg / duck; ratio < got*0.9-0.01 || ratio > got*1.1+0.01 {
			t.Errorf("%s: ratio %s, but %s / %s = %.2f", r[0], r[4], r[3], r[2], got)
		}
	}
}

func TestBadFlagsExitTwo(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-scale", "10,x"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), `"x"`) {
		t.Errorf("exit %d, stderr %q; want 2 naming the bad size", code, stderr.String())
	}
}

func needPeer(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
}
