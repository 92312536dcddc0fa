package detect

import "strings"

// International bank account numbers, ISO 13616-1: a country code (ISO 3166-1 alpha-2), two
// check digits and the country's basic bank account number (BBAN), whose length and structure
// each country registers with SWIFT, the standard's registration authority. The check digits
// are ISO/IEC 7064 MOD 97-10 over the BBAN, the country code and the check digits, letters
// counting A=10 ... Z=35.

// ibanCountry is one entry of the IBAN registry.
type ibanCountry struct {
	code   string // ISO 3166-1 alpha-2 country code, the IBAN's first two characters
	length int    // the IBAN's length in characters, country code and check digits included
	// bban is the BBAN's structure in the registry's notation: 8!n10!n is 8 digits and then 10
	// digits; a counts capital letters, c letters and digits (either case, the registry says).
	bban string
}

// ibanCountries is the SWIFT IBAN Registry, release 101 (the release in force in January 2026),
// as python-stdnum packages it (stdnum/iban.dat, generated from iban-registry-v101.txt, updated
// 2026-01-04). It holds the countries the registry gives an IBAN prefix of their own; the
// territories that use another country's (French overseas territories FR, the Åland Islands
// FI, Jersey, Guernsey and the Isle of Man GB) are not listed apart. Lengths are those of the
// structures (the test checks the sum).
var ibanCountries = [...]ibanCountry{
	{"AD", 24, "4!n4!n12!c"},          // Andorra
	{"AE", 23, "3!n16!n"},             // United Arab Emirates (The)
	{"AL", 28, "8!n16!c"},             // Albania
	{"AT", 20, "5!n11!n"},             // Austria
	{"AZ", 28, "4!a20!c"},             // Azerbaijan
	{"BA", 20, "3!n3!n8!n2!n"},        // Bosnia and Herzegovina
	{"BE", 16, "3!n7!n2!n"},           // Belgium
	{"BG", 22, "4!a4!n2!n8!c"},        // Bulgaria
	{"BH", 22, "4!a14!c"},             // Bahrain
	{"BI", 27, "5!n5!n11!n2!n"},       // Burundi
	{"BR", 29, "8!n5!n10!n1!a1!c"},    // Brazil
	{"BY", 28, "4!c4!n16!c"},          // Belarus
	{"CH", 21, "5!n12!c"},             // Switzerland
	{"CR", 22, "4!n14!n"},             // Costa Rica
	{"CY", 28, "3!n5!n16!c"},          // Cyprus
	{"CZ", 24, "4!n16!n"},             // Czechia
	{"DE", 22, "8!n10!n"},             // Germany
	{"DJ", 27, "5!n5!n11!n2!n"},       // Djibouti
	{"DK", 18, "4!n9!n1!n"},           // Denmark
	{"DO", 28, "4!c20!n"},             // Dominican Republic
	{"EE", 20, "2!n14!n"},             // Estonia
	{"EG", 29, "4!n4!n17!n"},          // Egypt
	{"ES", 24, "4!n4!n1!n1!n10!n"},    // Spain
	{"FI", 18, "3!n11!n"},             // Finland
	{"FK", 18, "2!a12!n"},             // Falkland Islands (Malvinas)
	{"FO", 18, "4!n9!n1!n"},           // Faroe Islands
	{"FR", 27, "5!n5!n11!c2!n"},       // France
	{"GB", 22, "4!a6!n8!n"},           // United Kingdom
	{"GE", 22, "2!a16!n"},             // Georgia
	{"GI", 23, "4!a15!c"},             // Gibraltar
	{"GL", 18, "4!n9!n1!n"},           // Greenland
	{"GR", 27, "3!n4!n16!c"},          // Greece
	{"GT", 28, "4!c20!c"},             // Guatemala
	{"HN", 28, "4!a20!n"},             // Honduras
	{"HR", 21, "7!n10!n"},             // Croatia
	{"HU", 28, "3!n4!n1!n15!n1!n"},    // Hungary
	{"IE", 22, "4!a6!n8!n"},           // Ireland
	{"IL", 23, "3!n3!n13!n"},          // Israel
	{"IQ", 23, "4!a3!n12!n"},          // Iraq
	{"IS", 26, "4!n2!n6!n10!n"},       // Iceland
	{"IT", 27, "1!a5!n5!n12!c"},       // Italy
	{"JO", 30, "4!a4!n18!c"},          // Jordan
	{"KW", 30, "4!a22!c"},             // Kuwait
	{"KZ", 20, "3!n13!c"},             // Kazakhstan
	{"LB", 28, "4!n20!c"},             // Lebanon
	{"LC", 32, "4!a24!c"},             // Saint Lucia
	{"LI", 21, "5!n12!c"},             // Liechtenstein
	{"LT", 20, "5!n11!n"},             // Lithuania
	{"LU", 20, "3!n13!c"},             // Luxembourg
	{"LV", 21, "4!a13!c"},             // Latvia
	{"LY", 25, "3!n3!n15!n"},          // Libya
	{"MC", 27, "5!n5!n11!c2!n"},       // Monaco
	{"MD", 24, "2!c18!c"},             // Moldova, Republic of
	{"ME", 22, "3!n13!n2!n"},          // Montenegro
	{"MK", 19, "3!n10!c2!n"},          // North Macedonia
	{"MN", 20, "4!n12!n"},             // Mongolia
	{"MR", 27, "5!n5!n11!n2!n"},       // Mauritania
	{"MT", 31, "4!a5!n18!c"},          // Malta
	{"MU", 30, "4!a2!n2!n12!n3!n3!a"}, // Mauritius
	{"NI", 28, "4!a20!n"},             // Nicaragua
	{"NL", 18, "4!a10!n"},             // Netherlands (The)
	{"NO", 15, "4!n6!n1!n"},           // Norway
	{"OM", 23, "3!n16!c"},             // Oman
	{"PK", 24, "4!a16!c"},             // Pakistan
	{"PL", 28, "8!n16!n"},             // Poland
	{"PS", 29, "4!a21!c"},             // Palestine, State of
	{"PT", 25, "4!n4!n11!n2!n"},       // Portugal
	{"QA", 29, "4!a21!c"},             // Qatar
	{"RO", 24, "4!a16!c"},             // Romania
	{"RS", 22, "3!n13!n2!n"},          // Serbia
	{"RU", 33, "9!n5!n15!c"},          // Russian Federation
	{"SA", 24, "2!n18!c"},             // Saudi Arabia
	{"SC", 31, "4!a2!n2!n16!n3!a"},    // Seychelles
	{"SD", 18, "2!n12!n"},             // Sudan
	{"SE", 24, "3!n16!n1!n"},          // Sweden
	{"SI", 19, "5!n8!n2!n"},           // Slovenia
	{"SK", 24, "4!n6!n10!n"},          // Slovakia
	{"SM", 27, "1!a5!n5!n12!c"},       // San Marino
	{"SO", 23, "4!n3!n12!n"},          // Somalia
	{"ST", 25, "4!n4!n11!n2!n"},       // Sao Tome and Principe
	{"SV", 28, "4!a20!n"},             // El Salvador
	{"TL", 23, "3!n14!n2!n"},          // Timor-Leste
	{"TN", 24, "2!n3!n13!n2!n"},       // Tunisia
	{"TR", 26, "5!n1!n16!c"},          // Turkiye
	{"UA", 29, "6!n19!c"},             // Ukraine
	{"VA", 22, "3!n15!n"},             // Holy See
	{"VG", 24, "4!a16!n"},             // Virgin Islands (British)
	{"XK", 20, "4!n10!n2!n"},          // Kosovo
	{"YE", 30, "4!a4!n18!c"},          // Yemen
}

