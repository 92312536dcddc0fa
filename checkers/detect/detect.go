// Package detect recognises personal and organisational identifiers in single values (resident
// ID numbers, mobile and fixed-line numbers, e-mail addresses, unified social credit and
// organisation codes, bank cards, IP addresses, passports and travel permits, vehicle plates,
// coordinates, postcodes, region codes) and, as heuristics, Chinese personal names and street
// addresses. It tells a well-formed value from one that also passes its checks, recognises the
// conventional masked forms, finds identifiers embedded in free text, and masks values for
// display.
//
// The matchers are written by hand instead of with regexp because they run on every value of
// every column of files with tens of millions of rows: in the prototype, on the project's build
// machine, a hand-written matcher took 19 ns a value and the equivalent regexp 294 ns. Each one
// rejects on length before it looks at a byte, works on the string in place (trimming is
// re-slicing) and allocates nothing; detect_test.go holds both the allocation test and the
// regexp baseline benchmark so the claim stays checkable. With seventeen detectors even the
// early-outs add up, so Candidates first reads a value's shape (length and the classes of its
// bytes) once and names only the detectors that shape admits: a date or an amount reaches none.
//
// Tables that change by administrative decision (GB/T 2260 region codes, mobile segments, plate
// prefixes) and the surname list of the name heuristic are data files under data/, each with
// its edition date, embedded in the binary.
//
// Masking (Mask, MaskResidentID, ...) is off the hot path: it runs only for the few values a
// profile keeps as samples, so it may allocate.
package detect

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Result is what one detector says of one value.
type Result struct {
	Match  bool // the value has the identifier's structure (raw, unmasked)
	Valid  bool // Match and every check passes (check digit, calendar date, known region, ...)
	Masked bool // the value is the identifier in a recognised masked form
	// Traits are further facts about a matched value: which check failed, or a property worth
	// counting (a UnionPay card, a private IP address). Detector.Traits names each bit; Traits
	// is zero unless Match.
	Traits Traits
}

// Traits is a set of per-detector facts about a value; Detector.Traits names bit i.
type Traits uint8

// Has reports whether every trait in t is set.
func (ts Traits) Has(t Traits) bool { return ts&t == t }

// Detector recognises one kind of identifier.
type Detector struct {
	Name   string // stable id used in profiles and rules: "cn_resident_id", "mobile", "email", ...
	Detect func(string) Result
	Mask   func(string) string // display mask for a value this detector matched
	// Traits names the bits of Result.Traits, lowest first: profile keys, so a contract too.
	Traits []string
	// Weak marks a detector whose values cannot be told from ordinary numbers by their form
	// alone (8 digits for a Taiwan permit, 6 for a postcode, a decimal for a coordinate): a
	// classifier should not type a column by it without a header hint.
	Weak bool
	// Heuristic marks a detector that recognises likely values (names, addresses) rather than
	// checking a standard's structure; its matches are evidence with a confidence, not facts.
	Heuristic bool
	// accepts is the shape prefilter Candidates applies: it must admit every value Detect
	// matches or recognises as masked (the fuzz targets hold it to that).
	accepts filter
	// implausible are the traits that make a match implausible, and chance the share of
	// right check characters by chance (plausible.go).
	implausible Traits
	chance      float64
}

