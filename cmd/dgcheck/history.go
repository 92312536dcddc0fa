package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck/audits"
	"github.com/dgcheck/dgcheck/reports"
)

func historyCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "history",
		Usage:     "print per-dataset trends from the audits of an output directory",
		ArgsUsage: "DIR|FILE",
		Description: "Reads the history database an audit appends to (history.db in its output directory, or the\n" +
			"FILE given) and prints, for each dataset, one line per audit: status, failing findings,\n" +
			"findings per area, and the quality-indicator scores.\n\n" +
			"Examples:\n" +
			"   dgcheck history audit/\n" +
			"   dgcheck history --dataset 'bureau-01/**' --last 5 audit/\n" +
			"   dgcheck history --format json audit/history.db",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "dataset", Aliases: []string{"d"}, Usage: "only datasets whose names match `GLOB` (** for any depth)"},
			&cli.IntFlag{Name: "last", Aliases: []string{"n"}, Usage: "only the last `N` audits (default all)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
		},
		Action: func(ctx context.Context, c *cli.Command) error {
			if c.NArg() != 1 {
				return fmt.Errorf("history takes one DIR or FILE, got %d arguments (see dgcheck history --help)", c.NArg())
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return fmt.Errorf("--format: unknown format %q (want text or json)", format)
			}
			trends, err := audits.ReadHistory(ctx, historyPath(c.Args().First()),
				audits.HistoryQuery{Dataset: c.String("dataset"), Last: c.Int("last")})
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(env.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(trends)
			}
			return printTrends(env.stdout, trends)
		},
	}
}

// historyPath is the history database of an output directory, or the file given.
func historyPath(arg string) string {
	if st, err := os.Stat(arg); err == nil && st.IsDir() {
		return filepath.Join(arg, audits.HistoryFile)
	}
	return arg
}

func printTrends(w io.Writer, trends []audits.Trend) error {
	if len(trends) == 0 {
		_, err := fmt.Fprintln(w, "no datasets in the history match")
		return err
	}
	// One table, its header once: a dataset's audits are its rows, one after another.
	tab := table{}
	header := []string{"dataset", "started", "status", "failing", "findings", "by area", "overall"}
	tab.add(append(header, reports.Indicators...)...)
	for _, t := range trends {
		for _, p := range t.Points {
			overall := "-"
			if p.Overall != nil {
				overall = fmt.Sprintf("%.1f %s", *p.Overall, p.Grade)
			}
			areas := cmp.Or(audits.AreaCounts(p.ByArea), "-")
			if p.Status == audits.Failed {
				areas = p.Error
			}
			row := []string{t.Dataset, p.Started, string(p.Status), fmt.Sprint(p.Failing), fmt.Sprint(p.Findings), areas, overall}
			for _, ind := range reports.Indicators {
				if s, ok := p.Scores[ind]; ok {
					row = append(row, fmt.Sprintf("%.1f", s))
				} else {
					row = append(row, "-")
				}
			}
			tab.add(row...)
		}
	}
	if err := tab.write(w); err != nil {
		return err
	}
	return nil
}
