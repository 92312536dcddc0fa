// Command dgbench measures dgcheck against DuckDB on the same files, in one run, on this
// machine, and prints the ratios and peak memory:
//
//	go run ./cmd/dgbench                       # 10M rows: CSV and Parquet, with and without metadata
//	go run ./cmd/dgbench -rows 1000000
//	go run ./cmd/dgbench -scale 1000000,10000000,50000000   # dgcheck alone, at each size
//
// It generates the minimum-living-allowance roll with the project's generator (internal/synth,
// as dgsynth does), has DuckDB (npm @duckdb/node-api, pinned by bench/duckdb/package-lock.json,
// installed with npm ci when missing) write its Parquet twin, builds dgcheck, and then runs,
// one after another, DuckDB's three queries (bench/duckdb/queries.mjs) and `dgcheck check`
// over each file, without metadata and with the example sidecar, which declares a primary key,
// a unique column, quasi-identifiers and row-level checks. Times are wall-clock; peak RSS is
// the kernel's high-water mark of each process. Shared machines are noisy: compare the ratios
// of one run, not figures across runs.
//
// Exit status: 0 measured, 1 a step failed, 2 bad flags.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dgcheck/dgcheck/internal/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// The example sidecar is the metadata of the runs "with metadata": it declares household_id
// the primary key and unique, sex, birth_date, street and community quasi-identifiers, and
// consistency, temporal and entity checks.
const sidecar = "examples/dibao/hongshan_dibao_2025.meta.yaml"

const duckdbDir = "bench/duckdb"

type bench struct {
	dir     string // the generated files, dgcheck's binary and its reports
	dgcheck string
	stderr  io.Writer
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dgbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rows := fs.Int("rows", 10_000_000, "rows of the generated roll")
	scale := fs.String("scale", "", "comma-separated row counts: time dgcheck alone (CSV and Parquet, with metadata) at each size, to see how time and memory grow")
	dir := fs.String("dir", "", "folder for the generated files (default: a temporary folder, removed afterwards)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	sizes := []int{*rows}
	if *scale != "" {
		sizes = sizes[:0]
		for _, s := range strings.Split(*scale, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 2 {
				fmt.Fprintf(stderr, "dgbench: -scale %q: %q is not a row count of at least 2\n", *scale, s)
				return 2
			}
			sizes = append(sizes, n)
		}
	}
	if _, err := os.Stat(sidecar); err != nil {
		fmt.Fprintf(stderr, "dgbench: run it from the repository's root (%v)\n", err)
		return 2
	}
	b := &bench{dir: *dir, stderr: stderr}
	if b.dir == "" {
		tmp, err := os.MkdirTemp("", "dgbench-")
		if err != nil {
			fmt.Fprintf(stderr, "dgbench: %v\n", err)
			return 1
		}
		defer os.RemoveAll(tmp)
		b.dir = tmp
	} else if err := os.MkdirAll(b.dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "dgbench: %v\n", err)
		return 1
	}
	var err error
	if *scale != "" {
		err = b.scaling(stdout, sizes)
	} else {
		err = b.versus(stdout, *rows)
	}
	if err != nil {
		fmt.Fprintf(stderr, "dgbench: %v\n", err)
		return 1
	}
	return 0
}

// prepare installs DuckDB and builds dgcheck once.
func (b *bench) prepare() error {
	if _, err := os.Stat(filepath.Join(duckdbDir, "node_modules", "@duckdb", "node-api")); err != nil {
		b.logf("installing DuckDB from npm (npm ci in %s)", duckdbDir)
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
		cmd.Dir, cmd.Stdout, cmd.Stderr = duckdbDir, b.stderr, b.stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm ci in %s: %w", duckdbDir, err)
		}
	}
	b.dgcheck = filepath.Join(b.dir, "dgcheck")
	b.logf("building dgcheck")
	cmd := exec.Command("go", "build", "-o", b.dgcheck, "./cmd/dgcheck")
	cmd.Stdout, cmd.Stderr = b.stderr, b.stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build ./cmd/dgcheck: %w", err)
	}
	return nil
}

// generate writes the roll of n rows as CSV and has DuckDB write its Parquet twin.
func (b *bench) generate(n int) (csvPath, parquetPath string, err error) {
	csvPath = filepath.Join(b.dir, fmt.Sprintf("roll-%d.csv", n))
	parquetPath = strings.TrimSuffix(csvPath, ".csv") + ".parquet"
	b.logf("generating %d rows: %s", n, csvPath)
	f, err := os.Create(csvPath)
	if err != nil {
		return "", "", err
	}
	_, err = synth.WriteCSV(f, synth.Defective(n, 1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", "", fmt.Errorf("writing %s: %w", csvPath, err)
	}
	b.logf("DuckDB writes the Parquet twin: %s", parquetPath)
	if _, err := b.measure("node", filepath.Join(duckdbDir, "queries.mjs"), "parquet", csvPath, parquetPath); err != nil {
		return "", "", err
	}
	return csvPath, parquetPath, nil
}

// measurement is one process's wall time and peak resident set.
type measurement struct {
	wall   time.Duration
	rssMiB float64
	cpu    time.Duration // user + system
	stdout []byte
}

func (b *bench) measure(name string, args ...string) (measurement, error) {
	cmd := exec.Command(name, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	m := measurement{wall: time.Since(start), stdout: out.Bytes()}
	if ps := cmd.ProcessState; ps != nil {
		m.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			m.rssMiB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
		}
	}
	// dgcheck exits 1 for a dataset that does not conform: a measured run, not a failure.
	var exit *exec.ExitError
	if errors.As(err, &exit) && filepath.Base(name) == "dgcheck" && exit.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		return m, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, lastLines(errOut.String(), 5))
	}
	return m, nil
}

