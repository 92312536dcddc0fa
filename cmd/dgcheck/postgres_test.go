package main

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dgcheck/dgcheck/internal/pgtest"
	"github.com/dgcheck/dgcheck/reports"
)

// loadCSV makes table a table of text columns named as csv's header and copies the file's rows
// into it with PostgreSQL's own CSV reader.
func loadCSV(t *testing.T, url, table, csv string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	f, err := os.Open(csv)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(string(raw), "\n")
	var cols []string
	for _, name := range strings.Split(strings.TrimSpace(header), ",") {
		cols = append(cols, pgx.Identifier{name}.Sanitize()+" text")
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE "+table+" ("+strings.Join(cols, ", ")+")"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.PgConn().CopyFrom(ctx, f, "COPY "+table+" FROM STDIN (FORMAT csv, HEADER true)"); err != nil {
		t.Fatal(err)
	}
}

// The example roll, loaded into a real PostgreSQL, checks as its CSV does: the same rows,
// columns and findings, the dataset named by its table and its URL without the password.
func TestPostgresTableChecksAsItsCSV(t *testing.T) {
	base := pgtest.Start(t)
	const csv = "../../examples/dibao/hongshan_dibao_2025.csv"
	loadCSV(t, base, "public.roll", csv)
	meta := "../../examples/dibao/hongshan_dibao_2025.meta.yaml"

	findings := func(r reports.Report) []string {
		var fs []string
		for _, f := range r.Findings {
			fs = append(fs, strings.Join([]string{f.ID, string(f.Severity), f.Column, f.Message}, " | "))
		}
		slices.Sort(fs)
		return fs
	}
	file, code := checkReport(t, "-m", meta, csv)
	if code != exitNonConformant {
		t.Fatalf("the CSV: exit %d", code)
	}
	table, code := checkReport(t, "-m", meta, base+"&table=public.roll")
	if code != exitNonConformant {
		t.Fatalf("the table: exit %d", code)
	}
	if table.Dataset.Rows != file.Dataset.Rows || !slices.Equal(table.Dataset.Columns, file.Dataset.Columns) ||
		table.Dataset.Name != "public.roll" || table.Dataset.Format != "postgresql" {
		t.Errorf("the table read as %+v; the CSV %+v", table.Dataset, file.Dataset)
	}
	got, want := findings(table), findings(file)
	if !slices.Equal(got, want) {
		for _, g := range got {
			if !slices.Contains(want, g) {
				t.Errorf("only the table: %s", g)
			}
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("only the CSV: %s", w)
			}
		}
	}
}

// A table that does not exist, and a server that cannot be reached, are exit-2 errors naming
// the source without its password.
func TestPostgresErrorsNameTheSource(t *testing.T) {
	base := pgtest.Start(t)
	for _, tc := range []struct{ url, want string }{
		{base + "&table=public.absent", `reading public.absent`},
		{"postgres://dgcheck:s3cret@127.0.0.1:1/none?table=t&connect_timeout=2", "postgres://dgcheck:xxxxx@127.0.0.1:1/none"},
		{base, "no table: name it with ?table=schema.name"},
	} {
		_, stderr, code := runCLI(t, "check", "-q", tc.url)
		if code != exitUsageOrInput || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "s3cret") {
			t.Errorf("%s: exit %d, %q; want 2 naming %q and no password", tc.url, code, stderr, tc.want)
		}
	}
}
