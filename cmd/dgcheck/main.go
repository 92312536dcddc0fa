// Command dgcheck checks datasets against data-resource standards: metadata, classification
// and grading, desensitisation and data quality, written as Rego policies.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	paceCollector()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := newApp(os.Stdout, os.Stderr).Run(ctx, os.Args)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// Exit codes: a CI gate must tell "the data failed" from "the tool could not check".
const (
	exitConformant    = 0
	exitNonConformant = 1
	exitUsageOrInput  = 2
)

// errNonConformant ends a run whose findings fail it; the report already says why.
var errNonConformant = errors.New("dataset does not conform")

// errTestsFailed ends a rules test run in which a test failed; the results already say which.
var errTestsFailed = errors.New("rule tests failed")

// exitCode maps a run's error to the process exit code, printing what the user must read.
// Every error other than non-conformance is a usage or input error: one line, no stack.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return exitConformant
	case errors.Is(err, errNonConformant), errors.Is(err, errTestsFailed):
		return exitNonConformant
	}
	fmt.Fprintf(stderr, "dgcheck: %v\n", err)
	return exitUsageOrInput
}
