package detect

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"net/mail"
	"strings"
	"testing"
	"unicode/utf8"
)

type sample struct {
	in   string
	want Result
	why  string
}

var (
	none   = Result{}
	valid  = Result{Match: true, Valid: true}
	masked = Result{Masked: true}
)

// fault is a matched value that failed the checks named by t.
func fault(t Traits) Result { return Result{Match: true, Traits: t} }

// fact is a valid value with the traits t.
func fact(t Traits) Result { return Result{Match: true, Valid: true, Traits: t} }

var residentIDSamples = []sample{
	{"11010519491231002X", valid, "STANDARDS §3.1 worked example"},
	{"11010519491231002x", valid, "lower-case x accepted as X"},
	{"  11010519491231002X\t", valid, "surrounding space and tab"},
	{"110105194912310021", fault(IDBadCheckDigit), "worked example with check 1: wrong check digit"},
	{"440301200002291237", valid, "29 February of a leap year (2000), retired region code 440301"},
	{"510107200402295670", valid, "29 February 2004"},
	{"440301190002291230", fault(IDBadBirthDate), "29 February 1900: not a leap year"},
	{"110105194902300020", fault(IDBadBirthDate), "30 February, right check digit"},
	{"110105194913010029", fault(IDBadBirthDate), "month 13, right check digit"},
	{"110105194912000021", fault(IDBadBirthDate), "day 00, right check digit"},
	{"110105189912310023", fault(IDBadBirthDate), "born 1899, right check digit"},
	{"110105210101010020", fault(IDBadBirthDate), "born 2101, right check digit"},
	{"110105209912310029", valid, "born 2099: the future-date check belongs to the rules"},
	{"010105194912310026", fault(IDUnknownRegion), "first digit 0, right check digit"},
	{"990105194912310023", fault(IDUnknownRegion), "province 99 does not exist, right check digit"},
	{"320102198808084016", valid, "another valid number"},
	{"44030119900101001X", fault(IDBadCheckDigit), "valid date, wrong check X"},
	{"990105194913010020", fault(IDBadCheckDigit | IDBadBirthDate | IDUnknownRegion), "everything wrong at once"},
	{"420111800101123", fault(IDLegacy15), "legacy 15 digits: Hongshan, 1980-01-01"},
	{"420111801301123", none, "15 digits, month 13: not a legacy number"},
	{"990105800101123", none, "15 digits, unknown region: not a legacy number"},
	{"4201118001011234", none, "16 digits"},
	{"11010519491231002", none, "17 digits"},
	{"11010519491231002X1", none, "19 characters"},
	{"110105194912310021X", none, "19 characters ending in X"},
	{"11010519491231002Y", none, "bad check character"},
	{"1101051949123100X2", none, "X not last"},
	{"11010A19491231002X", none, "letter inside"},
	{"１１０１０５１９４９１２３１００２Ｘ", none, "full-width digits"},
	{"110105 19491231002", none, "inner space"},
	{"", none, "empty"},
	{"   ", none, "blank"},
	{"张三丰张三丰", none, "six Han characters are 18 bytes"},
	{"110105********002X", masked, "6+8+4 mask"},
	{"110***********002X", masked, "3+11+4 mask (RuoYi)"},
	{"1****************X", masked, "1+16+1 mask"},
	{"110105********002x", masked, "masked with lower-case x"},
	{"110105************", masked, "only the first 6 kept"},
	{" 110105********002X ", masked, "masked with surrounding spaces"},
	{"1101051949****002X", masked, "run of exactly 4"},
	{"11010519491***002X", none, "run of 3 is not a mask"},
	{"*10105********002X", none, "star first"},
	{"******************", none, "all stars"},
	{"110105########002X", masked, "'#' masks"},
	{"110105????????002X", none, "wrong mask character"},
	{"420115xxxxxxxx0014", masked, "x masks the birth date"},
	{"420115XXXXXXXX001X", masked, "X masks, and a check character X last"},
	{"110105xxxxxxxx002x", masked, "x masks, and a check character x last"},
	{"110105＊＊＊＊＊＊＊＊002X", masked, "full-width asterisks, 34 bytes"},
	{"110105＊＊＊＊＊＊＊＊＊＊＊＊", masked, "full-width asterisks to the end"},
	{"110105############", masked, "'#' to the end"},
	{"110105xxxxxxxxxxxx", masked, "x to the end: the last x reads as the check character, masked all the same"},
	{"420115198209090014", valid, "the unmasked number"},
	{"42011519820909001x", fault(IDBadCheckDigit), "a last x is a check character, never a mask"},
	{"11010519491231xxxx", none, "three x and a check x: no run of four before the last place"},
	{"1101051949xxx1002X", none, "x run of three"},
	{"110105**＊＊＊＊＊＊002X", none, "two mask characters mixed"},
	{"110105xxxx****002X", none, "x and '*' mixed"},
	{"110105xXxXxXxX002X", none, "x and X mixed"},
	{"11010519491231002＊", none, "one full-width asterisk last"},
	{"1101＊5194912310021", none, "one full-width asterisk inside"},
	{"11X105********002X", none, "X inside a masked value"},
	{"110105********002X0", none, "masked, 19 characters"},
}

