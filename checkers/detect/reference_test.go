package detect

import (
	"bufio"
	"math"
	"net"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// References written straight from STANDARDS, for differential testing: the hand-written
// matchers must agree with them on every input (table and fuzz). They use regular expressions,
// the standard library's parsers and the data files read afresh, never the code under test.

var (
	refIDMatch   = regexp.MustCompile(`^[0-9]{17}[0-9Xx]$`)
	refIDDate    = regexp.MustCompile(`^[0-9]{6}([0-9]{8})[0-9]{3}[0-9Xx]$`)
	refIDMasked  = regexp.MustCompile(`^[0-9][0-9*]{16}[0-9Xx*]$`)
	refIDMaskedX = regexp.MustCompile(`^[0-9][0-9*]{16}[0-9Xx]$`) // x and X never mask the last
	refIDLegacy  = regexp.MustCompile(`^[0-9]{6}([0-9]{6})[0-9]{3}$`)
	// A mobile number's forms, its mask characters written '*' (refUnmask): plain, or in 3-4-4
	// groups, after an optional country code; then its 11 characters, raw or masked.
	refMobilePlain  = regexp.MustCompile(`^(?:(?:\+86|0086|86)[ -]?)?([0-9*]{11})$`)
	refMobileSpaced = regexp.MustCompile(`^(?:(?:\+86|0086|86)[ -])?([0-9*]{3}) ([0-9*]{4}) ([0-9*]{4})$`)
	refMobileDashed = regexp.MustCompile(`^(?:(?:\+86|0086|86)[ -])?([0-9*]{3})-([0-9*]{4})-([0-9*]{4})$`)
	refMobile       = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	refMobileMask   = regexp.MustCompile(`^1(?:[3-9][0-9]*)?\*{4,8}[0-9]+$`)
	// The allocation-aware pattern of STANDARDS §3.5 (honwhy/common-data-masking).
	refMobileAllocated = regexp.MustCompile(`^1(3\d|4[01456879]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$`)
	refEmailLocal      = regexp.MustCompile(`^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*$`)
	refEmailMask       = regexp.MustCompile(`^[A-Za-z0-9_%+-](?:\*+|#+|＊+)$`)
	refDomain          = regexp.MustCompile(`^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$`)
	// STANDARDS §3.2 structural regex (boli-duality/utils).
	refUSCC       = regexp.MustCompile(`^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$`)
	refUSCCMasked = regexp.MustCompile(`^[0-9A-HJ-NPQRTUWXY]{2}\d{6}(?:\*{10}|#{10}|x{10}|＊{10})$`)
	refOrgCode    = regexp.MustCompile(`^([0-9A-Z]{8})-?([0-9X])$`)
	refOrgMasked  = regexp.MustCompile(`^[0-9A-Z]{2}(?:\*{7}|#{7}|x{7}|＊{7})$`)
	refCardPlain  = regexp.MustCompile(`^[0-9*]{13,19}$`)
	refCardSpace  = regexp.MustCompile(`^(?:[0-9*]{4} ){2,4}[0-9*]{1,4}$`)
	refCardDash   = regexp.MustCompile(`^(?:[0-9*]{4}-){2,4}[0-9*]{1,4}$`)
	refCardMasked = regexp.MustCompile(`^[0-9]{4,6}\*{4,}[0-9]{1,4}$`)
	refFixed      = regexp.MustCompile(`^0\d{2,3}-?\d{7,8}$`)
	refFixedOK    = regexp.MustCompile(`^0[12]\d-?[2-9]\d{7}$|^0[3-9]\d{2}-?[2-9]\d{6,7}$`)
	refFixedMask  = regexp.MustCompile(`^0\d{3}\*+\d{2}$`)
	refIPv4Mask   = regexp.MustCompile(`^\d{1,3}(\.\*){3}$`)
	refIPv6Mask   = regexp.MustCompile(`^[0-9a-fA-F]{1,4}(:\*){7}$`)
	// STANDARDS §3.7.
	refPassport = regexp.MustCompile(`^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|(?:DE|SE|PE)\d{7}|G\d{8}|D\d{8}|S\d{7,8}|P\d{7})$`)
	refHKMO     = regexp.MustCompile(`^(?:C\d{8}|C[A-Z]\d{7}|W\d{8}|([HM])(?:\d{8}|\d{10}))$`)
	refTW       = regexp.MustCompile(`^\d{8}$`)
	refDocMask  = regexp.MustCompile(`^([0-9A-Z])[0-9A-Z](?:\*+|#+|x+|X+|＊+)\d{2}$`)
	// STANDARDS §3.6 (lawliet467/js-utils), with the optional '·' after the office letter.
	refPlate            = regexp.MustCompile(`^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Z]·?(?:([0-9]{5}[DF]|[DF][A-HJ-NP-Z0-9][0-9]{4})|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])$`)
	refPlateMask        = regexp.MustCompile(`^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Z]·?[A-HJ-NP-Z0-9](?:\*{3,4}|#{3,4}|x{3,4}|＊{3,4})[A-HJ-NP-Z0-9挂学警港澳]$`)
	refCoordSingle      = regexp.MustCompile(`^[+-]?(?:0|[1-9]\d{0,2})\.(\d{3,15})$`)
	refCoordPart        = regexp.MustCompile(`^[+-]?(?:0|[1-9]\d{0,2})\.(\d{1,15})$`)
	refCoordMask        = regexp.MustCompile(`^[+-]?(?:0|[1-9]\d{0,2})\.\d{0,2}\*+$`)
	refSixDigits        = regexp.MustCompile(`^\d{6}$`)
	refCodeMask         = regexp.MustCompile(`^\d{4}(?:\*\*|##|xx|XX|＊＊)$`)
	refHanName          = regexp.MustCompile(`^\p{Han}{2,4}$`)
	refNameMask         = regexp.MustCompile(`^(\p{Han}{1,2})\*{1,3}\p{Han}?$`)
	refNameTranslit     = regexp.MustCompile(`^\p{Han}{2,}(?:·\p{Han}{2,}){1,2}$`)
	refNameTranslitMask = regexp.MustCompile(`^\p{Han}\*{4,14}$`)
)

// Tables read afresh from the data files, as the references' own copy.
var (
	refRegions               = readRefRegions()
	refSurnames, refCompound = readRefSurnames()
)

func readRefRegions() map[string]string {
	f, err := os.Open("data/gbt2260.tsv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Split(sc.Text(), "\t"); len(fields) == 5 && !strings.HasPrefix(fields[0], "#") {
			m[fields[0]] = fields[1]
		}
	}
	return m
}

