package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/reports"
	"github.com/dgcheck/dgcheck/rules"
)

func checkCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check one dataset (CSV or Parquet) and its metadata",
		ArgsUsage: "PATH",
		Description: "PATH is a CSV or Parquet file, a folder of Parquet files (Hive partitions become columns),\n" +
			"a table (postgres://…?table=schema.name, mysql://…?table=name), or Parquet objects in\n" +
			"S3-compatible storage (s3://bucket/prefix/; endpoint, region and credentials from the AWS\n" +
			"environment variables, or ?endpoint=URL&region=NAME).\n\n" +
			"Reads PATH once, measures every column (nulls, distinct values, types, identifiers such as\n" +
			"resident ID numbers and mobile numbers) and judges the measurements and the metadata with\n" +
			"the built-in rule packs and any --rules. Metadata is taken from --metadata, else from\n" +
			"<name>.meta.yaml|.meta.yml|.meta.json or datapackage.json beside PATH. A dgcheck.yaml in the\n" +
			"working directory (or --config) selects the rules, their severities and thresholds, what\n" +
			"fails the run, and waivers; flags override it.\n\n" +
			"Examples:\n" +
			"   dgcheck check examples/dibao/hongshan_dibao_2025.csv\n" +
			"   dgcheck check --format json -o report.json data.parquet\n" +
			"   dgcheck check --metadata meta.yaml --fail-on warning --encoding gb18030 export.csv\n" +
			"   dgcheck check --rules ./policies data.csv\n" +
			"   dgcheck check --profile public-release -o report.html --lang zh data.csv\n" +
			"   dgcheck check --config ci/dgcheck.yaml -o results.sarif data.parquet\n" +
			"   AWS_ENDPOINT_URL_S3=http://minio:9000 dgcheck check -m roll.meta.yaml s3://open-data/roll/",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "metadata", Aliases: []string{"m"}, Usage: "metadata `FILE` (sidecar YAML/JSON or datapackage.json)"},
			&cli.StringSliceFlag{Name: "rules", Aliases: []string{"r"}, Usage: "extra rule pack `DIR` (repeatable)"},
			formatFlag(),
			&cli.StringSliceFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output; repeat for several formats from one scan (-o results.sarif -o summary.md)"},
			failOnFlag("dgcheck.yaml's fail_on, else error"),
			&cli.StringFlag{Name: "encoding", Usage: encodingUsage},
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "gate configuration `FILE` (default: " + rules.ConfigFile + " in the working directory, if there is one)"},
			profileFlag("run the rules of conformance profile `NAME` (see dgcheck rules list --profile NAME; default: dgcheck.yaml's, else every rule)"),
			langFlag("the reports (the HTML report's words; findings' messages in the HTML, text and Markdown reports)"),
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress line, and no report on standard output (-o still writes one): the exit code is the answer"},
			&cli.StringFlag{Name: "input-format", Validator: oneOf("format", []string{"csv", "parquet"}),
				Usage: "format of the dataset read from standard input (PATH -): csv or parquet (default: sniffed, Parquet by its PAR1 magic)"},
			packTimeoutFlag(), packMemoryFlag(),
			&cli.StringFlag{Name: "read-within", Usage: "folder `DIR` that the files the metadata names (foreign keys' datasets, a data dictionary) must lie in to be read; one outside is a finding, not read (default: the dataset's folder; for standard input, the metadata's)"},
			&cli.BoolFlag{Name: "allow-outside", Usage: "read the files the metadata names wherever they are"},
			&cli.StringFlag{Name: "attest", Usage: attestUsage},
			&cli.StringFlag{Name: "attestation", Usage: "with --attest: write the attestation to `FILE` (default: beside the first -o report, as NAME.attestation.json; else DATASET.attestation.json)"},
			&cli.StringSliceFlag{Name: "profiles", Usage: "judge the partial profiles `GLOB` of every part of PATH (dgcheck profile --part; repeatable; quote the glob) instead of reading its rows"},
			&cli.BoolFlag{Name: "no-detectors", Hidden: true, Usage: "scan without identifier detection (to measure its cost): personal-information rules see no evidence"},
		},
		Action: func(ctx context.Context, c *cli.Command) error {
			if c.NArg() != 1 {
				return fmt.Errorf("check takes one PATH, got %d arguments (see dgcheck check --help)", c.NArg())
			}
			opts, err := checkOptionsFrom(c)
			if err != nil {
				return err
			}
			path := c.Args().First()
			if path == "-" {
				spooled, cleanup, err := spoolStdin(env.stdin, opts.inputFormat)
				if err != nil {
					return err
				}
				defer cleanup()
				path, opts.stdin = spooled, true
			}
			return runCheck(ctx, env, path, opts)
		},
	}
}

