package detect

import (
	"iter"
	"unicode/utf8"
)

// Identifiers embedded in free text (DESENS-020): a mobile number in a remark, an ID number in
// a description. Only identifiers with a check or a distinctive structure are looked for, and
// only valid ones count, so that order numbers and amounts in text are not taken for them:
// resident ID numbers, mobile numbers, e-mail addresses, bank cards (Luhn-valid, 16-19 digits),
// unified social credit codes, passports and HK/Macao permits (a run of capitals and digits
// of their form, standing apart from other letters and digits) and vehicle plates (a
// province's abbreviation, its letter and serial, with no letter or digit after).

// minEmbeddedDigits is the fewest digits a value must hold to carry a mobile number.
const minEmbeddedDigits = mobileLen

// Embeddable lists, as bits of All, the detectors Embedded looks for.
var Embeddable = bitOf("cn_resident_id") | bitOf("mobile") | bitOf("email") | bitOf("bank_card") | bitOf("cn_uscc") |
	bitOf("cn_passport") | bitOf("hkmo_permit") | bitOf("vehicle_plate")

var (
	idxResidentID = Index("cn_resident_id")
	idxMobile     = Index("mobile")
	idxEmail      = Index("email")
	idxBankCard   = Index("bank_card")
	idxUSCC       = Index("cn_uscc")
	idxPassport   = Index("cn_passport")
	idxHKMOPermit = Index("hkmo_permit")
	idxPlate      = Index("vehicle_plate")
)

// Fewest digits of a passport or permit (E and a letter, then 7 digits) and of a plate's
// serial (five characters, at most two of them letters, GA 36).
const (
	minEmbeddedDocumentDigits = 7
	minEmbeddedPlateDigits    = 3
	// maxEmbeddedPlateTail is the longest run after the province: the letter and a
	// new-energy plate's six characters.
	maxEmbeddedPlateTail = 7
)

func bitOf(name string) uint32 {
	i := Index(name)
	if i < 0 {
		panic("detect: no detector " + name)
	}
	return 1 << i
}

// Embedded reports which identifiers s holds within other text, as bits of All (a subset of
// Embeddable). sh is ShapeOf(s), which Candidates returns: values too few digits for any
// identifier and no '@' are passed over without a scan. A value that is itself an identifier
// holds it too; callers that count whole values separately skip those.
func Embedded(s string, sh Shape) uint32 {
	if !mayEmbed(sh) {
		return 0
	}
	found, _ := scanEmbedded(s, sh, -1)
	return found
}

// mayEmbed says whether a value of shape sh can hold an embedded identifier.
func mayEmbed(sh Shape) bool {
	switch {
	case sh.Digits >= minEmbeddedDigits, sh.Classes&At != 0:
		return true
	case sh.Classes&Upper == 0:
		return false
	}
	return sh.Digits >= minEmbeddedDocumentDigits || sh.Digits >= minEmbeddedPlateDigits && sh.Classes&NonASCII != 0
}

// EmbeddedValue returns the first identifier of detector det (an index of All) embedded in s,
// unmasked, or "". It is for samples, off the hot path: mask what it returns.
func EmbeddedValue(s string, det int) string {
	_, tok := scanEmbedded(s, ShapeOf(s), det)
	return tok
}

// numberRunEnd is the end of the candidate number that starts at s[i], a digit: its maximal
// run of digits, with an X or x directly after 17 digits (a resident ID's check character).
// Embedded detection and redaction both read numbers this way, so what one finds in free text
// the other masks.
func numberRunEnd(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j-i == residentIDLen-1 && j < len(s) && (s[j] == 'X' || s[j] == 'x') {
		j++
	}
	return j
}

