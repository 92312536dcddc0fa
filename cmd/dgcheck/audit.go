package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/audits"
	"github.com/dgcheck/dgcheck/rules"
)

func auditCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "audit",
		Usage:     "check a catalogue of datasets (a directory or a manifest) into a portfolio report",
		ArgsUsage: "DIR|MANIFEST",
		Description: "Checks every dataset of a directory (CSV and Parquet files found recursively, with their\n" +
			"sidecars or datapackage.json) or of a manifest (YAML: datasets with path, metadata, profile,\n" +
			"owner, encoding; globs allowed, ** for any depth; paths may not leave the manifest's\n" +
			"directory without --allow-outside), several at a time, into --output: each dataset's own\n" +
			"reports under datasets/, and a portfolio over all of them (portfolio.json, index.html,\n" +
			"portfolio.md, portfolio.junit.xml) stamped with the version, the digests of the rules and\n" +
			"the configuration, and every input's SHA-256. A dataset that cannot be read is recorded\n" +
			"as that dataset's error and the others go on. Each audit's summary is appended to\n" +
			"history.db in the output directory (see dgcheck history).\n\n" +
			"Exit codes: 0 every dataset conforms, 1 a dataset does not conform or could not be\n" +
			"checked, 2 usage error (bad flags, manifest or output directory).\n\n" +
			"Examples:\n" +
			"   dgcheck audit -o audit/ catalogue/\n" +
			"   dgcheck audit -o audit/ --resume catalogue/            # continue an interrupted audit\n" +
			"   dgcheck audit -o audit/ --baseline last/portfolio.json manifest.yaml\n" +
			"   dgcheck audit -o shard-2/ --shard 2/3 manifest.yaml && dgcheck merge -o audit/ shard-*/",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "attest", Usage: attestUsage + ": each dataset's (attestation.json beside its reports) and the portfolio's (portfolio.attestation.json, which dgcheck verify walks)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Required: true, Usage: "output `DIR` (created; an earlier audit's is reused)"},
			&cli.StringSliceFlag{Name: "rules", Aliases: []string{"r"}, Usage: "extra rule pack `DIR` (repeatable)"},
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "gate configuration `FILE` (default: " + rules.ConfigFile + " in the working directory, if there is one)"},
			profileFlag("conformance profile `NAME` for datasets whose manifest entry names none (default: the configuration's, else every rule)"),
			failOnFlag("the configuration's, else error"),
			langFlag("the portfolio page and the datasets' reports (HTML words; findings' messages in HTML, text and Markdown)"),
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Value: runtime.GOMAXPROCS(0), Usage: "datasets checked at once"},
			&cli.StringFlag{Name: "memory", Usage: "bound on the total size of the data files checked at once, e.g. 2GiB; a larger file runs alone (default: half of GOMEMLIMIT, else 1GiB)"},
			&cli.BoolFlag{Name: "resume", Usage: "continue an interrupted audit in --output: finished datasets whose inputs are unchanged (by SHA-256) are not checked again"},
			&cli.StringFlag{Name: "baseline", Usage: "previous portfolio.json `FILE`: class every finding new, unchanged, regressed or fixed against it (default: the previous audit of the target in the history, if any)"},
			&cli.StringFlag{Name: "shard", Usage: "check only slice `I/N` of the datasets (by a hash of their names); combine the shards with dgcheck merge"},
			&cli.BoolFlag{Name: "allow-outside", Usage: "let a manifest name files outside its directory (.., absolute paths, links)"},
			reportFormatsFlag(),
			packTimeoutFlag(), packMemoryFlag(),
			&cli.StringFlag{Name: "history", Usage: "history database `FILE` to append the audit to (default: history.db in --output)"},
			&cli.BoolFlag{Name: "no-history", Usage: "append nothing to a history database"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress line, and no summary on standard output (--output is still written): the exit code is the answer"},
		},
		Action: func(ctx context.Context, c *cli.Command) error {
			if c.NArg() != 1 {
				return fmt.Errorf("audit takes one DIR or MANIFEST, got %d arguments (see dgcheck audit --help)", c.NArg())
			}
			return runAudit(ctx, c, env, c.Args().First())
		},
	}
}

