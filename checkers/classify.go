package checkers

import (
	"math"
	"slices"

	"github.com/dgcheck/dgcheck/checkers/detect"
)

// The column classifier: which kind of data a column holds, from its detector counts and its
// name, with a confidence in [0, 1]. It is evidence, not judgement: rules decide with their own
// threshold (classify_min_confidence in the rules' configuration) what a confidence means.

// Classifier constants. All are project defaults: no standard sets them.
const (
	// MinConfidence is the floor below which no type is reported: a weaker candidate is noise.
	MinConfidence = 0.5
	// invalidWeight is what a plausible value with a wrong check character counts for: a
	// column of ID numbers with a few wrong check digits is still ID numbers, but less surely.
	invalidWeight = 0.5
	// weakFactor scales a Weak detector without its hint: eight digits or a decimal are too
	// common to type a column alone.
	weakFactor = 0.4
	// heuristicCap bounds a heuristic detector without its hint: a name or address is never
	// certain from values alone.
	heuristicCap = 0.9
	// otherHintFactor scales a detector when the name hints at other detectors but not it.
	otherHintFactor = 0.9
	// spreadFull is the share of distinct values at which a heuristic's raw matches count in
	// full: a column of names has nearly as many names as rows, a column of twelve street
	// names that happen to look like names does not.
	spreadFull = 0.2
	// preciseShare of coordinates with 4 or more places makes a column precise_location.
	preciseShare = 0.5
)

// Classify types one column from its profile: the detector with the highest confidence, or
// nil when none reaches MinConfidence (or detection did not run). A detector types a column
// only on plausible values whose check characters are mostly right (shapedLike says why one
// did not); Shaped reports the refused detector with the most matches.
func Classify(col *ColumnProfile) *Classification {
	c, _ := classify(col)
	return c
}

func classify(col *ColumnProfile) (*Classification, *ShapedLike) {
	present := col.Rows - col.Nulls - col.Blanks
	if present <= 0 || len(col.Detectors) == 0 {
		return nil, nil
	}
	hinted := map[string]bool{}
	anyDetectorHint := false
	for _, h := range col.Hints {
		if detect.Index(h) >= 0 {
			hinted[h] = true
			anyDetectorHint = true
		}
	}
	var best *Classification
	var shaped *ShapedLike
	for i := range detect.All {
		d := &detect.All[i]
		dc := col.Detectors[d.Name]
		if dc == nil || dc.Matched+dc.Masked == 0 {
			continue
		}
		if s := shapedLike(d, dc, present); s != nil {
			if s.HitRate >= MinConfidence && (shaped == nil || s.HitRate > shaped.HitRate) {
				shaped = s
			}
			continue
		}
		c := score(d, dc, present, col.Distinct, hinted[d.Name], anyDetectorHint)
		if best == nil || c.Confidence > best.Confidence {
			best = c
		}
	}
	if best == nil || best.Confidence < MinConfidence {
		best = nil
	}
	if best != nil && shaped != nil && best.HitRate >= shaped.HitRate {
		shaped = nil // a type the values bear out explains the column better
	}
	return best, shaped
}

// shapedLike says why d may not type a column of these counts, or nil when it may.
func shapedLike(d *detect.Detector, dc *DetectorCounts, present int64) *ShapedLike {
	if dc.Matched == 0 {
		return nil // masked values only: nothing to judge them by
	}
	n, matched, plausible := float64(present), float64(dc.Matched), float64(dc.Plausible)
	s := &ShapedLike{Detector: d.Name, HitRate: round4(matched / n), PlausibleRate: round4(plausible / matched),
		ChanceRate: round4(d.CheckChance())}
	if plausible > 0 {
		s.ValidRate = round4(float64(dc.Valid) / plausible)
	}
	switch p := d.CheckChance(); {
	case plausible < detect.PlausibleMin*matched:
		s.Reason = "implausible"
	case p > 0 && !detect.AboveChance(dc.Valid, dc.Plausible, p):
		s.Reason = "chance"
	case p > 0 && 2*dc.Valid < dc.Plausible:
		s.Reason = "mostly_invalid"
	default:
		return nil
	}
	return s
}

// Holds reports whether the column's values say it holds detector's identifier, as the rules'
// identifier columns judge (rules/bundle/dgcheck/lib/profile): at least minRate of its
// non-null values are plausible identifiers, raw or masked; nearly all its matches are
// plausible (detect.PlausibleMin); and its right check characters are more than chance.
func (col *ColumnProfile) Holds(detector string, minRate float64) bool {
	i := detect.Index(detector)
	dc := col.Detectors[detector]
	present := col.Rows - col.Nulls - col.Blanks
	if i < 0 || dc == nil || present <= 0 {
		return false
	}
	if float64(dc.Plausible+dc.Masked) < minRate*float64(present) {
		return false
	}
	// Check characters mostly wrong still make a column of the identifier, badly kept.
	s := shapedLike(&detect.All[i], dc, present)
	return s == nil || s.Reason == "mostly_invalid"
}

func score(d *detect.Detector, dc *DetectorCounts, present, distinct int64, hinted, anyHint bool) *Classification {
	n := float64(present)
	raw := float64(dc.Valid) + invalidWeight*float64(dc.Plausible-dc.Valid)
	if d.Heuristic {
		raw *= min(1, float64(distinct)/n/spreadFull)
	}
	conf := min(1, (raw+float64(dc.Masked))/n)
	// Coordinates written as pairs are not in doubt the way a lone decimal is.
	weak := d.Weak && !(d.Name == "coordinate" && 2*dc.Traits["pair"] >= dc.Matched && dc.Matched > 0)
	switch {
	case hinted:
		conf += (1 - conf) / 2 // raises, but from nothing makes nothing
	case weak:
		conf *= weakFactor
	case d.Heuristic:
		conf = min(conf, heuristicCap)
	}
	if !hinted && anyHint {
		conf *= otherHintFactor
	}
	c := &Classification{Type: d.Name, Detector: d.Name, Confidence: round4(conf),
		HitRate: round4(float64(dc.Matched+dc.Masked) / n), MaskedRate: round4(float64(dc.Masked) / n),
		Heuristic: d.Heuristic, Hinted: hinted, Form: "mixed"}
	if dc.Matched > 0 {
		c.ValidRate = round4(float64(dc.Valid) / float64(dc.Matched))
	}
	switch {
	case dc.Masked == 0:
		c.Form = "raw"
	case dc.Matched == 0:
		c.Form = "masked"
	}
	if d.Name == "coordinate" {
		c.Type = "location"
		if dc.Matched > 0 && float64(dc.Traits["precise"]) >= preciseShare*float64(dc.Matched) {
			c.Type = "precise_location"
		}
	}
	return c
}

// round4 keeps four decimals, so that a profile's JSON does not vary in the last bits of a
// float with the order partial profiles merged in.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Types lists the data types Classify can report, in a stable order.
func Types() []string {
	var ts []string
	for _, d := range detect.All {
		if d.Name == "coordinate" {
			ts = append(ts, "precise_location", "location")
			continue
		}
		ts = append(ts, d.Name)
	}
	return slices.Clip(ts)
}
