package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck/rules"
)

// rulesCommand makes rule packs browsable and testable: list, show, doc and test.
func rulesCommand(env *environment) *cli.Command {
	// A flag per command: a cli/v3 flag keeps what it parsed.
	packs := func() cli.Flag {
		return &cli.StringSliceFlag{Name: "rules", Aliases: []string{"r"}, Usage: "extra rule pack `DIR` (repeatable)"}
	}
	selection := []cli.Flag{packs(),
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "show the rules this gate configuration `FILE` runs, at its severities"},
		&cli.StringFlag{Name: "profile", Aliases: []string{"p"}, Usage: "show the rules of conformance profile `NAME`"},
	}
	return &cli.Command{
		Name:         "rules",
		Usage:        "list, show, document and test rules (the built-in ones and --rules packs)",
		Action:       commandNotFound,
		StopOnNthArg: &groupArgs,
		Commands: []*cli.Command{
			{
				Name:  "list",
				Usage: "list rules: id, area, severity, standard, clause",
				Description: "Lists every loaded rule, or, with --profile or --config (or a dgcheck.yaml in the\n" +
					"working directory), the rules that configuration runs, at the severities it gives them.",
				Flags: selection,
				Action: func(ctx context.Context, c *cli.Command) error {
					infos, err := selectedRules(ctx, c)
					if err != nil {
						return err
					}
					t := table{}
					t.add("ID", "AREA", "SEVERITY", "STANDARD", "CLAUSE")
					for _, r := range infos {
						t.add(r.ID, r.Area, string(r.Severity), r.Standard, r.Clause)
					}
					return t.write(env.stdout)
				},
			},
			{
				Name:      "show",
				Usage:     "show one rule's identity, the basis of its citation, description and remediation",
				ArgsUsage: "ID",
				Flags:     []cli.Flag{packs()},
				Action: func(ctx context.Context, c *cli.Command) error {
					if c.NArg() != 1 {
						return fmt.Errorf("rules show takes one rule ID, got %d arguments", c.NArg())
					}
					engine, err := rules.Load(ctx, rules.WithUserRules(c.StringSlice("rules")...))
					if err != nil {
						return err
					}
					all := engine.Rules()
					i := slices.IndexFunc(all, func(r rules.RuleInfo) bool { return strings.EqualFold(r.ID, c.Args().First()) })
					if i < 0 {
						return fmt.Errorf("no rule has id %q (see dgcheck rules list)", c.Args().First())
					}
					profiles, err := rules.Profiles()
					if err != nil {
						return err
					}
					return rules.WriteRuleDoc(env.stdout, all[i], profiles, rules.DocOptions{})
				},
			},
			{
				Name:  "doc",
				Usage: "write the rule catalogue (Markdown or HTML, English or Chinese), with clause coverage and the standards cited",
				Description: "Generated from the rules' annotations: a table of which clauses of which standards have rules,\n" +
					"the standards they cite (edition and title), and per rule its id, title, standard, clause,\n" +
					"basis, severity, area, profiles, description and remediation.\n\n" +
					"--lang zh writes headings, labels, titles, remediations, severities and areas in Chinese\n" +
					"(descriptions stay in English, as annotated). --format html writes one self-contained page\n" +
					"(inline CSS, no scripts), whose tables link to each rule's section (#<ID>).\n\n" +
					"Without -o, one document on standard output. With -o DIR, in Markdown, README.md (coverage,\n" +
					"standards and an index) and one <ID>.md page per rule; in HTML, DIR/index.html.\n\n" +
					"   dgcheck rules doc --lang zh --format html -o catalogue",
				Flags: []cli.Flag{packs(),
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write pages into `DIR` (Markdown: README.md and <ID>.md; HTML: index.html)"},
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "markdown", Validator: oneOf("format", rules.DocFormats),
						Usage: "documentation format: " + strings.Join(rules.DocFormats, ", ")},
					langFlag("the documentation (descriptions stay in English)"),
				},
				Action: func(ctx context.Context, c *cli.Command) error {
					engine, err := rules.Load(ctx, rules.WithUserRules(c.StringSlice("rules")...))
					if err != nil {
						return err
					}
					profiles, err := rules.Profiles()
					if err != nil {
						return err
					}
					opts := rules.DocOptions{Lang: c.String("lang"), Format: c.String("format")}
					if dir := c.String("output"); dir != "" {
						return rules.WriteDocPages(dir, engine.Rules(), profiles, opts)
					}
					return rules.WriteDoc(env.stdout, engine.Rules(), profiles, opts)
				},
			},
			{
				Name:      "test",
				Usage:     "run the Rego tests of the built-in rules and of packs in DIR",
				ArgsUsage: "[DIR...]",
				Description: "Runs every test_* rule as opa test would, with dgcheck's capabilities and input schema,\n" +
					"and prints OPA-style results. Exit codes follow dgcheck's: 0 every test passed, 1 a test\n" +
					"failed or could not be evaluated, 2 a pack does not load or compile.",
				Flags: []cli.Flag{&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print passing tests too"}},
				Action: func(ctx context.Context, c *cli.Command) error {
					results, err := rules.RunTests(ctx, c.Args().Slice()...)
					if err != nil {
						return err
					}
					return printTestResults(env, results, c.Bool("verbose"))
				},
			},
		},
	}
}

