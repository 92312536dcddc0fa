package checkers

import (
	"maps"
	"math/bits"
	"slices"
	"strings"

	"github.com/dgcheck/dgcheck/checkers/detect"
)

// Dirty values (GB/T 36344 准确性/脏数据出现率, QUAL-013) beside the missing-value tokens the
// column already counts: values that only stand in for a number, text garbled by a wrong
// decoding, control characters, and full-width forms or ideographic spaces that break the
// matching of codes. Every present value is looked at, so the test is a byte scan that stops
// only at the few bytes that can start one of these.

// dirtyKind is one kind of dirty value.
type dirtyKind uint8

const (
	dirtySentinel         dirtyKind = iota // 999999 and longer runs of 9s: a number standing in for "unknown"
	dirtyMojibake                          // U+FFFD, 锟斤拷, or UTF-8 read as Latin-1 (Ã©, â€œ)
	dirtyControl                           // C0 controls other than tab and line ends, DEL, C1 controls
	dirtyFullwidth                         // full-width ASCII forms (U+FF01-U+FF5E), e.g. ４２０１１１
	dirtyIdeographicSpace                  // U+3000 inside a value
	numDirty
)

var dirtyNames = [numDirty]string{"sentinel", "mojibake", "control", "fullwidth", "ideographic_space"}

// minSentinelNines: 999999 is the sentinel GB/T 36344 practice names; shorter runs of 9s are
// too often real amounts or codes.
const minSentinelNines = 6

// dirtyLead marks the bytes that can start a dirty sequence; every other byte is skipped.
var dirtyLead = func() (t [256]bool) {
	for b := range 0x20 {
		t[b] = b != '\t' && b != '\n' && b != '\r'
	}
	for _, b := range []byte{0x7F, 0xC2, 0xC3, 0xE3, 0xE9, 0xEF} {
		t[b] = true
	}
	return t
}()

// dirtyOf returns the set of dirty kinds in a present, non-blank value of shape sh
// (detect.ShapeOf(v)), as bits 1<<kind. A value of ASCII digits, letters and the punctuation
// the shape names (no Other, nothing wide) holds no byte that starts a dirty sequence, and is
// not scanned.
func dirtyOf(v string, sh detect.Shape) uint8 {
	var kinds uint8
	if len(v) >= minSentinelNines && (v[0] == '9' || v[0] == '-') && isNines(v) {
		kinds |= 1 << dirtySentinel
	}
	if sh.Classes&(mayBeWide|detect.Other) == 0 {
		return kinds
	}
	for i := 0; i < len(v); i++ {
		b := v[i]
		if !dirtyLead[b] {
			// Continuation bytes (0x80-0xBF) never start a dirty sequence: skip those of a
			// Chinese character's three bytes rather than look each up.
			if b >= 0xE0 && b < 0xF0 {
				i += 2
			}
			continue
		}
		rest := v[i:]
		switch {
		case b < 0x20 || b == 0x7F:
			kinds |= 1 << dirtyControl
		case b == 0xC2 && len(rest) > 1 && rest[1] >= 0x80 && rest[1] <= 0x9F:
			kinds |= 1 << dirtyControl
		case b == 0xC3 && len(rest) > 3 && (rest[1] == 0x82 || rest[1] == 0x83 || rest[1] == 0xA2) && latin1Tail(rest[2:]):
			kinds |= 1 << dirtyMojibake
		case b == 0xE3 && strings.HasPrefix(rest, "\u3000"):
			kinds |= 1 << dirtyIdeographicSpace
		case b == 0xE9 && strings.HasPrefix(rest, "锟斤拷"), b == 0xEF && strings.HasPrefix(rest, "\uFFFD"):
			kinds |= 1 << dirtyMojibake
		case b == 0xEF && len(rest) > 2 && (rest[1] == 0xBC && rest[2] >= 0x81 || rest[1] == 0xBD && rest[2] <= 0x9E):
			kinds |= 1 << dirtyFullwidth
		}
	}
	return kinds
}

// isNines reports a run of at least minSentinelNines 9s, optionally negative.
func isNines(v string) bool {
	v = strings.TrimPrefix(v, "-")
	return len(v) >= minSentinelNines && strings.Trim(v, "9") == ""
}

// latin1Tail reports whether s starts with what follows Ã, Â or â when UTF-8 bytes were read as
// Latin-1 or Windows-1252 and written back as UTF-8: a character of U+0080-U+00BF, or one of
// the Windows-1252 punctuation marks (€ ‘ ’ “ ” ™) that stand for bytes 0x80-0x9F.
func latin1Tail(s string) bool {
	switch {
	case len(s) >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0xBF:
		return true
	case len(s) >= 3 && s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x82 || s[1] == 0x84):
		return true
	}
	return false
}

// dirtyCounts is one column's tally of dirty values, by kind.
type dirtyCounts struct {
	counts [numDirty]int64
	// overlaps counts the values with two or more kinds, by their set of kinds (dirtyOf's
	// bits): a value is one value however many kinds of dirt it has.
	overlaps map[uint8]int64
	samples  [numDirty]sampleSet[heldSample] // values as read (cellmask.go)
}

func newDirtyCounts(samples int) dirtyCounts {
	var d dirtyCounts
	for i := range d.samples {
		d.samples[i] = newSampleSet[heldSample](samples)
	}
	return d
}

// count counts value v at row as dirt of kinds (dirtyOf's bits).
func (d *dirtyCounts) count(kinds uint8, v string, row int64) {
	if kinds == 0 {
		return
	}
	if bits.OnesCount8(kinds) > 1 {
		if d.overlaps == nil {
			d.overlaps = map[uint8]int64{}
		}
		d.overlaps[kinds]++
	}
	for k := range numDirty {
		if kinds&(1<<k) == 0 {
			continue
		}
		d.counts[k]++
		if !d.samples[k].full(row) {
			d.samples[k].add(heldSample{row: row, value: hold(v)}, row)
		}
	}
}

func (d *dirtyCounts) merge(o *dirtyCounts) {
	for k := range d.counts {
		d.counts[k] += o.counts[k]
		d.samples[k].merge(&o.samples[k])
	}
	for kinds, n := range o.overlaps {
		if d.overlaps == nil {
			d.overlaps = map[uint8]int64{}
		}
		d.overlaps[kinds] += n
	}
}

// overlapProfile lists the values with several kinds of dirt by their kinds, in a fixed
// order so that the profile does not depend on map iteration.
func (d *dirtyCounts) overlapProfile() []DirtyOverlap {
	var out []DirtyOverlap
	for _, kinds := range slices.Sorted(maps.Keys(d.overlaps)) {
		o := DirtyOverlap{Count: d.overlaps[kinds]}
		for k := range numDirty {
			if kinds&(1<<k) != 0 {
				o.Kinds = append(o.Kinds, dirtyNames[k])
			}
		}
		out = append(out, o)
	}
	return out
}

// profile lists the kinds found, values in the column's form; a column without dirty values
// has an empty map.
func (d *dirtyCounts) profile(m columnMask) map[string]*ValueIssues {
	out := map[string]*ValueIssues{}
	for k, n := range d.counts {
		if n > 0 {
			out[dirtyNames[k]] = &ValueIssues{Count: n, Samples: m.samples(&d.samples[k])}
		}
	}
	return out
}
