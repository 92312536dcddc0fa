package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/datasets"
)

// Formats init writes.
const (
	initSidecar     = "sidecar"
	initDataPackage = "datapackage"
)

func initCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "draft metadata for a dataset from its data",
		ArgsUsage: "PATH",
		Description: "Reads PATH once and drafts its metadata: each column's type, whether it is required or unique,\n" +
			"its range or, for a column of a few repeated values, their list and the code list they all\n" +
			"belong to (GB/T 2261.1 sexes, GB/T 2659.1-2022 countries), and the personal identifiers detected in\n" +
			"it; every declaration holds on every row read. What only a person can declare\n" +
			"(title, publisher, licence, open type, ...) is left empty, marked TODO. Writes\n" +
			"<name>.meta.yaml beside PATH (--format datapackage: datapackage.json), or -o FILE (- for\n" +
			"standard output); an existing file is kept unless --force, which replaces a sidecar and, in a\n" +
			"data package, only the resource for PATH (other resources and package properties stay).\n\n" +
			"Examples:\n" +
			"   dgcheck init examples/dibao/hongshan_dibao_2025.csv\n" +
			"   dgcheck init --format datapackage -o - data.parquet",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: initSidecar, Usage: "what to write: sidecar or datapackage"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite an existing sidecar; in an existing data package, replace or add PATH's resource only"},
			&cli.StringFlag{Name: "encoding", Usage: encodingUsage},
		},
		Action: func(ctx context.Context, c *cli.Command) error {
			if c.NArg() != 1 {
				return fmt.Errorf("init takes one PATH, got %d arguments (see dgcheck init --help)", c.NArg())
			}
			format := c.String("format")
			if format != initSidecar && format != initDataPackage {
				return fmt.Errorf("--format: unknown format %q (want %s or %s)", format, initSidecar, initDataPackage)
			}
			path := c.Args().First()
			draft, err := dgcheck.Draft(ctx, dgcheck.DraftRequest{Path: path, Encoding: c.String("encoding")})
			if err != nil {
				return err
			}
			target := c.String("output")
			if target == "" {
				target = defaultMetadataPath(path, format)
			}
			// --force on a data package redrafts this file's resource in it: a package
			// describes several files, and what a person wrote about the others stays.
			var existing []byte
			if format == initDataPackage && target != "-" && c.Bool("force") {
				existing, err = os.ReadFile(target)
				if err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
			var out bytes.Buffer
			switch {
			case existing != nil:
				if err := draft.MergeDataPackage(&out, existing); err != nil {
					return fmt.Errorf("%s: %w; it is left as it was", target, err)
				}
			case format == initDataPackage:
				err = draft.WriteDataPackage(&out)
			default:
				err = draft.WriteSidecar(&out)
			}
			if err != nil {
				return err
			}
			if target == "-" {
				_, err := env.stdout.Write(out.Bytes())
				return err
			}
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if c.Bool("force") {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(target, flags, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s exists: dgcheck init does not overwrite metadata a person may have written (--force does)", target)
			}
			if err != nil {
				return err
			}
			if _, err := f.Write(out.Bytes()); err != nil {
				f.Close()
				return fmt.Errorf("writing %s: %w", target, err)
			}
			if err := f.Close(); err != nil {
				return err
			}
			_, err = fmt.Fprintf(env.stderr, "dgcheck: wrote %s; %d values are left for you to declare (marked TODO in a sidecar, empty or absent in a data package)\n",
				target, len(draft.Placeholders))
			return err
		},
	}
}

// defaultMetadataPath is where check looks for the metadata of path (datasets.FindMetadata).
func defaultMetadataPath(path, format string) string {
	if format == initDataPackage {
		return filepath.Join(filepath.Dir(path), "datapackage.json")
	}
	return datasets.SidecarPath(path)
}
