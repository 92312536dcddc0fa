package checkers

import (
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/DataDog/sketches-go/ddsketch"
	"github.com/DataDog/sketches-go/ddsketch/mapping"
	"github.com/DataDog/sketches-go/ddsketch/store"
)

// Statistical outliers (GB/T 36344 准确性/脏数据出现率, QUAL-013's outlier test) by Tukey's
// fences: a value more than k interquartile ranges below the first quartile or above the
// third is an outlier. One pass cannot know the quartiles before it has seen every value, so
// the scan keeps what lets it count afterwards:
//
//   - every distinct number with its count while a column has few of them (codes, sizes,
//     amounts in whole yuan): quartiles and counts are then exact;
//   - beyond that, a DDSketch quantile sketch (deterministic and exactly mergeable, unlike
//     t-digest or KLL; quartiles within sketchAccuracy of the true value) plus the tailKept lowest and highest values with their rows. While fewer than
//     tailKept values lie beyond a fence the kept tail holds them all and the count is still
//     exact; only a column with more outliers than that has its count estimated from the
//     sketch's bins.
//
// Both are mergeable, so the published spread is the same whatever the number of workers.

const (
	// exactNumbers is how many distinct numbers a column counts exactly before it turns to the
	// sketch: 4096 covers whole-yuan amounts and ages with ~100 KiB a column.
	exactNumbers = 4096
	// sketchAccuracy is the sketch's relative accuracy: a quartile of 1000 is reported within
	// 1000 ± 1. DDSketch's error is relative to the value, not the rank, so the interquartile
	// range of a narrow column far from zero (500 ± 10) is the weak spot: 0.1% keeps its fences
	// within a few percent of the range, where 0.5% made them useless.
	sketchAccuracy = 0.001
	// sketchBins bounds each side of the sketch (16384 bins of 8 bytes): at 0.1% they span a
	// factor of 10^14 between the smallest and largest magnitude before the smallest are
	// collapsed, which only blurs values near zero.
	sketchBins = 16384
	// tailKept is how many of the lowest and of the highest values a column keeps, with rows.
	tailKept = 32
)

// fenceKs are the fences measured: Tukey's "outside" (1.5) and "far out" (3) values. The
// rules' configuration picks which one counts (thresholds.outlier_k).
var fenceKs = []float64{1.5, 3}

// spread accumulates one column's numbers.
type spread struct {
	n         int64
	counts    map[float64]int64 // every distinct number while there are at most allowed.numbers; then nil
	sketch    *ddsketch.DDSketch
	low, high tail
	allowed   allowance
}

func newSpread(a allowance) spread { return spread{high: tail{high: true}, allowed: a} }

func (s *spread) observe(f float64, row int64) {
	s.extremes(f, row)
	s.tally(f, 1)
}

// extremes places f, at row, among the column's lowest and highest numbers.
func (s *spread) extremes(f float64, row int64) {
	s.low.add(f, row)
	s.high.add(f, row)
}

// tally counts n numbers f, whose places among the extremes are taken (extremes): the counts
// and sketch do not depend on the rows.
func (s *spread) tally(f float64, n int64) {
	if s.counts == nil && s.sketch == nil {
		s.counts = map[float64]int64{} // made on the first number: most columns have none
	}
	s.n += n
	if s.counts != nil {
		s.counts[f] += n
		if len(s.counts) > s.allowed.numbers {
			s.toSketch()
		}
		return
	}
	// Never fails: f is finite (numberOf rejects overflow to ±Inf) and n positive.
	_ = s.sketch.AddWithCount(f, float64(n))
}

// toSketch moves the exact counts into a new sketch.
func (s *spread) toSketch() {
	// The cubically interpolated mapping keeps the logarithmic one's relative accuracy with
	// about 1% more bins and no math.Log per number, which was 6% of a scan's time. It only
	// fails for an accuracy outside (0, 1).
	m, _ := mapping.NewCubicallyInterpolatedMapping(s.allowed.accuracy)
	bins := s.allowed.bins
	s.sketch = ddsketch.NewDDSketch(m, store.NewCollapsingLowestDenseStore(bins), store.NewCollapsingLowestDenseStore(bins))
	for f, n := range s.counts {
		s.sketch.AddWithCount(f, float64(n))
	}
	s.counts = nil
}

func (s *spread) merge(o *spread) {
	if o.n == 0 {
		return
	}
	if s.n == 0 {
		*s = *o
		return
	}
	s.n += o.n
	s.low.merge(&o.low)
	s.high.merge(&o.high)
	switch {
	case s.counts != nil && o.counts != nil:
		for f, n := range o.counts {
			s.counts[f] += n
		}
		if len(s.counts) > s.allowed.numbers {
			s.toSketch()
		}
		return
	case s.counts != nil:
		s.toSketch()
	}
	if o.counts != nil {
		for f, n := range o.counts {
			s.sketch.AddWithCount(f, float64(n))
		}
		return
	}
	s.sketch.MergeWith(o.sketch) // same mapping: both made by toSketch
}

