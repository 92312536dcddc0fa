package main

import (
	"testing"
	"time"

	"github.com/dgcheck/dgcheck/datasets"
)

func TestProgressText(t *testing.T) {
	for _, tc := range []struct {
		src  datasets.Source
		took time.Duration
		want string
	}{
		// A quarter of a CSV in 10 s: 30 s to go.
		{datasets.Source{Rows: 250_000, Size: 40_000_000, BytesRead: 10_000_000}, 10 * time.Second,
			"250000 rows, 10.0 MB of 40.0 MB, 25%, 25000 rows/s, 1.0 MB/s, ETA 30s"},
		// Parquet declares its rows: 80% in 4 s leaves 1 s.
		{datasets.Source{Rows: 800, TotalRows: 1000, Size: 4096}, 4 * time.Second,
			"800 of 1000 rows, 80%, 200 rows/s, ETA 1s"},
		// Nothing to measure against: rows and rate only.
		{datasets.Source{Rows: 3000}, 2 * time.Second, "3000 rows, 1500 rows/s"},
		// Done: no ETA.
		{datasets.Source{Rows: 10, Size: 100, BytesRead: 100}, time.Second, "10 rows, 0.0 MB of 0.0 MB, 100%, 10 rows/s, 0.0 MB/s"},
	} {
		if got := progressText(tc.src, tc.took); got != tc.want {
			t.Errorf("progressText(%+v, %v) = %q, want %q", tc.src, tc.took, got, tc.want)
		}
	}
}