var mobileSamples = []sample{
	{"13812345678", valid, "plain"},
	{"19912345678", valid, "19x segment"},
	{"19212345678", valid, "192, China Broadnet's segment"},
	{"14212345678", fault(MobileUnallocated), "142 is not allocated"},
	{"19412345678", fault(MobileUnallocated), "194 is not allocated"},
	{"16012345678", fault(MobileUnallocated), "160 is not allocated"},
	{"+8613812345678", valid, "+86"},
	{"8613812345678", valid, "86"},
	{"+86-13812345678", valid, "+86-"},
	{"86-13812345678", valid, "86-"},
	{"\t13812345678 ", valid, "surrounding tab and space"},
	{"12345678901", none, "second digit 2"},
	{"10812345678", none, "second digit 0"},
	{"1381234567", none, "10 digits"},
	{"138123456789", none, "12 digits"},
	{"23812345678", none, "first digit 2"},
	{"+8713812345678", none, "other country code"},
	{"+86 13812345678", valid, "space after +86"},
	{"86 13812345678", valid, "space after 86"},
	{"008613812345678", valid, "0086"},
	{"0086-13812345678", valid, "0086-"},
	{"0086 13812345678", valid, "0086 and a space"},
	{"138 1234 5678", valid, "3-4-4 with spaces"},
	{"138-1234-5678", valid, "3-4-4 with dashes"},
	{"+86 138 1234 5678", valid, "+86 and 3-4-4"},
	{"86-138-1234-5678", valid, "86- and 3-4-4"},
	{"0086 138-1234-5678", valid, "the country code and the groups with separators of their own"},
	{"19812345678", valid, "198, China Mobile's segment"},
	{"+86 198 1234 5678", valid, "198 grouped"},
	{"192 1234 5678", valid, "192 grouped"},
	{"142 1234 5678", fault(MobileUnallocated), "unallocated, grouped"},
	{"86138 1234 5678", none, "grouped, but the country code glued to the number"},
	{"138 1234-5678", none, "two separators"},
	{"138  1234 5678", none, "two spaces"},
	{"1381 234 5678", none, "4-3-4"},
	{"138 12345678", none, "one separator"},
	{"1381234 5678", none, "7-4"},
	{"+86  13812345678", none, "two spaces after +86"},
	{"+86 -13812345678", none, "space and dash after +86"},
	{"0086138123456789", none, "0086 and 12 digits"},
	{"+008613812345678", none, "+0086"},
	{"00861381234567", none, "0086 and 10 digits"},
	{"8-613812345678", none, "dash in the wrong place"},
	{"0086138123456", none, "13 characters, 00 prefix"},
	{"086 13812345678", none, "086"},
	{"1381234567a", none, "letter"},
	{"１３８１２３４５６７８", none, "full-width digits"},
	{"", none, "empty"},
	{"138****5678", masked, "3-4-4"},
	{"+86138****5678", masked, "masked with +86"},
	{"13*****5678", masked, "run of 5"},
	{"1********78", masked, "run of 8"},
	{"138*****678", masked, "3-5-3"},
	{"138***45678", none, "run of 3"},
	{"1*********8", none, "run of 9"},
	{"138**12**78", none, "two runs"},
	{"138****567*", none, "star last"},
	{"128****5678", none, "second digit 2, masked"},
	{"138****56789", none, "12 characters masked"},
	{"***********", none, "all stars"},
	{"138xxxx5678", masked, "x masks"},
	{"138XXXX5678", masked, "X masks"},
	{"138####5678", masked, "'#' masks"},
	{"138＊＊＊＊5678", masked, "full-width asterisks"},
	{"+86 138 **** 5678", masked, "masked, +86 and 3-4-4"},
	{"138-****-5678", masked, "masked, 3-4-4 with dashes"},
	{"138 xxxx 5678", masked, "x masks, 3-4-4"},
	{"0086138****5678", masked, "masked, 0086"},
	{"86 138＊＊＊＊5678", masked, "full-width asterisks after 86 and a space"},
	{"1x＊＊＊＊＊＊＊78", none, "x and ＊ mixed"},
	{"138x*x*5678", none, "x and '*' mixed"},
	{"138xxx45678", none, "x run of 3"},
	{"1xxxxxxxxx8", none, "x run of 9"},
	{"138 **** 567*", none, "mask last, grouped"},
	{"138****5678 ", masked, "trailing space"},
}

