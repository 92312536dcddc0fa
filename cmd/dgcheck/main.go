// Command dgcheck checks datasets against data-resource standards: metadata, classification
// and grading, desensitisation and data quality, written as Rego policies.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := newApp(os.Stdout, os.Stderr).RunContext(ctx, os.Args)
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

// exitCode maps a run's error to the process exit code, printing what the user must read.
// Every error other than non-conformance is a usage or input error: one line, no stack.
func exitCode(err error, stderr *os.File) int {
	switch {
	case err == nil:
		return exitConformant
	case errors.Is(err, errNonConformant):
		return exitNonConformant
	}
	fmt.Fprintf(stderr, "dgcheck: %v\n", err)
	return exitUsageOrInput
}