func readRefSurnames() (map[string]bool, map[string]bool) {
	b, err := os.ReadFile("data/surnames.txt")
	if err != nil {
		panic(err)
	}
	single, compound := map[string]bool{}, map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "single: "); ok {
			for _, r := range v {
				single[string(r)] = true
			}
		}
		if v, ok := strings.CutPrefix(line, "compound: "); ok {
			rs := []rune(v)
			for i := 0; i+1 < len(rs); i += 2 {
				compound[string(rs[i:i+2])] = true
			}
		}
	}
	return single, compound
}

func reference(name string, s string) Result {
	s = strings.Trim(s, " \t")
	switch name {
	case "cn_resident_id":
		return refResidentID(s)
	case "mobile":
		return refMobileResult(s)
	case "email":
		at := strings.LastIndexByte(s, '@')
		if at < 0 || len(s) > 254 || len(s)-at-1 > 253 || !refDomain.MatchString(s[at+1:]) {
			return none
		}
		local := s[:at]
		if len(local) <= 64 && refEmailLocal.MatchString(local) {
			return valid
		}
		return Result{Masked: refEmailMask.MatchString(local)}
	case "cn_uscc":
		return refUSCCResult(s)
	case "cn_org_code":
		if m := refOrgCode.FindStringSubmatch(s); m != nil {
			if refOrgCheck(m[1]) == m[2][0] {
				return valid
			}
			return fault(OrgCodeBadCheckChar)
		}
		return Result{Masked: refOrgMasked.MatchString(s)}
	case "bank_card":
		return refBankCard(s)
	case "fixed_line":
		if refFixed.MatchString(s) {
			if refFixedOK.MatchString(s) && refFixedSplit(s) {
				return valid
			}
			return fault(FixedLineImplausible)
		}
		// The mask keeps a fixed-line number's length, 10-12 characters.
		return Result{Masked: refFixedMask.MatchString(s) && len(s) >= 10 && len(s) <= 12}
	case "ip_address":
		return refIP(s)
	case "cn_passport":
		if refPassport.MatchString(s) {
			return valid
		}
		m := refDocMask.FindStringSubmatch(s)
		n := utf8.RuneCountInString(s)
		return Result{Masked: m != nil && n >= 8 && n <= 9 && strings.Contains("EGDSP", m[1])}
	case "hkmo_permit":
		if m := refHKMO.FindStringSubmatch(s); m != nil {
			if m[1] != "" {
				return fact(HKMOHomeReturn)
			}
			return valid
		}
		m := refDocMask.FindStringSubmatch(s)
		n := utf8.RuneCountInString(s)
		return Result{Masked: m != nil && n >= 9 && n <= 11 && strings.Contains("CWHM", m[1])}
	case "tw_permit":
		if refTW.MatchString(s) {
			return valid
		}
		m := refDocMask.FindStringSubmatch(s)
		return Result{Masked: m != nil && utf8.RuneCountInString(s) == 8 && m[1][0] >= '0' && m[1][0] <= '9'}
	case "vehicle_plate":
		if m := refPlate.FindStringSubmatch(s); m != nil {
			if m[1] != "" {
				return fact(PlateNewEnergy)
			}
			return valid
		}
		return Result{Masked: refPlateMask.MatchString(s)}
	case "coordinate":
		return refCoordinate(s)
	case "iban":
		return refIBAN(s)
	case "postcode":
		if refSixDigits.MatchString(s) {
			return Result{Match: true, Valid: s[0] != '9'}
		}
		return Result{Masked: refCodeMask.MatchString(s)}
	case "cn_region_code":
		if refSixDigits.MatchString(s) {
			switch refRegions[s] {
			case "current":
				return valid
			case "retired":
				return fact(RegionRetired)
			}
			return Result{Match: true}
		}
		return Result{Masked: refCodeMask.MatchString(s)}
	case "person_name":
		return refPersonName(s)
	case "address":
		// No independent formulation of the heuristic exists; the table and the invariants
		// hold it, and the reference repeats it.
		return Address(s)
	}
	panic("no reference for " + name)
}

