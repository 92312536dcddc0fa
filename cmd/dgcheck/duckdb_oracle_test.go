package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// TestDuckDBOracle is the acceptance harness of "Read what peers read": every CSV/TSV file
// of the corpus in DGCHECK_DUCKDB_CORPUS that DuckDB's read_csv reads, dgcheck must read too
// (exit 0 or 1, not 2). It runs testdata/duckdb-oracle/run.mjs, which needs node and
// `npm ci` in that folder, on a dgcheck built from this tree (or DGCHECK_BIN), and fails when
// more files are refused than DGCHECK_DUCKDB_MAX_REFUSALS (default 0). Without
// DGCHECK_DUCKDB_CORPUS it is skipped: the corpus is another project's files, fetched apart,
// and the run takes minutes. See testdata/duckdb-oracle/README.md.
//
//	DGCHECK_DUCKDB_CORPUS=/tmp/csvcorpus/data/csv go test -run TestDuckDBOracle -timeout 60m -v ./cmd/dgcheck
func TestDuckDBOracle(t *testing.T) {
	corpus := os.Getenv("DGCHECK_DUCKDB_CORPUS")
	if corpus == "" {
		t.Skip("DGCHECK_DUCKDB_CORPUS is not set: the DuckDB oracle runs only on a corpus fetched apart (see testdata/duckdb-oracle/README.md)")
	}
	maxRefusals := 0
	if v := os.Getenv("DGCHECK_DUCKDB_MAX_REFUSALS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			t.Fatalf("DGCHECK_DUCKDB_MAX_REFUSALS=%q: want a number of files, 0 or more", v)
		}
		maxRefusals = n
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "duckdb-oracle"))
	if err != nil {
		t.Fatal(err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("DGCHECK_DUCKDB_CORPUS is set but node is not installed")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@duckdb", "node-api", "package.json")); err != nil {
		t.Fatalf("DGCHECK_DUCKDB_CORPUS is set but DuckDB's Node API is not installed: cd %s && npm ci", dir)
	}

	bin := os.Getenv("DGCHECK_BIN")
	if bin == "" {
		gobin, err := exec.LookPath("go")
		if err != nil {
			gobin = filepath.Join(runtime.GOROOT(), "bin", "go")
		}
		bin = filepath.Join(t.TempDir(), "dgcheck")
		build := exec.Command(gobin, "build", "-o", bin, ".")
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
	}

	report := filepath.Join(t.TempDir(), "oracle.json")
	cmd := exec.Command(node, filepath.Join(dir, "run.mjs"),
		"--json", report, "--max-refusals", strconv.Itoa(maxRefusals), "--examples", "0", corpus, bin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	t.Logf("run.mjs:\n%s%s", stdout.String(), stderr.String())
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		var r struct {
			Files, DuckdbReads, Refused int
		}
		if data, rerr := os.ReadFile(report); rerr == nil {
			_ = json.Unmarshal(data, &r)
		}
		t.Fatalf("dgcheck refuses %d of the %d files DuckDB reads (of %d), more than %d", r.Refused, r.DuckdbReads, r.Files, maxRefusals)
	}
	if err != nil {
		t.Fatalf("run.mjs: %v", err)
	}
}
