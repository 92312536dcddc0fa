package checkers

import (
	"context"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// BenchmarkReidentification measures what k-anonymity over three quasi-identifiers adds to
// the measuring pass: the same scan of the roll (primary key declared, as in the example's
// sidecar) without and with sex, birth_date and street as quasi-identifiers. Compare the two
// in the same run; the difference is the class table's cost.
func BenchmarkReidentification(b *testing.B) {
	path, size := writeRoll(b, ".csv")
	for _, bc := range []struct {
		name string
		qi   []string
	}{
		{"without_qi", nil},
		{"with_3_qi", []string{"sex", "birth_date", "street"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			plan := Plan{Keys: [][]string{{"household_id"}}, QuasiIdentifiers: bc.qi}
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
				if (p.Table.Reidentification != nil) != (bc.qi != nil) {
					b.Fatalf("reidentification %+v", p.Table.Reidentification)
				}
			}
			b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mrows/s")
		})
	}
}
