package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck"
)

func profileCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "profile",
		Usage:     "measure one part of a Parquet dataset or a table into a partial profile, for check --profiles",
		ArgsUsage: "PATH",
		Description: "Measures part I of N of PATH, a Parquet file, folder or s3:// prefix, whose row groups the\n" +
			"N parts share, or a table (postgres://, mysql://) with a primary key, which the N parts read\n" +
			"in N ranges of the key's order, and writes what it measured as a partial profile. Run the N\n" +
			"parts wherever your scheduler runs work (a Kubernetes Indexed Job, a CI matrix: see\n" +
			"examples/parts), then judge them once with dgcheck check --profiles 'part-*.profile.json' PATH,\n" +
			"which gives the findings one check of the whole gives.\n\n" +
			"Every part and the check must use the same dgcheck, --rules, --metadata and PATH (the same\n" +
			"dataset; its path may differ between machines); a partial profile of another is refused with\n" +
			"the reason. A partial profile holds values in clear, as the data does (they are masked when the\n" +
			"whole is judged): keep it where the data may be kept. Its format is docs/partial-profile.schema.json.\n\n" +
			"Examples:\n" +
			"   dgcheck profile --part 1/3 -m roll.meta.yaml -o part-1.profile.json roll/\n" +
			"   dgcheck check --profiles 'part-*.profile.json' -m roll.meta.yaml -o report.html roll/",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "part", Required: true, Usage: "measure part `I/N`: the I-th (from 1) of N parts",
				Validator: func(s string) error { _, _, err := parsePart(s); return err }},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the partial profile to `FILE` (default: standard output)"},
			&cli.StringFlag{Name: "metadata", Aliases: []string{"m"}, Usage: "metadata `FILE` (sidecar YAML/JSON or datapackage.json), as check takes it"},
			&cli.StringSliceFlag{Name: "rules", Aliases: []string{"r"}, Usage: "extra rule pack `DIR` (repeatable), as the check will take them"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress line"},
			&cli.StringFlag{Name: "read-within", Usage: "folder `DIR` that the files the metadata names must lie in to be read (as check)"},
			&cli.BoolFlag{Name: "allow-outside", Usage: "read the files the metadata names wherever they are"},
			&cli.BoolFlag{Name: "no-detectors", Hidden: true, Usage: "measure without identifier detection (check must say so too)"},
		},
		Action: func(ctx context.Context, c *cli.Command) error {
			if c.NArg() != 1 {
				return fmt.Errorf("profile takes one PATH, got %d arguments (see dgcheck profile --help)", c.NArg())
			}
			part, parts, _ := parsePart(c.String("part")) // validated
			path := c.Args().First()
			o := checkOptions{metadata: c.String("metadata"), readWithin: c.String("read-within"), allowOutside: c.Bool("allow-outside")}
			checker, err := dgcheck.NewChecker(ctx, dgcheck.WithRules(c.StringSlice("rules")...), dgcheck.WithVersion(env.version))
			if err != nil {
				return err
			}
			req := dgcheck.Request{Path: path, Metadata: o.metadata, SkipDetection: c.Bool("no-detectors"), Within: o.within(path)}
			started := env.now()
			if !c.Bool("quiet") {
				req.Progress = progressLine(env.stderr, env.now, started)
			}
			measured, err := checker.MeasurePart(ctx, req, part, parts)
			finishProgress(env.stderr)
			if err != nil {
				return err
			}
			defer measured.Release()
			out := c.String("output")
			if out == "" || out == "-" {
				_, err = measured.WriteTo(env.stdout)
				return err
			}
			if err := writePartial(out, measured); err != nil {
				return err
			}
			if !c.Bool("quiet") {
				fmt.Fprintf(env.stderr, "part %d of %d: %d of %d rows measured in %s, written to %s\n", part, parts,
					measured.Rows, measured.Dataset.Rows, env.now().Sub(started).Round(time.Millisecond), out)
			}
			return nil
		},
	}
}

// parsePart reads --part I/N.
func parsePart(s string) (part, parts int, err error) {
	i, n, ok := strings.Cut(s, "/")
	part, err1 := strconv.Atoi(strings.TrimSpace(i))
	parts, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || parts < 1 || part < 1 || part > parts {
		return 0, 0, fmt.Errorf("%q: want I/N, the I-th of N parts, with 1 <= I <= N (e.g. 2/3)", s)
	}
	return part, parts, nil
}

// writePartial writes the partial profile to path whole or not at all: a part killed while
// writing leaves no file that a check would take for a part.
func writePartial(path string, p *dgcheck.PartialProfile) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := p.WriteTo(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// Mode 0600, as CreateTemp makes it: the file holds values in clear.
	return os.Rename(tmp.Name(), path)
}
