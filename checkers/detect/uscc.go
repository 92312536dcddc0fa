package detect

// Unified social credit codes, GB 32100-2015 (STANDARDS §3.2), and organisation codes,
// GB 11714-1997 (§3.3), which a USCC embeds at positions 9-17.

const (
	usccLen    = 18
	orgCodeLen = 9 // 8 body characters and the check character, without the optional '-'
)

// usccChars is the 31-character set of GB 32100: digits and capitals without I, O, S, V and Z.
// A character's value is its index.
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccValue maps a byte to its value in usccChars, or -1.
var usccValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(usccChars); i++ {
		t[usccChars[i]] = int8(i)
	}
	return t
}()

// usccWeights are 3^(i-1) mod 31 for positions i = 1..17.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// orgWeights are 2^(9-i) mod 11 for body positions i = 1..8 of a GB 11714 code.
var orgWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// Traits of a unified social credit code (Detector.Traits of cn_uscc, in order).
const (
	USCCBadCheckChar Traits = 1 << iota // the GB 32100 check character (position 18) is wrong
	USCCBadOrgCode                      // the embedded GB 11714 code (positions 9-17) fails its check
)

// OrgCodeBadCheckChar is the trait of an organisation code whose check character is wrong.
const OrgCodeBadCheckChar Traits = 1

// USCC detects a unified social credit code.
//
//   - Match: 18 characters of the 31-character set, positions 3-8 digits (the registering
//     authority's GB/T 2260 code); lower case is not accepted, codes are printed in capitals.
//   - Valid: Match, the check character is right (mod 31) and so is the check of the GB 11714
//     organisation code at positions 9-17.
//   - Traits: USCCBadCheckChar, USCCBadOrgCode.
//   - Masked: MaskUSCC's form, the first 8 characters (authority, category, region) kept and the
//     10 after them '*'. No convention masks a USCC, which names an organisation in a public
//     register; the form exists so that a masked sample reads as one.
func USCC(s string) Result {
	s = trim(s)
	if len(s) != usccLen {
		return Result{}
	}
	sum := 0
	for i := range 17 {
		v := usccValue[s[i]]
		if v < 0 || i >= 2 && i < 8 && !isDigit(s[i]) {
			return Result{Masked: i >= 8 && allStars(s[i:])}
		}
		sum += int(v) * usccWeights[i]
	}
	if usccValue[s[17]] < 0 {
		return Result{}
	}
	var t Traits
	if usccChars[(31-sum%31)%31] != s[17] {
		t |= USCCBadCheckChar
	}
	if orgCheckChar(s[8:16]) != s[16] {
		t |= USCCBadOrgCode
	}
	return Result{Match: true, Valid: t == 0, Traits: t}
}

// orgCheckChar is the GB 11714 check character of an 8-character body of [0-9A-Z], or 0 when
// the body holds another byte. Letters count A=10 ... Z=35, unlike the USCC set.
func orgCheckChar(body string) byte {
	sum := 0
	for i := range 8 {
		c := body[i]
		var v int
		switch {
		case isDigit(c):
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		default:
			return 0
		}
		sum += v * orgWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// OrgCode detects a standalone organisation code (GB 11714-1997).
//
//   - Match: 8 body characters of [0-9A-Z], an optional '-', and a check character 0-9 or X.
//   - Valid: Match and the check character is right.
//   - Traits: OrgCodeBadCheckChar.
//   - Masked: MaskOrgCode's form, two characters of [0-9A-Z] and seven '*' (codes are public
//     and no convention masks them; the form exists so that a masked sample reads as one).
func OrgCode(s string) Result {
	s = trim(s)
	var body string
	var last byte
	switch {
	case len(s) == orgCodeLen+1 && s[8] == '-':
		body, last = s[:8], s[9]
	case len(s) == orgCodeLen:
		body, last = s[:8], s[8]
	default:
		return Result{}
	}
	want := orgCheckChar(body)
	if want == 0 || !isDigit(last) && last != 'X' {
		return Result{Masked: len(s) == orgCodeLen && orgChar(s[0]) && orgChar(s[1]) && allStars(s[2:])}
	}
	if want != last {
		return Result{Match: true, Traits: OrgCodeBadCheckChar}
	}
	return Result{Match: true, Valid: true}
}

func orgChar(c byte) bool { return isDigit(c) || c >= 'A' && c <= 'Z' }

// allStars reports whether s is one or more '*'.
func allStars(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '*' {
			return false
		}
	}
	return true
}

// USCCCheckChar returns the GB 32100 check character of the first 17 characters of first17,
// or 0 when there are fewer than 17 or one is outside the 31-character set.
func USCCCheckChar(first17 string) byte {
	if len(first17) < 17 {
		return 0
	}
	sum := 0
	for i := range 17 {
		v := usccValue[first17[i]]
		if v < 0 {
			return 0
		}
		sum += int(v) * usccWeights[i]
	}
	return usccChars[(31-sum%31)%31]
}

// OrgCodeCheckChar returns the GB 11714 check character of an 8-character body, or 0 when the
// body is not 8 characters of [0-9A-Z].
func OrgCodeCheckChar(body string) byte {
	if len(body) != 8 {
		return 0
	}
	return orgCheckChar(body)
}

// MaskUSCC keeps the registration authority, category and region (the first 8 characters,
// which say what kind of organisation registered where) and hides the organisation's own code.
func MaskUSCC(s string) string {
	if masked, done := settledMask(s, USCC(s)); done {
		return masked
	}
	return trim(s)[:8] + "**********"
}

// MaskOrgCode keeps the first two characters of an organisation code.
func MaskOrgCode(s string) string {
	if masked, done := settledMask(s, OrgCode(s)); done {
		return masked
	}
	return trim(s)[:2] + "*******"
}