func refResidentID(s string) Result {
	if m := refIDLegacy.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1][:2])
		mo, _ := strconv.Atoi(m[1][2:4])
		d, _ := strconv.Atoi(m[1][4:])
		date := time.Date(1900+y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if date.Year() == 1900+y && int(date.Month()) == mo && date.Day() == d && refRegions[s[:6]] != "" {
			return fault(IDLegacy15)
		}
		return none
	}
	if !refIDMatch.MatchString(s) {
		return Result{Masked: refIDMaskedForm(s)}
	}
	var t Traits
	if CheckDigit(s) != strings.ToUpper(s[17:])[0] {
		t |= IDBadCheckDigit
	}
	m := refIDDate.FindStringSubmatch(s)
	if d, err := time.Parse("20060102", m[1]); err != nil || d.Year() < 1900 || d.Year() > 2100 {
		t |= IDBadBirthDate
	}
	if refRegions[s[:6]] == "" {
		t |= IDUnknownRegion
	}
	return Result{Match: true, Valid: t == 0, Traits: t}
}

// refUSCCCheck is GB 32100's check character, computed from the closed forms of §3.2.
func refUSCCCheck(s string) byte {
	const set = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	sum, w := 0, 1
	for i := range 17 {
		sum += strings.IndexByte(set, s[i]) * w
		w = w * 3 % 31
	}
	return set[(31-sum%31)%31]
}

