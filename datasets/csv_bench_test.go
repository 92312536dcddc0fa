package datasets_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// BenchmarkCSVRead measures the CSV reader alone (sniffing, parsing, issue finding, building
// batches) over a 200k-row file of mixed Chinese and ASCII text: the hot path that checkers'
// BenchmarkScan measures under the profiler's much larger cost. "clean" has no damage;
// "stray-quotes" has a quote inside an unquoted field on every row, so every record is
// re-read (a coordinate column written as 37°36'37.8"N).
func BenchmarkCSVRead(b *testing.B) {
	for _, bc := range []struct {
		name   string
		coord  string
		issues int
	}{{"clean", "37.61", 0}, {"stray-quotes", `37°36'37.8"N`, 200_000}} {
		b.Run(bc.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "roll.csv")
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			w := bufio.NewWriter(f)
			fmt.Fprintln(w, "id,name,address,phone,amount,note,lat")
			for i := range 200_000 {
				fmt.Fprintf(w, "%d,张%d,湖北省武汉市洪山区珞喻路%d号,138%08d,%d.%02d,\"note, with comma %d\",%s\n", i, i%97, i%1000, i, i%5000, i%100, i, bc.coord)
			}
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
			f.Close()
			st, _ := os.Stat(path)
			b.SetBytes(st.Size())
			b.ReportAllocs()
			for b.Loop() {
				r, err := datasets.Open(context.Background(), path)
				if err != nil {
					b.Fatal(err)
				}
				rows, issues := int64(0), 0
				for r.Next() {
					bt := r.Batch()
					rows += bt.Record.NumRows()
					issues += len(bt.Issues)
					bt.Record.Release()
				}
				if err := r.Err(); err != nil || rows != 200_000 || issues != bc.issues {
					b.Fatalf("%d rows, %d issues, err %v; want 200000 rows, %d issues", rows, issues, err, bc.issues)
				}
				r.Close()
			}
		})
	}
}
