package detect

// Bank card numbers, ISO/IEC 7812 (STANDARDS §3.4): 13-19 digits whose last is a Luhn check
// digit. Written plain or in groups of four separated by one space or one '-'.

const (
	minCardDigits = 13
	maxCardDigits = 19
	cardGroup     = 4
	// cardDigitLens: as digits alone, a card number has 13-19 of them (filter.digitLens).
	cardDigitLens = 1<<(maxCardDigits+1) - 1<<minCardDigits
	// maxMaskedCardLen bounds a masked card's bytes: every character a three-byte ＊, and the
	// separators.
	maxMaskedCardLen = 3*maxCardDigits + maxCardDigits/cardGroup
)

// Traits of a bank card number (Detector.Traits of bank_card, in order).
const (
	CardBadLuhn  Traits = 1 << iota // the Luhn check fails
	CardUnionPay                    // the number starts 62, UnionPay's range (a fact, not a fault)
	// CardUnknownIssuer: no card scheme issues numbers of this prefix and length (cardSchemes).
	// Luhn passes on one random digit string in ten, so a Luhn-valid number outside every
	// scheme's ranges (an IMEI, TAC 86 and 15 digits, is Luhn-valid by design) is evidence
	// against a card, though not proof: domestic cards of ISO/IEC 7812's national ranges (a
	// 9558 passbook card of a Chinese bank) get the trait too.
	CardUnknownIssuer
)

// cardScheme is one range of issuer identification numbers: the numbers whose first digits
// (digits of them) lie in lo..hi and whose length is in lens (bit n for n digits).
type cardScheme struct {
	lo, hi uint16
	digits uint8
	lens   uint32
}

// cardLens returns the lens bitmask of the lengths from..to.
func cardLens(from, to int) uint32 { return 1<<(to+1) - 1<<from }

// cardSchemes are the IIN ranges (ISO/IEC 7812-1: the leading digits that name the issuer) and
// the lengths of the major card schemes, as published by the schemes and summarised in the
// table of Wikipedia's "Payment card number" article; not verified against ISO's register of
// IINs, which is not public. A range two schemes share needs one entry (Discover's
// 622126-622925 is inside UnionPay's 62). Maestro is listed by its published ranges, not by
// the whole of 6, which would leave no 6-number of any length unknown. In order of first digit
// (cardSchemeStart).
var cardSchemes = [...]cardScheme{
	{2221, 2720, 4, cardLens(16, 16)}, // Mastercard's 2-series
	{2200, 2204, 4, cardLens(16, 19)}, // Mir
	{34, 34, 2, cardLens(15, 15)},     // American Express
	{37, 37, 2, cardLens(15, 15)},     // American Express
	{3528, 3589, 4, cardLens(16, 19)}, // JCB
	{36, 36, 2, cardLens(14, 19)},     // Diners Club International
	{300, 305, 3, cardLens(14, 19)},   // Diners Club
	{38, 39, 2, cardLens(14, 19)},     // Diners Club
	{4, 4, 1, 1<<13 | 1<<16 | 1<<19},  // Visa
	{51, 55, 2, cardLens(16, 16)},     // Mastercard
	{50, 50, 2, cardLens(12, 19)},     // Maestro
	{56, 58, 2, cardLens(12, 19)},     // Maestro
	{62, 62, 2, cardLens(16, 19)},     // UnionPay
	{6011, 6011, 4, cardLens(16, 19)}, // Discover
	{644, 649, 3, cardLens(16, 19)},   // Discover
	{65, 65, 2, cardLens(16, 19)},     // Discover
	{6304, 6304, 4, cardLens(12, 19)}, // Maestro (formerly Laser)
	{6759, 6759, 4, cardLens(12, 19)}, // Maestro UK
	{6761, 6763, 4, cardLens(12, 19)}, // Maestro
	{81, 81, 2, cardLens(16, 16)},     // UnionPay's 81 range
}

// knownIssuer reports whether a card scheme issues numbers of this prefix and length. digits
// are 13-19 ASCII digits.
func knownIssuer(digits string) bool {
	var prefix [5]uint16 // prefix[k]: the first k digits
	for k := 1; k <= 4; k++ {
		prefix[k] = prefix[k-1]*10 + uint16(digits[k-1]-'0')
	}
	first := digits[0] - '0'
	for _, sc := range cardSchemes[cardSchemeStart[first]:cardSchemeStart[first+1]] {
		if p := prefix[sc.digits]; sc.lens&(1<<len(digits)) != 0 && p >= sc.lo && p <= sc.hi {
			return true
		}
	}
	return false
}

// cardSchemeStart[d] is the index in cardSchemes of the first range starting with digit d (the
// table is in order of first digit), cardSchemeStart[d+1] the end: a number is compared with
// the few ranges of its first digit only.
var cardSchemeStart = func() (t [11]uint8) {
	for d := range 10 {
		t[d+1] = t[d]
		for _, sc := range cardSchemes {
			if firstDigit(sc) == d {
				t[d+1]++
			}
		}
	}
	for i := 1; i < len(cardSchemes); i++ {
		if firstDigit(cardSchemes[i]) < firstDigit(cardSchemes[i-1]) {
			panic("detect: cardSchemes not in order of first digit")
		}
	}
	return t
}()

func firstDigit(sc cardScheme) int {
	p := int(sc.lo)
	for range sc.digits - 1 {
		p /= 10
	}
	return p
}

