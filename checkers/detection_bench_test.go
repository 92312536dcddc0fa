package checkers

import (
	"context"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// BenchmarkScanDetection measures what identifier detection, free-text scanning and
// classification add to a scan: the same CSV roll scanned with detection (on) and without
// (off, Plan.SkipDetection). Quote on/off as a ratio from one run; issue 3 asks for < 1.30.
func BenchmarkScanDetection(b *testing.B) {
	path, size := writeRoll(b, ".csv")
	for _, c := range []struct {
		name string
		skip bool
	}{{"on", false}, {"off", true}} {
		b.Run(c.name, func(b *testing.B) {
			plan := Plan{Keys: [][]string{{"household_id"}}, SkipDetection: c.skip}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				r, err := datasets.Open(context.Background(), path)
				if err != nil {
					b.Fatal(err)
				}
				p, err := Scan(context.Background(), r, plan)
				r.Close()
				if err != nil {
					b.Fatal(err)
				}
				if p.Rows != benchRows {
					b.Fatalf("rows = %d", p.Rows)
				}
			}
			b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mrows/s")
		})
	}
}