// All lists the detectors in a stable order (the order of the profile's output). Names are a
// contract with the Rego rules and the profile schema: never rename one, add new ones at the end.
var All = []Detector{
	{Name: "cn_resident_id", Detect: ResidentID, Mask: MaskResidentID,
		Traits:  []string{"bad_check_digit", "bad_birth_date", "unknown_region", "legacy_15"},
		accepts: filter{minLen: legacyIDLen, maxLen: residentIDLen, maxWideLen: maxMaskedIDLen, digitLens: lens(legacyIDLen, residentIDLen), need: Digit, allow: Digit | Upper | Lower | Star, maskLetters: Upper | Lower}},
	{Name: "mobile", Detect: Mobile, Mask: MaskMobile,
		Traits:  []string{"unallocated_segment"},
		accepts: filter{minLen: mobileLen, maxLen: maxMobileLen, maxUngroupedLen: maxUngroupedMobileLen, maxWideLen: maxMaskedMobileLen, digitLens: lens(mobileLen, mobileLen+2, mobileLen+4), need: Digit, allow: Digit | Plus | Dash | Space | Star | Lower | Upper, maskLetters: Upper | Lower, first: "18+0"}},
	{Name: "email", Detect: Email, Mask: MaskEmail,
		accepts: filter{minLen: minEmailLen, maxLen: maxEmailLen, need: At | Dot, allow: Digit | Upper | Lower | At | Dot | Dash | Plus | Star | Other}},
	{Name: "cn_uscc", Detect: USCC, Mask: MaskUSCC,
		Traits:  []string{"bad_check_char", "bad_org_code", "bad_authority", "unknown_region"},
		accepts: filter{minLen: usccLen, maxLen: usccLen, maxWideLen: maxMaskedUSCCLen, need: Digit, allow: Digit | Upper | Lower | Star, maskLetters: Lower}},
	{Name: "cn_org_code", Detect: OrgCode, Mask: MaskOrgCode,
		Traits:  []string{"bad_check_char"},
		accepts: filter{minLen: orgCodeLen, maxLen: orgCodeLen + 1, maxUngroupedLen: orgCodeLen, maxWideLen: maxMaskedOrgCodeLen, digitLens: lens(orgCodeLen), needAny: Digit | Upper, allow: Digit | Upper | Lower | Dash | Star, maskLetters: Lower}},
	{Name: "bank_card", Detect: BankCard, Mask: MaskBankCard,
		Traits:  []string{"bad_luhn", "unionpay", "unknown_issuer"},
		accepts: filter{minLen: minCardDigits, maxLen: maxCardDigits + maxCardDigits/4, maxUngroupedLen: maxCardDigits, maxWideLen: maxMaskedCardLen, digitLens: cardDigitLens, need: Digit, allow: Digit | Space | Dash | Star | Lower | Upper, maskLetters: Upper | Lower}},
	{Name: "fixed_line", Detect: FixedLine, Mask: MaskFixedLine,
		Traits:  []string{"implausible"},
		accepts: filter{minLen: minFixedLen, maxLen: maxFixedLen + 1, need: Digit, allow: Digit | Dash | Star, first: "0"}},
	{Name: "ip_address", Detect: IPAddress, Mask: MaskIPAddress,
		Traits:  []string{"ipv6", "private", "loopback", "link_local"},
		accepts: filter{minLen: len("::"), maxLen: maxIPLen, needAny: Dot | Colon, allow: Digit | Upper | Lower | Dot | Colon | Star}},
	{Name: "cn_passport", Detect: Passport, Mask: maskDocument,
		accepts: filter{minLen: 8, maxLen: 9, maxWideLen: maskedDocumentLen(9), need: Digit | Upper, allow: Digit | Upper | Lower | Star, maskLetters: Lower, first: "EGDSP"}},
	{Name: "hkmo_permit", Detect: HKMOPermit, Mask: maskDocument,
		Traits:  []string{"home_return"},
		accepts: filter{minLen: 9, maxLen: 11, maxWideLen: maskedDocumentLen(11), need: Digit | Upper, allow: Digit | Upper | Lower | Star, maskLetters: Lower, first: "CWHM"}},
	{Name: "tw_permit", Detect: TWPermit, Mask: maskDocument, Weak: true,
		accepts: filter{minLen: twPermitLen, maxLen: twPermitLen, maxWideLen: maskedDocumentLen(twPermitLen), need: Digit, allow: Digit | Upper | Lower | Star, maskLetters: Lower}},
	{Name: "vehicle_plate", Detect: VehiclePlate, Mask: MaskVehiclePlate,
		Traits:  []string{"new_energy"},
		accepts: filter{minLen: minPlateLen, maxLen: maxPlateLen, maxWideLen: maxMaskedPlateLen, need: NonASCII | Upper, allow: NonASCII | Upper | Lower | Digit | Star, maskLetters: Lower}},
	{Name: "coordinate", Detect: Coordinate, Mask: MaskCoordinate, Weak: true,
		Traits:  []string{"precise", "pair", "cn_lat_range", "cn_lon_range"},
		accepts: filter{minLen: 3, maxLen: maxCoordinateLen, need: Digit | Dot, allow: Digit | Dot | Dash | Plus | Comma | Space | Star}},
	{Name: "postcode", Detect: Postcode, Mask: maskCode, Weak: true,
		accepts: filter{minLen: codeLen, maxLen: codeLen, maxWideLen: maxMaskedCodeLen, need: Digit, allow: Digit | Upper | Lower | Star, maskLetters: Upper | Lower}},
	{Name: "cn_region_code", Detect: RegionCode, Mask: maskCode,
		Traits:  []string{"retired"},
		accepts: filter{minLen: codeLen, maxLen: codeLen, maxWideLen: maxMaskedCodeLen, need: Digit, allow: Digit | Upper | Lower | Star, maskLetters: Upper | Lower}},
	{Name: "person_name", Detect: PersonName, Mask: MaskPersonName, Heuristic: true,
		Traits:  []string{"transliterated"},
		accepts: filter{minLen: minNameLen, maxLen: maxNameLen, need: NonASCII, allow: NonASCII | Upper | Lower | Star, maskLetters: Upper | Lower}},
	{Name: "address", Detect: Address, Mask: MaskAddress, Heuristic: true,
		Traits:  []string{"precise"},
		accepts: filter{minLen: minMaskedAddressLen, maxLen: maxAddressLen, need: NonASCII, allow: ^Classes(0)}},
	{Name: "iban", Detect: IBAN, Mask: MaskIBAN, Traits: ibanTraits, accepts: ibanFilter},
}

