package detect

// Unified social credit codes, GB 32100-2015 (STANDARDS §3.2), and organisation codes,
// GB 11714-1997 (§3.3), which a USCC embeds at positions 9-17.

const (
	usccLen    = 18
	orgCodeLen = 9 // 8 body characters and the check character, without the optional '-'
	// The masked forms written with ＊, three bytes a character: MaskUSCC's and MaskOrgCode's.
	maxMaskedUSCCLen    = usccKept + 3*(usccLen-usccKept)
	maxMaskedOrgCodeLen = orgKept + 3*(orgCodeLen-orgKept)
)

// The characters the masks keep: a USCC's authority, category and region, an organisation
// code's first two.
const (
	usccKept = 8
	orgKept  = 2
)

// codeMasks are the mask characters of the two codes: X is one of their characters (a code can
// end in X, or be all X), so only lower-case x masks.
const codeMasks = symbolMasks | maskLowerX

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
	// USCCBadAuthority: position 1 is no registration authority's code, or position 2 no
	// category that authority registers (usccCategories). An 18-digit serial or order number
	// passes both checks now and then by chance; it rarely starts like a real code.
	USCCBadAuthority
	// USCCUnknownRegion: positions 3-8 are in no edition of the bundled GB/T 2260 table and
	// are not 100000, the code of nationally registered organisations.
	USCCUnknownRegion
)

// usccChecks are the traits of the check characters, the only ones Valid depends on: the other
// traits are plausibility, evidence for the classifier, and an authority code assigned after
// this table was written must not make a code invalid.
const usccChecks = USCCBadCheckChar | USCCBadOrgCode

// usccNational is the region of organisations registered by a national authority: the code of
// the whole country, which GB/T 2260 does not list as a division.
const usccNational = "100000"

// usccCategories holds, per registration authority code (position 1), the organisation
// category codes (position 2) it registers, as a bitmask of the digits (bit d for d).
//
// GB 32100-2015 Table 1, as we read it (not checked against the text of the standard): 1
// 机构编制 (1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他), 5 民政 (1 社会团体, 2
// 民办非企业单位, 3 基金会, 9 其他), 9 工商, now 市场监管 (1 企业, 2 个体工商户, 3 农民专业合作社) and
// Y 其他 (1). The other authorities were given codes after 2015; their entries are the ones
// published implementations of GB 32100 agree on, not checked against the notices that
// assigned them: 2 外交 (1 外国常驻新闻机构, 9), 3 司法行政 (1 律师执业机构, 2 公证处, 3
// 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9), 4 文化 (1 外国在华文化中心, 9), 6 旅游 (1
// 外国旅游部门常驻代表机构, 2 港澳台地区旅游部门常驻内地（大陆）代表机构, 9), 7 宗教 (1 宗教活动场所,
// 2 宗教院校, 9), 8 工会 (1 基层工会, 9), A 中央军委改革和编制办公室 (1 军队事业单位, 9) and N 农业
// (1 组级, 2 村级, 3 乡镇级集体经济组织, 9). Category 3 of 7 宗教 is accepted too although no
// published table we found names it: where the sources are unsure, a real code is not
// flagged.
var usccCategories = func() (t [256]uint16) {
	for _, e := range [...]struct {
		authority  byte
		categories string
	}{
		{'1', "1239"}, {'5', "1239"}, {'9', "123"}, {'Y', "1"},
		{'2', "19"}, {'3', "123459"}, {'4', "19"}, {'6', "129"}, {'7', "1239"}, {'8', "19"},
		{'A', "19"}, {'N', "1239"},
	} {
		for i := 0; i < len(e.categories); i++ {
			t[e.authority] |= 1 << (e.categories[i] - '0')
		}
	}
	return t
}()

// OrgCodeBadCheckChar is the trait of an organisation code whose check character is wrong.
const OrgCodeBadCheckChar Traits = 1

// USCC detects a unified social credit code.
//
//   - Match: 18 characters of the 31-character set, positions 3-8 digits (the registering
//     authority's GB/T 2260 code); lower case is not accepted, codes are printed in capitals.
//   - Valid: Match, the check character is right (mod 31) and so is the check of the GB 11714
//     organisation code at positions 9-17.
//   - Traits: USCCBadCheckChar, USCCBadOrgCode; and, not affecting Valid, USCCBadAuthority and
//     USCCUnknownRegion.
//   - Masked: MaskUSCC's form, the first 8 characters (authority, category, region) kept and the
//     10 after them masked with '*', '#', ＊ or x, one of them throughout. No convention masks a
//     USCC, which names an organisation in a public register; the form exists so that a masked
//     sample reads as one.
func USCC(s string) Result {
	s = trim(s)
	if len(s) != usccLen {
		return Result{Masked: len(s) == maxMaskedUSCCLen && usccHead(s) && maskRun(s[usccKept:], codeMasks) == usccLen-usccKept}
	}
	sum := 0
	for i := range 17 {
		v := usccValue[s[i]]
		if v < 0 || i >= 2 && i < 8 && !isDigit(s[i]) {
			return Result{Masked: i == usccKept && maskRun(s[i:], codeMasks) == usccLen-usccKept}
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
	if !isDigit(s[1]) || usccCategories[s[0]]&(1<<(s[1]-'0')) == 0 {
		t |= USCCBadAuthority
	}
	if s[2:8] != usccNational && region(s[2:]) == regionUnknown {
		t |= USCCUnknownRegion
	}
	return Result{Match: true, Valid: t&usccChecks == 0, Traits: t}
}

// usccHead reports whether s starts with the 8 characters a USCC mask keeps: two of the
// 31-character set and six digits.
func usccHead(s string) bool {
	return len(s) >= usccKept && usccValue[s[0]] >= 0 && usccValue[s[1]] >= 0 && allDigits(s[2:usccKept])
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
//   - Masked: MaskOrgCode's form, two characters of [0-9A-Z] and seven mask characters, '*',
//     '#', ＊ or x, one of them throughout (codes are public and no convention masks them; the
//     form exists so that a masked sample reads as one).
func OrgCode(s string) Result {
	s = trim(s)
	var body string
	var last byte
	switch {
	case len(s) == orgCodeLen+1 && s[8] == '-':
		body, last = s[:8], s[9]
	case len(s) == orgCodeLen:
		body, last = s[:8], s[8]
	case len(s) == maxMaskedOrgCodeLen:
		return Result{Masked: maskedOrgCode(s)}
	default:
		return Result{}
	}
	want := orgCheckChar(body)
	if want == 0 || !isDigit(last) && last != 'X' {
		return Result{Masked: len(s) == orgCodeLen && maskedOrgCode(s)}
	}
	if want != last {
		return Result{Match: true, Traits: OrgCodeBadCheckChar}
	}
	return Result{Match: true, Valid: true}
}

func orgChar(c byte) bool { return isDigit(c) || c >= 'A' && c <= 'Z' }

// maskedOrgCode recognises MaskOrgCode's form: two kept characters and seven mask characters.
func maskedOrgCode(s string) bool {
	return orgChar(s[0]) && orgChar(s[1]) && maskRun(s[orgKept:], codeMasks) == orgCodeLen-orgKept
}

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
