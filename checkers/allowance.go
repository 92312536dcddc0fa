package checkers

import "math"

// allowance is how much one column may hold exactly before it turns to sketches. A narrow
// table's columns get the full limits; a wide table's share a worker's budget, so that the
// scan's memory is bounded by the budget rather than by columns times the per-column limits
// (4,096 columns of distinct numbers held 1.8 GB of exact sets and sketches at full limits).
type allowance struct {
	distinct int     // distinct hashes kept exactly (distinctCounter)
	numbers  int     // distinct numbers counted exactly (spread)
	bins     int     // the quantile sketch's bins a side (spread)
	accuracy float64 // the quantile sketch's relative accuracy (spread)
}

// Each worker's budget, in entries shared by the columns: about 24 bytes an exact hash, 40 an
// exact number, 8 a sketch bin. With the floors below, 2,048 columns hold at most some 100 MB a
// worker, and 64 columns or fewer get the full limits.
const (
	distinctBudget = 1 << 20
	numbersBudget  = 1 << 18
	binsBudget     = 1 << 20
)

func allowanceFor(columns int) allowance {
	columns = max(columns, 1)
	a := allowance{
		distinct: max(256, min(exactLimit, distinctBudget/columns)),
		numbers:  max(256, min(exactNumbers, numbersBudget/columns)),
		bins:     max(1024, min(sketchBins, binsBudget/columns)),
	}
	// Fewer bins keep the span of magnitudes a sketch covers before collapsing its smallest
	// values (sketchBins at sketchAccuracy span a factor of 10^14) by coarsening its accuracy.
	a.accuracy = sketchAccuracy
	if a.bins < sketchBins {
		a.accuracy = math.Min(0.05, sketchAccuracy*float64(sketchBins)/float64(a.bins))
	}
	return a
}
