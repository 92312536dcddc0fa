package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The collector's pace. Go's default collects when the heap has doubled since the last
// collection. A check's live heap is its column state and exact row sets: about 190 MB on a
// 10M-row file without metadata, 300 MB with keys declared, so doubling would pass the 500 MB
// a check is to stay under. Collecting at 1.25x the live heap (GOGC=25, the setting before
// this) kept it under, but a check without metadata then collected every 40 MB allocated and
// took 7-13% longer. So after each collection the pace is set from the live heap: the heap
// may grow to heapBase, by at most Go's doubling and at least a quarter. At 400 MiB, a
// 50M-row check with keys declared peaked at 520 MB.
//
// A memory limit (GOMEMLIMIT) would cap the doubling too, but near the limit the runtime
// hands free pages back to the kernel and faults them in again: two runs of that 50M-row
// check took 8% and 19% longer under one, with twice the system time.
//
// GOGC or GOMEMLIMIT in the environment leaves the pace to them.
const heapBase = 320 << 20

// gcPercent is the GOGC for a live heap of live bytes.
func gcPercent(live uint64) int {
	if live == 0 {
		return 100
	}
	return int(min(100, max(25, (heapBase-min(live, heapBase))*100/live)))
}

// paceCollector sets the pace unless the environment has set one.
func paceCollector() {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		if _, set := os.LookupEnv(env); set {
			return
		}
	}
	afterEachCollection(func() bool {
		debug.SetGCPercent(gcPercent(liveHeap()))
		return true
	})
}

// liveHeap is the heap the last collection found live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// afterEachCollection calls f after each garbage collection for as long as f returns true:
// a collection frees a sentinel, whose cleanup calls f and leaves a new one.
func afterEachCollection(f func() bool) {
	type sentinel struct{ _ *byte } // with a pointer, so that it is not batched with others
	runtime.AddCleanup(&sentinel{}, func(struct{}) {
		if f() {
			afterEachCollection(f)
		}
	}, struct{}{})
}
