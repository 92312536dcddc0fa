package checkers

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

func TestZZMem(t *testing.T) {
	path := os.Getenv("ZZ_FILE")
	if path == "" {
		t.Skip()
	}
	mf, err := datasets.ReadMetadata("../examples/dibao/hongshan_dibao_2025.meta.yaml", path)
	m := &mf.Metadata
	if err != nil {
		t.Fatal(err)
	}
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	plan := PlanFor(m)
	if os.Getenv("ZZ_META") == "" {
		plan = PlanFor(nil)
	}
	done := false
	plan.Progress = func(s datasets.Source) {
		if !done && s.Rows > 5_000_000 {
			done = true
			runtime.GC()
			f, _ := os.Create("/tmp/heap.prof")
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	if _, err := Scan(context.Background(), r, plan); err != nil {
		t.Fatal(err)
	}
}