// refOrgCheck is GB 11714's check character (§3.3), weights 2^(9-i) mod 11.
func refOrgCheck(body string) byte {
	sum := 0
	for i := range 8 {
		v := strings.IndexByte("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", body[i])
		w := 1
		for range 9 - (i + 1) {
			w = w * 2 % 11
		}
		sum += v * w
	}
	return "0123456789X0"[11-sum%11]
}

func refUSCCResult(s string) Result {
	if !refUSCC.MatchString(s) {
		return Result{Masked: refUSCCMasked.MatchString(s)}
	}
	var t Traits
	if refUSCCCheck(s) != s[17] {
		t |= USCCBadCheckChar
	}
	if refOrgCheck(s[8:16]) != s[16] {
		t |= USCCBadOrgCode
	}
	valid := t == 0
	if !slices.Contains(refUSCCCategories[s[:1]], s[1:2]) {
		t |= USCCBadAuthority
	}
	if s[2:8] != "100000" && refRegions[s[2:8]] == "" {
		t |= USCCUnknownRegion
	}
	return Result{Match: true, Valid: valid, Traits: t}
}

// refUSCCCategories: GB 32100's registration authorities and the categories each registers,
// written out afresh (7 宗教's category 3 accepted, as the detector does).
var refUSCCCategories = map[string][]string{
	"1": {"1", "2", "3", "9"}, "2": {"1", "9"}, "3": {"1", "2", "3", "4", "5", "9"}, "4": {"1", "9"},
	"5": {"1", "2", "3", "9"}, "6": {"1", "2", "9"}, "7": {"1", "2", "3", "9"}, "8": {"1", "9"},
	"9": {"1", "2", "3"}, "A": {"1", "9"}, "N": {"1", "2", "3", "9"}, "Y": {"1"},
}

