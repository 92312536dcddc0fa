package datasets

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO named x.csv is an error at once, never a read that waits for a writer.
func TestOpenRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"x.csv", "x.parquet"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "d.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "x.csv"), "a named pipe"},
		{filepath.Join(dir, "x.parquet"), "a named pipe"},
		{"/dev/null", "a character device"},
		{filepath.Join(dir, "d.csv"), "a directory"},
	} {
		done := make(chan error, 1)
		go func() {
			r, err := Open(context.Background(), tc.path, WithFormat(formatOrCSV(tc.path)))
			if err == nil {
				r.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), tc.path) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: error %v, want %s named as not a regular file", tc.path, err, tc.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Open blocked", tc.path)
		}
	}
}

// formatOrCSV is FormatOf with /dev/null, which has no extension, read as CSV.
func formatOrCSV(path string) Format {
	if f, err := FormatOf(path); err == nil {
		return f
	}
	return CSV
}

// A very wide file is read in batches of fewer rows, so that the batch's buffers stay bounded
// by its cells rather than grow with columns × 64k rows.
func TestWideFilesReadInBatchesBoundedByCells(t *testing.T) {
	if got := batchRows(DefaultBatchSize, 13); got != DefaultBatchSize {
		t.Errorf("13 columns: %d rows a batch, want %d", got, DefaultBatchSize)
	}
	if got := batchRows(DefaultBatchSize, 10000); got*10000 > batchCells || got < minBatchRows {
		t.Errorf("10,000 columns: %d rows a batch, want at most %d cells and at least %d rows", got, batchCells, minBatchRows)
	}
	if got := batchRows(DefaultBatchSize, 1<<20); got != minBatchRows {
		t.Errorf("a million columns: %d rows a batch, want %d", got, minBatchRows)
	}
}
