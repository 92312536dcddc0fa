package checkers

import (
	"encoding/csv"
	"os"
	"testing"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

// BenchmarkScanDeclared measures what the metadata's declarations add to a scan: the roll
// scanned with only its primary key declared (as BenchmarkScan), then with everything the
// example's sidecar declares (types, ranges, patterns, enumerations, code lists, required
// fields, a business rule, derivations, a temporal order, an entity). Quote the second as a
// ratio of the first, from one run.
func BenchmarkScanDeclared(b *testing.B) {
	path, size := writeRoll(b, ".csv")
	mf, err := datasets.ReadMetadata("../examples/dibao/hongshan_dibao_2025.meta.yaml", path)
	if err != nil {
		b.Fatal(err)
	}
	key := [][]string{{"household_id"}}
	// The entity check keeps every row's key (entities.go); without it, what the per-value
	// and per-row checks cost shows on its own.
	noEntities := mf.Metadata
	noEntities.Entities = nil
	benchScans(b, path, size, []benchPlan{
		{"key_only", Plan{Keys: key}},
		{"declarations_but_entities", Plan{Keys: key, Metadata: &noEntities}},
		{"sidecar_declarations", Plan{Keys: key, Metadata: &mf.Metadata}},
	}, nil)
}

// BenchmarkDirtyOf measures the dirty-value test that runs on every present value, beside
// kindOf, which also runs on every value, over the example roll's values: quote it as a ratio
// of kindOf's time.
func BenchmarkDirtyOf(b *testing.B) {
	f, err := os.Open("../examples/dibao/hongshan_dibao_2025.csv")
	if err != nil {
		b.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var values []string
	for _, row := range rows[1:] {
		for _, v := range row {
			if v != "" {
				values = append(values, v)
			}
		}
	}
	b.Run("kindOf", func(b *testing.B) {
		var n int
		for b.Loop() {
			for _, v := range values {
				n += int(kindOf(v))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(values)), "ns/value")
	})
	b.Run("dirtyOf", func(b *testing.B) {
		var n int
		for b.Loop() {
			for _, v := range values {
				n += int(dirtyOf(v, detect.ShapeOf(v)))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(values)), "ns/value")
	})
}
