package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/internal/mysqltest"
	"github.com/dgcheck/dgcheck/internal/pgtest"
	"github.com/dgcheck/dgcheck/reports"
)

// loadCSV makes table a table of text columns named as csv's header and copies the file's rows
// into it with PostgreSQL's own CSV reader. A key names a first column, the table's primary
// key, that numbers the rows in the file's order.
func loadCSV(t *testing.T, url, table, csv, key string) {
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
	var cols, names []string
	for _, name := range strings.Split(strings.TrimSpace(header), ",") {
		cols = append(cols, pgx.Identifier{name}.Sanitize()+" text")
		names = append(names, pgx.Identifier{name}.Sanitize())
	}
	if key != "" {
		cols = append([]string{pgx.Identifier{key}.Sanitize() + " bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"}, cols...)
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE "+table+" ("+strings.Join(cols, ", ")+")"); err != nil {
		t.Fatal(err)
	}
	copyInto := "COPY " + table + " (" + strings.Join(names, ", ") + ") FROM STDIN (FORMAT csv, HEADER true)"
	if _, err := conn.PgConn().CopyFrom(ctx, f, copyInto); err != nil {
		t.Fatal(err)
	}
}

// loadCSVIntoMariaDB makes table a table of text columns named as csv's header and inserts
// the file's rows, an empty field as NULL, as PostgreSQL's COPY reads one. A key is a first
// column, as loadCSV's.
func loadCSVIntoMariaDB(t *testing.T, db *sql.DB, table, path, key string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var cols, names, marks []string
	for _, name := range records[0] {
		cols = append(cols, "`"+name+"` text")
		names = append(names, "`"+name+"`")
		marks = append(marks, "?")
	}
	if key != "" {
		cols = append([]string{"`" + key + "` bigint AUTO_INCREMENT PRIMARY KEY"}, cols...)
	}
	if _, err := db.Exec("CREATE TABLE " + table + " (" + strings.Join(cols, ", ") + ") CHARACTER SET utf8mb4"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	insert, err := tx.Prepare("INSERT INTO " + table + " (" + strings.Join(names, ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")")
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range records[1:] {
		args := make([]any, len(rec))
		for i, v := range rec {
			if v != "" {
				args[i] = v
			}
		}
		if _, err := insert.Exec(args...); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// The example roll, loaded into a real PostgreSQL and a real MariaDB, checks as its CSV does:
// the same rows, columns and findings, the dataset named by its table.
func TestDatabaseTableChecksAsItsCSV(t *testing.T) {
	const file = "../../examples/dibao/hongshan_dibao_2025.csv"
	meta := "../../examples/dibao/hongshan_dibao_2025.meta.yaml"
	findings := func(r reports.Report) []string {
		var fs []string
		for _, f := range r.Findings {
			fs = append(fs, strings.Join([]string{f.ID, string(f.Severity), f.Column, f.Message}, " | "))
		}
		slices.Sort(fs)
		return fs
	}
	exported, code := checkReport(t, "-m", meta, file)
	if code != exitNonConformant {
		t.Fatalf("the CSV: exit %d", code)
	}
	for _, tc := range []struct {
		dialect, format string
		load            func(t *testing.T) (url, table string)
	}{
		{"postgresql", "postgresql", func(t *testing.T) (string, string) {
			base := pgtest.Start(t)
			loadCSV(t, base, "public.roll", file, "")
			return base + "&table=public.roll", "public.roll"
		}},
		{"mariadb", "mysql", func(t *testing.T) (string, string) {
			base, db := mysqltest.Start(t)
			loadCSVIntoMariaDB(t, db, "dgtest.roll", file, "")
			return base + "&table=roll", "roll"
		}},
	} {
		t.Run(tc.dialect, func(t *testing.T) {
			url, name := tc.load(t)
			table, code := checkReport(t, "-m", meta, url)
			if code != exitNonConformant {
				t.Fatalf("the table: exit %d", code)
			}
			if table.Dataset.Rows != exported.Dataset.Rows || !slices.Equal(table.Dataset.Columns, exported.Dataset.Columns) ||
				table.Dataset.Name != name || table.Dataset.Format != tc.format {
				t.Errorf("the table read as %+v; the CSV %+v", table.Dataset, exported.Dataset)
			}
			got, want := findings(table), findings(exported)
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
		})
	}
}

// A table that does not exist, a password the server refuses and a server that cannot be
// reached are exit-2 errors naming the source without its password.
func TestDatabaseErrorsNameTheSource(t *testing.T) {
	base := pgtest.Start(t)
	maria, _ := mysqltest.Start(t)
	// The same server as root with a password root does not have: an authentication error.
	wrongPassword := strings.Replace(maria, "mysql://root@", "mysql://root:s3cret@", 1) + "&table=roll"
	for _, tc := range []struct{ url, want string }{
		{base + "&table=public.absent", `reading public.absent`},
		{maria + "&table=absent", `reading absent`},
		{wrongPassword, "mysql://root:xxxxx@"},
		{"postgres://dgcheck:s3cret@127.0.0.1:1/none?table=t&connect_timeout=2", "postgres://dgcheck:xxxxx@127.0.0.1:1/none"},
		{"mysql://dgcheck:s3cret@127.0.0.1:1/none?table=t", "mysql://dgcheck:xxxxx@127.0.0.1:1/none"},
		{base, "no table: name it with ?table=schema.name"},
	} {
		_, stderr, code := runCLI(t, "check", "-q", tc.url)
		if code != exitUsageOrInput || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "s3cret") {
			t.Errorf("%s: exit %d, %q; want 2 naming %q and no password", tc.url, code, stderr, tc.want)
		}
	}
}

// A manifest may list tables beside files: the audit checks the table as check does, names it
// tables/<host>/<database>/<table>, stamps its URL without a password, and checks it again on
// --resume, since a table's rows have no digest.
func TestAuditOfATable(t *testing.T) {
	base := pgtest.Start(t)
	root := t.TempDir()
	for _, name := range []string{"hongshan_dibao_2025.csv", "hongshan_dibao_2025.meta.yaml"} {
		raw, err := os.ReadFile("../../examples/dibao/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(root+"/"+name, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	loadCSV(t, base, "public.roll", root+"/hongshan_dibao_2025.csv", "")
	manifest := root + "/manifest.yaml"
	body := "datasets:\n  - path: hongshan_dibao_2025.csv\n  - path: '" + base + "&table=public.roll'\n    metadata: hongshan_dibao_2025.meta.yaml\n"
	if err := os.WriteFile(manifest, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir() + "/audit"
	if _, stderr, code := runCLI(t, "audit", "-q", "-o", out, manifest); code != exitNonConformant {
		t.Fatalf("audit: exit %d, %s", code, stderr)
	}
	portfolio := readJSONFile(t, out+"/portfolio.json")
	ids := map[string][]string{}
	for _, d := range portfolio["datasets"].([]any) {
		entry := d.(map[string]any)
		var found []string
		for _, f := range entry["findings"].([]any) {
			found = append(found, f.(map[string]any)["id"].(string))
		}
		slices.Sort(found)
		ids[entry["dataset"].(string)] = found
	}
	file, table := ids["hongshan_dibao_2025.csv"], ids["tables/local/postgres/public.roll"]
	if len(file) == 0 || !slices.Equal(file, table) {
		t.Errorf("datasets %q: the table's findings %q, the file's %q", slices.Collect(maps.Keys(ids)), table, file)
	}
	_, stderr, code := runCLI(t, "audit", "--resume", "-o", out, manifest)
	if code != exitNonConformant || !strings.Contains(stderr, "1 datasets checked, 1 reused") {
		t.Errorf("resumed: exit %d, %q; want the table checked again and the file reused", code, stderr)
	}
}

// A table with a primary key measured in 1, 2 or 3 ranges of its key by profile --part, on a
// real PostgreSQL and a real MariaDB, and merged by check --profiles, is judged exactly as one
// check of the table: the same dataset, profile, findings (their sampled rows too), scores and
// verdict. A table without a key is refused in parts, naming why.
func TestTablePartsMergeIntoOneCheck(t *testing.T) {
	const file = "../../examples/dibao/hongshan_dibao_2025.csv"
	for _, tc := range []struct {
		dialect string
		load    func(t *testing.T) (keyed, unkeyed string)
	}{
		{"postgresql", func(t *testing.T) (string, string) {
			base := pgtest.Start(t)
			loadCSV(t, base, "public.keyed", file, "line")
			loadCSV(t, base, "public.unkeyed", file, "")
			return base + "&table=public.keyed", base + "&table=public.unkeyed"
		}},
		{"mariadb", func(t *testing.T) (string, string) {
			base, db := mysqltest.Start(t)
			loadCSVIntoMariaDB(t, db, "dgtest.keyed", file, "line")
			loadCSVIntoMariaDB(t, db, "dgtest.unkeyed", file, "")
			return base + "&table=keyed", base + "&table=unkeyed"
		}},
	} {
		t.Run(tc.dialect, func(t *testing.T) {
			keyed, unkeyed := tc.load(t)
			whole, code := checkReport(t, "-m", exampleMeta, keyed)
			if code != exitNonConformant || whole.Dataset.Rows != 2000 {
				t.Fatalf("one check: exit %d, %d rows", code, whole.Dataset.Rows)
			}
			for n := 1; n <= 3; n++ {
				glob := measureParts(t, t.TempDir(), keyed, n, "-m", exampleMeta)
				for i := 1; i <= n; i++ {
					p, err := dgcheck.ReadPartialProfile(strings.Replace(glob, "*", fmt.Sprint(i), 1))
					if err != nil {
						t.Fatal(err)
					}
					if want := int64(2000*i/n - 2000*(i-1)/n); p.Rows != want || p.Dataset.Rows != 2000 {
						t.Fatalf("part %d of %d: %d of %d rows; want %d of 2000", i, n, p.Rows, p.Dataset.Rows, want)
					}
				}
				merged, code := checkReport(t, "--profiles", glob, "-m", exampleMeta, keyed)
				if code != exitNonConformant {
					t.Fatalf("check --profiles of %d parts: exit %d", n, code)
				}
				sameJudgement(t, fmt.Sprintf("%s, %d parts", tc.dialect, n), merged, whole)
			}
			_, stderr, code := runCLI(t, "profile", "-q", "--part", "1/2", "-o", filepath.Join(t.TempDir(), "p.json"), unkeyed)
			if code != exitUsageOrInput || !strings.Contains(stderr, "ranges of its primary key, and it has none") {
				t.Errorf("profile --part 1/2 of a table without a key: exit %d, %q", code, stderr)
			}
		})
	}
}
