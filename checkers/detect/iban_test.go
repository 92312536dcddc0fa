package detect

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// ibanRegistryExamples are valid IBANs in electronic and print form: the SWIFT IBAN Registry's
// sample numbers and others, as python-stdnum's tests/test_iban.doctest lists them (the list
// "These should all be valid numbers and are from the IBAN REGISTRY as sample numbers", those
// of its entries written in electronic form or in print form of groups of four; python-stdnum
// also accepts looser spacings, which IBAN does not).
var ibanRegistryExamples = []string{
	"AD12 0001 2030 2003 5910 0100", "AD1200012030200359100100", "AE070331234567890123456",
	"AL47 2121 1009 0000 0002 3569 8741", "AL47212110090000000235698741", "AT61 1904 3002 3457 3201",
	"AT611904300234573201", "AZ21NABZ00000000137010001944", "BA39 1290 0794 0102 8494",
	"BA391290079401028494", "BG80 BNBG 9661 1020 3456 78", "BG80BNBG96611020345678",
	"BH67BMAG00001299123456", "BR1800000000141455123924100C2", "BR9700360305000010009795493P1",
	"CH93 0076 2011 6238 5295 7", "CH9300762011623852957", "CY17 0020 0128 0000 0012 0052 7600",
	"CY17002001280000001200527600", "CZ65 0800 0000 1920 0014 5399", "CZ6508000000192000145399",
	"CZ94 5500 0000 0010 1103 8930", "CZ9455000000001011038930", "DE89 3704 0044 0532 0130 00",
	"DE89370400440532013000", "DK50 0040 0440 1162 43", "DK5000400440116243",
	"DO28BAGR00000001212453611324", "EE38 2200 2210 2014 5685", "EE382200221020145685",
	"ES04 0075 0078 0605 0005 0355", "ES0521053014113400002160", "ES2030810089311100269222",
	"ES24 2090 3191 1400 4012 1040", "ES27 3183 1500 9600 0121 0562", "ES28 2104 0485 5390 6968 2983",
	"ES29 2100 2815 9822 0059 9427", "ES37 2038 8700 7861 0000 9781", "ES58 1465 0100 9719 0014 4593",
	"ES59 0049 5030 1129 1601 1246", "ES62 2100 4288 5922 0010 4465", "ES72 2048 1075 8334 0000 2171",
	"ES81 0081 5515 2900 0157 5763", "ES8521005731710200031769", "ES86 2013 0095 1102 0142 6812",
	"ES88 2095 0497 9191 0708 8631", "ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332",
	"ES98 0049 5442 2227 1606 6973", "FI21 1234 5600 0007 85", "FI2112345600000785",
	"FI5542345670000081", "FO62 6460 0001 6316 34", "FO6264600001631634",
	"FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606", "GB29 NWBK 6016 1331 9268 19",
	"GB29NWBK60161331926819", "GE29 NB00 0000 0101 9049 17", "GE29NB0000000101904917",
	"GI75 NWBK 0000 0000 7099 453", "GI75NWBK000000007099453", "GL89 6471 0001 0002 06",
	"GL8964710001000206", "GR16 0110 1250 0000 0001 2300 695", "GR1601101250000000012300695",
	"GT82TRAJ01020000001210029690", "HR12 1001 0051 8630 0016 0", "HR1210010051863000160",
	"HU42 1177 3016 1111 1018 0000 0000", "HU42117730161111101800000000",
	"IE29 AIBK 9311 5212 3456 78", "IE29AIBK93115212345678", "IL62 0108 0000 0009 9999 999",
	"IL620108000000099999999", "IS14 0159 2600 7654 5510 7303 39", "IS140159260076545510730339",
	"IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456",
	"JO94CBJO0010000000000131000302", "KZ86125KZT5004100100", "LB62 0999 0000 0001 0019 0122 9114",
	"LB62099900000001001901229114", "LI21 0881 0000 2324 013A A", "LI21088100002324013AA",
	"LT12 1000 0111 0100 1000", "LT121000011101001000", "LU28 0019 4006 4475 0000",
	"LU280019400644750000", "LV80 BANK 0000 4351 9500 1", "LV80BANK0000435195001",
	"MC11 1273 9000 7000 1111 1000 h79", "MC1112739000700011111000h79", "MD24AG000225100013104168",
	"ME25 5050 0001 2345 6789 51", "ME25505000012345678951", "MK07250120000058984",
	"MR13 0002 0001 0100 0012 3456 753", "MR1300020001010000123456753",
	"MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S",
	"MU17 BOMM 0101 1010 3030 0200 000M UR", "NL91 ABNA 0417 1643 00", "NL91ABNA0417164300",
	"NO05 7058 0555 568", "NO1782000193468", "NO2476940517075", "NO4697500641723", "NO5876940518888",
	"NO77 7694 0511 077", "NO89 4760 5692 776", "NO8976940512510", "NO93 8601 1117 947",
	"NO9386011117947", "NO9832271000153", "PK36SCBL0000001123456702",
	"PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874",
	"PS92PALS000000000400123456702", "PT50 0002 0123 1234 5678 9015 4", "PT50000201231234567890154",
	"QA58DOHB00001234567890ABCDEFG", "RO49 AAAA 1B31 0075 9384 0000", "RO49AAAA1B31007593840000",
	"RS35 2600 0560 1001 6113 79", "RS35260005601001611379", "SA03 8000 0000 6080 1016 7519",
	"SA0380000000608010167519", "SE45 5000 0000 0583 9825 7466", "SE4550000000058398257466",
	"SI56 1910 0000 0123 438", "SI56191000000123438", "SK31 1200 0000 1987 4263 7541",
	"SK3112000000198742637541", "SM86 U032 2509 8000 0000 0270 100", "SM86U0322509800000000270100",
	"TN59 1000 6035 1835 9847 8831", "TN5910006035183598478831", "TR33 0006 1005 1978 6457 8413 26",
	"TR330006100519786457841326", "VG96VPVG0000012345678901", "XK051212012345678906",
}

