package main

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck/audits"
)

func mergeCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "combine the output directories of a sharded audit into one portfolio",
		ArgsUsage: "DIR...",
		Description: "Reads the portfolio.json of each shard's output directory (dgcheck audit --shard I/N), checks\n" +
			"that they are the N shards of one audit (same target, version, rules, configuration and\n" +
			"baseline, each shard once, every dataset once) and writes into --output the portfolio an\n" +
			"unsharded audit would have written, with every dataset's reports, and appends it to the\n" +
			"history. With --attest it signs the merged portfolio over the datasets' attestations, which\n" +
			"every shard must have made with the same key (audit --shard I/N --attest KEY). Exit codes as\n" +
			"for audit.\n\n" +
			"Example:\n" +
			"   dgcheck merge -o audit/ shard-1/ shard-2/ shard-3/\n" +
			"   dgcheck merge --attest bureau.key -o audit/ shard-1/ shard-2/ shard-3/",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Required: true, Usage: "output `DIR` for the merged audit"},
			&cli.StringFlag{Name: "history", Usage: "history database `FILE` to append the audit to (default: history.db in --output)"},
			&cli.BoolFlag{Name: "no-history", Usage: "append nothing to a history database"},
			&cli.StringFlag{Name: "attest", Usage: attestUsage + ": the merged portfolio's (portfolio.attestation.json), over the shards' dataset attestations"},
		},
		Action: func(ctx context.Context, c *cli.Command) error {
			if c.NArg() == 0 {
				return fmt.Errorf("merge takes the shards' output directories (see dgcheck merge --help)")
			}
			out := c.String("output")
			var o audits.MergeOptions
			if !c.Bool("no-history") {
				o.History = cmp.Or(c.String("history"), filepath.Join(out, audits.HistoryFile))
			}
			var err error
			if o.Signer, err = attestSigner(c.String("attest")); err != nil {
				return err
			}
			p, err := audits.Merge(ctx, c.Args().Slice(), out, o)
			if err != nil {
				return err
			}
			return printPortfolioSummary(env.stdout, out, p)
		},
	}
}
