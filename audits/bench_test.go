//go:build unix

package audits

import (
	"context"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// processCPU is the CPU time this process has used, user and system.
func processCPU(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkAudit audits a 200-roll catalogue with one worker, the peer, and with one worker
// per CPU. cpu/wall is the CPU time the audit used over its wall time: the cores it kept
// busy. The rules are compiled once, outside the timing, as a long audit amortises them.
//
//	go test -run=^$ -bench=BenchmarkAudit -benchtime=3x ./audits
func BenchmarkAudit(b *testing.B) {
	dir, _ := writeCatalogue(b, 200, 1)
	target := resolve(b, dir)
	checker := testChecker(b)
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var cpu time.Duration
			var wall time.Duration
			for b.Loop() {
				out := b.TempDir()
				before, start := processCPU(b), time.Now()
				if _, err := Run(context.Background(), checker, target, Options{Out: out, Version: "bench", Workers: workers}); err != nil {
					b.Fatal(err)
				}
				wall += time.Since(start)
				cpu += processCPU(b) - before
			}
			b.ReportMetric(cpu.Seconds()/wall.Seconds(), "cpu/wall")
			b.ReportMetric(wall.Seconds()/float64(b.N)/200*1e3, "ms/dataset")
		})
	}
}