// ibanNewerExamples are the SWIFT IBAN Registry's examples for countries python-stdnum's list
// predates, as quoted in SpeedBankingDe/iban-commons (IbanRegistry.java, which cites registry
// release 100) and globalcitizen/php-iban (registry.txt); each is checked here by the reference
// as well.
var ibanNewerExamples = []string{
	"BI4210000100010000332045181", "BY13NBRB3600900000002Z00AB00", "CR05015202001026284066",
	"DJ2100010000000154000100186", "EG380019000500000000263180002", "FK88SC123456789012",
	"HN88CABF00000000000250005469", "IQ98NBIQ850123456789012", "LC55HEMM000100010012001200023015",
	"LY83002048000020100120361", "MN121234123456789123", "NI45BAPR00000013000003558124",
	"OM810180000001299123456", "RU0304452522540817810538091310419", "SC18SSCB11010000000000001497USD",
	"SD2129010501234001", "SO211000001001000100141", "ST68000100010051845310112",
	"SV62CENR00000000000000700025", "UA213996220000026007233566001", "VA59001123000012345678",
	"YE15CBYE0001018861234567891234", "BE68539007547034", "MC5811222000010123456789030",
	"RU03 0445 2522 5408 1781 0538 0913 1041 9",
}

var ibanSamples = []sample{
	{"DE89370400440532013000", valid, "the registry's German example"},
	{"DE89 3704 0044 0532 0130 00", valid, "print form"},
	{"  GB29NWBK60161331926819\t", valid, "surrounding space and tab"},
	{"NO9386011117947", valid, "Norway, the shortest"},
	{"RU0304452522540817810538091310419", valid, "Russia, the longest"},
	{"MC1112739000700011111000h79", valid, "lower case where the registry allows letters (python-stdnum's test)"},
	// python-stdnum's "broken checksums or mangled" list.
	{"AL48212110090000000235698741", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"AD1210012030200359100100", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"AT611804300234573201", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"BE68530907547034", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"BA391290709401028494", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"BG80BNBG99611020345678", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"HR1210010052863000160", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"CY17002001281000001200527600", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"CZ6508000000129000145399", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"CZ9455000000000101038930", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	{"DK5000400440116342", fault(IBANBadCheckDigits), "python-stdnum: broken checksum"},
	// python-stdnum's "wrong length but otherwise valid checksums".
	{"AD48 0001 2030 2003 5910 01", none, "python-stdnum: wrong length"},
	{"AT93 1904 3002 3457 3201 99", none, "python-stdnum: wrong length"},
	{"BE36 5390 0754 7034 1234", none, "python-stdnum: wrong length"},
	{"BA30 1290 0794 0102 84", none, "python-stdnum: wrong length"},
	// python-stdnum's "alphabetic characters where they are not allowed ... or an unknown
	// country code": the check digits hold, the structure does not.
	{"BG93 BNBG 9661 1A20 3456 78", fact(IBANBadBBAN), "python-stdnum: a letter among the digits"},
	{"GI22 NW3K 0000 0000 7099 453", fact(IBANBadBBAN), "python-stdnum: a digit among the bank code's letters"},
	{"NL56 3003 0A17 1643 00", fact(IBANBadBBAN), "python-stdnum: letters where digits are due"},
	{"QQ93 1234 5678", none, "python-stdnum: unknown country code"},
	{"US12345678901234567890", none, "a country without IBANs"},
	{"GF4120041010050500013M02606", none, "a French territory: its IBANs start FR"},
	{"de89370400440532013000", none, "lower-case country code"},
	{"DE8937040044053201300", none, "one character short"},
	{"DE893704004405320130001", none, "one character long"},
	{"DE89 3704 0044 0532 0130 0 0", none, "a group of one inside"},
	{"DE89  3704 0044 0532 0130 00", none, "two spaces"},
	{"DE89 37040044 0532 0130 00", none, "a space missing"},
	{"DE 89 3704 0044 0532 0130 00", none, "a space inside the first group"},
	{"DE89-3704-0044-0532-0130-00", none, "hyphens"},
	{"DEAB370400440532013000", none, "letters for check digits"},
	{"DE89370400440532O13000", fault(IBANBadCheckDigits | IBANBadBBAN), "letter O for a zero"},
	{"DE89370400440532013000\u00a0", none, "a no-break space"},
	{"", none, "empty"},
	{"DE89**************3000", masked, "MaskIBAN's form"},
	{"DE89 **** **** **** **30 00", masked, "MaskIBAN's print form"},
	{"DE89####**########3000", none, "two mask characters mixed"},
	{"DE89##############3000", masked, "'#' masks"},
	{"DE89＊＊＊＊＊＊＊＊＊＊＊＊＊＊3000", masked, "full-width asterisks"},
	{"DE89 ＊＊＊＊ ＊＊＊＊ ＊＊＊＊ ＊＊30 00", masked, "full-width asterisks, print form"},
	{"DE********************", masked, "all but the country code hidden"},
	{"DE******************", none, "masked, two characters short"},
	{"DE89***0440532013000", none, "a run of three"},
	{"DE89****0440****3000", none, "two runs"},
	{"DE89xxxxxxxxxxxxxx3000", fault(IBANBadCheckDigits | IBANBadBBAN), "x is a BBAN character, not a mask"},
	{"DE8*370400440532013000", none, "one check digit hidden"},
	{"QQ89**************3000", none, "masked, unknown country"},
}

// ibanDetector is IBAN's entry of All.
var ibanDetector = All[Index("iban")]

func TestIBAN(t *testing.T) {
	runUnregistered(t, ibanDetector, refIBAN, ibanSamples)
	for _, list := range [][]string{ibanRegistryExamples, ibanNewerExamples} {
		for _, s := range list {
			if r := IBAN(s); r != valid {
				t.Errorf("IBAN(%q) = %+v, want valid", s, r)
			}
			if r := refIBAN(s); r != valid {
				t.Errorf("reference IBAN(%q) = %+v, want valid", s, r)
			}
			checkUnregistered(t, ibanDetector, refIBAN, s)
		}
	}
}

func TestMaskIBAN(t *testing.T) {
	for in, want := range map[string]string{
		"DE89370400440532013000":            "DE89**************3000",
		"DE89 3704 0044 0532 0130 00":       "DE89 **** **** **** **30 00",
		"NO9386011117947":                   "NO93*******7947",
		" GB29 NWBK 6016 1331 9268 19 ":     "GB29 **** **** **** **68 19",
		"DE89**************3000":            "DE89**************3000",
		"DE8937040044053201300":             MaskName("DE8937040044053201300"),
		"RU0304452522540817810538091310419": "RU03*************************0419",
	} {
		if got := MaskIBAN(in); got != want {
			t.Errorf("MaskIBAN(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestIBANRegistryTable: each country's length is the sum of its BBAN structure and four, the
// bounds are the table's, codes are unique and in the ISO 3166 form, and every SEPA country is
// in (the European Payments Council's list of SEPA countries and territories with IBANs of
// their own).
func TestIBANRegistryTable(t *testing.T) {
	part := regexp.MustCompile(`^(\d+)!([nac])`)
	seen := map[string]bool{}
	lo, hi := 100, 0
	for _, c := range ibanCountries {
		if len(c.code) != 2 || c.code[0] < 'A' || c.code[0] > 'Z' || c.code[1] < 'A' || c.code[1] > 'Z' || seen[c.code] {
			t.Errorf("bad or repeated country code %q", c.code)
		}
		seen[c.code] = true
		n := 0
		for rest := c.bban; rest != ""; {
			m := part.FindStringSubmatch(rest)
			if m == nil {
				t.Fatalf("%s: BBAN structure %q unreadable", c.code, c.bban)
			}
			k, _ := strconv.Atoi(m[1])
			n += k
			rest = rest[len(m[0]):]
		}
		if n+4 != c.length {
			t.Errorf("%s: length %d, structure %q makes %d", c.code, c.length, c.bban, n+4)
		}
		lo, hi = min(lo, c.length), max(hi, c.length)
	}
	if lo != minIBANLen || hi != maxIBANLen {
		t.Errorf("table lengths %d-%d, constants %d-%d", lo, hi, minIBANLen, maxIBANLen)
	}
	for _, code := range strings.Fields("AD AT BE BG CH CY CZ DE DK EE ES FI FR GB GI GR HR HU IE IS IT LI LT LU LV MC MT NL NO PL PT RO SE SI SK SM VA AL MD ME MK") {
		if !seen[code] {
			t.Errorf("SEPA country %s missing", code)
		}
	}
}

func FuzzIBAN(f *testing.F) {
	seedUnregistered(f, ibanSamples)
	for _, s := range ibanRegistryExamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkUnregistered(t, ibanDetector, refIBAN, s) })
}

// The reference: the registry's structures as regular expressions, the remainder with
// math/big, the forms with regular expressions.
var (
	refIBANElectronic = regexp.MustCompile(`^[A-Z]{2}[0-9*]{2}[A-Za-z0-9*]+$`)
	refIBANPrint      = regexp.MustCompile(`^[A-Z]{2}[0-9*]{2}(?: [A-Za-z0-9*]{4})*(?: [A-Za-z0-9*]{1,4})$`)
	refIBANMaskRun    = regexp.MustCompile(`^[^*]*\*{4,}[^*]*$`)
	refIBANStructures = func() map[string]*regexp.Regexp {
		classes := map[string]string{"n": "[0-9]", "a": "[A-Z]", "c": "[A-Za-z0-9]"}
		part := regexp.MustCompile(`(\d+)!([nac])`)
		m := map[string]*regexp.Regexp{}
		for _, c := range ibanCountries {
			re := part.ReplaceAllStringFunc(c.bban, func(p string) string {
				sm := part.FindStringSubmatch(p)
				return classes[sm[2]] + "{" + sm[1] + "}"
			})
			m[c.code] = regexp.MustCompile("^" + re + "$")
		}
		return m
	}()
)

func refIBAN(s string) Result {
	s = strings.Trim(s, " \t")
	s, ok := refUnmask(s, "*#＊")
	if !ok || !refIBANElectronic.MatchString(s) && !refIBANPrint.MatchString(s) {
		return none
	}
	e := strings.ReplaceAll(s, " ", "")
	structure := refIBANStructures[e[:2]]
	if structure == nil || utf8.RuneCountInString(e) != ibanLength(e[:2]) {
		return none
	}
	if strings.Contains(e, "*") {
		return Result{Masked: refIBANMaskRun.MatchString(e[2:])}
	}
	var digits strings.Builder
	for _, c := range strings.ToUpper(e[4:] + e[:4]) {
		if c >= 'A' && c <= 'Z' {
			digits.WriteString(strconv.Itoa(int(c-'A') + 10))
		} else {
			digits.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(digits.String(), 10)
	var t Traits
	if new(big.Int).Mod(n, big.NewInt(97)).Int64() != 1 {
		t |= IBANBadCheckDigits
	}
	if !structure.MatchString(e[4:]) {
		t |= IBANBadBBAN
	}
	return Result{Match: true, Valid: t&IBANBadCheckDigits == 0, Traits: t}
}

func ibanLength(code string) int {
	for _, c := range ibanCountries {
		if c.code == code {
			return c.length
		}
	}
	return 0
}
