package checkers

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dgcheck/dgcheck/checkers/detect"
)

// nullHash stands for an absent value in row and key hashes, so that a null and an empty or
// blank string do not make two rows equal.
const nullHash = 0x9e3779b97f4a7c15

// column accumulates one column's evidence over the batches one worker sees.
type column struct {
	name        string
	rows        int64
	nulls       int64
	blanks      int64
	missing     []int64 // by index in missingTokens
	nullSamples sampleSet[int64]
	distinct    distinctCounter
	kinds       [numKinds]int64
	// Extremes by kind: numbers compare as numbers, dates and datetimes as ISO text (which
	// orders them), everything as text. The column's inferred type picks which to report.
	numMin, numMax   float64
	timeMin, timeMax string
	textMin, textMax string
	minLen, maxLen   int
	detectors        []*detectorCounts // detection.go; nil when detection is skipped
	memo             memoState         `state:"-"` // memo.go; a cache
	typed            *facts            `state:"-"` // what the batch's type decides (typedFacts); nil: read the text
	forms            formCounter       // forms.go
	masking          *maskingCounter   // masking.go; nil unless the field declares a pattern
	dirty            dirtyCounts       // dirty.go
	spread           spread            // spread.go
	checks           *fieldChecks      // fieldchecks.go; nil unless the field declares checks
	kept             *keptValues       // keptvalues.go; nil unless the plan keeps values
	samples          int               // how many rows each check locates
}

// newColumn is a column's accumulator; a is its share of the worker's exact sets and sketches.
func newColumn(name string, samples int, a allowance) *column {
	c := &column{name: name, missing: make([]int64, len(missingTokens)),
		nullSamples: newSampleSet[int64](samples), distinct: newDistinctCounter(a.distinct),
		detectors: newDetectors(), minLen: -1, dirty: newDirtyCounts(samples),
		spread: newSpread(a), samples: samples}
	return c
}

// observe measures one value, whose hash is h (hashString(v); anything when the value is
// absent), and returns its hash for row and key duplicate detection.
func (c *column) observe(v string, present bool, h uint64, row int64) uint64 {
	c.rows++
	if !present {
		c.nulls++
		c.nullSamples.add(row, row)
		return nullHash
	}
	if isBlank(v) {
		c.blanks++
		c.nullSamples.add(row, row)
		return h
	}
	memo := c.memo.get()
	if e := memo.lookup(v, h); e != nil {
		if !e.plain {
			c.count(&e.f, v, row)
			return h
		}
		e.pending++ // tallied later (settle); only a number's place in the tails is for now
		if e.f.numeric {
			c.spread.extremes(e.f.num, row)
		}
		return h
	}
	// What the type decides (typedFacts: a Parquet DATE's text is a date and nothing else),
	// and, the same, what isDate decides of a CSV's ISO date.
	if len(v) == len(time.DateOnly) {
		typed := c.typed
		if typed == nil && isDate(v) {
			typed = &dateFacts
		}
		if typed != nil {
			c.meet(typed, v, h, len(v))
			c.count(typed, v, row)
			c.remember(v, h, typed)
			return h
		}
	}
	var f facts
	cacheable := c.first(&f, v, h, row)
	c.count(&f, v, row)
	if cacheable {
		c.remember(v, h, &f)
	}
	return h
}

// remember keeps f for v in the column's memo, if it has one, tallying the pending hits of
// the value it evicts; it drops the memo once the memo has not paid.
func (c *column) remember(v string, h uint64, f *facts) {
	m := c.memo.memo
	if m == nil {
		return
	}
	e := m.slot(h)
	if e.pending > 0 {
		c.tally(&e.f, e.pending)
	}
	e.v, e.f, e.plain, e.pending = strings.Clone(v), *f, c.plain(f), 0
	if !m.worth() {
		c.settle()
		c.memo.drop()
	}
}

// plain reports whether a value whose text decided f is only counted, however many rows
// hold it: nothing about it is located by row (dirt, mask shapes, identifiers, declared
// masking and checks all keep samples), but a number's place among the extremes.
func (c *column) plain(f *facts) bool {
	return c.masking == nil && c.checks == nil && f.dirt == 0 && !f.form.shaped && f.d.n == 0 && f.d.embedded == 0
}

// settle tallies the memo's pending hits. The scan settles every column at the end of each
// batch, so that counts are whole between batches.
func (c *column) settle() {
	m := c.memo.memo
	if m == nil {
		return
	}
	for i := range m.entries {
		if e := &m.entries[i]; e.pending > 0 {
			c.tally(&e.f, e.pending)
			e.pending = 0
		}
	}
}

