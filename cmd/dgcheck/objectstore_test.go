package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/internal/s3test"
	"github.com/dgcheck/dgcheck/reports"
)

// partitionedCopies lays the example's Parquet twin out as a Hive-partitioned dataset under
// dir: three files in two year= folders whose names a listing's byte order and a walk's
// order sort differently (year=2024-b/ lists before year=2024/), beside files that are not
// data (_SUCCESS, a hidden folder, Spark's _temporary).
func partitionedCopies(t *testing.T, dir string) {
	t.Helper()
	raw, err := os.ReadFile("../../examples/dibao/hongshan_dibao_2025.parquet")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"year=2024/a.parquet", "year=2024-b/a.parquet", "year=2024-b/b.parquet",
		"_SUCCESS", ".hidden/x.parquet", "_temporary/0/y.parquet"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// findingLines are a report's findings as sorted lines of id, severity, column and message
// (messages carry the rows that offend, so rows numbered in another order differ).
func findingLines(r reports.Report) []string {
	var fs []string
	for _, f := range r.Findings {
		fs = append(fs, strings.Join([]string{f.ID, string(f.Severity), f.Column, f.Message}, " | "))
	}
	slices.Sort(fs)
	return fs
}

// servedRoll starts a real S3-compatible server, points the AWS environment at it and
// uploads the example's partitioned copies (partitionedCopies) under s3://data/roll/; local is
// their folder on disk.
func servedRoll(t *testing.T) (srv *s3test.Server, local string) {
	t.Helper()
	srv = s3test.Start(t)
	srv.Env(t)
	local = filepath.Join(t.TempDir(), "roll")
	partitionedCopies(t, local)
	srv.Upload(t, "data", "roll/", local)
	return srv, local
}

// Objects in a real S3-compatible server (versitygw) read as the same files in a local
// directory do: a prefix is the partitioned dataset, an object's key the single file, parts
// of a prefix merge into the directory's check, and an audit manifest may list a prefix.
func TestObjectsInStorageReadAsTheirFiles(t *testing.T) {
	_, local := servedRoll(t)

	check := func(target string) reports.Report {
		t.Helper()
		r, code := checkReport(t, target)
		if code != exitNonConformant {
			t.Fatalf("check %s: exit %d", target, code)
		}
		return r
	}
	for _, tc := range []struct{ local, url, name string }{
		{local, "s3://data/roll/", "roll"},
		{local, "s3://data/roll", "roll"},
		{filepath.Join(local, "year=2024", "a.parquet"), "s3://data/roll/year=2024/a.parquet", "a.parquet"},
	} {
		want, got := check(tc.local), check(tc.url)
		if got.Dataset.Rows != want.Dataset.Rows || !slices.Equal(got.Dataset.Columns, want.Dataset.Columns) ||
			got.Dataset.Format != "parquet" || got.Dataset.Name != tc.name {
			t.Errorf("%s read as %+v; the files as %+v", tc.url, got.Dataset, want.Dataset)
		}
		if g, w := findingLines(got), findingLines(want); !slices.Equal(g, w) {
			t.Errorf("%s: findings differ from %s's:\n got %q\nwant %q", tc.url, tc.local, g, w)
		}
	}
	if r := check("s3://data/roll/"); r.Dataset.Rows != 3*check(filepath.Join(local, "year=2024", "a.parquet")).Dataset.Rows {
		t.Errorf("the prefix has %d rows, want three files' worth", r.Dataset.Rows)
	}

	// Parts measured from the objects (each machine reading only its row groups) merge
	// against the local copy of the dataset into the local check's judgement.
	merged, code := checkReport(t, "--profiles", measureParts(t, t.TempDir(), "s3://data/roll/", 3), local)
	if code != exitNonConformant {
		t.Fatalf("check --profiles: exit %d", code)
	}
	sameJudgement(t, "3 parts of the objects", merged, check(local))

	manifest := filepath.Join(t.TempDir(), "manifest.yaml")
	if err := os.WriteFile(manifest, []byte("datasets:\n  - path: s3://data/roll/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "audit")
	if _, stderr, code := runCLI(t, "audit", "-q", "-o", out, manifest); code != exitNonConformant {
		t.Fatalf("audit: exit %d, %s", code, stderr)
	}
	portfolio := readJSONFile(t, filepath.Join(out, "portfolio.json"))
	entries := portfolio["datasets"].([]any)
	if len(entries) != 1 || entries[0].(map[string]any)["dataset"] != "objects/data/roll" {
		t.Errorf("the audit's datasets: %v, want one named objects/data/roll", entries)
	}
}

// A bucket or prefix with nothing to read, refused credentials, credentials in the URL and an
// endpoint no one serves are exit-2 errors naming the source and never printing the secret.
func TestObjectStorageErrorsNameTheSource(t *testing.T) {
	srv, _ := servedRoll(t)
	for _, tc := range []struct{ url, want string }{
		{"s3://absent/roll/", "s3://absent/roll/: listing the objects"},
		{"s3://data/nothing/", `no .parquet object under the prefix "nothing/"`},
		{"s3://data/roll/?endpoint=http://127.0.0.1:1", "s3://data/roll/: listing the objects"},
		{"s3://data/roll/?bucket=x", "unknown parameter bucket="},
		{"s3://dgcheck-test:" + srv.Secret + "@data/roll/", "credentials do not go in the URL"},
	} {
		_, stderr, code := runCLI(t, "check", "-q", tc.url)
		if code != exitUsageOrInput || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, srv.Secret) {
			t.Errorf("%s: exit %d, %q; want 2 naming %q and no secret", tc.url, code, stderr, tc.want)
		}
	}
	t.Setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
	_, stderr, code := runCLI(t, "check", "-q", "s3://data/roll/")
	if code != exitUsageOrInput || !strings.Contains(stderr, "s3://data/roll/") || strings.Contains(stderr, "not-the-secret") {
		t.Errorf("a refused secret: exit %d, %q; want 2 naming the source and not the secret", code, stderr)
	}
}
