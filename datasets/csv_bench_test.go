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
// batches) over a clean 200k-row file of mixed Chinese and ASCII text: the hot path that
// checkers' BenchmarkScan measures under the profiler's much larger cost.
func BenchmarkCSVRead(b *testing.B) {
	path := filepath.Join(b.TempDir(), "roll.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "id,name,address,phone,amount,note")
	for i := range 200_000 {
		fmt.Fprintf(w, "%d,张%d,湖北省武汉市洪山区珞喻路%d号,138%08d,%d.%02d,\"note, with comma %d\"\n", i, i%97, i%1000, i, i%5000, i%100, i)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	for b.Loop() {
		r, err := datasets.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		rows := int64(0)
		for r.Next() {
			bt := r.Batch()
			rows += bt.Record.NumRows()
			if len(bt.Issues) > 0 {
				b.Fatalf("issues %+v", bt.Issues[0])
			}
			bt.Record.Release()
		}
		if err := r.Err(); err != nil || rows != 200_000 {
			b.Fatalf("%d rows, err %v", rows, err)
		}
		r.Close()
	}
}
