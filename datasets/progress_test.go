package datasets

import (
	"context"
	"testing"
)

// Source.BytesRead (CSV) and Source.TotalRows (Parquet) let a progress line say how far a
// scan has got: BytesRead grows to the file's size, TotalRows is known before the first batch.
func TestSourceMeasuresProgress(t *testing.T) {
	ctx := context.Background()
	r, err := Open(ctx, "../examples/dibao/hongshan_dibao_2025.csv", WithBatchSize(100))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var last int64
	for r.Next() {
		r.Batch().Record.Release()
		if got := r.Source().BytesRead; got < last || got > r.Source().Size {
			t.Fatalf("BytesRead %d after %d, size %d", got, last, r.Source().Size)
		}
		last = r.Source().BytesRead
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if src := r.Source(); src.BytesRead != src.Size || src.TotalRows != 0 {
		t.Errorf("CSV read to its end: BytesRead %d of %d, TotalRows %d", src.BytesRead, src.Size, src.TotalRows)
	}

	pq, err := Open(ctx, "../examples/dibao/hongshan_dibao_2025.parquet")
	if err != nil {
		t.Fatal(err)
	}
	defer pq.Close()
	if src := pq.Source(); src.TotalRows != 2000 || src.Rows != 0 {
		t.Errorf("Parquet opened: TotalRows %d, Rows %d; want 2000 declared, none read", src.TotalRows, src.Rows)
	}
}
