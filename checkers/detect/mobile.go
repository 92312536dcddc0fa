package detect

// Mainland mobile numbers (STANDARDS §3.5): 11 digits, 1[3-9] first, optionally written with the
// country code 86.

const mobileLen = 11

// MobileUnallocated is the trait of a mobile number whose segment is not in the allocation table.
const MobileUnallocated Traits = 1

// Mask runs outside this range are not taken for a masked mobile: fewer than 4 hidden digits
// leave the number guessable, and more than 8 leave too little to call it a mobile.
const (
	minMobileMaskRun = 4
	maxMobileMaskRun = 8
)

// Mobile detects a mainland mobile number.
//
//   - Match: 11 ASCII digits starting 1[3-9], optionally preceded by "+86", "86", "+86-" or "86-".
//   - Valid: Match, and the first three digits are a segment of the bundled allocation table
//     (data/mobile_segments.txt); otherwise the trait MobileUnallocated (ID-010 reports it as a
//     warning: allocation changes by MIIT decision and the table may lag).
//   - Masked: after the same optional prefix, 11 characters: '1', then digits with one run of
//     4 to 8 '*' in the middle and a digit last (138****5678, 13*****5678, 1********78). When
//     the second character is a digit it must be 3-9.
//
// Surrounding ASCII spaces and tabs are ignored. "+86 138..." with a space is not recognised.
func Mobile(s string) Result {
	b, ok := mobileBody(trim(s))
	if !ok || b[0] != '1' || !(b[1] >= '3' && b[1] <= '9' || b[1] == '*') {
		return Result{}
	}
	for i := 1; i < mobileLen; i++ {
		if !isDigit(b[i]) {
			return Result{Masked: maskedMobile(b)}
		}
	}
	if !mobileSegments[int(b[0]-'0')*100+int(b[1]-'0')*10+int(b[2]-'0')] {
		return Result{Match: true, Traits: MobileUnallocated}
	}
	return Result{Match: true, Valid: true}
}

// mobileBody strips an optional country-code prefix and returns the 11-character body. The length
// alone decides which prefix can be present, so no prefix is ever tried twice.
func mobileBody(s string) (string, bool) {
	switch len(s) {
	case mobileLen:
		return s, true
	case mobileLen + 2:
		if s[:2] == "86" {
			return s[2:], true
		}
	case mobileLen + 3:
		if s[:3] == "+86" || s[:3] == "86-" {
			return s[3:], true
		}
	case mobileLen + 4:
		if s[:4] == "+86-" {
			return s[4:], true
		}
	}
	return "", false
}

// maskedMobile reports whether the 11-character body b, whose first character is '1', is a
// masked mobile number.
func maskedMobile(b string) bool {
	if !isDigit(b[mobileLen-1]) {
		return false
	}
	start, end := -1, -1
	for i := 1; i < mobileLen-1; i++ {
		switch c := b[i]; {
		case c == '*':
			if end >= 0 {
				return false // a second run
			}
			if start < 0 {
				start = i
			}
		case isDigit(c):
			if start >= 0 && end < 0 {
				end = i
			}
		default:
			return false
		}
	}
	if start < 0 {
		return false
	}
	if end < 0 {
		end = mobileLen - 1
	}
	n := end - start
	return n >= minMobileMaskRun && n <= maxMobileMaskRun
}

// MaskMobile writes a mobile number as 3-4-4 with the middle hidden (138****5678) and drops any
// +86 prefix. A value already in a recognised masked form is returned unchanged; any other value
// that does not match gets MaskName's generic mask.
func MaskMobile(s string) string {
	if masked, done := settledMask(s, Mobile(s)); done {
		return masked
	}
	b, _ := mobileBody(trim(s))
	return b[:3] + "****" + b[7:]
}
