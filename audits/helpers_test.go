package audits

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/internal/synth"
	"github.com/dgcheck/dgcheck/internal/synth/synthtest"
	"github.com/dgcheck/dgcheck/reports"
)

// checkedAt is the audit date the tests' checker judges by, so reports are reproducible.
var checkedAt = time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)

// sharedChecker compiles the rules once for the whole test binary.
var sharedChecker = sync.OnceValues(func() (*dgcheck.Checker, error) {
	return dgcheck.NewChecker(context.Background(), dgcheck.WithVersion("test"),
		dgcheck.WithClock(func() time.Time { return checkedAt }))
})

func testChecker(t testing.TB) *dgcheck.Checker {
	t.Helper()
	c, err := sharedChecker()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// writeCatalogue writes a synthetic catalogue of n rolls (synth.WriteCatalogue, with the
// example's sidecars) into a new directory.
func writeCatalogue(t testing.TB, n int, seed int64) (string, []synth.CatalogueDataset) {
	t.Helper()
	return synthtest.Catalogue(t, "../examples/dibao", n, seed)
}

func resolve(t testing.TB, target string) *Target {
	t.Helper()
	tg, err := Resolve(target, ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// untimed is a portfolio's JSON without its timings, the one part two audits of the same
// inputs may disagree on.
func untimed(t testing.TB, p *Portfolio) string {
	t.Helper()
	c := *p
	c.Stamp.Started, c.Stamp.Ended = "", ""
	c.Datasets = append([]Entry(nil), p.Datasets...)
	for i := range c.Datasets {
		c.Datasets[i].Timing = Timing{}
	}
	if tr := p.Views.Trend; tr != nil {
		c.Views.Trend = &TrendView{Datasets: tr.Datasets, Audits: slices.Clone(tr.Audits)}
		for i := range c.Views.Trend.Audits {
			c.Views.Trend.Audits[i].Started = ""
		}
	}
	raw, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// untimedFile is untimed of a portfolio.json file.
func untimedFile(t testing.TB, name string) string {
	t.Helper()
	p, err := ReadPortfolio(name)
	if err != nil {
		t.Fatal(err)
	}
	return untimed(t, p)
}

// countingChecker records which datasets it was asked to check and can cancel the audit
// after a number of checks, as a kill would interrupt it.
type countingChecker struct {
	Checker
	mu      sync.Mutex
	checked []string
	calls   atomic.Int64
	// cancelAfter, when positive, cancels after that many checks have finished.
	cancelAfter int64
	cancel      context.CancelFunc
}

func (c *countingChecker) Check(ctx context.Context, req dgcheck.Request) (*reports.Report, error) {
	r, err := c.Checker.Check(ctx, req)
	c.mu.Lock()
	c.checked = append(c.checked, filepath.ToSlash(req.Path))
	c.mu.Unlock()
	if n := c.calls.Add(1); c.cancelAfter > 0 && n == c.cancelAfter {
		c.cancel()
	}
	return r, err
}