// The shortest and longest IBANs of the registry (Norway's 15, Russia's 33), and their forms'
// byte lengths: in print the groups of four are separated by spaces, and a masked IBAN may
// write each hidden character as the three-byte ＊.
const (
	minIBANLen       = 15
	maxIBANLen       = 33
	maxPrintIBANLen  = maxIBANLen + (maxIBANLen-1)/ibanGroup
	maxMaskedIBANLen = 3*maxIBANLen + (maxIBANLen-1)/ibanGroup
	ibanGroup        = 4
)

// ibanIndex maps a country code (its two letters as 26*(c0-'A')+(c1-'A')) to 1 + its index in
// ibanCountries, 0 for a code the registry does not hold: one load instead of a search.
var ibanIndex = func() (t [26 * 26]uint8) {
	for i, c := range ibanCountries {
		t[26*int(c.code[0]-'A')+int(c.code[1]-'A')] = uint8(i + 1)
	}
	return t
}()

// Traits of an IBAN (ibanTraits names them, in order).
const (
	IBANBadCheckDigits Traits = 1 << iota // the MOD 97-10 remainder is not 1
	// IBANBadBBAN: the BBAN has the registered length but not the registered structure (a
	// letter where the registry has digits). The check digits do not see it, so it is
	// reported apart; Valid does not depend on it.
	IBANBadBBAN
)

