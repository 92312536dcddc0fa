package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/reports"
)

func checkCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check one dataset (CSV or Parquet) and its metadata",
		ArgsUsage: "PATH",
		Description: "Reads PATH once, measures every column (nulls, distinct values, types, identifiers such as\n" +
			"resident ID numbers and mobile numbers) and judges the measurements and the metadata with\n" +
			"the built-in rule packs and any --rules. Metadata is taken from --metadata, else from\n" +
			"<name>.meta.yaml|.meta.yml|.meta.json or datapackage.json beside PATH.\n\n" +
			"Examples:\n" +
			"   dgcheck check examples/dibao/hongshan_dibao_2025.csv\n" +
			"   dgcheck check --format json -o report.json data.parquet\n" +
			"   dgcheck check --metadata meta.yaml --fail-on warning --encoding gb18030 export.csv\n" +
			"   dgcheck check --rules ./policies data.csv",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "metadata", Aliases: []string{"m"}, Usage: "metadata `FILE` (sidecar YAML/JSON or datapackage.json)"},
			&cli.StringSliceFlag{Name: "rules", Aliases: []string{"r"}, Usage: "extra rule pack `DIR` (repeatable)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "report format: " + strings.Join(reports.Formats, ", ") + " (default: from -o's extension, else text)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "lowest severity that makes the dataset not conform: error, warning or info"},
			&cli.StringFlag{Name: "encoding", Usage: "CSV encoding instead of sniffing it: utf-8, utf-8-bom, gb18030 (gbk)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("check takes one PATH, got %d arguments (see dgcheck check --help)", c.NArg())
			}
			opts, err := checkOptionsFrom(c)
			if err != nil {
				return err
			}
			return runCheck(c.Context, env, c.Args().First(), opts)
		},
	}
}

type checkOptions struct {
	metadata string
	rules    []string
	format   string
	output   string
	failOn   reports.Severity
	encoding string
}

// checkOptionsFrom validates enumerated flags before any file is opened, so that a typo
// fails fast with the allowed values.
func checkOptionsFrom(c *cli.Context) (checkOptions, error) {
	o := checkOptions{metadata: c.String("metadata"), rules: c.StringSlice("rules"),
		format: c.String("format"), output: c.String("output"), encoding: c.String("encoding")}
	var err error
	if o.failOn, err = reports.ParseSeverity(c.String("fail-on")); err != nil {
		return o, fmt.Errorf("--fail-on: %w", err)
	}
	if o.format == "" {
		o.format = reports.FormatForPath(o.output)
	}
	if o.format == "" {
		o.format = "text"
	}
	if !slices.Contains(reports.Formats, o.format) {
		return o, fmt.Errorf("--format: unknown format %q (want one of %s)", o.format, strings.Join(reports.Formats, ", "))
	}
	return o, nil
}

func runCheck(ctx context.Context, env *environment, path string, o checkOptions) error {
	started := env.now()
	checker, err := dgcheck.NewChecker(ctx, dgcheck.WithRules(o.rules...),
		dgcheck.WithVersion(env.version), dgcheck.WithClock(func() time.Time { return started }))
	if err != nil {
		return err
	}
	report, err := checker.Check(ctx, dgcheck.Request{Path: path, Metadata: o.metadata,
		Encoding: o.encoding, FailOn: o.failOn, Progress: progressLine(env.stderr, env.now, started)})
	finishProgress(env.stderr)
	if err != nil {
		return err
	}
	if err := writeReport(env.stdout, o, report); err != nil {
		return err
	}
	if !report.Verdict.Conformant {
		return errNonConformant
	}
	return nil
}

func writeReport(stdout io.Writer, o checkOptions, report *reports.Report) error {
	w, err := reports.WriterFor(o.format)
	if err != nil {
		return err
	}
	if o.output == "" {
		return w.Write(stdout, report)
	}
	f, err := os.Create(o.output)
	if err != nil {
		return err
	}
	if err := w.Write(f, report); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", o.output, err)
	}
	return f.Close()
}
