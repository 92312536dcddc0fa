package detect

import (
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"
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
	match  = Result{Match: true}
	masked = Result{Masked: true}
)

var residentIDSamples = []sample{
	{"11010519491231002X", valid, "STANDARDS §3.1 worked example"},
	{"11010519491231002x", valid, "lower-case x accepted as X"},
	{"  11010519491231002X\t", valid, "surrounding space and tab"},
	{"110105194912310021", match, "worked example with check 1: wrong check digit"},
	{"440301200002291237", valid, "29 February of a leap year (2000)"},
	{"510107200402295670", valid, "29 February 2004"},
	{"440301190002291230", match, "29 February 1900: not a leap year"},
	{"110105194902300020", match, "30 February, right check digit"},
	{"110105194913010029", match, "month 13, right check digit"},
	{"110105194912000021", match, "day 00, right check digit"},
	{"110105189912310023", match, "born 1899, right check digit"},
	{"110105210101010020", match, "born 2101, right check digit"},
	{"110105209912310029", valid, "born 2099: the future-date check belongs to the rules"},
	{"010105194912310026", match, "first digit 0, right check digit"},
	{"320102198808084016", valid, "another valid number"},
	{"44030119900101001X", match, "valid date, wrong check X"},
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
	{"110105########002X", none, "wrong mask character"},
	{"11X105********002X", none, "X inside a masked value"},
	{"110105********002X0", none, "masked, 19 characters"},
}

var mobileSamples = []sample{
	{"13812345678", valid, "plain"},
	{"19912345678", valid, "19x segment"},
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
	{"+86 13812345678", none, "space after +86 not accepted"},
	{"8-613812345678", none, "dash in the wrong place"},
	{"0086138123456", none, "13 characters, 00 prefix"},
	{"138-1234-5678", none, "grouped with dashes"},
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
	{"d**@1*6.com", none, "masked domain"},
}

func TestResidentID(t *testing.T) { runSamples(t, "cn_resident_id", ResidentID, residentIDSamples) }
func TestMobile(t *testing.T)     { runSamples(t, "mobile", Mobile, mobileSamples) }
func TestEmail(t *testing.T)      { runSamples(t, "email", Email, emailSamples) }

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

// Regular-expression references written straight from STANDARDS, for differential testing: the
// hand-written matchers must agree with them on every input (table and fuzz).
var (
	refIDMatch    = regexp.MustCompile(`^[0-9]{17}[0-9Xx]$`)
	refIDValid    = regexp.MustCompile(`^[1-9][0-9]{5}([0-9]{8})[0-9]{3}[0-9Xx]$`)
	refIDMasked   = regexp.MustCompile(`^[0-9][0-9*]{16}[0-9Xx*]$`)
	refMobile     = regexp.MustCompile(`^(?:\+86-?|86-?)?1[3-9][0-9]{9}$`)
	refMobileMask = regexp.MustCompile(`^(?:\+86-?|86-?)?(1(?:[3-9][0-9]*)?\*{4,8}[0-9]+)$`)
	refEmailLocal = regexp.MustCompile(`^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*$`)
	refEmailMask  = regexp.MustCompile(`^[A-Za-z0-9_%+-]\*+$`)
	refDomain     = regexp.MustCompile(`^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$`)
)

func reference(name, s string) Result {
	s = strings.Trim(s, " \t")
	switch name {
	case "cn_resident_id":
		if refIDMatch.MatchString(s) {
			r := Result{Match: true}
			if m := refIDValid.FindStringSubmatch(s); m != nil {
				d, err := time.Parse("20060102", m[1])
				r.Valid = err == nil && d.Year() >= 1900 && d.Year() <= 2100 &&
					CheckDigit(s) == strings.ToUpper(s[17:])[0]
			}
			return r
		}
		return Result{Masked: refIDMasked.MatchString(s) && strings.Contains(s, "****")}
	case "mobile":
		if refMobile.MatchString(s) {
			return valid
		}
		m := refMobileMask.FindStringSubmatch(s)
		return Result{Masked: m != nil && len(m[1]) == 11}
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
	}
	panic("no reference for " + name)
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
	var d Detector
	for _, x := range All {
		if x.Name == name {
			d = x
		}
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
		if g := Mask(s); g != out {
			t.Errorf("Mask(%q) = %q, %s mask = %q", s, g, name, out)
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
		{"欧阳修", "欧**"},
		{"北京市海淀区中关村大街27号1101室", "北***************"}, // capped at 16 runes
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
	want := []string{"cn_resident_id", "mobile", "email"}
	if len(All) != len(want) {
		t.Fatalf("All has %d detectors, want %d", len(All), len(want))
	}
	for i, d := range All {
		if d.Name != want[i] || d.Detect == nil || d.Mask == nil {
			t.Errorf("All[%d] = %q (detect %v, mask %v), want %q", i, d.Name, d.Detect != nil, d.Mask != nil, want[i])
		}
	}
}

func TestDetectDoesNotAllocate(t *testing.T) {
	var inputs []string
	for _, ss := range [][]sample{residentIDSamples, mobileSamples, emailSamples} {
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
	b.Run("all", func(b *testing.B) {
		benchValues(b, func(s string) Result {
			var r Result
			for i := range All {
				x := All[i].Detect(s)
				r.Match, r.Valid, r.Masked = r.Match || x.Match, r.Valid || x.Valid, r.Masked || x.Masked
			}
			return r
		})
	})
}

// BenchmarkDetectRegexp is the baseline the package doc compares against: the same questions asked
// with the STANDARDS regular expressions.
func BenchmarkDetectRegexp(b *testing.B) {
	for _, name := range []string{"cn_resident_id", "mobile", "email"} {
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

func FuzzResidentID(f *testing.F) {
	seed(f, residentIDSamples)
	f.Fuzz(func(t *testing.T, s string) { fuzzDetector(t, "cn_resident_id", ResidentID, s) })
}

func FuzzMobile(f *testing.F) {
	seed(f, mobileSamples)
	f.Fuzz(func(t *testing.T, s string) { fuzzDetector(t, "mobile", Mobile, s) })
}

func FuzzEmail(f *testing.F) {
	seed(f, emailSamples)
	f.Fuzz(func(t *testing.T, s string) { fuzzDetector(t, "email", Email, s) })
}

func FuzzMask(f *testing.F) {
	seed(f, residentIDSamples, mobileSamples, emailSamples)
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
