package checkers

import (
	"math/bits"

	"github.com/dgcheck/dgcheck/checkers/detect"
)

// Identifier detection in the scan: each value goes to the detectors its shape admits
// (detect.Candidates), and a value none of them recognises whole is searched for identifiers
// embedded in its text.

// detectorCounts is one detector's running evidence for one column.
type detectorCounts struct {
	matched, valid, masked int64
	plausible              int64                 // matched values with no implausible trait (detect.Detector.Plausible)
	invalid, raw           sampleSet[heldSample] // values as read (cellmask.go)
	traits                 [8]int64
	embedded               int64
	embeddedSamples        sampleSet[heldSample] // the embedded identifiers, as read
	// birthMin and birthMax are the range of birth months (year*100 + month) of valid resident
	// ID numbers; 0 when there is none.
	birthMin, birthMax int
}

// newDetectors is a column's detectors, each made when it first meets a value: most columns
// meet two or three of the twenty, and a column's full set (some 5 KB per worker) made up
// front cost a 10,000-column file 100 MB.
func newDetectors() []*detectorCounts { return make([]*detectorCounts, len(detect.All)) }

// detector is the column's counts of detector i, made on first use.
func (c *column) detector(i int) *detectorCounts {
	if c.detectors[i] == nil {
		c.detectors[i] = &detectorCounts{invalid: newSampleSet[heldSample](c.samples), raw: newSampleSet[heldSample](c.samples),
			embeddedSamples: newSampleSet[heldSample](c.samples)}
	}
	return c.detectors[i]
}

// residentID is the index of the resident ID detector, whose valid values also give birth
// months.
var residentID = detect.Index("cn_resident_id")

// detection is what the detectors say of one value: the results of those that match it or
// recognise it as masked, and the identifiers embedded in it (when it is not one itself).
type detection struct {
	n       uint8
	results [maxResults]struct {
		det uint8
		r   detect.Result
	}
	embedded uint32
}

// maxResults bounds the detectors that recognise one value (an 18-digit ID number is also a
// USCC's and a bank card's structure); a value recognised by more is not cached.
const maxResults = 6

// detection runs the detectors in set (detect.Candidates(v), as is sh) on one present,
// non-blank value into d, which is zero. A value that more than maxResults detectors
// recognise is counted here, and cacheable is false: its detection does not fit a memo
// entry.
func (c *column) detection(d *detection, v string, row int64, sh detect.Shape, set uint32) (cacheable bool) {
	cacheable = true
	for ; set != 0; set &= set - 1 {
		i := bits.TrailingZeros32(set)
		if r := detect.All[i].Detect(v); r.Match || r.Masked {
			if d.n == maxResults {
				cacheable = false
				c.countOne(i, r, v, row)
				continue
			}
			d.results[d.n].det, d.results[d.n].r = uint8(i), r
			d.n++
		}
	}
	// A value that is itself an identifier is not free text.
	if d.n == 0 && cacheable {
		d.embedded = detect.Embedded(v, sh)
	}
	return cacheable
}

// countDetection adds one value's detection to the column's counts.
func (c *column) countDetection(d *detection, v string, row int64) {
	for k := range d.n {
		c.countOne(int(d.results[k].det), d.results[k].r, v, row)
	}
	for found := d.embedded; found != 0; found &= found - 1 {
		i := bits.TrailingZeros32(found)
		dc := c.detector(i)
		dc.embedded++
		if !dc.embeddedSamples.full(row) {
			dc.embeddedSamples.add(heldSample{row: row, value: hold(detect.EmbeddedValue(v, i))}, row)
		}
	}
}

func (c *column) countOne(i int, r detect.Result, v string, row int64) {
	dc := c.detector(i)
	if r.Masked {
		dc.masked++
		return
	}
	dc.matched++
	if detect.All[i].Plausible(r) {
		dc.plausible++
	}
	for t := r.Traits; t != 0; t &= t - 1 {
		dc.traits[bits.TrailingZeros8(uint8(t))]++
	}
	if !dc.raw.full(row) {
		dc.raw.add(heldSample{row: row, value: hold(v)}, row)
	}
	if r.Valid {
		dc.valid++
		if i == residentID {
			dc.birthMonth(v)
		}
	} else if !dc.invalid.full(row) {
		dc.invalid.add(heldSample{row: row, value: hold(v)}, row)
	}
}

// birthMonth widens the birth-month range with a valid resident ID number.
func (dc *detectorCounts) birthMonth(id string) {
	y, m, _, ok := detect.BirthDate(id)
	if !ok {
		return
	}
	ym := y*100 + m
	if dc.birthMin == 0 || ym < dc.birthMin {
		dc.birthMin = ym
	}
	dc.birthMax = max(dc.birthMax, ym)
}

func mergeDetectors(ds, os []*detectorCounts) {
	for i, od := range os {
		if od == nil {
			continue
		}
		if ds[i] == nil {
			ds[i] = od
			continue
		}
		d := ds[i]
		d.matched += od.matched
		d.plausible += od.plausible
		d.valid += od.valid
		d.masked += od.masked
		d.invalid.merge(&od.invalid)
		d.raw.merge(&od.raw)
		for t := range d.traits {
			d.traits[t] += od.traits[t]
		}
		d.embedded += od.embedded
		d.embeddedSamples.merge(&od.embeddedSamples)
		if od.birthMin != 0 && (d.birthMin == 0 || od.birthMin < d.birthMin) {
			d.birthMin = od.birthMin
		}
		d.birthMax = max(d.birthMax, od.birthMax)
	}
}

// detectionProfile publishes the detector counts, the column's name hints and its
// classification.
func (c *column) detectionProfile(p *ColumnProfile) {
	p.Hints = HintsFor(c.name)
	for i, d := range detect.All {
		if c.detectors == nil {
			break
		}
		dc := c.detectors[i]
		if dc == nil { // it met no value: absent from the profile (ColumnProfile.Detectors)
			continue
		}
		out := &DetectorCounts{Matched: dc.matched, Plausible: dc.plausible, Valid: dc.valid, Masked: dc.masked,
			Traits: map[string]int64{}, Embedded: dc.embedded}
		for t, name := range d.Traits {
			out.Traits[name] = dc.traits[t]
		}
		if dc.birthMin != 0 {
			out.BirthMonths = &MonthRange{Min: yearMonth(dc.birthMin), Max: yearMonth(dc.birthMax)}
		}
		p.Detectors[d.Name] = out
	}
	p.Classification, p.ShapedLike = classify(p)
}

// detectionSamples publishes the detectors' samples once the column's mask is known: a value
// several detectors match (an ID number has a credit code's and a bank card's structure) is
// shown in the column's one form in each. An embedded identifier is masked as what it is.
func (c *column) detectionSamples(p *ColumnProfile, m columnMask) {
	for i, d := range detect.All {
		if c.detectors == nil {
			break
		}
		dc, out := c.detectors[i], p.Detectors[d.Name]
		if dc == nil {
			continue
		}
		out.InvalidSamples, out.RawSamples = m.samples(&dc.invalid), m.samples(&dc.raw)
		out.EmbeddedSamples = shownSamples(&dc.embeddedSamples, func(h heldSample) string {
			return capExposure(h.value, d.Mask(h.value))
		})
	}
}

func yearMonth(ym int) string {
	y, m := ym/100, ym%100
	return string([]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-', byte('0' + m/10), byte('0' + m%10)})
}
