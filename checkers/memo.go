package checkers

// A column's value memo remembers what the text of its recent values decided (their kind,
// form, dirt, number and length, and what the detectors said), so that a column of few
// distinct values (sex, status, street, community, dates, amounts: most columns of most
// tables) classifies each distinct value once rather than once per row. A repeated value is
// still counted on every row, and located where it offends; what it cannot change is skipped:
// the distinct counts, the kept values, the extremes and the lengths, which it changed when
// the column first met it. The memo is direct-mapped on the value's hash, which the scan
// computes anyway, and compares the value itself, so a hit is exact. A column whose values
// rarely repeat turns it off after a trial: memoising would only copy every value.

// facts are what one value's text decides.
type facts struct {
	missing int8 // index in missingTokens, or -1
	kind    kind
	dirt    uint8 // dirtyOf's bits
	form    formOf
	numeric bool    // num holds the value as a number (kinds integer and number)
	num     float64 //
	d       detection
}

type memoEntry struct {
	v string
	f facts
	// plain is a value whose rows the column only counts (column.plain); its hits are then
	// pending, counted in one tally when the entry is evicted or the batch ends.
	plain   bool
	pending int64
}

const (
	memoSlots = 256
	// memoTrial values decide whether a column's values repeat enough (memoMinHits of them
	// hit) to keep the memo.
	memoTrial   = 4096
	memoMinHits = memoTrial / 4
)

type valueMemo struct {
	entries [memoSlots]memoEntry
	lookups int
	hits    int
}

func (m *valueMemo) lookup(v string, h uint64) *memoEntry {
	if m == nil {
		return nil
	}
	m.lookups++
	e := &m.entries[h%memoSlots]
	if e.v == v && e.v != "" {
		m.hits++
		return e
	}
	return nil
}

// slot is where v, of hash h, is kept.
func (m *valueMemo) slot(h uint64) *memoEntry { return &m.entries[h%memoSlots] }

// worth reports whether the memo has paid its way; the column drops it when not.
func (m *valueMemo) worth() bool {
	return m.lookups < memoTrial || m.hits >= memoMinHits
}

// memoState is a column's memo, and whether the column gave it up.
type memoState struct {
	memo *valueMemo
	off  bool
	// memos is what is left of the worker's budget of memos (maxMemos), which its columns
	// share.
	memos *int
}

// maxMemos bounds the memos one worker holds at once (about 30 KB each): a column takes one
// from the budget on its first value and gives it back when the memo does not pay. A
// 16,000-column file took 414 MB of caches that its few rows could never repay.
const maxMemos = 256

// get is the column's memo, taken from the budget on first use; nil when the column has none.
func (st *memoState) get() *valueMemo {
	if st.memo == nil && !st.off {
		if st.memos == nil || *st.memos > 0 {
			st.memo = &valueMemo{}
			if st.memos != nil {
				*st.memos--
			}
		} else {
			st.off = true
		}
	}
	return st.memo
}

// drop gives the memo up, back to the budget, once it has not paid (valueMemo.worth); its
// pending hits must have been tallied.
func (st *memoState) drop() {
	st.memo, st.off = nil, true
	if st.memos != nil {
		*st.memos++
	}
}
