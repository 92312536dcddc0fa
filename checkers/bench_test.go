package checkers

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/internal/synth"
)

// benchRows is large enough that per-file costs vanish and the exact sets leave the cache,
// small enough for a quick -bench run; DGCHECK_BENCH_ROWS is not read: change it here.
const benchRows = 200_000

// writeRoll generates the synthetic roll (the example's columns and defect mix) once per
// benchmark into a temporary file.
func writeRoll(b *testing.B, ext string) (string, int64) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "roll"+ext)
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	c := synth.Defective(benchRows, 1)
	if ext == ".parquet" {
		_, err = synth.WriteParquet(w, c)
	} else {
		_, err = synth.WriteCSV(w, c)
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, st.Size()
}

// BenchmarkScan measures the whole measuring pass (read, profile, merge) over the roll, with
// its primary key declared as in the example's sidecar. Compare the CSV and Parquet figures
// with each other, and the CSV's MB/s with `wc -l` on the same file, in the same run.
func BenchmarkScan(b *testing.B) {
	for _, ext := range []string{".csv", ".parquet"} {
		path, size := writeRoll(b, ext)
		benchScans(b, path, size, []benchPlan{{ext[1:], Plan{Keys: [][]string{{"household_id"}}}}}, nil)
	}
}

// benchPlan is one configuration of a scan benchmark.
type benchPlan struct {
	name string
	plan Plan
}

// benchScans scans the file under each plan as sub-benchmarks of one run, so that their
// figures compare as ratios measured side by side. check, if set, asserts on each profile.
func benchScans(b *testing.B, path string, size int64, plans []benchPlan, check func(*testing.B, benchPlan, *Profile)) {
	for _, bp := range plans {
		b.Run(bp.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				r, err := datasets.Open(context.Background(), path)
				if err != nil {
					b.Fatal(err)
				}
				p, err := Scan(context.Background(), r, bp.plan)
				r.Close()
				if err != nil {
					b.Fatal(err)
				}
				if p.Rows != benchRows {
					b.Fatalf("rows = %d", p.Rows)
				}
				if check != nil {
					check(b, bp, p)
				}
			}
			b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mrows/s")
		})
	}
}
