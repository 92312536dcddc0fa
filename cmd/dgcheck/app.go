package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v3"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// clock is the time commands take as now. Tests fix it (TestMain) so that what they assert
// does not change with the day they run: rules judge dates, such as a dataset's last update,
// against now.
var clock = time.Now

// stdin is what check reads as the dataset "-"; tests replace it.
var stdin io.Reader = os.Stdin

// newApp builds the command tree with injected output streams, so tests run commands as a
// user would and read what they print. It is cli/v3's root command; build a new one for each
// run, as its flags keep what they parsed.
func newApp(stdout, stderr io.Writer) *cli.Command {
	env := &environment{stdin: stdin, stdout: stdout, stderr: stderr, now: clock, version: version}
	env.host, _ = os.Hostname()
	app := &cli.Command{
		Name:  "dgcheck",
		Usage: "check datasets against data-resource standards before release or sharing",
		Description: "dgcheck measures a CSV or Parquet dataset in one pass and judges the measurements,\n" +
			"with its metadata, against Rego policies for metadata, classification and grading,\n" +
			"desensitisation and data quality (GB/T 36344, GB/T 43697, GB/T 37964, GB 11643, ...).\n\n" +
			"Exit codes: 0 conformant, 1 not conformant at or above --fail-on, 2 usage or input error, or\n" +
			"a check left incomplete because a rule could not be judged (its report is still written).",
		Version:         env.version,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		Action:          commandNotFound,
		StopOnNthArg:    &groupArgs,
		// Errors are printed once, by main, with the right exit code.
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
		Commands:       []*cli.Command{checkCommand(env), profileCommand(env), classifyCommand(env), initCommand(env), auditCommand(env), mergeCommand(env), historyCommand(env), keygenCommand(env), verifyCommand(env), rulesCommand(env), versionCommand(env)},
	}
	// cli/v3 asks each command, not the root alone, what to make of a usage error (an unknown
	// flag, a flag without its value, a required flag missing): one line, by main, pointing
	// at the command's help.
	_ = app.Walk(func(c *cli.Command) error {
		c.OnUsageError = usageError
		return nil
	})
	return app
}

// usageError is a command's usage error as main prints it: the error, the flag meant when
// an unknown one is near one of the command's, and where help is.
func usageError(_ context.Context, c *cli.Command, err error, _ bool) error {
	if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
		var names []string
		for _, f := range c.VisibleFlags() {
			names = append(names, f.Names()...)
		}
		if meant := nearest(strings.TrimPrefix(name, "-"), names); meant != "" {
			return fmt.Errorf("%w; did you mean %s? (see %s --help)", err, dashes(meant), c.FullName())
		}
	}
	if m := invalidFlag.FindStringSubmatchIndex(err.Error()); m != nil {
		msg := err.Error()
		return fmt.Errorf("%s: %s (see %s --help)", dashes(msg[m[2]:m[3]]), msg[m[1]:], c.FullName())
	}
	return fmt.Errorf("%w (see %s --help)", err, c.FullName())
}

// groupArgs is where a command that groups others stops reading flags: at its first
// argument, the command's name. Past a name it does not know, flags are that command's,
// not the group's (dgcheck audti -o out dir is a mistyped audit, not an unknown -o).
var groupArgs = 1

// commandNotFound is the action of a command that only groups others (dgcheck, dgcheck
// rules): without arguments it prints its help; with a name it does not know, it is a usage
// error that suggests the nearest command.
func commandNotFound(_ context.Context, c *cli.Command) error {
	if !c.Args().Present() {
		if c.Root() == c {
			return cli.ShowRootCommandHelp(c)
		}
		return cli.ShowSubcommandHelp(c)
	}
	name := c.Args().First()
	var names []string
	for _, sub := range c.VisibleCommands() {
		names = append(names, sub.Names()...)
	}
	if meant := nearest(name, names); meant != "" {
		return fmt.Errorf("unknown command %q; did you mean %q? (see %s --help)", name, meant, c.FullName())
	}
	return fmt.Errorf("unknown command %q (see %s --help)", name, c.FullName())
}

// nearest is the name among names that typing name most likely meant: the first at the
// least edit distance (a transposition counts as one edit), if that is at most 1 for a name
// of up to 5 letters, 2 for a longer one, and 0 for one of 2 letters or fewer (-x is no typo
// of -o). It is "" when none is that near.
func nearest(name string, names []string) string {
	limit := 0
	switch n := len([]rune(name)); {
	case n > 5:
		limit = 2
	case n > 2:
		limit = 1
	}
	best, bestDist := "", limit+1
	for _, candidate := range names {
		if d := editDistance(strings.ToLower(name), strings.ToLower(candidate)); d < bestDist {
			best, bestDist = candidate, d
		}
	}
	if bestDist == 0 && best == name {
		return "" // a name that exists was not mistyped
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b: insertions,
// deletions, substitutions and transpositions of adjacent letters, each one edit.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// dashes is a flag's name as typed: -o, --output.
func dashes(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

func init() {
	// dgcheck --version prints what dgcheck version does.
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "print dgcheck's version", HideDefault: true, Local: true}
	cli.VersionPrinter = func(c *cli.Command) {
		fmt.Fprintf(c.Root().Writer, "dgcheck %s\n", c.Root().Version)
	}
}

// environment is what commands take from the process: streams, clock and version, all
// replaceable in tests so that reports are reproducible.
type environment struct {
	stdin          io.Reader // check -
	stdout, stderr io.Writer
	now            func() time.Time
	version        string
	host           string // the machine reports record
}

func versionCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print dgcheck's version",
		Action: func(context.Context, *cli.Command) error {
			_, err := fmt.Fprintf(env.stdout, "dgcheck %s\n", env.version)
			return err
		},
	}
}
