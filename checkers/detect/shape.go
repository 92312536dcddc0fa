package detect

import (
	"encoding/binary"
	"strings"
)

// Classes is a set of byte classes: which kinds of byte a value holds.
type Classes uint16

// The byte classes a Shape records. Other is any ASCII byte not named here (_ % / = ...);
// NonASCII is any byte of a multi-byte UTF-8 sequence or invalid UTF-8. Star is a mask
// character other than a letter: '*', '#' and the full-width asterisk ＊ (U+FF0A), whose three
// bytes count as Star alone, not as NonASCII, so that a masked number (138＊＊＊＊5678) has the
// shape of one. The mask letters x and X are Lower and Upper as any letter.
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

// Marks of a byte beyond its class, above the classes' bits: an x or X, which may be a mask
// letter (a number's filter admits letters only with one); ＊, which makes a masked value longer
// in bytes than its characters; and 0xEF, the first byte of ＊ and of the other characters of
// U+F000-FFFF, for which ＊ is looked for. shapeOf moves them from Classes to its marks.
const (
	markX    Classes = Other << 1
	markWide Classes = Other << 2
	markEF   Classes = Other << 3
	marks            = markX | markWide | markEF
)

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
	t['@'], t['.'], t[':'], t['-'], t['*'], t['#'], t['+'], t[' '], t['\t'], t[','] = At, Dot, Colon, Dash, Star, Star, Plus, Space, Space, Comma
	t['x'], t['X'] = Lower|markX, Upper|markX
	t[fullStar0] = NonASCII | markEF
	return t
}()

// ShapeOf reads the shape of s (trimmed).
func ShapeOf(s string) Shape {
	sh, _ := shapeOf(s)
	return sh
}

// shapeOf reads the shape of s (trimmed) and its marks, which only the prefilter reads.
func shapeOf(s string) (Shape, Classes) {
	s = trim(s)
	var first byte
	if s != "" {
		first = s[0]
	}
	// Runs of digits (ID numbers, mobiles, codes, amounts) are the commonest content: take
	// them eight bytes at a time.
	var cs Classes
	digits, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		if !digits8(binary.LittleEndian.Uint64([]byte(s[i : i+8]))) {
			break
		}
		cs |= Digit
		digits += 8
	}
	for ; i < len(s); i++ {
		c := byteClass[s[i]]
		cs |= c
		digits += int(c & Digit) // Digit is bit 0: no branch on the hot path
	}
	// ＊ is looked for only in values with a 0xEF byte: a test in the loop would cost every
	// value, and a search every Han value.
	if cs&markEF != 0 && strings.Contains(s, "＊") {
		cs = wideClasses(s, cs)
	}
	return Shape{Len: len(s), Digits: digits, Classes: cs &^ marks, First: first}, cs & marks
}

// wideClasses corrects the classes of a value holding ＊: Star and markWide, and NonASCII only
// if another non-ASCII byte is there. It is the rare path, kept out of ShapeOf's body.
//
//go:noinline
func wideClasses(s string, cs Classes) Classes {
	cs |= Star | markWide
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			continue
		}
		if s[i] == fullStar0 && i+2 < len(s) && s[i+1] == fullStar1 && s[i+2] == fullStar2 {
			i += 2
			continue
		}
		return cs
	}
	return cs &^ NonASCII
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
//
// Lengths are in bytes, and most identifiers have fewer forms of some shapes than of others, so
// the length range depends on the shape's kind (lenKind): a value of ASCII digits alone must
// have one of the lengths in digitLens when that is set (a resident ID number 15 or 18, while
// its other forms spread over 15-18): columns of plain numbers are the commonest, and this keeps
// them away from the detectors they cannot match. A value holding neither Space nor Dash may be
// at most maxUngroupedLen long when that is set (a mobile number written without separators has
// at most 15 bytes, with them 18). A value holding ＊ may be maxWideLen long when that is more
// than maxLen: ＊ takes three bytes for one character.
//
// maskLetters are letter classes the filter admits only in a value holding an x or X, its mask
// letters: a bank card's filter admits Lower for 6222xxxxxxxx1234, and not for a word.
type filter struct {
	minLen, maxLen       int
	maxUngroupedLen      int
	maxWideLen           int
	digitLens            uint64 // bit n: n digits alone are admitted; 0 for minLen..maxLen
	need, needAny, allow Classes
	maskLetters          Classes
	first                string
}

// lens returns the digitLens bitmask of the lengths given.
func lens(ns ...int) uint64 {
	var m uint64
	for _, n := range ns {
		m |= 1 << n
	}
	return m
}

// The kinds of shape a filter's length rules tell apart.
const (
	lenOther   = iota
	lenDigits  // ASCII digits alone
	lenGrouped // holding Space or Dash (and no ＊)
	lenWide    // holding ＊
	numLenKinds
)

// lenKind is the kind of a shape of classes cs and marks.
func lenKind(cs, marks Classes) int {
	if marks&markWide != 0 {
		return lenWide
	}
	return int(lenKinds[cs])
}

// lenKinds is lenKind by class set, for shapes without ＊: one load.
var lenKinds = func() (t [numClassSets]uint8) {
	for cs := range numClassSets {
		switch c := Classes(cs); {
		case c == Digit:
			t[cs] = lenDigits
		case c&(Space|Dash) != 0:
			t[cs] = lenGrouped
		}
	}
	return t
}()