// selectedRules are the loaded rules, or those a --profile or configuration selects.
func selectedRules(ctx context.Context, c *cli.Command) ([]rules.RuleInfo, error) {
	if err := checkProfileName(c.String("profile")); err != nil {
		return nil, fmt.Errorf("--profile: %w", err)
	}
	cfg, err := gateConfig(c.String("config"), c.String("profile"))
	if err != nil {
		return nil, err
	}
	engine, err := rules.Load(ctx, rules.WithUserRules(c.StringSlice("rules")...), rules.WithConfig(cfg))
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		return engine.Rules(), nil
	}
	return engine.Selected(), nil
}

// printTestResults reports as opa test does: failures (every test with -v) by file, then the
// counts after a rule.
func printTestResults(env *environment, results []rules.TestResult, verbose bool) error {
	var pass, fail, errored, skipped int
	lastFile := ""
	for _, r := range results {
		status := "PASS"
		switch {
		case r.Skipped:
			status, skipped = "SKIPPED", skipped+1
		case r.Err != nil:
			status, errored = "ERROR", errored+1
		case !r.Passed:
			status, fail = "FAIL", fail+1
		default:
			pass++
		}
		if status == "PASS" && !verbose {
			continue
		}
		if r.File != lastFile {
			if lastFile != "" {
				fmt.Fprintln(env.stdout)
			}
			fmt.Fprintf(env.stdout, "%s:\n", r.File)
			lastFile = r.File
		}
		fmt.Fprintf(env.stdout, "%s.%s: %s\n", r.Package, r.Name, status)
		if r.Err != nil {
			fmt.Fprintf(env.stdout, "  %v\n", r.Err)
		}
		if len(r.Output) > 0 {
			fmt.Fprintf(env.stdout, "\n  %s\n\n", strings.ReplaceAll(strings.TrimSpace(string(r.Output)), "\n", "\n  "))
		}
	}
	total := len(results)
	fmt.Fprintln(env.stdout, strings.Repeat("-", 80))
	for _, c := range []struct {
		label string
		n     int
	}{{"PASS", pass}, {"FAIL", fail}, {"SKIPPED", skipped}, {"ERROR", errored}} {
		if c.n > 0 || c.label == "PASS" {
			fmt.Fprintf(env.stdout, "%s: %d/%d\n", c.label, c.n, total)
		}
	}
	if fail+errored > 0 {
		return errTestsFailed
	}
	return nil
}
