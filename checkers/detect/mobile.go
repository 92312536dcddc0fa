package detect

import "strings"

// Mainland mobile numbers (STANDARDS §3.5): 11 digits, 1[3-9] first, optionally written with the
// country code (+86, 0086 or 86) and in the 3-4-4 groups people write them in.

const mobileLen = 11

// The longest forms in bytes: 0086-138-1234-5678; without separators 008613812345678; and the
// first with eight ＊ of three bytes each.
const (
	maxMobileLen          = len("0086-") + mobileLen + 2
	maxUngroupedMobileLen = len("0086") + mobileLen
	maxMaskedMobileLen    = maxMobileLen + 2*maxMobileMaskRun
)

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
//   - Match: 11 ASCII digits starting 1[3-9], plain (13812345678) or in 3-4-4 groups separated
//     by one space or one '-', the same both times (138 1234 5678, 138-1234-5678); optionally
//     preceded by the country code +86, 0086 or 86 and then optionally one space or '-'
//     (+8613812345678, 86-13812345678, +86 138 1234 5678). Grouped digits need the separator
//     after the country code too: 86138 1234 5678 groups the country code with the number.
//   - Valid: Match, and the first three digits are a segment of the bundled allocation table
//     (data/mobile_segments.txt); otherwise the trait MobileUnallocated (ID-010 reports it as a
//     warning: allocation changes by MIIT decision and the table may lag).
//   - Masked: the same forms with 11 characters that are '1', digits with one run of 4 to 8
//     mask characters in the middle, and a digit last (138****5678, 13*****5678, 1********78,
//     +86 138 **** 5678). The mask character is '*', x, X, '#' or ＊, one of them throughout
//     (138xxxx5678, 138####5678, 138＊＊＊＊5678). When the second character is a digit it
//     must be 3-9.
//
// Surrounding ASCII spaces and tabs are ignored. Full-width digits are not recognised.
func Mobile(s string) Result {
	s = trim(s)
	// Eleven plain digits, the common form, are read in place.
	if len(s) == mobileLen && allDigits(s) {
		return mobileDigits(s)
	}
	if len(s) < mobileLen || len(s) > maxMaskedMobileLen {
		return Result{}
	}
	rest, glued, ok := mobilePrefix(s)
	if !ok {
		return Result{}
	}
	if len(rest) == mobileLen && allDigits(rest) {
		return mobileDigits(rest) // +8613812345678, 0086-13812345678
	}
	var b [mobileLen]byte
	kind, ok := mobileGroups(rest, glued, &b)
	if !ok || b[0] != '1' {
		return Result{}
	}
	if kind != 0 {
		return Result{Masked: (b[1] >= '3' && b[1] <= '9' || b[1] == '*') && maskedMobile(&b)}
	}
	return mobileDigits(string(b[:]))
}

// mobileDigits judges 11 ASCII digits.
func mobileDigits(d string) Result {
	if d[0] != '1' || d[1] < '3' || d[1] > '9' {
		return Result{}
	}
	if !mobileSegments[100+int(d[1]-'0')*10+int(d[2]-'0')] {
		return Result{Match: true, Traits: MobileUnallocated}
	}
	return Result{Match: true, Valid: true}
}

// mobilePrefix drops a country code (+86, 0086 or 86) and one space or '-' after it. glued
// reports a country code without the separator, after which the number may not be grouped. A
// number never starts with 0, 8 or '+', so the first byte says which country code, if any, is
// there, and no prefix is ever tried twice.
func mobilePrefix(s string) (rest string, glued, ok bool) {
	switch {
	case s[0] == '1':
		return s, false, true
	case strings.HasPrefix(s, "+86"):
		s = s[3:]
	case strings.HasPrefix(s, "86"):
		s = s[2:]
	case strings.HasPrefix(s, "0086"):
		s = s[4:]
	default:
		return "", false, false
	}
	if s != "" && (s[0] == ' ' || s[0] == '-') {
		return s[1:], false, true
	}
	return s, true, true
}

// mobileBody reads the 11 characters of a mobile number written in one of Mobile's forms into
// b, each mask character as '*'. kind is the mask character found, 0 for none.
func mobileBody(s string, b *[mobileLen]byte) (kind maskSet, ok bool) {
	rest, glued, ok := mobilePrefix(s)
	if !ok {
		return 0, false
	}
	return mobileGroups(rest, glued, b)
}

// mobileGroups reads a mobile number's 11 characters, plain or in 3-4-4 groups (not after a
// glued country code), into b, each mask character as '*'.
func mobileGroups(s string, glued bool, b *[mobileLen]byte) (kind maskSet, ok bool) {
	// In ASCII the body has 11 bytes, or 13 grouped; only ＊ (three bytes) makes it longer, and
	// then by at least 8. An ID number (18 digits) is turned away here, unread.
	if len(s) != mobileLen && len(s) != mobileLen+2 && len(s) < mobileLen+2*minMobileMaskRun {
		return 0, false
	}
	var sep byte // the separator of 3-4-4 groups
	n, seps := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if isDigit(c) {
			if n == mobileLen {
				return 0, false
			}
			b[n] = c
			n++
			i++
			continue
		}
		if c == ' ' || c == '-' {
			switch {
			case n == 3 && seps == 0:
				sep = c
			case n == 7 && seps == 1 && c == sep:
			default:
				return 0, false
			}
			seps++
			i++
			continue
		}
		if n == mobileLen {
			return 0, false
		}
		m, size := maskAt(s, i, anyMask)
		if m == 0 || kind != 0 && m != kind {
			return 0, false
		}
		kind, b[n] = m, '*'
		n++
		i += size
	}
	if n != mobileLen || seps == 1 || seps == 2 && glued {
		return 0, false
	}
	return kind, true
}

// maskedMobile reports whether the 11 characters in b, the first of which is '1', are a masked
// mobile number (mask characters written as '*').
func maskedMobile(b *[mobileLen]byte) bool {
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

// MaskMobile writes a mobile number as 3-4-4 with the middle hidden (138****5678), ungrouped and
// without a country code. A value already in a recognised masked form is returned unchanged;
// any other value that does not match gets MaskName's generic mask.
func MaskMobile(s string) string {
	if masked, done := settledMask(s, Mobile(s)); done {
		return masked
	}
	var b [mobileLen]byte
	mobileBody(trim(s), &b)
	return string(b[:3]) + "****" + string(b[7:])
}
