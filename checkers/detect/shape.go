package detect

import (
	"encoding/binary"
	"strings"
)

// Classes is a set of byte classes: which kinds of byte a value holds.
type Classes uint16

// The byte classes a Shape records. Other is any ASCII byte not named here (_ % # / ...);
// NonASCII is any byte of a multi-byte UTF-8 sequence or invalid UTF-8.
const (
	Digit Classes = 1 << iota
	Upper
	Lower
	At
	Dot
	Colon
	Dash
	Star
	Plus
	Space
	Comma
	NonASCII
	Other
)

// Shape is what Candidates reads of a value in one pass: its length in bytes and the classes of
// its bytes, after dropping surrounding ASCII spaces and tabs as every detector does.
type Shape struct {
	Len     int
	Digits  int // ASCII digits: free text with fewer than 11 holds no mobile or ID number
	Classes Classes
	First   byte // the first byte, 0 for an empty value
}

// byteClass classifies one byte: one table lookup instead of a chain of comparisons.
var byteClass = func() (t [256]Classes) {
	for c := range 256 {
		switch {
		case c >= '0' && c <= '9':
			t[c] = Digit
		case c >= 'A' && c <= 'Z':
			t[c] = Upper
		case c >= 'a' && c <= 'z':
			t[c] = Lower
		case c >= 0x80:
			t[c] = NonASCII
		default:
			t[c] = Other
		}
	}
	t['@'], t['.'], t[':'], t['-'], t['*'], t['+'], t[' '], t['\t'], t[','] = At, Dot, Colon, Dash, Star, Plus, Space, Space, Comma
	return t
}()

// ShapeOf reads the shape of s (trimmed).
func ShapeOf(s string) Shape {
	s = trim(s)
	sh := Shape{Len: len(s)}
	if s != "" {
		sh.First = s[0]
	}
	// Runs of digits (ID numbers, mobiles, codes, amounts) are the commonest content: take
	// them eight bytes at a time.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if !digits8(binary.LittleEndian.Uint64([]byte(s[i : i+8]))) {
			break
		}
		sh.Classes |= Digit
		sh.Digits += 8
	}
	for ; i < len(s); i++ {
		c := byteClass[s[i]]
		sh.Classes |= c
		sh.Digits += int(c & Digit) // Digit is bit 0: no branch on the hot path
	}
	return sh
}

// digits8 reports whether all eight bytes of w are ASCII digits. With every byte below 0x80,
// setting each byte's high bit before subtracting '0' keeps borrows inside the byte, and the
// high bit survives where the byte was >= '0'; adding 0x80-':' carries into the high bit where
// it was >= ':', without reaching the next byte.
func digits8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return w&highs == 0 && ((w|highs)-ones*'0')&highs == highs && (w+ones*(0x80-':'))&highs == 0
}

// filter is a detector's shape prefilter: a length range, the classes a value must hold, at
// least one of which it must hold, and may hold, and the bytes it may start with ("" for any).
type filter struct {
	minLen, maxLen       int
	need, needAny, allow Classes
	first                string
}

// Candidates returns the shape of s and the set of detectors (bit i for All[i]) whose prefilter
// admits it. A detector outside the set neither matches s nor recognises it as masked, so a
// scan runs only the detectors in the set: most values of a table (dates, amounts, codes, words)
// reach none or one. The set is three table lookups (by length, first byte and byte classes)
// ANDed together, so its cost does not grow with the number of detectors.
func Candidates(s string) (Shape, uint32) {
	sh := ShapeOf(s)
	return sh, dispatch.byLen[min(sh.Len, maxDispatchLen)] & dispatch.byFirst[sh.First] & dispatch.byClasses[sh.Classes]
}

// maxDispatchLen: lengths from here up share one entry of the length table.
const maxDispatchLen = 320

// numClassSets is the number of distinct Classes values.
const numClassSets = int(Other) << 1

// dispatch holds each filter's verdict per length, first byte and class set, precomputed from
// All, so Candidates need not visit the filters one by one.
var dispatch = func() (t struct {
	byLen     [maxDispatchLen + 1]uint32
	byFirst   [256]uint32
	byClasses [numClassSets]uint32
}) {
	for i := range All {
		f := &All[i].accepts
		bit := uint32(1) << i
		if f.maxLen >= maxDispatchLen {
			panic("detect: a filter's maxLen reaches the dispatch table's open end")
		}
		for n := f.minLen; n <= f.maxLen; n++ {
			t.byLen[n] |= bit
		}
		for c := range 256 {
			if f.first == "" || strings.IndexByte(f.first, byte(c)) >= 0 {
				t.byFirst[c] |= bit
			}
		}
		for cs := range numClassSets {
			classes := Classes(cs)
			if classes&f.need == f.need && (f.needAny == 0 || classes&f.needAny != 0) && classes&^f.allow == 0 {
				t.byClasses[cs] |= bit
			}
		}
	}
	return t
}()
