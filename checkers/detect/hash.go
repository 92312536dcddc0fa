package detect

import "math/bits"

// Hashed identifiers recognised by value: a column of digests (MD5 of a phone number, SHA-256
// of an ID number) is pseudonymised, not anonymised, and a digest of a short identifier is
// reversed by trying every identifier. A digest has no structure to check, only a length and the
// look of random bytes: the right number of hex digits (or base64 characters) and the spread of
// values a random string has, which counters, serials and fillers of the same length lack.

// Traits of a hash: the digest length it has, named by the commonest algorithm of that length,
// and its encoding.
const (
	HashMD5    Traits = 1 << iota // 128 bits: MD5 (or MD4, NTLM, a dashless UUID: same form)
	HashSHA1                      // 160 bits: SHA-1 (or RIPEMD-160)
	HashSHA224                    // 224 bits: SHA-224, SHA3-224
	HashSHA256                    // 256 bits: SHA-256, SM3, SHA3-256, BLAKE2s
	HashSHA384                    // 384 bits: SHA-384, SHA3-384
	HashSHA512                    // 512 bits: SHA-512, SHA3-512, BLAKE2b
	HashBase64                    // written in base64 (standard or URL-safe alphabet), not hex
)

// hashTraits names the traits of a hash, lowest bit first, for a Detector entry.
var hashTraits = []string{"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "base64"}

const (
	minHashLen = 22  // 16 bytes in base64 without padding
	maxHashLen = 128 // 64 bytes in hex
	// hashKept is what MaskHash leaves of a digest: enough to tell two columns' digests apart,
	// not enough to look one up.
	hashKept = 4
)

// hashFilter is Hash's prefilter, for a Detector entry in All: a letter (a hex digest needs one
// of a-f) or a mask character at least, and the characters of hex and of both base64 alphabets
// ('/', '_' and '=' are Other) and of MaskHash's form. Plain numbers never reach it.
var hashFilter = filter{minLen: minHashLen, maxLen: maxHashLen, maxWideLen: hashKept + 3*(maxHashLen-hashKept),
	needAny: Upper | Lower | Star, allow: Digit | Upper | Lower | Plus | Dash | Other | Star}

// hexDigests gives, by length in hex digits, the trait and the fewest distinct hex digits a
// digest of that length has: n uniform draws from 16 digits show fewer with probability below
// about 2e-9 (7 of 32, 8 of 40, 10 of 56, 11 of 64, 13 of 96, 14 of 128).
// Indexed by length (a zero trait for none): one load, no map on the hot path.
var hexDigests = [maxHashLen + 1]struct {
	trait    Traits
	distinct int
}{32: {HashMD5, 7}, 40: {HashSHA1, 8}, 56: {HashSHA224, 10}, 64: {HashSHA256, 11}, 96: {HashSHA384, 13}, 128: {HashSHA512, 14}}

// base64Digest describes a digest of some length in base64: the characters that carry it
// (without padding), the padding that completes them to a multiple of four, the low bits of the
// last character that fall outside the digest (zero in a canonical encoding, which every
// encoder writes) and the fewest distinct characters n uniform draws from 64 show but with
// probability below about 2e-9.
type base64Digest struct {
	trait    Traits
	chars    int
	pad      int
	zeroBits byte
	distinct int
}

// base64Digests are the digests of 16, 20, 32, 48 and 64 bytes.
var base64Digests = [...]base64Digest{
	{HashMD5, 22, 2, 0x0F, 10},
	{HashSHA1, 27, 1, 0x03, 12},
	{HashSHA256, 43, 1, 0x03, 19},
	{HashSHA384, 64, 0, 0, 26},
	{HashSHA512, 86, 2, 0x0F, 32},
}

// base64Value maps a byte to its value in either base64 alphabet, -1 for other bytes.
var base64Value = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i, c := range "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" {
		t[c] = int8(i)
	}
	t['+'], t['/'], t['-'], t['_'] = 62, 63, 62, 63
	return t
}()