var emailSamples = []sample{
	{"zhang.san@example.com", valid, "dotted local part"},
	{"d@126.com", valid, "one-character local part"},
	{"a@b.cn", valid, "shortest"},
	{"user+tag@mail.example.com.cn", valid, "plus tag, several labels"},
	{"first_last%x@sub-domain.gov.cn", valid, "underscore, percent, hyphenated label"},
	{"  Li.Si@QQ.COM ", valid, "upper case, surrounding spaces"},
	{"123456@qq.com", valid, "digits-only local part"},
	{"a@b", none, "no dot in the domain"},
	{"a@localhost", none, "dotless domain"},
	{"a@b.c", none, "one-letter TLD"},
	{"a@b.c1", none, "TLD with a digit"},
	{"a@1.23", none, "numeric TLD"},
	{"@b.cn", none, "empty local part"},
	{"a@", none, "empty domain"},
	{"a@@b.cn", none, "two @"},
	{"a@b@c.cn", none, "two @ apart"},
	{".a@b.cn", none, "local starts with a dot"},
	{"a.@b.cn", none, "local ends with a dot"},
	{"a..b@c.cn", none, "two dots in the local part"},
	{"a@b..cn", none, "empty label"},
	{"a@.b.cn", none, "domain starts with a dot"},
	{"a@b.cn.", none, "trailing dot"},
	{"a@-b.cn", none, "label starts with a hyphen"},
	{"a@b-.cn", none, "label ends with a hyphen"},
	{"a b@c.cn", none, "space inside"},
	{"张三@example.cn", none, "non-ASCII local part"},
	{"a@例子.cn", none, "IDN domain"},
	{"Zhang <z@a.cn>", none, "display-name form"},
	{"\"a b\"@c.cn", none, "quoted local part"},
	{"a@[127.0.0.1]", none, "domain literal"},
	{strings.Repeat("a", 65) + "@b.cn", none, "65-character local part"},
	{strings.Repeat("a", 64) + "@b.cn", valid, "64-character local part"},
	{"a@" + strings.Repeat("b", 64) + ".cn", none, "64-character label"},
	{"13812345678", none, "a mobile"},
	{"", none, "empty"},
	{"d**@126.com", masked, "STANDARDS §4 example"},
	{"d***@126.com", masked, "MaskEmail's form"},
	{"z*@a.cn", masked, "one star"},
	{"d**@126", none, "masked, dotless domain"},
	{"**@126.com", none, "no kept character"},
	{".**@126.com", none, "kept character is a dot"},
	{"d*x@126.com", none, "characters after the stars"},
	{"d###@126.com", masked, "'#' masks: not an address character here"},
	{"d＊＊＊@126.com", masked, "full-width asterisks"},
	{"dxxx@126.com", valid, "x is a letter of an address, not a mask"},
	{"d*#*@126.com", none, "two mask characters mixed"},
	{"d**@1*6.com", none, "masked domain"},
}