// ibanTraits names the traits of an IBAN, lowest bit first, for a Detector entry.
var ibanTraits = []string{"bad_check_digits", "bad_bban_format"}

// ibanMasks are the mask characters of an IBAN: x and X are BBAN characters, so only the
// symbols mask.
const ibanMasks = symbolMasks

// ibanFilter is IBAN's prefilter, for a Detector entry in All: a capital first (a country code
// of the registry); capitals, digits, print form's spaces, lower case for BBANs that hold it and
// mask characters (a masked IBAN may hide every digit).
var ibanFilter = filter{minLen: minIBANLen, maxLen: maxPrintIBANLen, maxWideLen: maxMaskedIBANLen,
	need: Upper, allow: Upper | Lower | Digit | Space | Star, first: ibanFirstLetters()}

// ibanFirstLetters lists the letters that start a country code of the registry.
func ibanFirstLetters() string {
	var b []byte
	for _, c := range ibanCountries {
		if strings.IndexByte(string(b), c.code[0]) < 0 {
			b = append(b, c.code[0])
		}
	}
	return string(b)
}

// IBAN detects an international bank account number.
//
//   - Match: a country code of the registry, two digits and a BBAN of letters and digits of
//     the length the country registered, in electronic form (DE89370400440532013000) or in
//     print form, groups of four separated by one space (DE89 3704 0044 0532 0130 00). The
//     country code is in capitals; the BBAN may hold lower case where the registry allows
//     letters.
//   - Valid: Match and the MOD 97-10 remainder is 1.
//   - Traits: IBANBadCheckDigits; IBANBadBBAN, which leaves Valid alone.
//   - Masked: the same forms with one run of at least four mask characters after the
//     country code, '*', '#' or ＊, one of them throughout (MaskIBAN's DE89**************3000,
//     DE89 **** **** **** **30 00).
//
// Surrounding ASCII spaces and tabs are ignored.
func IBAN(s string) Result {
	s = trim(s)
	if len(s) < minIBANLen || len(s) > maxMaskedIBANLen {
		return Result{}
	}
	c := ibanCountryOf(s)
	if c == nil {
		return Result{}
	}
	var b [maxIBANLen]byte
	n, kind, ok := ibanChars(s, &b)
	if !ok || n != c.length {
		return Result{}
	}
	if kind != 0 {
		return Result{Masked: maskedIBAN(b[:n])}
	}
	if !isDigit(b[2]) || !isDigit(b[3]) {
		return Result{}
	}
	var t Traits
	if ibanMod97(b[:n]) != 1 {
		t |= IBANBadCheckDigits
	}
	if !bbanFits(c.bban, b[4:n]) {
		t |= IBANBadBBAN
	}
	return Result{Match: true, Valid: t&IBANBadCheckDigits == 0, Traits: t}
}

// ibanCountryOf returns the registry entry of the country code s starts with, or nil.
func ibanCountryOf(s string) *ibanCountry {
	c0, c1 := s[0]-'A', s[1]-'A'
	if c0 >= 26 || c1 >= 26 {
		return nil
	}
	i := ibanIndex[26*int(c0)+int(c1)]
	if i == 0 {
		return nil
	}
	return &ibanCountries[i-1]
}