type checkOptions struct {
	metadata string
	rules    []string
	format   string           // --format: of standard output, or of the one -o FILE
	outputs  []string         // -o FILEs; none writes to standard output
	failOn   reports.Severity // "" leaves it to the configuration
	encoding string
	config   string
	profile  string
	lang     string
	quiet    bool
	// inputFormat is --input-format: csv or parquet for the dataset read from stdin.
	inputFormat string
	stdin       bool         // the dataset is standard input, spooled to a temporary file
	limits      rules.Limits // --pack-timeout, --pack-memory
	// noDetectors: --no-detectors, a hidden flag for measuring what detection costs.
	noDetectors bool
	// readWithin and allowOutside: --read-within and --allow-outside (within).
	readWithin   string
	allowOutside bool
	// profiles are the partial profiles --profiles' globs match.
	profiles []string
	// attest is --attest's private key, attestation --attestation's file.
	attest, attestation string
}

// checkOptionsFrom validates enumerated flags before any file is opened, so that a typo
// fails fast with the allowed values.
func checkOptionsFrom(c *cli.Command) (checkOptions, error) {
	o := checkOptions{metadata: c.String("metadata"), rules: c.StringSlice("rules"),
		format: c.String("format"), outputs: c.StringSlice("output"), encoding: c.String("encoding"),
		config: c.String("config"), profile: c.String("profile"), lang: c.String("lang"), quiet: c.Bool("quiet"),
		noDetectors: c.Bool("no-detectors"), inputFormat: c.String("input-format"),
		readWithin: c.String("read-within"), allowOutside: c.Bool("allow-outside"),
		attest: c.String("attest"), attestation: c.String("attestation")}
	o.failOn = failOn(c)
	var err error
	if o.limits, err = packLimitsFrom(c); err != nil {
		return o, err
	}
	for _, pattern := range c.StringSlice("profiles") {
		matches, err := filepath.Glob(pattern)
		if err != nil || len(matches) == 0 {
			return o, fmt.Errorf("--profiles %s: no file matches", pattern)
		}
		o.profiles = append(o.profiles, matches...)
	}
	for _, path := range o.outputs {
		if o.format == "" && reports.FormatForPath(path) == "" {
			return o, fmt.Errorf("-o %s: its extension names no report format (known: %s; or give --format)", path, outputExtensions)
		}
	}
	for _, path := range append([]string{""}, o.outputs...) {
		if format := o.formatFor(path); !slices.Contains(reports.Formats, format) {
			return o, fmt.Errorf("--format: unknown format %q (want one of %s)", format, strings.Join(reports.Formats, ", "))
		}
	}
	return o, nil
}

// outputExtensions are the file extensions that name a report format (reports.FormatForPath).
var outputExtensions = reports.OutputExtensions()

// within is the folder the files the metadata names must lie in (dgcheck.Request.Within):
// --read-within, else the dataset's folder, or for standard input (spooled to a temporary
// folder) and a source named by URL (in no folder) the metadata's, else the working directory;
// "" with --allow-outside.
func (o checkOptions) within(path string) string {
	switch {
	case o.allowOutside:
		return ""
	case o.readWithin != "":
		return o.readWithin
	case (o.stdin || datasets.IsURL(path)) && o.metadata != "":
		return filepath.Dir(o.metadata)
	case datasets.IsURL(path):
		return "."
	}
	return filepath.Dir(path)
}

// formatFor is the format of one output ("" is standard output): --format for standard
// output or a single -o, else what the file's extension implies, else --format, else text.
func (o checkOptions) formatFor(path string) string {
	if path == "" || (o.format != "" && len(o.outputs) == 1) {
		return cmp.Or(o.format, "text")
	}
	return cmp.Or(reports.FormatForPath(path), o.format, "text")
}

