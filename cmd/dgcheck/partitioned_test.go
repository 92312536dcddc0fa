package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

// A Hive-partitioned directory of Parquet files, written by DuckDB from the example's Parquet
// twin, gives the findings the single file with the same partition column gives: the same
// rows, columns and evidence, in another layout. Without node or DuckDB's Node API the test
// is skipped, except under CI=true, where .ci/run installs them.
func TestPartitionedParquetIsTheFile(t *testing.T) {
	oracle, err := filepath.Abs(filepath.Join("..", "..", "testdata", "duckdb-oracle"))
	if err != nil {
		t.Fatal(err)
	}
	missing := func(what string) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s, which .ci/run installs", what)
		}
		t.Skipf("%s: DuckDB cannot write the partitioned dataset", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(oracle, "node_modules", "@duckdb", "node-api", "package.json")); err != nil {
		missing("DuckDB's Node API is not installed (cd testdata/duckdb-oracle && npm ci)")
	}
	source, err := filepath.Abs("../../examples/dibao/hongshan_dibao_2025.parquet")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	cmd := exec.Command(node, filepath.Join(oracle, "partition.mjs"), source, out)
	cmd.Dir = oracle
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("partition.mjs: %v\n%s", err, b)
	}
	parts, _ := filepath.Glob(filepath.Join(out, "partitioned", "part=*", "*.parquet"))
	if len(parts) != 3 {
		t.Fatalf("DuckDB wrote %q, want a file in each of 3 partitions", parts)
	}

	findings := func(path string) (reports.Report, []string) {
		r, code := checkReport(t, path)
		if code != exitNonConformant {
			t.Fatalf("check %s: exit %d", path, code)
		}
		var fs []string
		for _, f := range r.Findings {
			fs = append(fs, strings.Join([]string{f.ID, string(f.Severity), f.Column, f.Message}, " | "))
		}
		slices.Sort(fs)
		return r, fs
	}
	single, want := findings(filepath.Join(out, "single.parquet"))
	dir, got := findings(filepath.Join(out, "partitioned"))
	if dir.Dataset.Rows != single.Dataset.Rows || !slices.Equal(dir.Dataset.Columns, single.Dataset.Columns) {
		t.Errorf("partitioned: %d rows, columns %q; the file: %d rows, columns %q",
			dir.Dataset.Rows, dir.Dataset.Columns, single.Dataset.Rows, single.Dataset.Columns)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the partitioned dataset's findings differ from the file's:\n got %q\nwant %q", got, want)
	}
}
