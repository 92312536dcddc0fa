package detect

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
)

// Tests of the mask characters, the length rules of the prefilter, and the traits added with
// them (issuer ranges, USCC plausibility).

func TestShapeOfMaskCharacters(t *testing.T) {
	for _, c := range []struct {
		in      string
		classes Classes
		len     int
	}{
		{"＊", Star, 3},
		{"#", Star, 1},
		{"*", Star, 1},
		{"138＊＊＊＊5678", Digit | Star, 19},
		{"138####5678", Digit | Star, 11},
		{"138xxxx5678", Digit | Lower, 11},
		{"张＊", NonASCII | Star, 6},
		{"\xef\xbc", NonASCII, 2},     // the first two bytes of ＊ only
		{"\xef\xbc\x8b", NonASCII, 3}, // ＋, the next character
		{"a\xef\xbc\x8a\xef", Lower | Star | NonASCII, 5},
	} {
		if sh := ShapeOf(c.in); sh.Classes != c.classes || sh.Len != c.len {
			t.Errorf("ShapeOf(%q) = %+v, want classes %b, length %d", c.in, sh, c.classes, c.len)
		}
	}
}

// TestDispatchAgreesWithFilters: the precomputed tables give what each filter says of a
// shape, on every sample of every table.
func TestDispatchAgreesWithFilters(t *testing.T) {
	for _, ss := range samples {
		for _, c := range ss {
			_, set := Candidates(c.in)
			for i := range All {
				if got, want := set&(1<<i) != 0, All[i].accepts.admits(c.in); got != want {
					t.Errorf("%q: dispatch says %v for %s, its filter %v", c.in, got, All[i].Name, want)
				}
			}
		}
	}
}

// TestCandidatesOnDigits holds the prefilter's selectivity on columns of plain numbers, the
// commonest columns: which detectors a value of ASCII digits alone reaches, by length and
// first digit. The mask characters and the new mobile forms widened several filters; the
// digitLens rule keeps plain numbers as selective as before them, or more: over lengths 1-40
// and each first digit, the filters before this change admitted 224 (detector, value) pairs.
func TestCandidatesOnDigits(t *testing.T) {
	want := func(n int, first byte) []string {
		var names []string
		add := func(ok bool, name string) {
			if ok {
				names = append(names, name)
			}
		}
		add(n == 15 || n == 18, "cn_resident_id")
		add((n == 11 || n == 13 || n == 15) && strings.IndexByte("018", first) >= 0, "mobile")
		add(n == 18, "cn_uscc")
		add(n == 9, "cn_org_code")
		add(n >= 13 && n <= 19, "bank_card")
		add(n >= 10 && n <= 13 && first == '0', "fixed_line")
		add(n == 8, "tw_permit")
		add(n == 6, "postcode")
		add(n == 6, "cn_region_code")
		return names
	}
	total := 0
	for n := 1; n <= 40; n++ {
		for first := byte('0'); first <= '9'; first++ {
			s := string(first) + strings.Repeat("7", n-1)
			_, set := Candidates(s)
			var wantSet uint32
			for _, name := range want(n, first) {
				wantSet |= 1 << Index(name)
			}
			if set != wantSet {
				t.Errorf("%d digits starting %c: candidates %b, want %b", n, first, set, wantSet)
			}
			total += bits.OnesCount32(set)
		}
	}
	if total > 224 {
		t.Errorf("plain numbers reach %d (detector, value) pairs, more than the 224 before", total)
	}
	t.Logf("plain numbers reach %d (detector, value) pairs (224 before)", total)
}

// TestCandidatesAfterMasks: the length and letter rules keep the new mask characters from
// widening the prefilter for values that hold none of them.
func TestCandidatesAfterMasks(t *testing.T) {
	for _, c := range []struct {
		in       string
		detector string
		admitted bool
	}{
		{"138xxxx5678", "mobile", true},
		{"138abcd5678", "mobile", false}, // letters, but no mask letter
		{"138＊＊＊＊5678", "mobile", true},
		{"138****5678", "tw_permit", false}, // 11 characters: ASCII masks keep the length
		{"138****5678", "cn_org_code", false},
		{"110105********0021", "mobile", false}, // 18 bytes without a separator
		{"0086 138 1234 5678", "mobile", true},
		{"91110108MA01ABCD5T", "bank_card", false},
		{"6222xxxxxxxx1234", "bank_card", true},
		{"6222 ＊＊＊＊ ＊＊＊＊ 1234", "bank_card", true},
		{"6222021234567890123456", "bank_card", false}, // 22 digits: only grouped forms are that long
		{"4300ab", "postcode", false},
		{"4300xx", "postcode", true},
		{"张xx", "person_name", true},
		{"张abc", "person_name", false},
		{"91110108xxxxxxxxxx", "cn_uscc", true},
		{"91110108abcdefghij", "cn_uscc", false},
	} {
		_, set := Candidates(c.in)
		if got := set&(1<<Index(c.detector)) != 0; got != c.admitted {
			t.Errorf("Candidates(%q) admits %s: %v, want %v", c.in, c.detector, got, c.admitted)
		}
	}
}

