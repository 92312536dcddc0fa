package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/checkers/detect"
)

func classifyCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "classify",
		Usage:     "say what each column of a dataset holds, and the grade that suggests",
		ArgsUsage: "PATH",
		Description: "Reads PATH once and prints, per column, the data type its values show (resident ID numbers,\n" +
			"mobile numbers, bank cards, names, addresses, ...), the confidence and the rates behind it, and\n" +
			"the personal-information category, sensitivity and level the grading model gives it; then the\n" +
			"level the dataset should have. --write-metadata fills those suggestions into the sidecar\n" +
			"(<name>.meta.yaml), adding only what is not declared: nothing a person wrote is changed.\n\n" +
			"Examples:\n" +
			"   dgcheck classify examples/dibao/hongshan_dibao_2025.csv\n" +
			"   dgcheck classify --format json data.parquet\n" +
			"   dgcheck classify --model jrt0197 --write-metadata accounts.csv",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "metadata", Aliases: []string{"m"}, Usage: "metadata `FILE` to compare with (default: beside PATH)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"},
			&cli.StringFlag{Name: "model", Usage: "grading `MODEL`: gbt43697 or jrt0197 (default: jrt0197 for financial data, else gbt43697)"},
			&cli.StringSliceFlag{Name: "rules", Aliases: []string{"r"}, Usage: "extra rule pack `DIR` (may replace the grading model's data)"},
			&cli.StringFlag{Name: "encoding", Usage: encodingUsage},
			&cli.BoolFlag{Name: "write-metadata", Usage: "fill the suggestions into the sidecar, keeping what it declares"},
		},
		Action: func(ctx context.Context, c *cli.Command) error {
			if c.NArg() != 1 {
				return fmt.Errorf("classify takes one PATH, got %d arguments (see dgcheck classify --help)", c.NArg())
			}
			format := c.String("format")
			if !slices.Contains([]string{"text", "json"}, format) {
				return fmt.Errorf("--format: unknown format %q (want text or json)", format)
			}
			return runClassify(ctx, env, c, format)
		},
	}
}

func runClassify(ctx context.Context, env *environment, c *cli.Command, format string) error {
	started := env.now()
	checker, err := dgcheck.NewChecker(ctx, dgcheck.WithRules(c.StringSlice("rules")...),
		dgcheck.WithVersion(env.version), dgcheck.WithClock(func() time.Time { return started }))
	if err != nil {
		return err
	}
	cl, err := checker.Classify(ctx, dgcheck.ClassifyRequest{Path: c.Args().First(), Metadata: c.String("metadata"),
		Encoding: c.String("encoding"), Model: c.String("model"), Progress: progressLine(env.stderr, env.now, started)})
	finishProgress(env.stderr)
	if err != nil {
		return err
	}
	if c.Bool("write-metadata") {
		draft, err := cl.SuggestedMetadata()
		if err != nil {
			return err
		}
		if err := os.WriteFile(cl.DraftPath(), draft, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(env.stderr, "dgcheck: wrote the suggestions into %s\n", cl.DraftPath())
	}
	// The sidecar above needs the raw column names; what is printed masks them, as a report does.
	shown := cl.Redacted()
	if format == "json" {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(shown)
	}
	return writeClassification(env.stdout, shown)
}

// writeClassification prints the classification as a table a person reads.
func writeClassification(w io.Writer, cl *dgcheck.Classification) error {
	fmt.Fprintf(w, "%s: %d rows, grading model %s\n\n", cl.Dataset, cl.Rows, cl.Grading.Model)
	t := table{}
	t.add("column", "type", "confidence", "hit", "valid", "masked", "PI category", "sensitive", "level", "declared")
	for _, col := range cl.Columns {
		typ, conf, hit, valid, masked := "-", "", "", "", ""
		if d := col.Detected; d != nil {
			typ = d.Type
			if d.Heuristic {
				typ += " (heuristic)"
			}
			conf, hit, valid, masked = fmt.Sprintf("%.2f", d.Confidence), pct(d.HitRate), pct(d.ValidRate), pct(d.MaskedRate)
		}
		category, sensitive, level := "", "", ""
		if g := col.Grade; g != nil {
			if g.Source == "name" {
				typ = g.Type + " (name)"
			}
			category, sensitive, level = g.PICategory, fmt.Sprint(g.Sensitive), g.Level
		}
		t.add(col.Name, typ, conf, hit, valid, masked, category, sensitive, level, declared(col))
	}
	if err := t.write(w); err != nil {
		return err
	}
	writeEvidenceNotes(w, cl.Columns)
	g := cl.Grading
	level := g.Level
	if level == "" {
		level = "none (no column graded)"
	}
	fmt.Fprintf(w, "\nsuggested dataset level: %s", level)
	if len(g.MostSensitive) > 0 {
		fmt.Fprintf(w, " (most sensitive column: %v)", g.MostSensitive[0])
	}
	if g.Raised {
		fmt.Fprintf(w, ", raised by quasi-identifiers together: %s", strings.Join(g.QuasiIdentifiers, ", "))
	}
	fmt.Fprintln(w)
	if g.DeclaredLevel != "" {
		fmt.Fprintf(w, "declared dataset level:  %s\n", g.DeclaredLevel)
	}
	_, err := fmt.Fprintf(w, "personal information: %v; sensitive personal information: %v\n", g.ContainsPI, g.ContainsSensitivePI)
	return err
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// writeEvidenceNotes says what the table cannot: columns shaped like an identifier that the
// classifier would not type as it, and free text that holds identifiers.
func writeEvidenceNotes(w io.Writer, cols []dgcheck.ClassifiedColumn) {
	var notes []string
	for _, col := range cols {
		if s := col.ShapedLike; s != nil {
			noun := detect.Registry[s.Detector].Noun.En
			switch s.Reason {
			case "implausible":
				notes = append(notes, fmt.Sprintf("%s: shaped like %s (%s of values), but only %s of those are plausible: not typed as them",
					col.Name, noun, pct(s.HitRate), pct(s.PlausibleRate)))
			case "chance":
				notes = append(notes, fmt.Sprintf("%s: shaped like %s (%s of values), but check characters are right no more often than chance (%s, chance %s): not typed as them",
					col.Name, noun, pct(s.HitRate), pct(s.ValidRate), pct(s.ChanceRate)))
			default:
				notes = append(notes, fmt.Sprintf("%s: shaped like %s, mostly invalid: %s of them have a right check character",
					col.Name, noun, pct(s.ValidRate)))
			}
		}
		for _, det := range slices.Sorted(maps.Keys(col.Embedded)) {
			e := col.Embedded[det]
			notes = append(notes, fmt.Sprintf("%s: free text holding %s in %d values (%s)", col.Name, detect.Registry[det].Noun.En, e.Values, pct(e.Rate)))
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(notes, "\n"))
	}
}

// declared summarises what the metadata's field says, for comparison with the suggestion.
func declared(col dgcheck.ClassifiedColumn) string {
	f := col.Declared
	if f == nil {
		return ""
	}
	var parts []string
	if f.PICategory != "" {
		parts = append(parts, f.PICategory)
	}
	if f.Sensitive != nil {
		parts = append(parts, "sensitive "+fmt.Sprint(*f.Sensitive))
	}
	if f.Level != "" {
		parts = append(parts, f.Level)
	}
	return strings.Join(parts, ", ")
}
