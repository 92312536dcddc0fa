package detect

// Mainland fixed-line numbers (STANDARDS §3.5): a trunk prefix 0, an area code and a local
// number, written with or without a '-' after the area code: ^0\d{2,3}-?\d{7,8}$.

const (
	minFixedLen = 10 // 0 + 2 + 7
	maxFixedLen = 12 // 0 + 3 + 8, without the '-'
	// fixedMaskKeep: the mask keeps the trunk prefix and three digits of the area code, and the
	// last two digits (0571******34).
	fixedMaskHead = 4
	fixedMaskTail = 2
)

// FixedLineImplausible is the trait of a fixed-line number whose area code and local number
// cannot both be real: a three-digit area code (01x, 02x) needs an eight-digit local number,
// a four-digit one (03xx-09xx) seven or eight, no area code starts 00, and local numbers do
// not start with 0 or 1.
const FixedLineImplausible Traits = 1

// FixedLine detects a mainland fixed-line number.
//
//   - Match: 0, then 2-3 digits, an optional '-', then 7-8 digits (10-12 digits in all).
//   - Valid: Match and the split into area code and local number is plausible (see
//     FixedLineImplausible). Without a '-' the split follows from the area code's second digit.
//   - Traits: FixedLineImplausible.
//   - Masked: 0 and three digits, three or more '*', and two digits, 10-12 characters
//     (0571******34).
//
// Surrounding ASCII spaces and tabs are ignored.
func FixedLine(s string) Result {
	s = trim(s)
	if len(s) < minFixedLen || len(s) > maxFixedLen+1 || s[0] != '0' {
		return Result{}
	}
	dash := -1
	digits := 0
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case isDigit(c):
			digits++
		case c == '-' && dash < 0 && (i == 3 || i == 4):
			dash = i
		case c == '*':
			return Result{Masked: maskedFixedLine(s)}
		default:
			return Result{}
		}
	}
	digits++ // the leading 0
	if dash < 0 && (digits < minFixedLen || digits > maxFixedLen) || dash > 0 && (len(s)-dash-1 < 7 || len(s)-dash-1 > 8) {
		return Result{}
	}
	area := 4 // 0 and three digits
	if s[1] == '1' || s[1] == '2' {
		area = 3
	}
	local := digits - area
	// 00 starts an international call, not an area code.
	ok := s[1] != '0' && (dash < 0 || dash == area) && (area == 3 && local == 8 || area == 4 && (local == 7 || local == 8))
	if ok {
		first := s[area]
		if dash > 0 {
			first = s[dash+1]
		}
		ok = first >= '2'
	}
	if !ok {
		return Result{Match: true, Traits: FixedLineImplausible}
	}
	return Result{Match: true, Valid: true}
}

// maskedFixedLine reports whether s (trimmed, starting with 0) is 0ddd, a run of '*', dd.
func maskedFixedLine(s string) bool {
	if len(s) < minFixedLen || len(s) > maxFixedLen {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch {
		case i < fixedMaskHead || i >= len(s)-fixedMaskTail:
			if !isDigit(s[i]) {
				return false
			}
		case s[i] != '*':
			return false
		}
	}
	return true
}

// MaskFixedLine keeps the first four digits (trunk prefix and area) and the last two and hides
// the rest, dropping any '-' (0571******34).
func MaskFixedLine(s string) string {
	if masked, done := settledMask(s, FixedLine(s)); done {
		return masked
	}
	t := trim(s)
	b := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		if t[i] != '-' {
			b = append(b, t[i])
		}
	}
	for i := fixedMaskHead; i < len(b)-fixedMaskTail; i++ {
		b[i] = '*'
	}
	return string(b)
}
