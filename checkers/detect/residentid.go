package detect

import "strings"

// Citizen identity numbers, GB 11643-1999 (STANDARDS §3.1):
// 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit sequence, check character
// computed with ISO 7064 MOD 11-2. Legacy numbers (GB 11643-1989) have 15 digits: address
// code, YYMMDD, sequence, and no check character.

const (
	residentIDLen = 18
	legacyIDLen   = 15
	// maxMaskedIDLen is the byte length of the longest masked form: one digit and 17 ＊.
	maxMaskedIDLen = 1 + 3*(residentIDLen-1)
)

// Traits of a resident ID number (Detector.Traits of cn_resident_id, in order).
const (
	IDBadCheckDigit Traits = 1 << iota // the check character is wrong
	IDBadBirthDate                     // positions 7-14 are not a calendar date in 1900..2100
	IDUnknownRegion                    // positions 1-6 are in no edition of the bundled GB/T 2260 table
	IDLegacy15                         // a 15-digit GB 11643-1989 number (no check character to verify)
)

// idWeights are 2^(18-i) mod 11 for positions i = 1..17.
var idWeights = [17]byte{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// Birth years outside this range are treated as invalid. The standard only bounds the date
// from below (1900); "not after the dataset date" depends on the dataset, so the upper bound
// here is a sanity limit and the future-date check belongs to the rules (ID-004), which know
// the dataset's date. Keeping "today" out of this package also keeps its results reproducible.
const (
	minBirthYear = 1900
	maxBirthYear = 2100
)

// minMaskRun is the shortest run of mask characters that counts as masking. The conventions in
// STANDARDS §4 hide 8, 11 or 16 characters; a shorter run is more likely a typo than a mask.
const minMaskRun = 4

// ResidentID detects a resident identity number (GB 11643-1999), also used by residence
// permits for Hong Kong, Macau and Taiwan residents.
//
//   - Match: 17 ASCII digits followed by a digit, X or x; or a legacy 15-digit number whose
//     address code is in the GB/T 2260 table and whose YYMMDD is a date of 19YY (a bare
//     15-digit number is too common to count otherwise).
//   - Valid: an 18-character Match whose check character is right (lower-case x is accepted
//     as X), whose positions 7-14 are a real calendar date with a year in 1900..2100 and whose
//     address code is in the bundled GB/T 2260 table (current or retired). Legacy numbers are
//     never Valid: they carry no check character. Whether the date is in the future is left
//     to the rules.
//   - Traits: IDBadCheckDigit, IDBadBirthDate, IDUnknownRegion, IDLegacy15.
//   - Masked: 18 characters of digits and mask characters (X or x allowed last), a digit
//     first, and at least one run of four or more mask characters. This covers 6+8+4
//     (110105********002X), 3+11+4 and 1+16+1. The mask character is '*', '#', ＊, x or X, one
//     of them throughout (420115xxxxxxxx0014, 110105＊＊＊＊＊＊＊＊002X). A last X or x is the
//     check character, never a mask: x and X mask only within the first 17 characters, so
//     42011519820909001x stays a raw number and 11010519491231xxxx is neither.
//
// Surrounding ASCII spaces and tabs are ignored.
func ResidentID(s string) Result {
	s = trim(s)
	switch n := len(s); {
	case n == residentIDLen:
	case n == legacyIDLen:
		return legacyResidentID(s)
	case n >= residentIDLen+2*minMaskRun && n <= maxMaskedIDLen && strings.IndexByte(s, fullStar0) >= 0:
		return Result{Masked: maskedResidentID(s)} // ＊ takes three bytes, four of them 8 more
	default:
		return Result{}
	}
	sum := 0
	for i := range 17 {
		c := s[i] - '0'
		if c > 9 {
			return Result{Masked: maskedResidentID(s)}
		}
		sum += int(c) * int(idWeights[i])
	}
	last := s[17]
	if !isDigit(last) && last != 'X' && last != 'x' {
		return Result{}
	}
	var t Traits
	if idCheckChars[sum%11] != upperX(last) {
		t |= IDBadCheckDigit
	}
	if _, _, _, ok := birthDate(s); !ok {
		t |= IDBadBirthDate
	}
	if region(s) == regionUnknown {
		t |= IDUnknownRegion
	}
	return Result{Match: true, Valid: t == 0, Traits: t}
}

// legacyResidentID recognises a 15-digit number of GB 11643-1989.
func legacyResidentID(s string) Result {
	for i := range legacyIDLen {
		if !isDigit(s[i]) {
			return Result{}
		}
	}
	y := 1900 + int(s[6]-'0')*10 + int(s[7]-'0')
	m := int(s[8]-'0')*10 + int(s[9]-'0')
	d := int(s[10]-'0')*10 + int(s[11]-'0')
	if m < 1 || m > 12 || d < 1 || d > DaysIn(y, m) || region(s) == regionUnknown {
		return Result{}
	}
	return Result{Match: true, Traits: IDLegacy15}
}

// maskedResidentID reports whether s (trimmed) is a masked resident ID number. One pass, the
// mask character taken from the first one met.
func maskedResidentID(s string) bool {
	if s == "" || !isDigit(s[0]) {
		return false
	}
	var kind maskSet
	n, run, longest := 1, 0, 0 // n characters read
	for i := 1; i < len(s); n++ {
		if n == residentIDLen {
			return false // more than 18 characters
		}
		c := s[i]
		// A last X or x is the check character, whatever masks the rest.
		if isDigit(c) || n == residentIDLen-1 && i == len(s)-1 && (c == 'X' || c == 'x') {
			run = 0
			i++
			continue
		}
		m, size := maskAt(s, i, anyMask)
		if m == 0 || kind != 0 && m != kind {
			return false
		}
		kind = m
		run++
		longest = max(longest, run)
		i += size
	}
	return n == residentIDLen && longest >= minMaskRun
}

// BirthDate returns the birth date encoded in positions 7-14 of an 18-character resident ID
// number. ok is false unless the value has the 18-character structure and the date is a real
// calendar date with a year in 1900..2100; the check character is not examined.
func BirthDate(s string) (y, m, d int, ok bool) {
	s = trim(s)
	if len(s) != residentIDLen {
		return 0, 0, 0, false
	}
	// The structure, without the checks ResidentID also makes: a scan calls this on values it
	// already knows are valid.
	for i := range 17 {
		if !isDigit(s[i]) {
			return 0, 0, 0, false
		}
	}
	if c := s[17]; !isDigit(c) && c != 'X' && c != 'x' {
		return 0, 0, 0, false
	}
	return birthDate(s)
}

// birthDate reads the date of a value already known to be 17 digits and a check character.
func birthDate(s string) (y, m, d int, ok bool) {
	y = int(s[6]-'0')*1000 + int(s[7]-'0')*100 + int(s[8]-'0')*10 + int(s[9]-'0')
	m = int(s[10]-'0')*10 + int(s[11]-'0')
	d = int(s[12]-'0')*10 + int(s[13]-'0')
	if y < minBirthYear || y > maxBirthYear || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// DaysIn is the length of month m of year y in the proleptic Gregorian calendar, which GB 11643
// birth dates, GB/T 7408.1 dates and the date type of a column all use.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// CheckDigit returns the GB 11643 check character ('0'-'9' or 'X') for the first 17 bytes of
// first17, or 0 when there are fewer than 17 bytes or any of the first 17 is not an ASCII digit.
// Bytes after the 17th are ignored, so CheckDigit(id) can be compared with id[17] directly.
func CheckDigit(first17 string) byte {
	if len(first17) < 17 {
		return 0
	}
	sum := 0
	for i := range 17 {
		c := first17[i] - '0'
		if c > 9 {
			return 0
		}
		sum += int(c) * int(idWeights[i])
	}
	return idCheckChars[sum%11]
}

// RegionKnown reports whether code (six ASCII digits) is in the bundled GB/T 2260 table, and
// whether it is retired (valid on IDs issued before it was withdrawn).
func RegionKnown(code string) (known, retired bool) {
	if _, ok := digitsValue(code, 6); !ok {
		return false, false
	}
	st := region(code)
	return st != regionUnknown, st == regionRetired
}

// MaskResidentID keeps the first 6 and the last 4 characters and hides the 8 in between
// (110105********002X), the convention that hides the birth date (DESENS-005); a legacy
// 15-digit number comes out in the same 18-character form, its birth date hidden too. A value
// already in a recognised masked form
// is returned unchanged; any other value that does not match gets MaskName's generic mask.
func MaskResidentID(s string) string {
	if masked, done := settledMask(s, ResidentID(s)); done {
		return masked
	}
	t := trim(s)
	return t[:6] + "********" + t[len(t)-4:]
}

func upperX(c byte) byte {
	if c == 'x' {
		return 'X'
	}
	return c
}
