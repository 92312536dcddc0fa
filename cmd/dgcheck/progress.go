package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// progressLine returns a checkers.Plan progress callback that keeps one line on a terminal's
// stderr up to date (rows read, rate) once a scan has run for a second; short scans, pipes
// and CI logs get nothing.
func progressLine(stderr io.Writer, now func() time.Time, started time.Time) func(rows int64) {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	var last time.Time
	return func(rows int64) {
		t := now()
		elapsed := t.Sub(started)
		if elapsed < time.Second || t.Sub(last) < 250*time.Millisecond {
			return
		}
		last = t
		fmt.Fprintf(stderr, "\rdgcheck: %d rows read, %.0f rows/s ", rows, float64(rows)/elapsed.Seconds())
	}
}

// finishProgress clears the progress line so the report starts on a clean line.
func finishProgress(stderr io.Writer) {
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stderr, "\r\033[K")
	}
}
