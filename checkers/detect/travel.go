package detect

// Passports and travel permits (STANDARDS §3.7). Their formats are set by administrative rule
// and the printed number carries no check digit, so Valid is the same as Match.

const twPermitLen = 8

// HKMOHomeReturn is the trait of a Hong Kong or Macau residents' home-return permit (H or M),
// as opposed to a mainland resident's permit to Hong Kong and Macau (C or W).
const HKMOHomeReturn Traits = 1

// Passport detects a PRC passport number.
//
//   - Match: E and 8 digits, or E, a letter other than I or O, and 7 digits (ordinary
//     e-passports); DE, SE or PE and 7 digits (diplomatic, service, public affairs); older G or
//     D and 8 digits, S and 7 or 8 digits, P and 7 digits.
//   - Valid: the same as Match.
//   - Masked: maskDocument's form (the first two and last two characters kept), 8 or 9
//     characters.
func Passport(s string) Result {
	s = trim(s)
	if len(s) < 8 || len(s) > maskedDocumentLen(9) {
		return Result{}
	}
	if n := maskedDocument(s); n != 0 {
		switch s[0] {
		case 'E', 'G', 'D', 'S', 'P':
			return Result{Masked: n >= 8 && n <= 9}
		}
		return Result{}
	}
	n := len(s)
	if n > 9 {
		return Result{}
	}
	var ok bool
	switch s[0] {
	case 'E':
		ok = n == 9 && (allDigits(s[1:]) || serialLetter(s[1]) && allDigits(s[2:]))
	case 'D', 'S', 'P':
		ok = s[1] == 'E' && n == 9 && allDigits(s[2:]) ||
			s[0] == 'D' && n == 9 && allDigits(s[1:]) ||
			s[0] == 'S' && allDigits(s[1:]) ||
			s[0] == 'P' && n == 8 && allDigits(s[1:])
	case 'G':
		ok = n == 9 && allDigits(s[1:])
	}
	return Result{Match: ok, Valid: ok}
}

// serialLetter reports a capital other than I and O (which read as 1 and 0).
func serialLetter(c byte) bool { return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' }

// HKMOPermit detects a permit number for travel between the mainland and Hong Kong or Macau.
//
//   - Match: a mainland resident's permit, C and 8 digits or C, a capital and 7 digits (older
//     booklets W and 8 digits); a Hong Kong or Macau resident's home-return permit, H or M and
//     8 or 10 digits.
//   - Valid: the same as Match.
//   - Traits: HKMOHomeReturn.
//   - Masked: maskDocument's form of 9 to 11 characters, starting C, W, H or M.
func HKMOPermit(s string) Result {
	s = trim(s)
	n := len(s)
	if n < 9 || n > maskedDocumentLen(11) {
		return Result{}
	}
	if m := maskedDocument(s); m != 0 {
		switch s[0] {
		case 'C', 'W', 'H', 'M':
			return Result{Masked: m >= 9 && m <= 11}
		}
		return Result{}
	}
	if n > 11 {
		return Result{}
	}
	switch s[0] {
	case 'C':
		if n == 9 && (allDigits(s[1:]) || s[1] >= 'A' && s[1] <= 'Z' && allDigits(s[2:])) {
			return Result{Match: true, Valid: true}
		}
	case 'W':
		if n == 9 && allDigits(s[1:]) {
			return Result{Match: true, Valid: true}
		}
	case 'H', 'M':
		if (n == 9 || n == 11) && allDigits(s[1:]) {
			return Result{Match: true, Valid: true, Traits: HKMOHomeReturn}
		}
	}
	return Result{}
}

// TWPermit detects the number of a Taiwan residents' mainland travel permit (台胞证): eight
// digits. Any eight-digit number has that form (20240322 too), so the detector is Weak: a
// column is typed by it only under a header hint such as 台胞证.
//
//   - Match: 8 ASCII digits. Valid: the same.
//   - Masked: maskDocument's form of 8 characters starting with a digit (12****78).
func TWPermit(s string) Result {
	s = trim(s)
	if len(s) < twPermitLen || len(s) > maskedDocumentLen(twPermitLen) {
		return Result{}
	}
	if len(s) == twPermitLen && allDigits(s) {
		return Result{Match: true, Valid: true}
	}
	return Result{Masked: isDigit(s[0]) && maskedDocument(s) == twPermitLen}
}

// maskedDocument recognises maskDocument's form: two kept characters of [0-9A-Z], a run of one
// mask character ('*', '#', ＊, x or X: no document number holds a letter there), and two kept
// digits. It returns the form's length in characters, 0 when s is not in it.
func maskedDocument(s string) int {
	n := len(s)
	if n < 6 || !orgChar(s[0]) || !orgChar(s[1]) || !isDigit(s[n-1]) || !isDigit(s[n-2]) {
		return 0
	}
	if run := maskRun(s[2:n-2], anyMask); run > 0 {
		return 2 + run + 2
	}
	return 0
}

// maskedDocumentLen is the byte length of the longest masked form of an n-character document
// number: all but the four kept characters a three-byte ＊.
func maskedDocumentLen(n int) int { return 4 + 3*(n-4) }

// maskDocument keeps the first two and the last two characters of a document number and hides
// the rest (E1*****78): the document type and a check a holder can recognise, no more.
func maskDocument(s string) string {
	for _, d := range [...]func(string) Result{Passport, HKMOPermit, TWPermit} {
		switch r := d(s); {
		case r.Masked:
			return s
		case r.Match:
			t := trim(s)
			b := []byte(t)
			for i := 2; i < len(b)-2; i++ {
				b[i] = '*'
			}
			return string(b)
		}
	}
	return MaskName(s)
}