// scanEmbedded finds the identifiers in s. With want >= 0 it stops at the first of that
// detector and returns it.
func scanEmbedded(s string, sh Shape, want int) (found uint32, tok string) {
	hit := func(det int, t string) bool {
		found |= 1 << det
		if det == want {
			tok = t
			return true
		}
		return false
	}
	// Each kind of identifier is looked for only where s's shape (sh, ShapeOf(s)) can hold
	// one: every scan below passes over a value without, and they were a third of the cost of
	// a column of codes such as HS2025-000001. The candidate numbers (numberRunEnd), each of at
	// least minEmbeddedDigits digits.
	for i := 0; i < len(s) && sh.Digits >= minEmbeddedDigits; {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := numberRunEnd(s, i)
		// A run glued to letters (an order code such as SN13812345678) is not a number.
		glued := i > 0 && isASCIILetter(s[i-1]) || j < len(s) && isASCIILetter(s[j])
		if !glued && embeddedNumber(s[i:j], hit) {
			return found, tok
		}
		if g := groupedMobileEnd(s, i, j); !glued && g > 0 && hit(idxMobile, s[i:g]) {
			return found, tok
		}
		i = j
	}
	// Codes of capitals and digits (credit codes, passports, permits: each holds a capital
	// letter, codeOf), and plates (a province's abbreviation: a Han character).
	if sh.Classes&Upper != 0 {
		for i, j := range codeRuns(s) {
			if det := codeOf(s[i:j]); det >= 0 && hit(det, s[i:j]) {
				return found, tok
			}
		}
	}
	if sh.Classes&NonASCII != 0 {
		for i, j := range plates(s) {
			if hit(idxPlate, s[i:j]) {
				return found, tok
			}
		}
	}
	// E-mail addresses: the widest address around each '@'.
	if sh.Classes&At != 0 {
		for l, r := range emailRuns(s) {
			if Email(s[l:r]).Match && hit(idxEmail, s[l:r]) {
				return found, tok
			}
		}
	}
	return found, tok
}

// codeRuns yields the start and end of each run of ASCII letters and digits in s: a code in
// free text stands apart from other letters and digits (SN13812345678 is an order code).
func codeRuns(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < len(s); {
			if !isASCIIAlnum(s[i]) {
				i++
				continue
			}
			j := i
			for j < len(s) && isASCIIAlnum(s[j]) {
				j++
			}
			if !yield(i, j) {
				return
			}
			i = j
		}
	}
}

// codeOf is the detector (an index of All) of a valid identifier that a whole run of letters
// and digits is, or -1: a credit code (not an ID number whose check character X makes it one
// by chance), a passport, an HK/Macao permit. Embedded detection and redaction both ask it,
// so what one finds in free text the other masks.
func codeOf(t string) int {
	switch n := len(t); {
	case n == usccLen && !allDigits(t) && USCC(t).Valid && !ResidentID(t).Valid:
		return idxUSCC
	case (n == 8 || n == 9) && Passport(t).Valid:
		return idxPassport
	case (n == 9 || n == 11) && HKMOPermit(t).Valid:
		return idxHKMOPermit
	}
	return -1
}

// plates yields the start and end of each valid vehicle plate in s: a province's
// abbreviation, then the plate's letters and digits, with no letter or digit after.
func plates(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < len(s); i++ {
			if s[i] < utf8.RuneSelf {
				continue
			}
			p, size := utf8.DecodeRuneInString(s[i:])
			if !plateProvinces.has(p) {
				continue
			}
			j := i + size
			for j < len(s) && j-i-size < maxEmbeddedPlateTail && isUpperOrDigit(s[j]) {
				j++
			}
			if j < len(s) && isASCIIAlnum(s[j]) {
				continue // more letters or digits follow: a code, not a plate
			}
			if VehiclePlate(s[i:j]).Valid && !yield(i, j) {
				return
			}
		}
	}
}

// groupedMobileEnd is the end of a valid mobile number written in 3-4-4 groups (138 1234 5678,
// 138-1234-5678) whose first group is the run s[i:j], or 0.
func groupedMobileEnd(s string, i, j int) int {
	end := j + 10
	if j-i != 3 || end > len(s) || end < len(s) && isASCIIAlnum(s[end]) {
		return 0
	}
	if sep := s[j]; (sep != ' ' && sep != '-') || s[j+5] != sep {
		return 0
	}
	for _, k := range [...]int{1, 2, 3, 4, 6, 7, 8, 9} {
		if !isDigit(s[j+k]) {
			return 0
		}
	}
	if !Mobile(s[i:end]).Valid {
		return 0
	}
	return end
}

// embeddedNumber checks one run of digits; it reports true when hit asks to stop.
func embeddedNumber(run string, hit func(int, string) bool) bool {
	switch n := len(run); {
	case n == mobileLen || n == mobileLen+2 && run[:2] == "86":
		if Mobile(run).Valid {
			return hit(idxMobile, run)
		}
	case n == residentIDLen:
		if ResidentID(run).Valid {
			return hit(idxResidentID, run)
		}
		if BankCard(run).Valid {
			return hit(idxBankCard, run)
		}
	case n >= 16 && n <= maxCardDigits:
		if BankCard(run).Valid {
			return hit(idxBankCard, run)
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isUpperOrDigit(c byte) bool { return c >= 'A' && c <= 'Z' || isDigit(c) }