// check runs dgcheck over path, with the example sidecar when withMetadata, writing its JSON
// report beside the data.
func (b *bench) check(path string, withMetadata bool) (measurement, error) {
	args := []string{"check", "-q", "-o", path + ".report.json"}
	if withMetadata {
		args = append(args, "-m", sidecar)
	}
	return b.measure(b.dgcheck, append(args, path)...)
}

// duckdb times the three queries over path: the queries' own time, which leaves out Node's
// start-up, and the process's peak memory.
func (b *bench) duckdb(path string) (measurement, string, error) {
	m, err := b.measure("node", filepath.Join(duckdbDir, "queries.mjs"), "time", path)
	if err != nil {
		return m, "", err
	}
	var res struct {
		Version string  `json:"version"`
		Total   float64 `json:"total"`
	}
	if err := json.Unmarshal(m.stdout, &res); err != nil {
		return m, "", fmt.Errorf("queries.mjs printed %q: %w", m.stdout, err)
	}
	m.wall = time.Duration(res.Total * float64(time.Second))
	return m, res.Version, nil
}

func (b *bench) versus(stdout io.Writer, rows int) error {
	if err := b.prepare(); err != nil {
		return err
	}
	csvPath, parquetPath, err := b.generate(rows)
	if err != nil {
		return err
	}
	type line struct {
		label            string
		duck, plain, key measurement
	}
	var lines []line
	var version string
	for _, f := range []struct{ label, path string }{{"CSV", csvPath}, {"Parquet", parquetPath}} {
		l := line{label: f.label}
		b.logf("%s: DuckDB", f.label)
		if l.duck, version, err = b.duckdb(f.path); err != nil {
			return err
		}
		b.logf("%s: dgcheck", f.label)
		if l.plain, err = b.check(f.path, false); err != nil {
			return err
		}
		b.logf("%s: dgcheck with metadata", f.label)
		if l.key, err = b.check(f.path, true); err != nil {
			return err
		}
		lines = append(lines, l)
	}
	csvInfo, _ := os.Stat(csvPath)
	parquetInfo, _ := os.Stat(parquetPath)
	fmt.Fprintf(stdout, "dgbench: %d rows (CSV %s, Parquet %s written by DuckDB %s); %d CPUs, %s/%s\n\n",
		rows, mib(csvInfo), mib(parquetInfo), version, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintln(stdout, "| file | DuckDB, 3 queries | dgcheck | ratio | dgcheck peak RSS | dgcheck CPU/wall |")
	fmt.Fprintln(stdout, "| --- | --- | --- | --- | --- | --- |")
	for _, l := range lines {
		row := func(label string, m measurement) {
			fmt.Fprintf(stdout, "| %s | %.2f s | %.2f s | %.2f | %.0f MiB | %.2f |\n", label, seconds(l.duck), seconds(m),
				seconds(m)/seconds(l.duck), m.rssMiB, m.cpu.Seconds()/seconds(m))
		}
		row(l.label, l.plain)
		row(l.label+", metadata with keys and quasi-identifiers", l.key)
	}
	fmt.Fprintf(stdout, "\nDuckDB's own peak RSS: CSV %.0f MiB, Parquet %.0f MiB\n", lines[0].duck.rssMiB, lines[1].duck.rssMiB)
	return nil
}

// scaling times dgcheck with metadata at each size: time should grow with rows, memory not.
func (b *bench) scaling(stdout io.Writer, sizes []int) error {
	if err := b.prepare(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dgbench: dgcheck with metadata (keys, quasi-identifiers); %d CPUs, %s/%s\n\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintln(stdout, "| rows | file | dgcheck | µs a row | peak RSS | CPU/wall |")
	fmt.Fprintln(stdout, "| --- | --- | --- | --- | --- | --- |")
	for _, n := range sizes {
		csvPath, parquetPath, err := b.generate(n)
		if err != nil {
			return err
		}
		for _, f := range []struct{ label, path string }{{"CSV", csvPath}, {"Parquet", parquetPath}} {
			b.logf("%d rows, %s: dgcheck with metadata", n, f.label)
			m, err := b.check(f.path, true)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "| %d | %s | %.2f s | %.3f | %.0f MiB | %.2f |\n", n, f.label, seconds(m),
				seconds(m)*1e6/float64(n), m.rssMiB, m.cpu.Seconds()/seconds(m))
		}
		// The next size needs the disk more than these files do.
		os.Remove(csvPath)
		os.Remove(parquetPath)
	}
	return nil
}

func (b *bench) logf(format string, a ...any) {
	fmt.Fprintf(b.stderr, "dgbench: "+format+"\n", a...)
}

func seconds(m measurement) float64 { return m.wall.Seconds() }

func mib(fi os.FileInfo) string {
	if fi == nil {
		return "?"
	}
	return fmt.Sprintf("%.0f MiB", float64(fi.Size())/(1<<20))
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