// Index returns the position of the named detector in All, or -1.
func Index(name string) int {
	for i := range All {
		if All[i].Name == name {
			return i
		}
	}
	return -1
}

// maxGenericRunes caps the generic mask so its length does not reveal the length of a long
// value (and a report line stays short).
const maxGenericRunes = 16

// Mask returns a value safe to print in a report: if a detector matches (raw) or recognises the
// value, the mask of the first such detector in All; otherwise a generic mask that keeps the first rune and replaces
// every other rune with '*' (at most 16 runes out, so names such as 张三丰 become 张**). Surrounding
// ASCII spaces and tabs are dropped first. Mask is safe on any string, including invalid UTF-8
// (an invalid first byte comes out as U+FFFD), and its output is always valid UTF-8.
//
// Mask returns its input unchanged only when there is nothing left to hide: the input is empty
// or a single rune, it is already in a masked form a detector recognises, or every rune after
// the first is already '*'. Mask is idempotent.
func Mask(s string) string {
	_, cands := Candidates(s)
	for m := cands; m != 0; m &= m - 1 {
		d := &All[bits.TrailingZeros32(m)]
		if r := d.Detect(s); r.Match || r.Masked {
			return d.Mask(s)
		}
	}
	return MaskName(s)
}

// settledMask is the part of masking every detector shares: a value already in a masked form
// (r.Masked) is shown as it is, and one without the identifier's structure gets MaskName's
// generic mask. done is false when the value matched, for the detector's own mask to hide.
func settledMask(s string, r Result) (masked string, done bool) {
	switch {
	case r.Masked:
		return s, true
	case !r.Match:
		return MaskName(s), true
	}
	return "", false
}

// MaskName keeps the first rune and writes '*' for each other rune: 张三 → 张*, 欧阳修 → 欧**.
// It is the generic mask of Mask (same trimming, same 16-rune cap, same UTF-8 safety), exported
// for the synthetic data generator. Keeping only the surname matches DESENS-008's pattern; the
// optional kept last character of some conventions is deliberately not produced.
func MaskName(s string) string {
	s = trim(s)
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(min(len(s), maxGenericRunes*utf8.UTFMax))
	r, size := utf8.DecodeRuneInString(s)
	// An invalid first byte is written as U+FFFD: copying it would make the output invalid
	// UTF-8, and a report writer would then mangle or reject it.
	b.WriteRune(r)
	for n, i := 1, size; i < len(s) && n < maxGenericRunes; n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		b.WriteByte('*')
	}
	return b.String()
}

// trim drops ASCII spaces and tabs at both ends by re-slicing, so it never allocates.
// strings.TrimSpace would also drop Unicode spaces, which no identifier here is padded with.
func trim(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
