package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck/reports"
)

// The enumerated flags the commands share, each defined once: the values it accepts are in its
// --help and in its error, and urfave/cli validates it as it parses it, before any file is
// read. Each command gets a flag of its own, made by these functions: a cli/v3 flag keeps the
// value it parsed, so one shared by two commands would carry a value over.

// langFlag is --lang, the language of what the command writes (what says what that is).
func langFlag(what string) *cli.StringFlag {
	return &cli.StringFlag{Name: "lang", Value: "en", Validator: oneOf("language", reports.Langs),
		Usage: "language of " + what + ": " + strings.Join(reports.Langs, ", ")}
}

// failOnFlag is --fail-on, the lowest severity that fails the verdict; dflt says where its
// default comes from.
func failOnFlag(dflt string) *cli.StringFlag {
	return &cli.StringFlag{Name: "fail-on",
		Usage: "lowest severity that makes a dataset not conform: error, warning or info (default: " + dflt + ")",
		Validator: func(s string) error {
			_, err := reports.ParseSeverity(s)
			return err
		}}
}

// failOn is the severity --fail-on gives, "" when it is not given (the configuration decides).
func failOn(c *cli.Command) reports.Severity {
	if !c.IsSet("fail-on") {
		return ""
	}
	sev, _ := reports.ParseSeverity(c.String("fail-on")) // its validator admitted it
	return sev
}

// profileFlag is --profile, a conformance profile's name; usage says what it selects.
func profileFlag(usage string) *cli.StringFlag {
	return &cli.StringFlag{Name: "profile", Aliases: []string{"p"}, Usage: usage,
		Validator: checkProfileName}
}

// reportFormatsFlag is audit's --report-format: the formats of each dataset's own report.
func reportFormatsFlag() *cli.StringSliceFlag {
	formats := oneOf("format", reports.Formats)
	return &cli.StringSliceFlag{Name: "report-format", Value: defaultDatasetFormats(),
		Usage: "format of each dataset's own report (repeatable): " + strings.Join(reports.Formats, ", "),
		Validator: func(names []string) error {
			for _, name := range names {
				if err := formats(name); err != nil {
					return err
				}
			}
			return nil
		}}
}

// formatFlag is check's --format: the report's format, else what -o's extension implies.
func formatFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Validator: oneOf("format", reports.Formats),
		Usage: "report format: " + strings.Join(reports.Formats, ", ") + " (default: from -o's extension: " + outputExtensions + "; text on standard output)"}
}

// defaultDatasetFormats are JSON, which the portfolio is rebuilt from, and HTML, which the
// portfolio's index links to.
func defaultDatasetFormats() []string { return []string{"json", "html"} }

// oneOf validates a flag whose value is one of values, a kind of thing ("language").
func oneOf(kind string, values []string) func(string) error {
	return func(s string) error {
		if slices.Contains(values, s) {
			return nil
		}
		return fmt.Errorf("unknown %s %q (want one of %s)", kind, s, strings.Join(values, ", "))
	}
}

// invalidFlag is how urfave/cli reports a value a flag's validator refused; usageError says it
// as the commands' own errors do, naming the flag first ("--lang: unknown language ...").
var invalidFlag = regexp.MustCompile(`^invalid value ".*" for flag -+([\w-]+): `)
