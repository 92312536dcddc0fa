package detect

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var hashSamples = []sample{
	// Published test vectors: RFC 1321's MD5("abc"), FIPS 180-4's SHA-1 and SHA-256 ("abc"),
	// GB/T 32905-2016's SM3("abc"), a 256-bit digest.
	{"900150983cd24fb0d6963f7d28e17f72", fact(HashMD5), "MD5(\"abc\"), RFC 1321"},
	{"a9993e364706816aba3e25717850c26c9cd0d89d", fact(HashSHA1), "SHA-1(\"abc\"), FIPS 180-4"},
	{"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", fact(HashSHA256), "SHA-256(\"abc\"), FIPS 180-4"},
	{"66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", fact(HashSHA256), "SM3(\"abc\"), GB/T 32905-2016"},
	{"900150983CD24FB0D6963F7D28E17F72", fact(HashMD5), "upper case"},
	{" 900150983cd24fb0d6963f7d28e17f72\t", fact(HashMD5), "surrounding space and tab"},
	{"kAFQmDzST7DWlj99KOF/cg==", fact(HashMD5 | HashBase64), "MD5(\"abc\") in base64"},
	{"kAFQmDzST7DWlj99KOF_cg", fact(HashMD5 | HashBase64), "URL-safe, unpadded"},
	{"ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", fact(HashSHA256 | HashBase64), "SHA-256(\"abc\") in base64"},
	{"550e8400e29b41d4a716446655440000", fact(HashMD5), "a UUID without hyphens has an MD5's form"},
	{"00000000000000000000000000000000", none, "zeros"},
	{"12345678901234567890123456789012", none, "32 digits: a counter, no letter"},
	{"ffffffffffffffffffffffffffffffff", none, "one digit repeated"},
	{"deadbeefdeadbeefdeadbeefdeadbeef", none, "five distinct digits"},
	{"900150983cd24fb0D6963F7D28E17F72", none, "both cases"},
	{"900150983cd24fb0d6963f7d28e17f7", none, "31 digits"},
	{"900150983cd24fb0d6963f7d28e17g72", none, "g is no hex digit"},
	{"550e8400-e29b-41d4-a716-446655440000", none, "a UUID with its hyphens"},
	{"getUserAccountSettings", none, "a word of 22 letters"},
	{"AAAAAAAAAAAAAAAAAAAAAA==", none, "base64 of zeros: capitals only"},
	{"kAFQmDzST7DWlj99KOF/cg=", none, "one '=' where two are due"},
	{"kAFQmDzST7DWlj99KOF/ch==", none, "not canonical: bits past the digest set"},
	{"kAFQmDzST7DWlj99KOF-c/==", none, "both alphabets"},
	{"kAFQmDzST7DWlj99KOF/cg===", none, "three '='"},
	{"zhang.san@example.com", none, "an e-mail address"},
	{"", none, "empty"},
	{"9001****************************", masked, "MaskHash's form"},
	{"kAFQ********************", masked, "MaskHash's form of padded base64"},
	{"9001＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊", masked, "full-width asterisks"},
	{"9001***************************", none, "31 characters"},
	{"9001**************#*************", none, "two mask characters mixed"},
	{"90.1****************************", none, "a dot kept"},
}

// hashDetector is Hash as an entry of All would be, for the shared invariants.
var hashDetector = Detector{Name: "hash", Detect: Hash, Mask: MaskHash, Traits: hashTraits, accepts: hashFilter}

func TestHash(t *testing.T) {
	runUnregistered(t, hashDetector, refHash, hashSamples)
}