func runAudit(ctx context.Context, c *cli.Command, env *environment, targetPath string) error {
	o := audits.Options{Out: c.String("output"), Workers: c.Int("workers"),
		Resume: c.Bool("resume"), Version: env.version, Now: env.now,
		Formats: c.StringSlice("report-format"), Lang: c.String("lang"), FailOn: failOn(c)}
	if o.Workers < 1 {
		return fmt.Errorf("--workers must be at least 1, got %d", o.Workers)
	}
	var err error
	if o.Signer, err = attestSigner(c.String("attest")); err != nil {
		return err
	}
	if m := c.String("memory"); m != "" {
		n, err := humanize.ParseBytes(m)
		if err != nil || n == 0 {
			return fmt.Errorf("--memory: %q is not a size such as 512MiB or 2GiB", m)
		}
		o.MemoryBudget = int64(min(n, 1<<62))
	}
	if s := c.String("shard"); s != "" {
		if o.Shard, err = audits.ParseShard(s); err != nil {
			return fmt.Errorf("--shard: %w", err)
		}
	}
	if b := c.String("baseline"); b != "" {
		if o.Baseline, err = audits.ReadPortfolio(b); err != nil {
			return fmt.Errorf("--baseline: %w", err)
		}
		o.BaselinePath = b
	}
	if !c.Bool("no-history") {
		o.History = cmp.Or(c.String("history"), filepath.Join(o.Out, audits.HistoryFile))
	}

	target, err := audits.Resolve(targetPath, audits.ResolveOptions{AllowOutside: c.Bool("allow-outside"), Skip: []string{o.Out}})
	if err != nil {
		return err
	}
	cfg, err := gateConfig(c.String("config"), c.String("profile"))
	if err != nil {
		return err
	}
	if cfg != nil {
		if _, err := os.Stat(cfg.Path); err == nil {
			o.ConfigFiles = []string{cfg.Path}
		}
		o.Profile = cfg.Profile
		if o.FailOn == "" {
			o.FailOn = cfg.FailOn
		}
	}
	limits, err := packLimitsFrom(c)
	if err != nil {
		return err
	}
	started := env.now()
	// Every dataset is judged as of the audit's start, so that rules reading the date (a
	// waiver's expiry, timeliness) judge the whole catalogue alike however long it takes.
	newChecker := func(ctx context.Context, cfg *rules.Config) (*dgcheck.Checker, error) {
		return dgcheck.NewChecker(ctx, dgcheck.WithRules(c.StringSlice("rules")...), dgcheck.WithConfig(cfg),
			dgcheck.WithVersion(env.version), dgcheck.WithClock(func() time.Time { return started }),
			dgcheck.WithHost(env.host), dgcheck.WithPackLimits(limits))
	}
	checker, err := newChecker(ctx, cfg)
	if err != nil {
		return err
	}
	// A manifest entry's profile replaces the configuration's; everything else in it holds.
	o.ForProfile = func(ctx context.Context, profile string) (audits.Checker, error) {
		if err := checkProfileName(profile); err != nil {
			return nil, err
		}
		withProfile := rules.Config{Path: "manifest"}
		if cfg != nil {
			withProfile = *cfg
		}
		withProfile.Profile = profile
		return newChecker(ctx, &withProfile)
	}
	stdout := env.stdout
	if c.Bool("quiet") {
		stdout = io.Discard
	} else {
		o.Progress = auditProgress(env.stderr)
	}
	res, err := audits.Run(ctx, checker, target, o)
	finishProgress(env.stderr)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("audit interrupted; finished datasets are kept in %s: run again with --resume to continue", o.Out)
		}
		return err
	}
	for _, n := range res.Notices {
		fmt.Fprintf(env.stderr, "dgcheck: notice: %s\n", n)
	}
	if o.Resume && !c.Bool("quiet") {
		fmt.Fprintf(env.stderr, "dgcheck: resumed: %d datasets checked, %d reused from the interrupted audit\n", res.Checked, res.Reused)
	}
	return printPortfolioSummary(stdout, o.Out, res.Portfolio)
}

// maxErrorsListed bounds the unreadable datasets the summary names: a catalogue whose every
// file fails (a wrong --encoding, a broken rule pack) should not bury the terminal.
const maxErrorsListed = 20

// printPortfolioSummary prints the counts, the datasets that could not be checked or fully
// judged and where the portfolio is, and tells main the exit code: 2 when a rule could not be
// judged, else 1 unless every dataset conforms.
func printPortfolioSummary(stdout io.Writer, out string, p *audits.Portfolio) error {
	s := p.Summary
	fmt.Fprintf(stdout, "dgcheck audit of %s: %d datasets, %d conformant, %d not conformant, %d could not be checked",
		p.Stamp.Target, s.Datasets, s.Conformant, s.NonConformant, s.Errors)
	if s.Incomplete > 0 {
		fmt.Fprintf(stdout, ", %d incomplete", s.Incomplete)
	}
	fmt.Fprintln(stdout)
	if ch := s.Changes; ch != nil {
		fmt.Fprintf(stdout, "against the baseline: %d new, %d regressed, %d fixed, %d unchanged findings\n",
			ch.New, ch.Regressed, ch.Fixed, ch.Unchanged)
	}
	listed := 0
	for _, e := range p.Datasets {
		if e.Status != audits.Failed {
			continue
		}
		if listed == maxErrorsListed {
			fmt.Fprintf(stdout, "  ... %d more errors in %s\n", s.Errors-listed, filepath.Join(out, audits.PortfolioFile("markdown")))
			break
		}
		fmt.Fprintf(stdout, "  error: %s: %s\n", e.Dataset, e.Error)
		listed++
	}
	for _, e := range p.Datasets {
		for _, te := range e.ToolErrors {
			fmt.Fprintf(stdout, "  not judged: %s: %s: %s\n", e.Dataset, te.Rule, te.Error)
		}
	}
	_, err := fmt.Fprintf(stdout, "portfolio: %s\n", filepath.Join(out, audits.PortfolioFile("html")))
	if err != nil {
		return err
	}
	switch {
	case s.Incomplete > 0:
		// As for one check: a rule that could not be judged is the tool's failure, not the
		// data's, and a CI gate must be able to tell.
		return fmt.Errorf("the audit is incomplete: in %d datasets a rule could not be judged (see the portfolio)", s.Incomplete)
	case s.NonConformant+s.Errors > 0:
		return errNonConformant
	}
	return nil
}

// auditProgress keeps one line on a terminal's stderr up to date: datasets done of the total,
// failed, rate and time left. Pipes and CI logs get nothing.
func auditProgress(stderr io.Writer) func(audits.Progress) {
	if !isTerminal(stderr) {
		return nil
	}
	return func(p audits.Progress) {
		rate := float64(p.Done) / max(p.Elapsed.Seconds(), 1e-3)
		eta := time.Duration(float64(p.Total-p.Done) / max(rate, 1e-9) * float64(time.Second)).Round(time.Second)
		fmt.Fprintf(stderr, "\rdgcheck: %d/%d datasets, %d failed, %.1f/s, %s left ", p.Done, p.Total, p.Failed, rate, eta)
	}
}
