package datasets_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

func TestZZPQDump(t *testing.T) {
	path := os.Getenv("ZZ_FILE")
	if path == "" {
		t.Skip()
	}
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	fmt.Println(r.Source().Columns)
	for r.Next() {
		b := r.Batch()
		fmt.Println(b.Record)
		b.Record.Release()
	}
	fmt.Println("err", r.Err())
}
