package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// TestDuckDBOracle is the acceptance harness of "Read what peers read": every CSV/TSV file
// of a corpus that DuckDB's read_csv reads, dgcheck must read too (exit 0 or 1, not 2). It
// runs testdata/duckdb-oracle/run.mjs, which needs node and `npm ci` in that folder, on a
// dgcheck built from this tree (or DGCHECK_BIN), and fails when more files are refused than
// DGCHECK_DUCKDB_MAX_REFUSALS (default 0).
//
// The corpus is testdata/messy (the files TestMessyCorpus holds to their behaviours), or the
// folder DGCHECK_DUCKDB_CORPUS names, such as DuckDB's whole CSV test suite, fetched apart
// (testdata/duckdb-oracle/README.md; that run takes minutes). Without node or DuckDB's Node
// API the test is skipped, except under CI=true, where .ci/run has installed them and their
// absence is a failure.
//
//	DGCHECK_DUCKDB_CORPUS=/tmp/duckdb/data/csv go test -run TestDuckDBOracle -timeout 60m -v ./cmd/dgcheck
func TestDuckDBOracle(t *testing.T) {
	corpus, messy := os.Getenv("DGCHECK_DUCKDB_CORPUS"), false
	if corpus == "" {
		corpus, messy = filepath.Join("..", "..", "testdata", "messy"), true
	}
	missing := func(what string) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s, which .ci/run installs", what)
		}
		t.Skipf("%s: the DuckDB oracle cannot run (see testdata/duckdb-oracle/README.md)", what)
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
		missing("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@duckdb", "node-api", "package.json")); err != nil {
		missing(fmt.Sprintf("DuckDB's Node API is not installed (cd %s && npm ci)", dir))
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
	var r struct {
		Files, DuckdbReads, Refused int
		Results                     []struct {
			File    string
			Dgcheck struct {
				Exit  any
				Error string
			}
		}
	}
	if data, rerr := os.ReadFile(report); rerr == nil {
		_ = json.Unmarshal(data, &r)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		t.Fatalf("dgcheck refuses, times out or crashes on more than %d of the %d files DuckDB reads (of %d; %d refused)", maxRefusals, r.DuckdbReads, r.Files, r.Refused)
	}
	if err != nil {
		t.Fatalf("run.mjs: %v", err)
	}
	// testdata/messy holds files DuckDB refuses too, and every one of them dgcheck must read:
	// its check ends in a verdict (exit 0 or 1), never a refusal or an incomplete check.
	if messy {
		if len(r.Results) == 0 {
			t.Fatalf("run.mjs wrote no results to %s", report)
		}
		for _, res := range r.Results {
			if code, ok := res.Dgcheck.Exit.(float64); !ok || code > 1 {
				t.Errorf("testdata/messy/%s: dgcheck exit %v: %s", res.File, res.Dgcheck.Exit, res.Dgcheck.Error)
			}
		}
	}
}