// TestMobileSegments192And198: the segments China Broadnet (192) and China Mobile (198) hold are
// in the table, and nothing on the way (prefilter, embedded search, redaction) drops them.
func TestMobileSegments192And198(t *testing.T) {
	for _, s := range []string{"19212345678", "19812345678", "+86 198 1234 5678", "0086 192-1234-5678"} {
		if r := Mobile(s); !r.Valid {
			t.Errorf("Mobile(%q) = %+v, want valid", s, r)
		}
		if _, set := Candidates(s); set&(1<<idxMobile) == 0 {
			t.Errorf("Candidates(%q) rules the mobile detector out", s)
		}
	}
	for _, text := range []string{"联系电话19212345678，", "联系电话19812345678"} {
		sh, _ := Candidates(text)
		if Embedded(text, sh)&(1<<idxMobile) == 0 {
			t.Errorf("Embedded(%q) finds no mobile", text)
		}
		if got := Redact(text); strings.Contains(got, "1234") {
			t.Errorf("Redact(%q) = %q", text, got)
		}
	}
}

// TestMaskedFormsKeepMaskIdempotent: a masked form of the tables comes out of Mask as it went
// in when its detector is the first to recognise it (E1XXXXX78 is also an organisation code's
// structure, which Mask hides), and Mask of what Mask made is the same again.
func TestMaskedFormsKeepMaskIdempotent(t *testing.T) {
	for name, ss := range samples {
		for _, c := range ss {
			if c.want.Masked && firstRecognising(c.in) == Index(name) {
				if got := Mask(c.in); got != c.in {
					t.Errorf("%s: Mask(%q) = %q, want it unchanged", name, c.in, got)
				}
			}
			checkMask(t, c.in)
		}
	}
}

// luhnComplete appends the Luhn check digit to body.
func luhnComplete(body string) string { return body + string(LuhnCheckDigit(body)) }

func randomDigits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

func TestCardIssuers(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		// An IMEI: an 8-digit type allocation code (86... are Chinese makers' TACs), a 6-digit
		// serial and a Luhn check digit.
		imei := luhnComplete("86" + randomDigits(r, 12))
		if got := BankCard(imei); !got.Valid || !got.Traits.Has(CardUnknownIssuer) {
			t.Fatalf("IMEI %s: %+v, want Luhn-valid with unknown_issuer", imei, got)
		}
		card := luhnComplete("62" + randomDigits(r, 13))
		if got := BankCard(card); got != fact(CardUnionPay) {
			t.Fatalf("UnionPay %s: %+v, want a valid UnionPay card, issuer known", card, got)
		}
	}
	// The edges of the ranges: the first and last prefix known, the ones outside them not.
	for _, c := range []struct {
		prefix string
		digits int
		known  bool
	}{
		{"2221", 16, true}, {"2720", 16, true}, {"2220", 16, false}, {"2721", 16, false},
		{"51", 16, true}, {"55", 16, true}, {"50", 16, true}, {"59", 16, false},
		{"3528", 16, true}, {"3589", 19, true}, {"3527", 16, false}, {"3590", 16, false},
		{"6011", 16, true}, {"6012", 16, false}, {"644", 16, true}, {"649", 19, true}, {"643", 16, false},
		{"65", 16, true}, {"300", 14, true}, {"305", 14, true}, {"306", 14, false},
		{"36", 14, true}, {"38", 14, true}, {"39", 19, true}, {"37", 15, true}, {"37", 16, false},
		{"34", 15, true}, {"35", 15, false}, {"4", 13, true}, {"4", 16, true}, {"4", 19, true},
		{"4", 14, false}, {"4", 15, false}, {"4", 17, false}, {"62", 16, true}, {"62", 19, true},
		{"62", 15, false}, {"81", 16, true}, {"81", 17, false}, {"82", 16, false},
		{"2200", 16, true}, {"2204", 19, true}, {"2205", 16, false},
		{"56", 13, true}, {"58", 19, true}, {"6304", 16, true}, {"6759", 16, true},
		{"6761", 16, true}, {"6763", 16, true}, {"6764", 16, false}, {"9558", 19, false},
		{"86", 15, false}, {"1", 15, false}, {"7", 16, false},
	} {
		n := luhnComplete(c.prefix + strings.Repeat("0", c.digits-len(c.prefix)-1))
		got := BankCard(n)
		if !got.Valid || got.Traits.Has(CardUnknownIssuer) == c.known {
			t.Errorf("%s (%d digits): %+v, want the issuer known %v", n, c.digits, got, c.known)
		}
		if refKnownIssuer(n) != c.known {
			t.Errorf("%s: the reference says known %v", n, !c.known)
		}
	}
}

// TestUSCCTraitsLeaveValidAlone: the plausibility traits are evidence, not checks: a code
// whose check characters are right stays valid whatever its authority or region.
func TestUSCCTraitsLeaveValidAlone(t *testing.T) {
	for _, head := range []string{"B1999999", "00000000", "Z9261207", "10110108", "93420111", "Y1100000"} {
		if usccValue[head[0]] < 0 {
			continue // Z is outside the 31-character set: no code at all
		}
		body := head + "MA01ABCD"
		first17 := body + string(OrgCodeCheckChar(body[8:]))
		code := first17 + string(USCCCheckChar(first17))
		r := USCC(code)
		if !r.Match || !r.Valid || r.Traits&usccChecks != 0 {
			t.Errorf("USCC(%q) = %+v, want valid", code, r)
		}
	}
	if r := USCC("91420111MA4K8Y7119"); r.Traits != 0 {
		t.Errorf("a real-looking code has traits %b", r.Traits)
	}
}