func runCheck(ctx context.Context, env *environment, path string, o checkOptions) error {
	started := env.now()
	cfg, err := gateConfig(o.config, o.profile)
	if err != nil {
		return err
	}
	// The key is read first: a key that cannot sign should not cost a scan.
	signer, err := attestSigner(o.attest)
	if err != nil {
		return err
	}
	req := dgcheck.Request{Path: path, Metadata: o.metadata, Encoding: o.encoding, FailOn: o.failOn,
		SkipDetection: o.noDetectors, Within: o.within(path), Profiles: o.profiles}
	if !o.quiet {
		req.Progress = progressLine(env.stderr, env.now, started)
	}
	checker, report, err := loadAndCheck(ctx, req, dgcheck.WithRules(o.rules...), dgcheck.WithConfig(cfg),
		dgcheck.WithVersion(env.version), dgcheck.WithClock(func() time.Time { return started }),
		dgcheck.WithHost(env.host), dgcheck.WithPackLimits(o.limits))
	finishProgress(env.stderr)
	if err != nil {
		return err
	}
	if o.stdin {
		// Reports name what the user gave, not the temporary copy.
		report.Dataset.Path, report.Dataset.Name = "-", "stdin"
	}
	if len(o.outputs) == 0 && !o.quiet {
		if err := writeReport(env.stdout, o, "", report); err != nil {
			return err
		}
	}
	for _, path := range o.outputs {
		if err := writeReport(env.stdout, o, path, report); err != nil {
			return err
		}
	}
	if signer != nil {
		configDigest, err := configDigestOf(cfg)
		if err != nil {
			return err
		}
		out, err := attestCheck(ctx, signer, o, path, report, checker.RulesDigest(), configDigest)
		if err != nil {
			return fmt.Errorf("--attest: %w", err)
		}
		if !o.quiet {
			id, _ := signer.KeyID()
			fmt.Fprintf(env.stderr, "attested: %s (signed by %s key %s)\n", out, signer.Algorithm(), id)
		}
	}
	if len(o.outputs) > 0 && !o.quiet {
		// The reports went to files: the person at the terminal still learns the outcome.
		fmt.Fprintln(env.stderr, reports.VerdictLine(report))
	}
	return verdictError(report.Verdict)
}

// loadAndCheck checks one dataset with a Checker made of opts. The rules are compiled while
// the data is read (dgcheck.Measure), on the core the scan leaves free at its start: a third
// of a second, most of a small file's check. A rule that does not compile stops the scan and
// is the error, as it was when the rules came first; partial profiles, whose rules digest is
// checked as they are merged, wait for the rules.
func loadAndCheck(ctx context.Context, req dgcheck.Request, opts ...dgcheck.Option) (*dgcheck.Checker, *reports.Report, error) {
	type loaded struct {
		checker *dgcheck.Checker
		err     error
	}
	rules := make(chan loaded, 1)
	go func() {
		c, err := dgcheck.NewChecker(ctx, opts...)
		rules <- loaded{c, err}
	}()
	if len(req.Profiles) > 0 {
		l := <-rules
		if l.err != nil {
			return nil, nil, l.err
		}
		report, err := l.checker.Check(ctx, req)
		return l.checker, report, err
	}
	scanCtx, stop := context.WithCancel(ctx)
	defer stop()
	type measured struct {
		m   *dgcheck.Measured
		err error
	}
	data := make(chan measured, 1)
	go func() {
		m, err := dgcheck.Measure(scanCtx, req)
		data <- measured{m, err}
	}()
	var l loaded
	var d measured
	select {
	case l = <-rules:
		if l.err != nil {
			stop()
			<-data // the scan has let go of the files
			return nil, nil, l.err
		}
		d = <-data
	case d = <-data:
		l = <-rules // broken rules are the error even when the data is broken too
		if l.err != nil {
			return nil, nil, l.err
		}
	}
	if d.err != nil {
		return nil, nil, d.err
	}
	report, err := l.checker.Judge(ctx, d.m)
	return l.checker, report, err
}

