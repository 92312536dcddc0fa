package checkers

import "slices"

// sampleSet keeps the n items with the smallest row numbers. Keeping the first rows (not a
// random or arrival-order choice) makes samples the same whatever the batch order or number
// of workers, so merged profiles equal single-pass ones.
type sampleSet[T any] struct {
	n     int
	items []T
	rows  []int64
}

func newSampleSet[T any](n int) sampleSet[T] { return sampleSet[T]{n: n} }

// full reports whether a row after every kept one would be dropped: callers use it to skip
// the work of masking a value that would not be kept.
func (s *sampleSet[T]) full(row int64) bool {
	return len(s.rows) >= s.n && row > s.rows[len(s.rows)-1]
}

func (s *sampleSet[T]) add(item T, row int64) {
	if s.n <= 0 || s.full(row) {
		return
	}
	i, _ := slices.BinarySearch(s.rows, row)
	s.rows = slices.Insert(s.rows, i, row)
	s.items = slices.Insert(s.items, i, item)
	if len(s.rows) > s.n {
		s.rows, s.items = s.rows[:s.n], s.items[:s.n]
	}
}

func (s *sampleSet[T]) merge(o *sampleSet[T]) {
	for i, row := range o.rows {
		s.add(o.items[i], row)
	}
}

// sorted returns the kept items in row order; never nil, so JSON shows [] not null.
func (s *sampleSet[T]) sorted() []T {
	return append(make([]T, 0, len(s.items)), s.items...)
}
