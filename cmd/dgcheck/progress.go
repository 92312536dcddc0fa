package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/dgcheck/dgcheck/datasets"
)

// progressLine returns a dgcheck.Request progress callback that keeps one line on a
// terminal's stderr up to date once a scan has run for a second: rows read, how far through
// the file (bytes of a CSV, rows of a Parquet file's declared count), the rate, and the time
// left at that rate. Short scans, pipes and CI logs get nothing.
func progressLine(stderr io.Writer, now func() time.Time, started time.Time) func(datasets.Source) {
	if !isTerminal(stderr) {
		return nil
	}
	var last time.Time
	return func(src datasets.Source) {
		t := now()
		if t.Sub(started) < time.Second || t.Sub(last) < 250*time.Millisecond {
			return
		}
		last = t
		fmt.Fprintf(stderr, "\r\033[Kdgcheck: %s", progressText(src, t.Sub(started)))
	}
}

// progressText is the progress line's text for a scan elapsed into it.
func progressText(src datasets.Source, elapsed time.Duration) string {
	seconds := elapsed.Seconds()
	parts := []string{fmt.Sprintf("%d rows", src.Rows)}
	// done is the share of the file read, from whichever measure the format gives.
	var done float64
	switch {
	case src.TotalRows > 0:
		done = float64(src.Rows) / float64(src.TotalRows)
		parts[0] = fmt.Sprintf("%d of %d rows", src.Rows, src.TotalRows)
	case src.Size > 0 && src.BytesRead > 0:
		done = float64(src.BytesRead) / float64(src.Size)
		parts = append(parts, fmt.Sprintf("%s of %s", megabytes(src.BytesRead), megabytes(src.Size)))
	}
	if done > 0 {
		parts = append(parts, fmt.Sprintf("%.0f%%", 100*min(done, 1)))
	}
	parts = append(parts, fmt.Sprintf("%.0f rows/s", float64(src.Rows)/seconds))
	if src.BytesRead > 0 {
		parts = append(parts, megabytes(int64(float64(src.BytesRead)/seconds))+"/s")
	}
	if done > 0 && done < 1 {
		left := time.Duration(float64(elapsed) * (1 - done) / done).Round(time.Second)
		parts = append(parts, "ETA "+left.String())
	}
	return strings.Join(parts, ", ")
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// finishProgress clears the progress line so the report starts on a clean line.
func finishProgress(stderr io.Writer) {
	if isTerminal(stderr) {
		fmt.Fprint(stderr, "\r\033[K")
	}
}

// isTerminal tells whether w is a terminal, where a person reads: the place for colour and
// progress, never a pipe, file or CI log.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
