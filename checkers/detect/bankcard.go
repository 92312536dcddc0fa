package detect

// Bank card numbers, ISO/IEC 7812 (STANDARDS §3.4): 13-19 digits whose last is a Luhn check
// digit. Written plain or in groups of four separated by one space or one '-'.

const (
	minCardDigits = 13
	maxCardDigits = 19
	cardGroup     = 4
)

// Traits of a bank card number (Detector.Traits of bank_card, in order).
const (
	CardBadLuhn  Traits = 1 << iota // the Luhn check fails
	CardUnionPay                    // the number starts 62, UnionPay's range (a fact, not a fault)
)

// BankCard detects a payment card number.
//
//   - Match: 13-19 ASCII digits, plain or grouped in fours (the last group 1-4 digits) with
//     one space or one '-' between groups, the same separator throughout.
//   - Valid: Match and the Luhn check passes. About one random digit string in ten passes
//     Luhn, so a column is taken for bank cards only with a validity rate near 1 or a header
//     hint (the classifier's business, not this function's).
//   - Traits: CardBadLuhn, CardUnionPay.
//   - Masked: 4 to 6 digits, then '*' (at least four) and the same separators, then 1 to 4
//     digits, 13-19 digits and stars in all (6222***********0128, 6222 **** **** **** 128).
//
// Surrounding ASCII spaces and tabs are ignored.
func BankCard(s string) Result {
	s = trim(s)
	// Plain digits, the common form, are checked in place.
	if len(s) >= minCardDigits && len(s) <= maxCardDigits && allDigits(s) {
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
	return Result{Match: true, Valid: t&CardBadLuhn == 0, Traits: t}
}

// cardChars copies the digits and '*' of a plain or grouped card number into buf, checking
// the grouping. n counts digits and stars together.
func cardChars(s string, buf *[maxCardDigits]byte) (n, stars int, ok bool) {
	if len(s) < minCardDigits {
		return 0, 0, false
	}
	var sep byte
	group := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c) || c == '*':
			if n == maxCardDigits {
				return 0, 0, false
			}
			if sep != 0 && group == cardGroup {
				return 0, 0, false // a group of more than four after a separator
			}
			buf[n] = c
			n++
			group++
			if c == '*' {
				stars++
			}
		case (c == ' ' || c == '-') && group == cardGroup && (sep == 0 || sep == c) && i+1 < len(s):
			sep, group = c, 0
		default:
			return 0, 0, false
		}
	}
	return n, stars, n >= minCardDigits
}

// maskedCard reports whether the n characters in buf are 4-6 digits, a run of at least four
// '*', and 1-4 digits.
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