// verdictError is the error that ends a run with the verdict v: none for a conformant
// dataset, errNonConformant for findings that fail it, and an incomplete check, in which a
// rule could not be judged, as a tool failure (exit 2) after its report is written.
func verdictError(v reports.Verdict) error {
	switch {
	case v.Incomplete:
		return fmt.Errorf("the check is incomplete: %d of its rules could not be judged (the report lists them under \"not judged\"; the findings of the others are in it)", v.NotJudged)
	case !v.Conformant:
		return errNonConformant
	}
	return nil
}

// writeReport writes the report to a file, or to standard output when path is "".
func writeReport(stdout io.Writer, o checkOptions, path string, report *reports.Report) error {
	// Colour only for a person at a terminal who has not asked for none (no-color.org).
	// TERM=dumb is a terminal that takes no escape sequences (Emacs shells, some CI logs).
	_, noColour := os.LookupEnv("NO_COLOR")
	colour := path == "" && isTerminal(stdout) && !noColour && os.Getenv("TERM") != "dumb"
	w, err := reports.WriterFor(o.formatFor(path), reports.WithLang(o.lang), reports.WithColour(colour))
	if err != nil {
		return err
	}
	if path == "" {
		return w.Write(stdout, report)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := w.Write(f, report); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}

// The limits of a user rule pack (rules.Limits), for check and audit. Each command gets flags
// of its own: a cli/v3 flag keeps the value it parsed, so one shared by two commands, or by
// two runs of the command tree in a test, would carry a value over.
func packTimeoutFlag() *cli.DurationFlag {
	return &cli.DurationFlag{Name: packTimeout, Value: rules.DefaultPackLimits.Time,
		Usage: "the longest a user rule pack (--rules) may take to judge one dataset; past it, its rules are not judged and the check is incomplete (exit 2)"}
}

func packMemoryFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: packMemory, Value: humanize.IBytes(rules.DefaultPackLimits.Memory),
		Usage: "how far the heap may grow while a user rule pack judges one dataset (e.g. 512MiB, 2GiB); past it, as past --pack-timeout"}
}

const (
	packTimeout = "pack-timeout"
	packMemory  = "pack-memory"
)

// packLimitsFrom reads --pack-timeout and --pack-memory.
func packLimitsFrom(c *cli.Command) (rules.Limits, error) {
	l := rules.Limits{Time: c.Duration(packTimeout)}
	if l.Time <= 0 {
		return l, fmt.Errorf("--pack-timeout: %s is not a positive duration", l.Time)
	}
	var err error
	if l.Memory, err = humanize.ParseBytes(c.String(packMemory)); err != nil || l.Memory == 0 {
		return l, fmt.Errorf("--pack-memory: %q is not a size such as 512MiB or 2GiB", c.String(packMemory))
	}
	return l, nil
}

// encodingUsage is --encoding's help wherever a command reads a CSV: the names the reader
// accepts (datasets.WithEncoding).
const encodingUsage = "CSV encoding instead of sniffing it: utf-8, utf-8-bom, gb18030 (also gbk, gb2312), utf-16le, utf-16be, big5, latin1 (iso-8859-1), windows-1252"

// spoolStdin copies the dataset read from standard input to a temporary file, since both
// readers need a file (Parquet reads its footer first; CSV sniffing rereads its first block).
// Its format is --input-format, else Parquet when it starts with Parquet's PAR1 magic, else
// CSV. cleanup removes the copy.
func spoolStdin(in io.Reader, format string) (path string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", "dgcheck-stdin-")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(dir) }
	var head [4]byte
	n, err := io.ReadFull(in, head[:])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		cleanup()
		return "", nil, fmt.Errorf("reading standard input: %w", err)
	}
	if format == "" {
		format = "csv"
		if string(head[:n]) == "PAR1" {
			format = "parquet"
		}
	}
	path = filepath.Join(dir, "stdin."+format)
	f, err := os.Create(path)
	if err == nil {
		_, err = io.Copy(f, io.MultiReader(bytes.NewReader(head[:n]), in))
		err = errors.Join(err, f.Close())
	}
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("reading standard input: %w", err)
	}
	return path, cleanup, nil
}