// TestHashOfRealDigests: the digests of identifiers, by every algorithm and encoding Hash
// knows, are recognised with their traits.
func TestHashOfRealDigests(t *testing.T) {
	sums := []struct {
		trait Traits
		sum   func([]byte) []byte
	}{
		{HashMD5, func(b []byte) []byte { s := md5.Sum(b); return s[:] }},
		{HashSHA1, func(b []byte) []byte { s := sha1.Sum(b); return s[:] }},
		{HashSHA224, func(b []byte) []byte { s := sha256.Sum224(b); return s[:] }},
		{HashSHA256, func(b []byte) []byte { s := sha256.Sum256(b); return s[:] }},
		{HashSHA384, func(b []byte) []byte { s := sha512.Sum384(b); return s[:] }},
		{HashSHA512, func(b []byte) []byte { s := sha512.Sum512(b); return s[:] }},
	}
	missed, total := 0, 0
	for i := range 2000 {
		id := "1381234" + string(rune('0'+i%10)) + strings.Repeat("7", i%5) + string(rune('a'+i%26))
		for _, h := range sums {
			d := h.sum([]byte(id))
			forms := []struct {
				s     string
				trait Traits
			}{
				{hex.EncodeToString(d), h.trait},
				{strings.ToUpper(hex.EncodeToString(d)), h.trait},
			}
			if h.trait != HashSHA224 { // 28 bytes: no base64 form is looked for
				for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
					forms = append(forms, struct {
						s     string
						trait Traits
					}{enc.EncodeToString(d), h.trait | HashBase64})
				}
			}
			for _, f := range forms {
				total++
				r := Hash(f.s)
				if r != fact(f.trait) {
					missed++
					// Unpadded base64 with neither digit nor symbol is refused by design: about
					// 1% of 16-byte digests, (52/64)^22. Anything else is a bug.
					if f.trait&HashBase64 == 0 || strings.HasSuffix(f.s, "=") || strings.ContainsAny(f.s, "0123456789+/-_") {
						t.Errorf("Hash(%q) = %+v, want %+v", f.s, r, fact(f.trait))
					}
				}
				if ref := refHash(f.s); ref != r {
					t.Errorf("Hash(%q) = %+v, reference %+v", f.s, r, ref)
				}
			}
		}
	}
	if float64(missed) > 0.002*float64(total) {
		t.Errorf("%d of %d digests missed", missed, total)
	}
	t.Logf("%d of %d digest forms missed (unpadded base64 without digit or symbol)", missed, total)
}

func TestMaskHash(t *testing.T) {
	for in, want := range map[string]string{
		"900150983cd24fb0d6963f7d28e17f72": "9001****************************",
		"kAFQmDzST7DWlj99KOF/cg==":         "kAFQ********************",
		"9001****************************": "9001****************************",
		"not a digest":                     MaskName("not a digest"),
	} {
		if got := MaskHash(in); got != want {
			t.Errorf("MaskHash(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzHash(f *testing.F) {
	seedUnregistered(f, hashSamples)
	f.Fuzz(func(t *testing.T, s string) { checkUnregistered(t, hashDetector, refHash, s) })
}

// The reference: the standard library's decoders (strict base64, so non-canonical bits fail)
// and the entropy rules counted with a map.
var refHashMask = regexp.MustCompile(`^[A-Za-z0-9+/_-]{4}(?:\*+|#+|＊+)$`)

func refHash(s string) Result {
	s = strings.Trim(s, " \t")
	hexTraits := map[int]Traits{32: HashMD5, 40: HashSHA1, 56: HashSHA224, 64: HashSHA256, 96: HashSHA384, 128: HashSHA512}
	hexDistinct := map[int]int{32: 7, 40: 8, 56: 10, 64: 11, 96: 13, 128: 14}
	distinct := func(s string) int {
		m := map[rune]bool{}
		for _, r := range s {
			m[r] = true
		}
		return len(m)
	}
	if tr, ok := hexTraits[len(s)]; ok {
		_, err := hex.DecodeString(s)
		oneCase := s == strings.ToLower(s) || s == strings.ToUpper(s)
		if err == nil && oneCase && strings.ContainsAny(strings.ToLower(s), "abcdef") && distinct(strings.ToLower(s)) >= hexDistinct[len(s)] {
			return fact(tr)
		}
	}
	b64Traits := map[int]Traits{16: HashMD5, 20: HashSHA1, 32: HashSHA256, 48: HashSHA384, 64: HashSHA512}
	b64Distinct := map[int]int{16: 10, 20: 12, 32: 19, 48: 26, 64: 32}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if strings.ContainsAny(s, "\r\n") {
			break // the decoders skip line breaks (FuzzHash found it)
		}
		d, err := enc.Strict().DecodeString(s)
		tr, ok := b64Traits[len(d)]
		if err != nil || !ok {
			continue
		}
		data := strings.TrimRight(s, "=")
		mixed := strings.ContainsAny(data, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && strings.ContainsAny(data, "abcdefghijklmnopqrstuvwxyz")
		other := strings.ContainsAny(data, "0123456789+/-_") || strings.HasSuffix(s, "=")
		if mixed && other && distinct(data) >= b64Distinct[len(d)] {
			return fact(tr | HashBase64)
		}
	}
	if refHashMask.MatchString(s) {
		n := utf8.RuneCountInString(s)
		_, hexLen := hexTraits[n]
		return Result{Masked: hexLen || n == 22 || n == 24 || n == 27 || n == 28 || n == 43 || n == 44 || n == 64 || n == 86 || n == 88}
	}
	return none
}