// Hash detects a hex or base64 digest of a common length.
//
//   - Match: 32, 40, 56, 64, 96 or 128 hex digits, all letters in one case, at least one of
//     them a letter a-f, and the spread of a random string (hexDigests); or the base64 of 16,
//     20, 32, 48 or 64 bytes, standard (+/) or URL-safe (-_) alphabet, with or without its '='
//     padding, canonical (the bits past the digest zero), holding capitals and small letters
//     (and, without padding, a digit or symbol too) and the spread of a random string. So a
//     counter of 32 digits, a column of 0000... or of ffff..., a UUID with its hyphens and a
//     word of 22 letters are no hash; a UUID without hyphens is the form of an MD5, and is one.
//   - Valid: the same as Match: a digest has nothing to check.
//   - Traits: the length (HashMD5 ... HashSHA512), and HashBase64 for base64.
//   - Masked: MaskHash's form, the first 4 characters and mask characters ('*', '#' or ＊, one of
//     them) for the rest, as many characters in all as a digest of one of these forms.
//
// Surrounding ASCII spaces and tabs are ignored.
func Hash(s string) Result {
	s = trim(s)
	if len(s) < minHashLen || len(s) > hashFilter.maxWideLen {
		return Result{}
	}
	if len(s) <= maxHashLen {
		if d := hexDigests[len(s)]; d.trait != 0 && hexDigest(s, d.distinct) {
			return Result{Match: true, Valid: true, Traits: d.trait}
		}
	}
	if t, ok := base64DigestOf(s); ok {
		return Result{Match: true, Valid: true, Traits: t | HashBase64}
	}
	return Result{Masked: maskedHash(s)}
}

// hexDigest reports whether s is hex digits in one case, a letter among them, with at least
// distinct different digits.
func hexDigest(s string, distinct int) bool {
	var seen uint16
	var lower, upper bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v byte
		switch {
		case isDigit(c):
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v, lower = c-'a'+10, true
		case c >= 'A' && c <= 'F':
			v, upper = c-'A'+10, true
		default:
			return false
		}
		seen |= 1 << v
	}
	return lower != upper && bits.OnesCount16(seen) >= distinct
}

// base64DigestOf reports whether s is a digest in base64 and of which length.
func base64DigestOf(s string) (Traits, bool) {
	n, pad := len(s), 0
	for pad < 2 && n > 0 && s[n-1] == '=' {
		n--
		pad++
	}
	var d *base64Digest
	for i := range base64Digests {
		if base64Digests[i].chars == n {
			d = &base64Digests[i]
		}
	}
	if d == nil || pad != 0 && pad != d.pad {
		return 0, false
	}
	var seen uint64
	var upper, lower, digit, std, url bool
	for i := 0; i < n; i++ {
		c := s[i]
		v := base64Value[c]
		switch {
		case v < 0:
			return 0, false
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case isDigit(c):
			digit = true
		case c == '+' || c == '/':
			std = true
		default:
			url = true
		}
		seen |= 1 << v
	}
	symbol := std || url
	if std && url || !upper || !lower || pad == 0 && !digit && !symbol {
		return 0, false
	}
	if byte(base64Value[s[n-1]])&d.zeroBits != 0 || bits.OnesCount64(seen) < d.distinct {
		return 0, false
	}
	return d.trait, true
}

// maskedHash recognises MaskHash's form: hashKept characters of hex or base64, then mask
// characters, as many in all as a hex digest or a base64 one with or without its padding.
func maskedHash(s string) bool {
	if len(s) < hashKept+1 {
		return false
	}
	for i := range hashKept {
		if base64Value[s[i]] < 0 {
			return false
		}
	}
	n := hashKept + maskRun(s[hashKept:], symbolMasks)
	if n == hashKept {
		return false
	}
	if n <= maxHashLen && hexDigests[n].trait != 0 {
		return true
	}
	for _, d := range base64Digests {
		if n == d.chars || n == d.chars+d.pad {
			return true
		}
	}
	return false
}

// MaskHash keeps the first four characters of a digest and writes '*' for the others, so that
// the sample shows a digest of its length without giving one to look up (the digest of a phone
// number is found by hashing every phone number). A value already in a recognised masked form
// is returned unchanged; any other value that does not match gets MaskName's generic mask.
func MaskHash(s string) string {
	if masked, done := settledMask(s, Hash(s)); done {
		return masked
	}
	t := trim(s)
	b := []byte(t)
	for i := hashKept; i < len(b); i++ {
		b[i] = '*'
	}
	return string(b)
}
