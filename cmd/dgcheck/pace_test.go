package main

import (
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"
)

func TestTheHeapDoublesUnderTheBaseAndGrowsByAQuarterPastIt(t *testing.T) {
	for _, tt := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{100 << 20, 100},
		{heapBase / 2, 100},
		{heapBase * 2 / 3, 50},
		{heapBase * 4 / 5, 25},
		{heapBase, 25},
		{2 << 30, 25},
	} {
		if got := gcPercent(tt.live); got != tt.want {
			t.Errorf("gcPercent(%d MiB) = %d, want %d", tt.live>>20, got, tt.want)
		}
	}
}

func TestAfterEachCollectionFollowsTheCollections(t *testing.T) {
	var calls atomic.Int32
	afterEachCollection(func() bool { return calls.Add(1) < 3 })
	deadline := time.Now().Add(10 * time.Second)
	for calls.Load() < 3 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := calls.Load(); n != 3 {
		t.Fatalf("after collections for 10 s the callback ran %d times, want 3", n)
	}
	for range 5 {
		runtime.GC()
	}
	time.Sleep(50 * time.Millisecond)
	if n := calls.Load(); n != 3 {
		t.Errorf("the callback ran %d times after it asked to stop at 3", n)
	}
}

func TestTheEnvironmentKeepsItsPace(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "100")
			defer debug.SetGCPercent(debug.SetGCPercent(1000))
			paceCollector()
			for range 3 {
				runtime.GC()
			}
			time.Sleep(50 * time.Millisecond)
			if got := debug.SetGCPercent(1000); got != 1000 {
				t.Errorf("with %s set, GOGC became %d, want it left at 1000", env, got)
			}
		})
	}
}
