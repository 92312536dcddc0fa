package main

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

// testNow is the day the CLI tests run on: five days after the example rolls were last
// modified (2025-07-05, updated monthly), so they are current, as the tests assume, whatever
// the calendar says.
var testNow = time.Date(2025, 7, 10, 9, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	clock = func() time.Time { return testNow }
	// Run as dgcheck itself, for tests that need real processes (two audits racing for one
	// output directory): the test binary re-executed with its arguments as dgcheck's.
	if os.Getenv(asDgcheck) == "1" {
		os.Exit(exitCode(newApp(os.Stdout, os.Stderr).Run(context.Background(), os.Args), os.Stderr))
	}
	os.Exit(m.Run())
}

// asDgcheck is the environment variable that makes the test binary run as dgcheck.
const asDgcheck = "DGCHECK_TEST_AS_CLI"

// dgcheckProcess is a dgcheck process (the test binary as dgcheck) with args, not started.
func dgcheckProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asDgcheck+"=1")
	return cmd
}
