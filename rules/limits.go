package rules

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/open-policy-agent/opa/v1/rego"
)

// limitError is a user pack that went past its time or memory limit.
type limitError struct {
	pack   string
	reason string
}

func (e *limitError) Error() string {
	return fmt.Sprintf("rule pack %s %s; its rules were not judged", e.pack, e.reason)
}

// heapObjects is the runtime metric the memory watch reads: the bytes of heap objects, live
// or not yet swept. Reading it stops nothing, unlike runtime.ReadMemStats.
const heapObjects = "/memory/classes/heap/objects:bytes"

// memoryPoll is how often the memory watch looks. OPA builds values an element at a time
// (numbers.range, comprehensions), so even a runaway evaluation grows by a few megabytes
// between two looks.
const memoryPoll = 2 * time.Millisecond

// withinLimits runs eval, cancelling it past the limits: OPA checks for cancellation between
// evaluation steps and inside the built-ins that build large values, so a pack that loops or
// builds a huge array stops within a step. A cancelled evaluation is a *limitError.
func withinLimits(ctx context.Context, pack string, l Limits, eval func(context.Context) (rego.ResultSet, error)) (rego.ResultSet, error) {
	ctx, cancel := context.WithTimeout(ctx, l.Time)
	defer cancel()
	overMemory := make(chan struct{})
	done := make(chan struct{})
	defer close(done)
	go watchMemory(l.Memory, done, func() { close(overMemory); cancel() })

	rs, err := eval(ctx)
	if err == nil {
		return rs, nil
	}
	select {
	case <-overMemory:
		return nil, &limitError{pack, fmt.Sprintf("grew the heap past its memory limit of %s", humanize.IBytes(l.Memory))}
	default:
	}
	if ctx.Err() == context.DeadlineExceeded {
		return nil, &limitError{pack, fmt.Sprintf("ran past its time limit of %s", l.Time)}
	}
	return nil, err
}

// watchMemory calls over once the heap has grown by more than limit bytes since it started,
// until done is closed. Garbage counts until it is collected, so before calling over it
// collects once and looks again.
func watchMemory(limit uint64, done <-chan struct{}, over func()) {
	sample := []metrics.Sample{{Name: heapObjects}}
	heap := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	start := heap()
	tick := time.NewTicker(memoryPoll)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		if heap() < start+limit {
			continue
		}
		runtime.GC()
		if heap() >= start+limit {
			over()
			return
		}
	}
}
