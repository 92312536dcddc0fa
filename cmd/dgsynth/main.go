// Command dgsynth writes a synthetic minimum-living-allowance roll of Hongshan District (see
// package internal/synth) of any size, as CSV or Parquet:
//
//	dgsynth -rows 10000000 -seed 1 -o /tmp/big.csv
//	dgsynth -rows 2000 -seed 2025 -clean -o roll.parquet
//	dgsynth -catalogue 200 -o /tmp/catalogue     # 200 small rolls with sidecars, a few damaged
//
// The format follows the -o extension (.csv or .parquet); without -o the CSV goes to stdout.
// The counts of injected defects are printed on stderr as one line of JSON. Exit status: 0
// done, 1 the output could not be written, 2 bad flags.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dgcheck/dgcheck/internal/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	exitOK    = 0
	exitWrite = 1
	exitUsage = 2
)

// writers are the output formats, by file extension.
var writers = map[string]func(io.Writer, synth.Config) (synth.Stats, error){
	".csv":     synth.WriteCSV,
	".parquet": synth.WriteParquet,
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dgsynth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dgsynth [-rows N] [-seed S] [-clean] [-o FILE.csv|FILE.parquet]")
		fmt.Fprintln(stderr, "       dgsynth -catalogue N [-seed S] [-sidecars DIR] -o DIR")
		fs.PrintDefaults()
	}
	rows := fs.Int("rows", 2000, "number of rows")
	seed := fs.Int64("seed", 2025, "random seed; the same flags give byte-identical output")
	out := fs.String("o", "", "output file, .csv or .parquet (default: CSV on stdout)")
	clean := fs.Bool("clean", false, "the masked, defect-free release form instead of the raw roll with defects")
	catalogue := fs.Int("catalogue", 0, "write a catalogue of this many small rolls with sidecars into the -o directory (synth.Catalogue)")
	sidecars := fs.String("sidecars", "examples/dibao", "with -catalogue: the folder of the example sidecars the rolls' sidecars are made from")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "dgsynth: "+format+"\n", a...)
		fs.Usage()
		return exitUsage
	}
	if fs.NArg() > 0 {
		return usage("unexpected argument %q", fs.Arg(0))
	}
	if *catalogue != 0 {
		return writeCatalogue(*catalogue, *seed, *sidecars, *out, stderr, usage)
	}
	write := synth.WriteCSV
	if *out != "" {
		ext := strings.ToLower(filepath.Ext(*out))
		if write = writers[ext]; write == nil {
			return usage("-o %s: the extension must be .csv or .parquet", *out)
		}
	}
	cfg := synth.Defective(*rows, *seed)
	if *clean {
		cfg = synth.Clean(*rows, *seed)
	}
	if err := cfg.Validate(); err != nil {
		return usage("%v", err)
	}

	stats, err := generate(write, cfg, *out, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "dgsynth: %v\n", err)
		return exitWrite
	}
	if err := json.NewEncoder(stderr).Encode(stats); err != nil {
		return exitWrite
	}
	return exitOK
}

// generate writes the roll to the named file, or to stdout when there is none. A file left
// half-written by a failure is removed, so no truncated roll passes for a whole one.
func generate(write func(io.Writer, synth.Config) (synth.Stats, error), cfg synth.Config, path string, stdout io.Writer) (synth.Stats, error) {
	if path == "" {
		return write(stdout, cfg)
	}
	f, err := os.Create(path)
	if err != nil {
		return synth.Stats{}, err
	}
	stats, err := write(f, cfg)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return synth.Stats{}, fmt.Errorf("writing %s: %w", path, err)
	}
	return stats, nil
}

// writeCatalogue writes a catalogue for audits (synth.WriteCatalogue) and prints its damaged
// datasets on stderr as one line of JSON.
func writeCatalogue(n int, seed int64, sidecars, out string, stderr io.Writer, usage func(string, ...any) int) int {
	if out == "" {
		return usage("-catalogue needs -o DIR")
	}
	c := synth.CatalogueConfig{Datasets: n, Seed: seed}
	if _, err := synth.Catalogue(c); err != nil {
		return usage("%v", err)
	}
	if err := c.ReadSidecars(sidecars); err != nil {
		return usage("-sidecars: %v", err)
	}
	sets, err := synth.WriteCatalogue(out, c)
	if err != nil {
		fmt.Fprintf(stderr, "dgsynth: %v\n", err)
		return exitWrite
	}
	damaged := map[string]string{}
	for _, d := range sets {
		if d.Damage != "" {
			damaged[d.Path] = d.Damage
		}
	}
	if err := json.NewEncoder(stderr).Encode(map[string]any{"datasets": len(sets), "damaged": damaged}); err != nil {
		return exitWrite
	}
	return exitOK
}
