package main

import (
	"os"
	"testing"
	"time"
)

// testNow is the day the CLI tests run on: five days after the example rolls were last
// modified (2025-07-05, updated monthly), so they are current, as the tests assume, whatever
// the calendar says.
var testNow = time.Date(2025, 7, 10, 9, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	clock = func() time.Time { return testNow }
	os.Exit(m.Run())
}