// profile publishes the spread, sample values in the column's form m; nil for a column
// without numbers.
func (s *spread) profile(samples int, m columnMask) *Spread {
	if s.n == 0 {
		return nil
	}
	p := &Spread{Count: s.n, Exact: s.counts != nil, Positive: s.low.most().value > 0}
	var quartiles func(q float64) float64
	var sorted []float64
	if s.counts != nil {
		sorted = slices.Sorted(maps.Keys(s.counts))
		quartiles = s.exactQuantile(sorted)
	} else {
		quartiles = func(q float64) float64 { v, _ := s.sketch.GetValueAtQuantile(q); return v }
	}
	p.Q1, p.Median, p.Q3 = quartiles(0.25), quartiles(0.5), quartiles(0.75)
	scales := []string{"linear"}
	if p.Positive {
		scales = append(scales, "log")
	}
	for _, scale := range scales {
		for _, k := range fenceKs {
			f := Fence{Scale: scale, K: k, Exact: true}
			if scale == "log" {
				ratio := math.Pow(p.Q3/p.Q1, k)
				f.Lower, f.Upper = p.Q1/ratio, p.Q3*ratio
			} else {
				iqr := p.Q3 - p.Q1
				f.Lower, f.Upper = p.Q1-k*iqr, p.Q3+k*iqr
			}
			s.count(&f, sorted, samples, m)
			p.Fences = append(p.Fences, f)
		}
	}
	return p
}

// exactQuantile interpolates between order statistics (Hyndman and Fan's type 7, the default
// of R, NumPy and Excel's QUARTILE.INC) over the exact counts.
func (s *spread) exactQuantile(sorted []float64) func(q float64) float64 {
	return func(q float64) float64 {
		h := q * float64(s.n-1)
		lo := int64(math.Floor(h))
		x0, x1 := s.orderStatistic(sorted, lo), s.orderStatistic(sorted, min(lo+1, s.n-1))
		return x0 + (h-float64(lo))*(x1-x0)
	}
}

// orderStatistic is the i-th smallest number (0-based) of the exact counts.
func (s *spread) orderStatistic(sorted []float64, i int64) float64 {
	for _, f := range sorted {
		if i < s.counts[f] {
			return f
		}
		i -= s.counts[f]
	}
	return sorted[len(sorted)-1]
}

// count fills in the values beyond a fence: from the exact counts, else from the kept tails
// while they hold every value beyond it, else estimated from the sketch's bins.
func (s *spread) count(f *Fence, sorted []float64, samples int, m columnMask) {
	located := newSampleSet[heldSample](samples)
	lowBeyond := s.low.beyond(func(v float64) bool { return v < f.Lower }, &located)
	highBeyond := s.high.beyond(func(v float64) bool { return v > f.Upper }, &located)
	f.Samples = m.samples(&located)
	if s.counts != nil {
		for _, v := range sorted {
			switch {
			case v < f.Lower:
				f.Below += s.counts[v]
			case v > f.Upper:
				f.Above += s.counts[v]
			}
		}
		return
	}
	f.Below, f.Above = int64(lowBeyond), int64(highBeyond)
	lowFull, highFull := lowBeyond == len(s.low.items), highBeyond == len(s.high.items)
	if !lowFull && !highFull {
		return
	}
	var below, above float64
	s.sketch.ForEach(func(v, n float64) bool {
		switch {
		case v < f.Lower:
			below += n
		case v > f.Upper:
			above += n
		}
		return false
	})
	if lowFull {
		f.Below, f.Exact = max(f.Below, int64(math.Round(below))), false
	}
	if highFull {
		f.Above, f.Exact = max(f.Above, int64(math.Round(above))), false
	}
}

// tail keeps the tailKept most extreme values of one side with their rows, as a heap whose
// root is the least extreme kept value, the one a more extreme value replaces. Ties go to the
// earlier row, so the kept values do not depend on the order batches arrive in.
type tail struct {
	high  bool // keeps the highest values; else the lowest
	items []extreme
}

type extreme struct {
	value float64
	row   int64
}

// moreExtreme orders values from the tail's outside in.
func (t *tail) moreExtreme(a, b extreme) bool {
	if a.value != b.value {
		return (a.value > b.value) == t.high
	}
	return a.row < b.row
}

func (t *tail) add(v float64, row int64) {
	e := extreme{v, row}
	if len(t.items) < tailKept {
		t.items = append(t.items, e)
		for i := len(t.items) - 1; i > 0; {
			parent := (i - 1) / 2
			if !t.moreExtreme(t.items[parent], t.items[i]) {
				break
			}
			t.items[parent], t.items[i] = t.items[i], t.items[parent]
			i = parent
		}
		return
	}
	if !t.moreExtreme(e, t.items[0]) {
		return
	}
	t.items[0] = e
	for i := 0; ; {
		least, l, r := i, 2*i+1, 2*i+2
		if l < len(t.items) && t.moreExtreme(t.items[least], t.items[l]) {
			least = l
		}
		if r < len(t.items) && t.moreExtreme(t.items[least], t.items[r]) {
			least = r
		}
		if least == i {
			return
		}
		t.items[i], t.items[least] = t.items[least], t.items[i]
		i = least
	}
}

// most is the most extreme kept value.
func (t *tail) most() extreme {
	m := t.items[0]
	for _, e := range t.items[1:] {
		if t.moreExtreme(e, m) {
			m = e
		}
	}
	return m
}

func (t *tail) merge(o *tail) {
	for _, e := range o.items {
		t.add(e.value, e.row)
	}
}

// beyond counts the kept values for which out holds and locates them in samples.
func (t *tail) beyond(out func(float64) bool, samples *sampleSet[heldSample]) int {
	n := 0
	for _, e := range t.items {
		if out(e.value) {
			n++
			samples.add(heldSample{row: e.row, value: strconv.FormatFloat(e.value, 'f', -1, 64)}, e.row)
		}
	}
	return n
}
