package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// clock is the time commands take as now. Tests fix it (TestMain) so that what they assert
// does not change with the day they run: rules judge dates, such as a dataset's last update,
// against now.
var clock = time.Now

// newApp builds the command tree with injected output streams, so tests run commands as a
// user would and read what they print.
func newApp(stdout, stderr io.Writer) *cli.App {
	env := &environment{stdout: stdout, stderr: stderr, now: clock, version: version}
	env.host, _ = os.Hostname()
	return &cli.App{
		Name:  "dgcheck",
		Usage: "check datasets against data-resource standards before release or sharing",
		Description: "dgcheck measures a CSV or Parquet dataset in one pass and judges the measurements,\n" +
			"with its metadata, against Rego policies for metadata, classification and grading,\n" +
			"desensitisation and data quality (GB/T 36344, GB/T 43697, GB/T 37964, GB 11643, ...).\n\n" +
			"Exit codes: 0 conformant, 1 not conformant at or above --fail-on, 2 usage or input error, or\n" +
			"a check left incomplete because a rule could not be judged (its report is still written).",
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		// Errors are printed once, by main, with the right exit code.
		ExitErrHandler: func(*cli.Context, error) {},
		Commands:       []*cli.Command{checkCommand(env), classifyCommand(env), initCommand(env), auditCommand(env), mergeCommand(env), historyCommand(env), rulesCommand(env), versionCommand(env)},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return fmt.Errorf("%w (see dgcheck --help)", err)
		},
	}
}

// environment is what commands take from the process: streams, clock and version, all
// replaceable in tests so that reports are reproducible.
type environment struct {
	stdout, stderr io.Writer
	now            func() time.Time
	version        string
	host           string // the machine reports record
}

func versionCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print dgcheck's version",
		Action: func(*cli.Context) error {
			_, err := fmt.Fprintf(env.stdout, "dgcheck %s\n", env.version)
			return err
		},
	}
}