// BankCard detects a payment card number.
//
//   - Match: 13-19 ASCII digits, plain or grouped in fours (the last group 1-4 digits) with
//     one space or one '-' between groups, the same separator throughout.
//   - Valid: Match and the Luhn check passes. About one random digit string in ten passes
//     Luhn, so a column is taken for bank cards only with a validity rate near 1 or a header
//     hint (the classifier's business, not this function's).
//   - Traits: CardBadLuhn, CardUnionPay, CardUnknownIssuer.
//   - Masked: 4 to 6 digits, then mask characters (at least four) and the same separators,
//     then 1 to 4 digits, 13-19 digits and mask characters in all (6222***********0128,
//     6222 **** **** **** 128). The mask character is '*', x, X, '#' or ＊, one of them
//     throughout (6222xxxxxxxx1234, 6222 #### #### 1234).
//
// Surrounding ASCII spaces and tabs are ignored.
func BankCard(s string) Result {
	s = trim(s)
	// Every form ends in a digit: an ID number's check character X, which the prefilter lets
	// through as a possible mask letter, is turned away unread.
	if len(s) < minCardDigits || !isDigit(s[len(s)-1]) {
		return Result{}
	}
	// Plain digits, the common form, are checked in place.
	if len(s) <= maxCardDigits && allDigits(s) {
		return cardResult(s)
	}
	var digits [maxCardDigits]byte
	n, stars, ok := cardChars(s, &digits)
	if !ok {
		return Result{}
	}
	if stars > 0 {
		return Result{Masked: maskedCard(&digits, n)}
	}
	return cardResult(string(digits[:n]))
}

// cardResult judges a card number of 13-19 ASCII digits.
func cardResult(digits string) Result {
	var t Traits
	if !luhn(digits) {
		t |= CardBadLuhn
	}
	if digits[0] == '6' && digits[1] == '2' {
		t |= CardUnionPay
	}
	if !knownIssuer(digits) {
		t |= CardUnknownIssuer
	}
	return Result{Match: true, Valid: t&CardBadLuhn == 0, Traits: t}
}

// cardChars copies the digits and mask characters (as '*') of a plain or grouped card number
// into buf, checking the grouping and that one mask character is used throughout. n counts
// digits and mask characters together.
func cardChars(s string, buf *[maxCardDigits]byte) (n, stars int, ok bool) {
	if len(s) < minCardDigits {
		return 0, 0, false
	}
	var sep byte
	var kind maskSet
	group := 0
	for i := 0; i < len(s); {
		c := s[i]
		var m maskSet
		size := 1
		if !isDigit(c) {
			m, size = maskAt(s, i, anyMask)
		}
		switch {
		case isDigit(c) || m != 0:
			if n == maxCardDigits {
				return 0, 0, false
			}
			if sep != 0 && group == cardGroup {
				return 0, 0, false // a group of more than four after a separator
			}
			if m != 0 {
				if kind != 0 && m != kind {
					return 0, 0, false
				}
				kind, c = m, '*'
				stars++
			}
			buf[n] = c
			n++
			group++
			i += size
		case (c == ' ' || c == '-') && group == cardGroup && (sep == 0 || sep == c) && i+1 < len(s):
			sep, group = c, 0
			i++
		default:
			return 0, 0, false
		}
	}
	return n, stars, n >= minCardDigits
}

// maskedCard reports whether the n characters in buf are 4-6 digits, a run of at least four
// '*' (mask characters), and 1-4 digits.
func maskedCard(buf *[maxCardDigits]byte, n int) bool {
	i := 0
	for i < n && isDigit(buf[i]) {
		i++
	}
	head := i
	for i < n && buf[i] == '*' {
		i++
	}
	run := i - head
	for i < n && isDigit(buf[i]) {
		i++
	}
	tail := n - head - run
	return i == n && head >= 4 && head <= 6 && run >= minMaskRun && tail >= 1 && tail <= 4
}

// luhn reports whether the digits pass the Luhn check: from the right, every second digit is
// doubled (less 9 when over 9) and the sum is a multiple of 10.
func luhn(digits string) bool {
	sum := 0
	for i := len(digits) - 1; i >= 0; i -= 2 {
		sum += int(digits[i] - '0')
		if i > 0 {
			d := 2 * int(digits[i-1]-'0')
			if d > 9 {
				d -= 9
			}
			sum += d
		}
	}
	return sum%10 == 0
}

// LuhnCheckDigit returns the check digit that completes body (ASCII digits) to a Luhn-valid
// number, or 0 when body is empty or holds another byte.
func LuhnCheckDigit(body string) byte {
	if body == "" {
		return 0
	}
	sum := 0
	for i := len(body) - 1; i >= 0; i-- {
		if !isDigit(body[i]) {
			return 0
		}
		d := int(body[i] - '0')
		// The body's right-most digit is at an even position once the check digit follows it.
		if (len(body)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// MaskBankCard keeps the first 4 digits (the issuer) and the last 4 and hides the rest,
// ungrouped (6222***********0128).
func MaskBankCard(s string) string {
	if masked, done := settledMask(s, BankCard(s)); done {
		return masked
	}
	var digits [maxCardDigits]byte
	n, _, _ := cardChars(trim(s), &digits)
	b := make([]byte, 0, n)
	b = append(b, digits[:4]...)
	for range n - 8 {
		b = append(b, '*')
	}
	return string(append(b, digits[n-4:n]...))
}