// samples holds every detector's table of true and false samples, by detector name.
var samples = map[string][]sample{
	"cn_resident_id": residentIDSamples,
	"mobile":         mobileSamples,
	"email":          emailSamples,
	"cn_uscc":        usccSamples,
	"cn_org_code":    orgCodeSamples,
	"bank_card":      bankCardSamples,
	"fixed_line":     fixedLineSamples,
	"ip_address":     ipSamples,
	"cn_passport":    passportSamples,
	"hkmo_permit":    hkmoPermitSamples,
	"tw_permit":      twPermitSamples,
	"vehicle_plate":  plateSamples,
	"coordinate":     coordinateSamples,
	"postcode":       postcodeSamples,
	"cn_region_code": regionCodeSamples,
	"person_name":    nameSamples,
	"address":        addressSamples,
	"iban":           ibanSamples,
}

// TestDetectors runs each detector over its table, checks the table against the detector's
// reference (a regular expression or a plain implementation written from STANDARDS), and checks
// the invariants every detector keeps.
func TestDetectors(t *testing.T) {
	for _, d := range All {
		t.Run(d.Name, func(t *testing.T) {
			ss, ok := samples[d.Name]
			if !ok || len(ss) < 10 {
				t.Fatalf("%s has no table of true and false samples", d.Name)
			}
			var matched, rejected int
			for _, c := range ss {
				if c.want.Match {
					matched++
				} else if !c.want.Masked {
					rejected++
				}
			}
			if matched == 0 || rejected == 0 {
				t.Errorf("%s's table needs both true and false samples (%d, %d)", d.Name, matched, rejected)
			}
			runSamples(t, d.Name, d.Detect, ss)
		})
	}
}

func runSamples(t *testing.T, name string, detect func(string) Result, samples []sample) {
	t.Helper()
	for _, c := range samples {
		if got := detect(c.in); got != c.want {
			t.Errorf("%q (%s): got %+v, want %+v", c.in, c.why, got, c.want)
		}
		if ref := reference(name, c.in); ref != c.want {
			t.Errorf("%q (%s): reference says %+v, table says %+v", c.in, c.why, ref, c.want)
		}
		checkInvariants(t, name, detect, c.in)
	}
}

// checkInvariants holds for every detector and every input.
func checkInvariants(t *testing.T, name string, detect func(string) Result, s string) {
	t.Helper()
	r := detect(s)
	if r.Valid && !r.Match {
		t.Errorf("%s(%q) = %+v: Valid without Match", name, s, r)
	}
	if r.Match && r.Masked {
		t.Errorf("%s(%q) = %+v: both Match and Masked", name, s, r)
	}
	if r.Traits != 0 && !r.Match {
		t.Errorf("%s(%q) = %+v: traits without Match", name, s, r)
	}
	i := Index(name)
	d := &All[i]
	if int(bits.Len8(uint8(r.Traits))) > len(d.Traits) {
		t.Errorf("%s(%q) = %+v: a trait bit Detector.Traits does not name", name, s, r)
	}
	// The prefilter must admit whatever the detector recognises, or a scan would miss it.
	if _, set := Candidates(s); (r.Match || r.Masked) && set&(1<<i) == 0 {
		t.Errorf("%s(%q) = %+v, but Candidates rules %s out (shape %+v)", name, s, r, name, ShapeOf(s))
	}
	out := d.Mask(s)
	if !utf8.ValidString(out) {
		t.Errorf("%s mask of %q = %q: invalid UTF-8", name, s, out)
	}
	if r.Match {
		if out == s {
			t.Errorf("%s mask of matching %q returned it unchanged", name, s)
		}
		if m := detect(out); !m.Masked {
			t.Errorf("%s mask of %q = %q, which the detector does not recognise as masked (%+v)", name, s, out, m)
		}
		if first := firstRecognising(s); first == i {
			if g := Mask(s); g != out {
				t.Errorf("Mask(%q) = %q, %s mask = %q", s, g, name, out)
			}
		}
	}
	if r.Masked && out != s {
		t.Errorf("%s mask of masked %q = %q, want it unchanged", name, s, out)
	}
	if name == "cn_resident_id" && r.Valid {
		trimmed := trim(s)
		if CheckDigit(trimmed) != upperX(trimmed[17]) {
			t.Errorf("CheckDigit(%q) = %q, disagrees with Valid", trimmed, CheckDigit(trimmed))
		}
		if _, _, _, ok := BirthDate(s); !ok {
			t.Errorf("BirthDate(%q) not ok for a valid number", s)
		}
	}
	if name == "email" && r.Match {
		trimmed := trim(s)
		a, err := mail.ParseAddress(trimmed)
		if err != nil || a.Address != trimmed || a.Name != "" {
			t.Errorf("Email matches %q but net/mail says %v, %v", trimmed, a, err)
		}
	}
}