// ibanChars copies the characters of an IBAN in electronic or print form into b, mask
// characters as '*', and checks that a print form has one space at every group boundary and
// nowhere else. kind is the mask character found, 0 for none; n the characters copied.
func ibanChars(s string, b *[maxIBANLen]byte) (n int, kind maskSet, ok bool) {
	spaces := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			if n == 0 || n%ibanGroup != 0 || s[i-1] == ' ' {
				return 0, 0, false
			}
			spaces++
			i++
			continue
		case n == maxIBANLen:
			return 0, 0, false
		case isASCIIAlnum(c):
			b[n] = c
			i++
		default:
			m, size := maskAt(s, i, ibanMasks)
			if m == 0 || kind != 0 && m != kind {
				return 0, 0, false
			}
			kind, b[n] = m, '*'
			i += size
		}
		n++
	}
	if spaces != 0 && spaces != (n-1)/ibanGroup {
		return 0, 0, false
	}
	return n, kind, true
}

// maskedIBAN reports whether the characters of an IBAN with mask characters (written '*') are
// two digits or mask characters after the country code, then BBAN characters with a single
// run of at least four mask characters.
func maskedIBAN(b []byte) bool {
	start, end := -1, len(b)
	for i := 2; i < len(b); i++ {
		switch c := b[i]; {
		case c == '*':
			if start < 0 {
				start = i
			} else if end < len(b) {
				return false // a second run
			}
		case i < 4 && !isDigit(c):
			return false
		default:
			if start >= 0 && end == len(b) {
				end = i
			}
		}
	}
	return start >= 0 && end-start >= minMaskRun
}

// ibanMod97 is the ISO/IEC 7064 MOD 97-10 remainder of an IBAN: its characters from the fifth
// on, then the first four, letters as the two digits of their value (A=10 ... Z=35).
func ibanMod97(b []byte) int {
	r := 0
	for i := range b {
		c := b[(i+4)%len(b)]
		switch {
		case isDigit(c):
			r = (r*10 + int(c-'0')) % 97
		default:
			r = (r*100 + int((c|0x20)-'a') + 10) % 97 // c|0x20: either case
		}
	}
	return r
}

// bbanFits reports whether bban has the structure the registry notes as format.
func bbanFits(format string, bban []byte) bool {
	at := 0
	for i := 0; i < len(format); {
		n := 0
		for i < len(format) && isDigit(format[i]) {
			n = n*10 + int(format[i]-'0')
			i++
		}
		if i < len(format) && format[i] == '!' {
			i++
		}
		if i == len(format) || at+n > len(bban) {
			return false
		}
		class := format[i]
		i++
		for _, c := range bban[at : at+n] {
			switch class {
			case 'n':
				if !isDigit(c) {
					return false
				}
			case 'a':
				if c < 'A' || c > 'Z' {
					return false
				}
			case 'c':
				// isASCIIAlnum already held for every BBAN character.
			default:
				return false
			}
		}
		at += n
	}
	return at == len(bban)
}

// MaskIBAN keeps the country code, the check digits and the last four characters, the ones a
// holder checks a payment by, and hides the bank, branch and the rest of the account number.
// The form stays: print form comes out in print form (DE89 **** **** **** **30 00), electronic
// in electronic (DE89**************3000). A value already in a recognised masked form is
// returned unchanged; any other value that does not match gets MaskName's generic mask.
func MaskIBAN(s string) string {
	if masked, done := settledMask(s, IBAN(s)); done {
		return masked
	}
	t := trim(s)
	var b [maxIBANLen]byte
	n, _, _ := ibanChars(t, &b)
	for i := 4; i < n-4; i++ {
		b[i] = '*'
	}
	if strings.IndexByte(t, ' ') < 0 {
		return string(b[:n])
	}
	out := make([]byte, 0, maxPrintIBANLen)
	for i := range n {
		if i > 0 && i%ibanGroup == 0 {
			out = append(out, ' ')
		}
		out = append(out, b[i])
	}
	return string(out)
}