// first fills f with what a value's text decides and measures it as a value the column
// may not have met yet (meet). It returns whether f may be memoised.
//
// The value's shape (detect.Candidates: its length and the classes of its bytes, read in one
// pass) comes first, since it settles much of the rest without another look at the bytes: an
// ASCII value's length in characters is its length in bytes, and one of digits, letters and
// punctuation holds no dirt but a sentinel, no mask character and no embedded identifier its
// classes rule out.
func (c *column) first(f *facts, v string, h uint64, row int64) bool {
	sh, candidates := detect.Candidates(v)
	f.missing = int8(missingToken(v))
	f.kind = kindOfShaped(v, sh)
	f.form = formOfValue(v, f.kind, sh)
	f.dirt = dirtyOf(v, sh)
	if f.kind == kindInteger || f.kind == kindNumber {
		f.num, f.numeric = numberOf(v, f.kind)
	}
	runes := len(v)
	if sh.Classes&mayBeWide != 0 {
		runes = utf8.RuneCountInString(v)
	}
	c.meet(f, v, h, runes)
	if c.detectors == nil {
		return true
	}
	return c.detection(&f.d, v, row, sh, candidates) // detection.go
}

// meet measures what only a value the column has not met yet can change: distinct values,
// kept values, extremes and lengths (runes, v's length in characters). Meeting a value again
// changes nothing, so a value that left the memo is met again at no harm.
func (c *column) meet(f *facts, v string, h uint64, runes int) {
	c.distinct.add(h)
	c.kept.add(v)
	switch f.kind {
	case kindInteger, kindNumber:
		if f.numeric {
			if c.kinds[kindInteger]+c.kinds[kindNumber] == 0 || f.num < c.numMin {
				c.numMin = f.num
			}
			if c.kinds[kindInteger]+c.kinds[kindNumber] == 0 || f.num > c.numMax {
				c.numMax = f.num
			}
		}
	case kindDate, kindDatetime:
		if c.timeMin == "" || v < c.timeMin {
			c.timeMin = strings.Clone(v)
		}
		if v > c.timeMax {
			c.timeMax = strings.Clone(v)
		}
	}
	if c.textMin == "" || v < c.textMin {
		c.textMin = hold(v)
	}
	if v > c.textMax {
		c.textMax = hold(v)
	}
	if c.minLen < 0 || runes < c.minLen {
		c.minLen = runes
	}
	c.maxLen = max(c.maxLen, runes)
}

// count counts one present, non-blank value at row, whose text decided f.
func (c *column) count(f *facts, v string, row int64) {
	c.tally(f, 1)
	if f.form.shaped {
		c.forms.shaped(v, row)
	}
	if c.masking != nil {
		c.masking.observe(v, row)
	}
	c.dirty.count(f.dirt, v, row)
	if c.checks != nil {
		c.checks.observe(v, f.kind, row)
	}
	if spreads(f) {
		c.spread.extremes(f.num, row)
	}
	if c.detectors != nil {
		c.countDetection(&f.d, v, row) // detection.go
	}
}

// tally counts n values whose text decided f in what does not depend on their rows: their
// missing-value token, kind, form (but a mask shape's, forms.shaped) and numbers.
func (c *column) tally(f *facts, n int64) {
	if f.missing >= 0 {
		c.missing[f.missing] += n
	}
	c.kinds[f.kind] += n
	c.forms.tally(f.form, n)
	if spreads(f) {
		c.spread.tally(f.num, n)
	}
}

// spreads reports whether a value whose text decided f is one of the column's numbers: a
// sentinel (999999) stands for none.
func spreads(f *facts) bool { return f.numeric && f.dirt&(1<<dirtySentinel) == 0 }

func (c *column) merge(o *column) {
	hadNum := c.kinds[kindInteger]+c.kinds[kindNumber] > 0
	oHasNum := o.kinds[kindInteger]+o.kinds[kindNumber] > 0
	c.rows += o.rows
	c.nulls += o.nulls
	c.blanks += o.blanks
	for i := range c.missing {
		c.missing[i] += o.missing[i]
	}
	c.nullSamples.merge(&o.nullSamples)
	c.distinct.merge(&o.distinct)
	for i := range c.kinds {
		c.kinds[i] += o.kinds[i]
	}
	if oHasNum && (!hadNum || o.numMin < c.numMin) {
		c.numMin = o.numMin
	}
	if oHasNum && (!hadNum || o.numMax > c.numMax) {
		c.numMax = o.numMax
	}
	if o.timeMin != "" && (c.timeMin == "" || o.timeMin < c.timeMin) {
		c.timeMin = o.timeMin
	}
	c.timeMax = max(c.timeMax, o.timeMax)
	if o.textMin != "" && (c.textMin == "" || o.textMin < c.textMin) {
		c.textMin = o.textMin
	}
	c.textMax = max(c.textMax, o.textMax)
	if o.minLen >= 0 && (c.minLen < 0 || o.minLen < c.minLen) {
		c.minLen = o.minLen
	}
	c.maxLen = max(c.maxLen, o.maxLen)
	c.forms.merge(&o.forms)
	if c.masking != nil {
		c.masking.merge(o.masking)
	}
	c.dirty.merge(&o.dirty)
	c.spread.merge(&o.spread)
	c.checks.merge(o.checks)
	c.kept.merge(o.kept)
	mergeDetectors(c.detectors, o.detectors)
}