// firstRecognising is the index of the first detector in All that matches s or recognises it
// as masked (the one whose mask Mask uses), or -1.
func firstRecognising(s string) int {
	for i := range All {
		if r := All[i].Detect(s); r.Match || r.Masked {
			return i
		}
	}
	return -1
}

func TestCheckDigit(t *testing.T) {
	for in, want := range map[string]byte{
		"11010519491231002":  'X',
		"11010519491231002X": 'X', // bytes after the 17th are ignored
		"44030120000229123":  '7',
		"32010219880808401":  '6',
		"1101051949123100":   0, // 16
		"1101051949123100A":  0,
		"":                   0,
	} {
		if got := CheckDigit(in); got != want {
			t.Errorf("CheckDigit(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBirthDate(t *testing.T) {
	for _, c := range []struct {
		in      string
		y, m, d int
		ok      bool
	}{
		{"11010519491231002X", 1949, 12, 31, true},
		{" 440301200002291237", 2000, 2, 29, true},
		{"110105194912310021", 1949, 12, 31, true}, // wrong check digit does not matter
		{"440301190002291230", 0, 0, 0, false},
		{"110105194902300020", 0, 0, 0, false},
		{"110105189912310023", 0, 0, 0, false},
		{"110105********002X", 0, 0, 0, false},
		{"1101051949123100", 0, 0, 0, false},
	} {
		y, m, d, ok := BirthDate(c.in)
		if y != c.y || m != c.m || d != c.d || ok != c.ok {
			t.Errorf("BirthDate(%q) = %d, %d, %d, %v; want %d, %d, %d, %v", c.in, y, m, d, ok, c.y, c.m, c.d, c.ok)
		}
	}
}

func TestMask(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"11010519491231002X", "110105********002X"},
		{"110105194912310021", "110105********0021"}, // matches, invalid: still masked
		{" 11010519491231002x ", "110105********002x"},
		{"110***********002X", "110***********002X"}, // already masked
		{"13812345678", "138****5678"},
		{"+86-13812345678", "138****5678"},
		{"8613812345678", "138****5678"},
		{"138****5678", "138****5678"},
		{"zhang.san@example.com", "z***@example.com"},
		{"d@126.com", "d***@126.com"},
		{"d**@126.com", "d**@126.com"},
		{"张三", "张*"},
		{"张三丰", "张**"},
		{"欧阳修", "欧阳*"}, // the compound surname kept whole
		{"北京市海淀区中关村大街27号1101室", "北京市海淀区********"},
		{"这是一段很长的没有任何标记的普通文字内容", "这***************"}, // capped at 16 runes
		{"1234567", "1******"},
		{"a", "a"},
		{"张", "张"},
		{"", ""},
		{"  ", ""},
		{" 张三 ", "张*"},
		{"\xff\xfe", "\uFFFD*"},
		{"\xd5\xc5\xc8\xfd", "\uFFFD***"}, // 张三 in GBK, read as UTF-8
		{"a\xffb", "a**"},
		{"a**", "a**"},
	} {
		if got := Mask(c.in); got != c.want {
			t.Errorf("Mask(%q) = %q, want %q", c.in, got, c.want)
		}
		checkMask(t, c.in)
	}
}

func TestMaskName(t *testing.T) {
	for in, want := range map[string]string{
		"张三":    "张*",
		"欧阳修":   "欧**",
		"司马相如":  "司***",
		"张":     "张",
		"":      "",
		"Li Si": "L****",
	} {
		if got := MaskName(in); got != want {
			t.Errorf("MaskName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMaskHelpersOnNonMatches(t *testing.T) {
	// The per-detector masks fall back to the generic mask instead of leaking or panicking.
	for _, f := range []func(string) string{MaskResidentID, MaskMobile, MaskEmail} {
		for _, in := range []string{"", "x", "not an id", "1234", "\xff\xff\xff"} {
			out := f(in)
			if out != MaskName(in) {
				t.Errorf("mask of non-matching %q = %q, want the generic %q", in, out, MaskName(in))
			}
		}
	}
}

// checkMask asserts Mask's contract on any input.
func checkMask(t *testing.T, s string) {
	t.Helper()
	out := Mask(s)
	if !utf8.ValidString(out) {
		t.Errorf("Mask(%q) = %q: invalid UTF-8", s, out)
	}
	if again := Mask(out); again != out {
		t.Errorf("Mask not idempotent: Mask(%q) = %q, Mask(%q) = %q", s, out, out, again)
	}
	if utf8.RuneCountInString(out) > maxGenericRunes && !detected(s) {
		t.Errorf("Mask(%q) = %q: more than %d runes", s, out, maxGenericRunes)
	}
	if out == s && !nothingToHide(s) {
		t.Errorf("Mask(%q) returned its input unchanged", s)
	}
}

func detected(s string) bool {
	for _, d := range All {
		if r := d.Detect(s); r.Match || r.Masked {
			return true
		}
	}
	return false
}

// nothingToHide lists the documented cases where Mask may return its input.
func nothingToHide(s string) bool {
	if utf8.RuneCountInString(s) <= 1 {
		return true
	}
	for _, d := range All {
		if d.Detect(s).Masked {
			return true
		}
	}
	_, size := utf8.DecodeRuneInString(s)
	return strings.Trim(s[size:], "*") == ""
}

func TestAllNamesStable(t *testing.T) {
	want := []string{"cn_resident_id", "mobile", "email", "cn_uscc", "cn_org_code", "bank_card",
		"fixed_line", "ip_address", "cn_passport", "hkmo_permit", "tw_permit", "vehicle_plate",
		"coordinate", "postcode", "cn_region_code", "person_name", "address", "iban"}
	if len(All) != len(want) {
		t.Fatalf("All has %d detectors, want %d", len(All), len(want))
	}
	for i, d := range All {
		if d.Name != want[i] || d.Detect == nil || d.Mask == nil {
			t.Errorf("All[%d] = %q (detect %v, mask %v), want %q", i, d.Name, d.Detect != nil, d.Mask != nil, want[i])
		}
		if len(d.Traits) > 8 {
			t.Errorf("%s names %d traits; Traits holds 8", d.Name, len(d.Traits))
		}
	}
	if len(All) > 32 {
		t.Errorf("Candidates returns a 32-bit set; All has %d detectors", len(All))
	}
}

func TestDetectDoesNotAllocate(t *testing.T) {
	var inputs []string
	for _, ss := range samples {
		for _, c := range ss {
			inputs = append(inputs, c.in)
		}
	}
	inputs = append(inputs, benchMix...)
	for _, d := range All {
		allocs := testing.AllocsPerRun(10, func() {
			for _, s := range inputs {
				_ = d.Detect(s)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations a pass, want 0", d.Name, allocs)
		}
	}
	allocs := testing.AllocsPerRun(10, func() {
		for _, s := range inputs {
			sh, _ := Candidates(s)
			_ = Embedded(s, sh)
		}
	})
	if allocs != 0 {
		t.Errorf("Candidates and Embedded: %v allocations a pass, want 0", allocs)
	}
}

// benchMix is a row's worth of typical values from a public dataset, so the benchmarks weigh the
// early-out paths (most values are not identifiers) as a real scan does.
var benchMix = []string{
	"11010519491231002X", "440301200002291237", "110105********002X",
	"13812345678", "+8613812345678", "138****5678",
	"zhang.san@example.com", "d**@126.com",
	"张三", "欧阳修", "男", "女", "汉族",
	"北京市海淀区中关村大街27号", "2024-03-22", "2024-03-22 10:15:00",
	"123.45", "0", "42", "", "N/A", "110108", "91110108MA01ABCD2X",
	"6222021234567890123", "http://data.example.gov.cn/x", "是",
}

func BenchmarkDetect(b *testing.B) {
	for _, d := range All {
		b.Run(d.Name, func(b *testing.B) {
			benchValues(b, d.Detect)
		})
	}
	// every runs each detector on each value; dispatched runs only those Candidates admits, as
	// a scan does. Their ratio is what the prefilter saves.
	b.Run("every", func(b *testing.B) {
		benchValues(b, func(s string) Result {
			var r Result
			for i := range All {
				x := All[i].Detect(s)
				r.Match, r.Valid, r.Masked = r.Match || x.Match, r.Valid || x.Valid, r.Masked || x.Masked
			}
			return r
		})
	})
	b.Run("dispatched", func(b *testing.B) {
		benchValues(b, func(s string) Result {
			var r Result
			_, set := Candidates(s)
			for ; set != 0; set &= set - 1 {
				x := All[bits.TrailingZeros32(set)].Detect(s)
				r.Match, r.Valid, r.Masked = r.Match || x.Match, r.Valid || x.Valid, r.Masked || x.Masked
			}
			return r
		})
	})
}

// BenchmarkDetectRegexp is the baseline the package doc compares against: the same questions asked
// with the STANDARDS regular expressions.
func BenchmarkDetectRegexp(b *testing.B) {
	for _, d := range All {
		name := d.Name
		b.Run(name, func(b *testing.B) {
			benchValues(b, func(s string) Result { return reference(name, s) })
		})
	}
}

// benchValues reports ns/op per value.
func benchValues(b *testing.B, f func(string) Result) {
	b.ReportAllocs()
	var sink int
	i := 0
	for b.Loop() {
		if f(benchMix[i]).Match {
			sink++
		}
		i++
		if i == len(benchMix) {
			i = 0
		}
	}
	_ = sink
}

func seed(f *testing.F, samples ...[]sample) {
	for _, ss := range samples {
		for _, c := range ss {
			f.Add(c.in)
		}
	}
}

// One fuzz target per detector: the detector agrees with its reference and keeps the
// invariants (checkInvariants) on every input. Seeded with the detector's table.
func FuzzResidentID(f *testing.F)   { fuzzTarget(f, "cn_resident_id") }
func FuzzMobile(f *testing.F)       { fuzzTarget(f, "mobile") }
func FuzzEmail(f *testing.F)        { fuzzTarget(f, "email") }
func FuzzUSCC(f *testing.F)         { fuzzTarget(f, "cn_uscc") }
func FuzzOrgCode(f *testing.F)      { fuzzTarget(f, "cn_org_code") }
func FuzzBankCard(f *testing.F)     { fuzzTarget(f, "bank_card") }
func FuzzFixedLine(f *testing.F)    { fuzzTarget(f, "fixed_line") }
func FuzzIPAddress(f *testing.F)    { fuzzTarget(f, "ip_address") }
func FuzzPassport(f *testing.F)     { fuzzTarget(f, "cn_passport") }
func FuzzHKMOPermit(f *testing.F)   { fuzzTarget(f, "hkmo_permit") }
func FuzzTWPermit(f *testing.F)     { fuzzTarget(f, "tw_permit") }
func FuzzVehiclePlate(f *testing.F) { fuzzTarget(f, "vehicle_plate") }
func FuzzCoordinate(f *testing.F)   { fuzzTarget(f, "coordinate") }
func FuzzPostcode(f *testing.F)     { fuzzTarget(f, "postcode") }
func FuzzRegionCode(f *testing.F)   { fuzzTarget(f, "cn_region_code") }
func FuzzPersonName(f *testing.F)   { fuzzTarget(f, "person_name") }
func FuzzAddress(f *testing.F)      { fuzzTarget(f, "address") }

func fuzzTarget(f *testing.F, name string) {
	seed(f, samples[name])
	d := All[Index(name)]
	f.Fuzz(func(t *testing.T, s string) { fuzzDetector(t, name, d.Detect, s) })
}

func FuzzMask(f *testing.F) {
	for _, ss := range samples {
		seed(f, ss)
	}
	for _, s := range []string{"张三丰", "欧阳修", "\xff", "a\xffb", "**", "\xd5\xc5\xc8\xfd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMask(t, s)
		if out := MaskName(s); !utf8.ValidString(out) || utf8.RuneCountInString(out) > maxGenericRunes {
			t.Errorf("MaskName(%q) = %q", s, out)
		}
	})
}

func fuzzDetector(t *testing.T, name string, detect func(string) Result, s string) {
	if got, ref := detect(s), reference(name, s); got != ref {
		t.Errorf("%s(%q) = %+v, reference %+v", name, s, got, ref)
	}
	checkInvariants(t, name, detect, s)
	checkMask(t, s)
}

func TestEmbedded(t *testing.T) {
	for _, c := range embeddedSamples {
		sh, _ := Candidates(c.in)
		got := Embedded(c.in, sh)
		var want uint32
		for _, name := range c.want {
			want |= 1 << Index(name)
		}
		if got != want {
			t.Errorf("Embedded(%q) (%s) = %b, want %b", c.in, c.why, got, want)
		}
		checkEmbedded(t, c.in)
	}
}

// checkEmbedded holds for any text: what Embedded finds is a valid identifier inside the text,
// of a detector Embeddable names, and its masked sample hides it.
func checkEmbedded(t *testing.T, s string) {
	t.Helper()
	sh, _ := Candidates(s)
	found := Embedded(s, sh)
	// Past mayEmbed, the shape only spares scans that would find nothing: told nothing of s,
	// the scan finds the same.
	if all, _ := scanEmbedded(s, Shape{Len: len(s), Digits: len(s), Classes: ^Classes(0)}, -1); mayEmbed(sh) && all != found {
		t.Errorf("Embedded(%q) = %b, but the scan unguided by its shape %+v finds %b", s, found, sh, all)
	}
	if found&^Embeddable != 0 {
		t.Errorf("Embedded(%q) = %b outside Embeddable %b", s, found, Embeddable)
	}
	for i := range All {
		if found&(1<<i) == 0 {
			continue
		}
		tok := EmbeddedValue(s, i)
		if tok == "" || !strings.Contains(s, tok) {
			t.Errorf("EmbeddedValue(%q, %s) = %q, not in the text", s, All[i].Name, tok)
			continue
		}
		if r := All[i].Detect(tok); !r.Valid {
			t.Errorf("EmbeddedValue(%q, %s) = %q, which is not valid (%+v)", s, All[i].Name, tok, r)
		}
		if m := All[i].Mask(tok); m == tok || strings.Contains(m, tok) {
			t.Errorf("mask of embedded %q = %q", tok, m)
		}
	}
}

func FuzzEmbedded(f *testing.F) {
	for _, c := range embeddedSamples {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEmbedded(t, s) })
}

// digits8 must agree with a byte-by-byte test on every word: checked on all words made of
// the bytes around the digit range, and on random ones.
func TestDigits8(t *testing.T) {
	edge := []byte{0, '/', '0', '5', '9', ':', 'A', 0x7f, 0x80, 0xb0, 0xb9, 0xff}
	check := func(b [8]byte) {
		want := true
		for _, c := range b {
			want = want && c >= '0' && c <= '9'
		}
		if got := digits8(binary.LittleEndian.Uint64(b[:])); got != want {
			t.Fatalf("digits8(%q) = %v, want %v", b[:], got, want)
		}
	}
	for _, a := range edge {
		for _, z := range edge {
			for pos := range 8 {
				b := [8]byte{'1', '2', '3', '4', '5', '6', '7', '8'}
				b[pos], b[7-pos] = a, z
				check(b)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		var b [8]byte
		for i := range b {
			b[i] = byte(r.IntN(256))
			if r.IntN(2) == 0 {
				b[i] = byte('0' + r.IntN(10))
			}
		}
		check(b)
	}
}