// admitsLen reports whether the filter admits a value of n bytes whose shape is of kind k.
func (f *filter) admitsLen(k, n int) bool {
	if n < f.minLen {
		return false
	}
	switch k {
	case lenDigits:
		if f.digitLens != 0 {
			return n < 64 && f.digitLens&(1<<n) != 0
		}
		if f.maxUngroupedLen != 0 {
			return n <= f.maxUngroupedLen
		}
	case lenOther:
		if f.maxUngroupedLen != 0 {
			return n <= f.maxUngroupedLen
		}
	case lenWide:
		return n <= max(f.maxLen, f.maxWideLen)
	}
	return n <= f.maxLen
}

func (f *filter) admitsFirst(c byte) bool {
	return f.first == "" || strings.IndexByte(f.first, c) >= 0
}

// admitsClasses applies the class rules to a class set, x telling whether the value holds an x
// or X.
func (f *filter) admitsClasses(cs Classes, x bool) bool {
	return cs&f.need == f.need && (f.needAny == 0 || cs&f.needAny != 0) && cs&^f.allow == 0 &&
		(x || cs&f.maskLetters == 0)
}

// admits applies the filter to a value: what the dispatch tables precompute for All.
func (f *filter) admits(s string) bool {
	sh, m := shapeOf(s)
	return f.admitsLen(lenKind(sh.Classes, m), min(sh.Len, maxDispatchLen)) && f.admitsFirst(sh.First) &&
		f.admitsClasses(sh.Classes, m&markX != 0)
}

// Candidates returns the shape of s and the set of detectors (bit i for All[i]) whose prefilter
// admits it. A detector outside the set neither matches s nor recognises it as masked, so a
// scan runs only the detectors in the set: most values of a table (dates, amounts, codes, words)
// reach none or one. The set is three table lookups (by length, first byte and byte classes)
// ANDed together, so its cost does not grow with the number of detectors.
func Candidates(s string) (Shape, uint32) {
	sh, m := shapeOf(s)
	cs := sh.Classes
	return sh, dispatch.byLen[lenKind(cs, m)][min(sh.Len, maxDispatchLen)] & dispatch.byFirst[sh.First] &
		dispatch.byClasses[cs|m&markX]
}

// maxDispatchLen: lengths from here up share one entry of the length table.
const maxDispatchLen = 320

// numClassSets is the number of distinct Classes values. The class table has twice as many
// entries: the second half, at markX, for values holding an x or X, which the mask-letter rule
// (filter.maskLetters) tells apart.
const numClassSets = int(Other) << 1

// dispatch holds each filter's verdict per length (for each kind of shape), first byte and
// class set, precomputed from All, so Candidates need not visit the filters one by one.
var dispatch = func() (t struct {
	byLen     [numLenKinds][maxDispatchLen + 1]uint32
	byFirst   [256]uint32
	byClasses [2 * numClassSets]uint32
}) {
	for i := range All {
		f := &All[i].accepts
		bit := uint32(1) << i
		if f.maxLen >= maxDispatchLen || f.maxWideLen >= maxDispatchLen {
			panic("detect: a filter's maxLen reaches the dispatch table's open end")
		}
		if f.maskLetters&^(Upper|Lower) != 0 {
			panic("detect: a filter's maskLetters are not letter classes")
		}
		for k := range numLenKinds {
			for n := range maxDispatchLen + 1 {
				if f.admitsLen(k, n) {
					t.byLen[k][n] |= bit
				}
			}
		}
		for c := range 256 {
			if f.admitsFirst(byte(c)) {
				t.byFirst[c] |= bit
			}
		}
		for cs := range numClassSets {
			if f.admitsClasses(Classes(cs), false) {
				t.byClasses[cs] |= bit
			}
			if f.admitsClasses(Classes(cs), true) {
				t.byClasses[cs|int(markX)] |= bit
			}
		}
	}
	return t
}()

// Mask characters. '*' is the convention; data also hides characters with x or X, with '#', and
// with the full-width asterisk ＊ (U+FF0A), which a Chinese input method types for '*'. A masked
// value uses one of them throughout (138xxxx5678, never 138x*x*5678). Each detector names the
// ones it accepts: a letter is a mask only where the identifier cannot hold that letter (a
// unified social credit code may be all X, so X masks none; an e-mail address may hold x).
type maskSet uint8

const (
	maskAsterisk maskSet = 1 << iota // *
	maskHash                         // #
	maskFullStar                     // ＊, three bytes
	maskLowerX                       // x
	maskUpperX                       // X

	symbolMasks = maskAsterisk | maskHash | maskFullStar
	anyMask     = symbolMasks | maskLowerX | maskUpperX
)

// The bytes of ＊ (U+FF0A) in UTF-8.
const (
	fullStar0 = 0xEF
	fullStar1 = 0xBC
	fullStar2 = 0x8A
)

// maskAt reports which mask character of allowed starts s[i:] and its length in bytes; 0, 0 if
// none does.
func maskAt(s string, i int, allowed maskSet) (maskSet, int) {
	var m maskSet
	size := 1
	switch s[i] {
	case '*':
		m = maskAsterisk
	case '#':
		m = maskHash
	case 'x':
		m = maskLowerX
	case 'X':
		m = maskUpperX
	case fullStar0:
		if i+2 < len(s) && s[i+1] == fullStar1 && s[i+2] == fullStar2 {
			m, size = maskFullStar, 3
		}
	}
	if m&allowed == 0 {
		return 0, 0
	}
	return m, size
}

// maskRun returns the number of mask characters s consists of, all the same one of allowed;
// 0 when s is empty or holds anything else.
func maskRun(s string, allowed maskSet) int {
	var kind maskSet
	n := 0
	for i := 0; i < len(s); {
		m, size := maskAt(s, i, allowed)
		if m == 0 || kind != 0 && m != kind {
			return 0
		}
		kind = m
		i += size
		n++
	}
	return n
}