// profile turns the accumulator into the column's published evidence. Once the column's
// classification is known its mask is decided (maskOf, from it and decl, what the metadata
// declares), and every held value, samples and extremes alike, is shown in that one form
// (cellmask.go).
func (c *column) profile(index int, decl maskDecl) (ColumnProfile, columnMask) {
	p := ColumnProfile{Name: c.name, Index: index, Rows: c.rows, Nulls: c.nulls, Blanks: c.blanks,
		MissingTokens: map[string]int64{}, NullSamples: c.nullSamples.sorted(),
		Kinds: map[string]int64{}, Detectors: map[string]*DetectorCounts{},
		MinLength: max(c.minLen, 0), MaxLength: c.maxLen}
	for i, n := range c.missing {
		if n > 0 {
			p.MissingTokens[missingTokens[i]] += n
		}
	}
	p.Distinct, p.DistinctExact = c.distinct.count()
	for k, n := range c.kinds {
		p.Kinds[kindNames[k]] = n
	}
	p.InferredType, p.TypeConformance = c.inferType()
	p.Forms = c.forms.profile()
	p.Values = c.kept.values()
	switch p.InferredType {
	case "integer", "number":
		if c.kinds[kindInteger]+c.kinds[kindNumber] > 0 {
			p.RawMin = strconv.FormatFloat(c.numMin, 'f', -1, 64)
			p.RawMax = strconv.FormatFloat(c.numMax, 'f', -1, 64)
		}
	case "date", "datetime":
		p.RawMin, p.RawMax = c.timeMin, c.timeMax
	}
	c.detectionProfile(&p) // detection.go: counts, hints, classification
	m := maskOf(decl, &p)
	c.detectionSamples(&p, m)
	if c.masking != nil {
		p.Masking = c.masking.profile(m)
	}
	p.Dirty, p.DirtyOverlaps, p.Constraints = c.dirty.profile(m), c.dirty.overlapProfile(), c.checks.profile(m)
	c.extremes(&p, m)
	// The spread of identifiers says nothing, and the quartiles of a quasi-identifier (ages,
	// birth years) are values of people.
	if (p.InferredType == "integer" || p.InferredType == "number") && p.Classification == nil && !m.pi && !m.quasi {
		p.Spread = c.spread.profile(c.samples, m)
	}
	return p, m
}

// extremes publishes the column's min and max. A quasi-identifier's are generalised: dates to
// the year (a birth date's extremes are two people's birth dates), anything else omitted. Those
// of personal data are in the column's masked form: a column of mobile numbers is "integer",
// but its extremes are phone numbers. Other columns' are shown: numbers and dates as such, text
// as the column's values are shown.
func (c *column) extremes(p *ColumnProfile, m columnMask) {
	switch {
	case m.quasi:
		if (p.InferredType == "date" || p.InferredType == "datetime") && len(c.timeMin) >= 4 {
			p.Min, p.Max = c.timeMin[:4], c.timeMax[:4]
		}
	case m.pi:
		if c.textMin != "" {
			p.Min, p.Max = m.show(c.textMin), m.show(c.textMax)
		}
	case p.InferredType == "integer", p.InferredType == "number":
		p.Min = strconv.FormatFloat(c.numMin, 'f', -1, 64)
		p.Max = strconv.FormatFloat(c.numMax, 'f', -1, 64)
	case p.InferredType == "date", p.InferredType == "datetime":
		p.Min, p.Max = c.timeMin, c.timeMax
	default:
		if c.textMin != "" {
			p.Min, p.Max = m.show(c.textMin), m.show(c.textMax)
		}
	}
}

// inferType picks the narrowest type that most present values conform to: integer is also
// number, and date is also datetime. A column where no type reaches half the values is text,
// which every value conforms to.
func (c *column) inferType() (string, float64) {
	present := c.rows - c.nulls - c.blanks
	if present == 0 {
		return "string", 1
	}
	coverage := map[kind]int64{
		kindInteger:  c.kinds[kindInteger],
		kindNumber:   c.kinds[kindInteger] + c.kinds[kindNumber],
		kindBoolean:  c.kinds[kindBoolean],
		kindDate:     c.kinds[kindDate],
		kindDatetime: c.kinds[kindDate] + c.kinds[kindDatetime],
	}
	best, bestN := kindString, int64(0)
	// Narrower kinds first, so a wider one must cover strictly more values to win.
	for _, k := range []kind{kindInteger, kindDate, kindBoolean, kindNumber, kindDatetime} {
		if coverage[k] > bestN {
			best, bestN = k, coverage[k]
		}
	}
	if bestN*2 < present {
		return "string", 1
	}
	return kindNames[best], float64(bestN) / float64(present)
}

// numberOf reads a numeric value. Integers (at most 15 digits, so exact in a float64) are
// summed digit by digit: ParseFloat on every integer cost 5% of a scan.
func numberOf(v string, k kind) (float64, bool) {
	if k == kindNumber {
		f, err := strconv.ParseFloat(v, 64)
		return f, err == nil
	}
	neg, digits := false, v
	switch v[0] {
	case '-':
		neg, digits = true, v[1:]
	case '+':
		digits = v[1:]
	}
	n, _ := digitsOf(digits)
	if neg {
		n = -n
	}
	return float64(n), true
}
