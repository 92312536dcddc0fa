package dgcheck_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/reports"
)

// One Checker serves many datasets: the rules are prepared once.
func TestCheckerChecksManyDatasets(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	c, err := dgcheck.NewChecker(ctx, dgcheck.WithVersion("test"), dgcheck.WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	for path, conformant := range map[string]bool{
		"examples/dibao/hongshan_dibao_2025.csv":           false,
		"examples/dibao/hongshan_dibao_2025_clean.parquet": true,
	} {
		r, err := c.Check(ctx, dgcheck.Request{Path: path, FailOn: reports.Error})
		if err != nil {
			t.Fatal(err)
		}
		if r.Verdict.Conformant != conformant || r.CheckedAt != "2026-11-25T08:00:00Z" || r.Tool.Version != "test" {
			t.Errorf("%s: conformant %v at %s by %s", path, r.Verdict.Conformant, r.CheckedAt, r.Tool.Version)
		}
		if r.Dataset.MetadataKind != "dgcheck/metadata/v1" {
			t.Errorf("%s: metadata %q not found beside the data", path, r.Dataset.MetadataPath)
		}
	}
	if _, err := c.Check(ctx, dgcheck.Request{Path: "examples/dibao/missing.csv"}); err == nil {
		t.Error("a missing file must be an error, not a report")
	}
}

// Measuring while the rules load, then judging (what the dgcheck command does), gives the
// report Check gives.
func TestMeasureThenJudgeIsCheck(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	c, err := dgcheck.NewChecker(ctx, dgcheck.WithVersion("test"), dgcheck.WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	req := dgcheck.Request{Path: "examples/dibao/hongshan_dibao_2025.csv", FailOn: reports.Error}
	checked, err := c.Check(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	m, err := dgcheck.Measure(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	judged, err := c.Judge(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(judged, checked) {
		t.Errorf("Measure then Judge: %d findings, verdict %+v; Check: %d findings, verdict %+v",
			len(judged.Findings), judged.Verdict, len(checked.Findings), checked.Verdict)
	}
	if _, err := dgcheck.Measure(ctx, dgcheck.Request{Path: req.Path, Profiles: []string{"p.json"}}); err == nil {
		t.Error("Measure merged partial profiles without the rules digest they were measured for")
	}
}

func ExampleChecker_Check() {
	ctx := context.Background()
	c, err := dgcheck.NewChecker(ctx)
	if err != nil {
		panic(err)
	}
	r, err := c.Check(ctx, dgcheck.Request{Path: "examples/dibao/hongshan_dibao_2025.csv", FailOn: reports.Error})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Verdict.Conformant, r.Summary.ByArea["identifiers"])
	// Output: false 1
}

// A CSV beside a datapackage.json that does not list it is checked on its own, with a
// notice, instead of refused: a Frictionless folder holds many such files.
func TestAFileNoPackageListsIsCheckedOnItsOwn(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"datapackage.json": `{"resources": [{"path": "listed.csv"}, {"path": "other.csv"}]}`,
		"listed.csv":       "id\n1\n",
		"loose.csv":        "id,name\n1,a\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	c, err := dgcheck.NewChecker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Check(ctx, dgcheck.Request{Path: filepath.Join(dir, "loose.csv")})
	if err != nil {
		t.Fatalf("a file no package lists was refused: %v", err)
	}
	if r.Dataset.MetadataPath != "" || !slices.ContainsFunc(r.Notices, func(n string) bool {
		return strings.Contains(n, "does not list loose.csv among its resources")
	}) {
		t.Errorf("metadata %q, notices %q; want none, and a notice saying why", r.Dataset.MetadataPath, r.Notices)
	}
	if r, err := c.Check(ctx, dgcheck.Request{Path: filepath.Join(dir, "listed.csv")}); err != nil || r.Dataset.MetadataKind != "datapackage" {
		t.Errorf("the listed file: %v, metadata %q", err, r.Dataset.MetadataKind)
	}
}