func refBankCard(s string) Result {
	s, ok := refUnmask(s, "*xX#＊")
	if !ok || !refCardPlain.MatchString(s) && !refCardSpace.MatchString(s) && !refCardDash.MatchString(s) {
		return none
	}
	digits := strings.NewReplacer(" ", "", "-", "").Replace(s)
	if len(digits) < 13 || len(digits) > 19 {
		return none
	}
	if strings.Contains(digits, "*") {
		return Result{Masked: refCardMasked.MatchString(digits)}
	}
	// Luhn written the textbook way: from the left, doubling the digits whose distance from
	// the right end is odd.
	sum := 0
	for i, c := range digits {
		d := int(c - '0')
		if (len(digits)-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	var t Traits
	if sum%10 != 0 {
		t |= CardBadLuhn
	}
	if strings.HasPrefix(digits, "62") {
		t |= CardUnionPay
	}
	if !refKnownIssuer(digits) {
		t |= CardUnknownIssuer
	}
	return Result{Match: true, Valid: t&CardBadLuhn == 0, Traits: t}
}

// refIssuers: the card schemes' IIN ranges (the first and last prefix, as digits) and lengths,
// written out afresh from the same published table as cardSchemes.
var refIssuers = []struct {
	lo, hi string
	lens   []int
}{
	{"62", "62", []int{16, 17, 18, 19}}, {"81", "81", []int{16}}, {"4", "4", []int{13, 16, 19}},
	{"51", "55", []int{16}}, {"2221", "2720", []int{16}}, {"34", "34", []int{15}}, {"37", "37", []int{15}},
	{"3528", "3589", []int{16, 17, 18, 19}}, {"6011", "6011", []int{16, 17, 18, 19}},
	{"644", "649", []int{16, 17, 18, 19}}, {"65", "65", []int{16, 17, 18, 19}},
	{"36", "36", []int{14, 15, 16, 17, 18, 19}}, {"300", "305", []int{14, 15, 16, 17, 18, 19}},
	{"38", "39", []int{14, 15, 16, 17, 18, 19}},
	{"50", "50", []int{12, 13, 14, 15, 16, 17, 18, 19}}, {"56", "58", []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"6304", "6304", []int{12, 13, 14, 15, 16, 17, 18, 19}}, {"6759", "6759", []int{12, 13, 14, 15, 16, 17, 18, 19}},
	{"6761", "6763", []int{12, 13, 14, 15, 16, 17, 18, 19}}, {"2200", "2204", []int{16, 17, 18, 19}},
}

func refKnownIssuer(digits string) bool {
	for _, r := range refIssuers {
		// Prefixes of equal length compare as strings the way they compare as numbers.
		if p := digits[:len(r.lo)]; p >= r.lo && p <= r.hi && slices.Contains(r.lens, len(digits)) {
			return true
		}
	}
	return false
}

// refUnmask writes the mask character s uses, one of kinds, as '*'; ok is false when s uses
// two of them.
func refUnmask(s, kinds string) (string, bool) {
	used := ""
	for _, k := range kinds {
		if strings.ContainsRune(s, k) {
			if used != "" {
				return s, false
			}
			used = string(k)
		}
	}
	if used == "" {
		return s, true
	}
	return strings.ReplaceAll(s, used, "*"), true
}

// refIDMaskedForm: 18 characters, a digit first, digits and one mask character (the last may
// be X or x), with a run of four or more. x and X mask only before the last place.
func refIDMaskedForm(s string) bool {
	for _, k := range []string{"*", "#", "＊"} {
		t := strings.ReplaceAll(s, k, "*")
		if (k == "*" || !strings.Contains(s, "*")) && refIDMasked.MatchString(t) && strings.Contains(t, "****") {
			return true
		}
	}
	if len(s) != 18 || strings.Contains(s[:17], "*") {
		return false
	}
	for _, k := range []string{"x", "X"} {
		t := strings.ReplaceAll(s[:17], k, "*")
		if refIDMaskedX.MatchString(t+s[17:]) && strings.Contains(t, "****") {
			return true
		}
	}
	return false
}

func refMobileResult(s string) Result {
	t, ok := refUnmask(s, "*xX#＊")
	if !ok {
		return none
	}
	var body string
	if m := refMobilePlain.FindStringSubmatch(t); m != nil {
		body = m[1]
	} else if m := refMobileSpaced.FindStringSubmatch(t); m != nil {
		body = m[1] + m[2] + m[3]
	} else if m := refMobileDashed.FindStringSubmatch(t); m != nil {
		body = m[1] + m[2] + m[3]
	}
	switch {
	case refMobile.MatchString(body):
		if refMobileAllocated.MatchString(body) {
			return valid
		}
		return fault(MobileUnallocated)
	case strings.Contains(body, "*"):
		return Result{Masked: refMobileMask.MatchString(body)}
	}
	return none
}

// refFixedSplit: with a '-', the area code written must be the one the trunk digits imply.
func refFixedSplit(s string) bool {
	area, _, dash := strings.Cut(s, "-")
	if !dash {
		return true
	}
	if s[1] == '1' || s[1] == '2' {
		return len(area) == 3
	}
	return len(area) == 4
}

func refIP(s string) Result {
	if strings.Contains(s, "*") {
		return Result{Masked: refIPv4Mask.MatchString(s) || refIPv6Mask.MatchString(s)}
	}
	if strings.Contains(s, "%") || !strings.Contains(s, ":") && strings.Count(s, ".") != 3 {
		return none
	}
	ip := net.ParseIP(s)
	if ip == nil {
		return none
	}
	var t Traits
	if strings.Contains(s, ":") {
		t |= IPv6
	}
	if ip.IsPrivate() {
		t |= IPPrivate
	}
	if ip.IsLoopback() {
		t |= IPLoopback
	}
	if ip.IsLinkLocalUnicast() {
		t |= IPLinkLocal
	}
	return fact(t)
}

func refCoordinate(s string) Result {
	a, b, pair := strings.Cut(s, ",")
	if !pair {
		if refCoordMask.MatchString(s) {
			return Result{Masked: refAbs(s) <= 180}
		}
		m := refCoordSingle.FindStringSubmatch(s)
		if m == nil || refAbs(s) > 180 {
			return none
		}
		t := refCN(s)
		if len(m[1]) >= 4 {
			t |= CoordPrecise
		}
		return fact(t)
	}
	a, b = strings.Trim(a, " \t"), strings.Trim(b, " \t")
	if refCoordMask.MatchString(a) && refCoordMask.MatchString(b) {
		return Result{Masked: refAbs(a) <= 180 && refAbs(b) <= 180 && (refAbs(a) <= 90 || refAbs(b) <= 90)}
	}
	ma, mb := refCoordPart.FindStringSubmatch(a), refCoordPart.FindStringSubmatch(b)
	if ma == nil || mb == nil || refAbs(a) > 180 || refAbs(b) > 180 || refAbs(a) > 90 && refAbs(b) > 90 {
		return none
	}
	t := CoordPair
	if len(ma[1]) >= 4 && len(mb[1]) >= 4 {
		t |= CoordPrecise
	}
	if refCN(a)&CoordCNLat != 0 && refCN(b)&CoordCNLon != 0 || refCN(b)&CoordCNLat != 0 && refCN(a)&CoordCNLon != 0 {
		t |= CoordCNLat | CoordCNLon
	}
	return fact(t)
}

// refAbs is |v| of a number or of a masked number (the kept digits).
func refAbs(s string) float64 {
	s = strings.TrimRight(s, "*")
	s = strings.TrimSuffix(s, ".")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return math.Abs(v)
}

func refCN(s string) Traits {
	v, _ := strconv.ParseFloat(s, 64)
	var t Traits
	if v >= 3.8 && v <= 53.6 {
		t |= CoordCNLat
	}
	if v >= 73.4 && v <= 135.1 {
		t |= CoordCNLon
	}
	return t
}

func refPersonName(s string) Result {
	s, ok := refUnmask(s, "*＊#xX")
	if !ok {
		return none
	}
	if strings.Contains(s, "*") {
		if refNameTranslitMask.MatchString(s) {
			return masked
		}
		m := refNameMask.FindStringSubmatch(s)
		if m == nil || utf8.RuneCountInString(s) > 4 {
			return none
		}
		rs := []rune(s)
		sur := refSurnameLen(rs)
		// The kept head must be exactly the surname the name starts with.
		return Result{Masked: sur > 0 && utf8.RuneCountInString(m[1]) == sur}
	}
	if strings.Contains(s, "·") {
		if refNameTranslit.MatchString(s) && utf8.RuneCountInString(s) <= 15 {
			return fact(NameTransliterated)
		}
		return none
	}
	if !refHanName.MatchString(s) {
		return none
	}
	rs := []rune(s)
	sur := refSurnameLen(rs)
	given := len(rs) - sur
	if sur == 0 || given < 1 || given > 2 || strings.ContainsRune("区市县镇乡村路街道巷号省局院所室组队部科处厂店司会馆站校园场社委办族厅业费款税额率类型级等证卡码称病疾贫困员者户", rs[len(rs)-1]) {
		return none
	}
	return valid
}

func refSurnameLen(rs []rune) int {
	if len(rs) >= 2 && refCompound[string(rs[:2])] {
		return 2
	}
	if len(rs) >= 1 && refSurnames[string(rs[0])] {
		return 1
	}
	return 0
}
