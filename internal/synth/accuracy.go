package synth

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// The accuracy corpus: columns built to catch the detection mistakes a new user meets on
// data nobody here wrote. Decoys are columns of no personal data shaped like identifiers
// (18-digit order numbers and serials, 11-digit member numbers, IMEIs, timestamps, amounts,
// tracking numbers, county codes); graded columns hold one identifier type with a known
// share of wrong check characters (10, 30, 50 and 80 percent), which must be reported at
// every share; valid columns hold identifiers a narrower detector would miss (ID numbers of
// retired address codes, IBANs); free-text columns hold an identifier inside one value in
// ten. Each column is named neutrally, so that its values alone must decide it.

// AccuracyColumn is what a checker should say of one column of the accuracy corpus.
type AccuracyColumn struct {
	Name string `json:"name"`
	// Kind is decoy, graded, valid (every value a valid identifier) or free_text.
	Kind string `json:"kind"`
	// Type is the data type a classifier should report ("" for none), Detector the detector
	// whose evidence the column is about (for free text, the embedded identifier's).
	Type     string `json:"type"`
	Detector string `json:"detector"`
	// Bad is, for a graded column, how many values have a wrong check character, of Values.
	Bad    int64 `json:"bad"`
	Values int64 `json:"values"`
	// Embedded is, for free text, how many values hold the identifier.
	Embedded int64 `json:"embedded"`
}

// accuracyGen appends one value of a column and says whether it is the column's notable
// kind: a wrong check character (graded) or an embedded identifier (free text).
type accuracyGen func(r *rand.Rand, dst []byte) ([]byte, bool)

type accuracySpec struct {
	AccuracyColumn
	gen accuracyGen
}

// graded are the identifier types with a check character, and the shares of wrong ones.
var gradedShares = []int{10, 30, 50, 80}

func accuracyColumns() []accuracySpec {
	decoy := func(name string, gen accuracyGen) accuracySpec {
		return accuracySpec{AccuracyColumn{Name: name, Kind: "decoy"}, gen}
	}
	specs := []accuracySpec{
		decoy("order_ref", genOrderRef18),
		decoy("serial_18", genSerial18),
		decoy("batch_padded", genPaddedBatch),
		decoy("member_no", genMemberNo),
		decoy("device_imei", genIMEI),
		decoy("epoch_s", genEpochSeconds),
		decoy("epoch_ms", genEpochMillis),
		decoy("amount_yuan", genAmountYuan),
		decoy("waybill", genWaybill),
		decoy("waybill_digits", genWaybillDigits),
		{AccuracyColumn{Name: "county", Kind: "decoy", Type: "cn_region_code", Detector: "cn_region_code"}, genCounty},
	}
	graded := []struct {
		typ  string
		gen  func(r *rand.Rand, dst []byte, bad bool) []byte
		name string
	}{
		{"cn_resident_id", genGradedResidentID, "ref_a"},
		{"cn_uscc", genGradedUSCC, "ref_b"},
		{"cn_org_code", genGradedOrgCode, "ref_c"},
		{"bank_card", genGradedCard, "ref_d"},
	}
	for _, g := range graded {
		for _, share := range gradedShares {
			gen, bad := g.gen, share
			specs = append(specs, accuracySpec{
				AccuracyColumn{Name: fmt.Sprintf("%s_%d", g.name, share), Kind: "graded", Type: g.typ, Detector: g.typ},
				func(r *rand.Rand, dst []byte) ([]byte, bool) {
					b := r.IntN(100) < bad
					return gen(r, dst, b), b
				}})
		}
	}
	valid := func(name, typ string, gen func(r *rand.Rand, dst []byte) []byte) accuracySpec {
		return accuracySpec{AccuracyColumn{Name: name, Kind: "valid", Type: typ, Detector: typ},
			func(r *rand.Rand, dst []byte) ([]byte, bool) { return gen(r, dst), false }}
	}
	specs = append(specs,
		valid("ref_e", "cn_resident_id", genHistoricalResidentID),
		valid("ref_f", "iban", genIBAN))
	for _, e := range embeddings {
		gen := e.gen
		specs = append(specs, accuracySpec{
			AccuracyColumn{Name: "note_" + e.name, Kind: "free_text", Detector: e.detector},
			func(r *rand.Rand, dst []byte) ([]byte, bool) {
				if r.IntN(10) != 0 {
					return append(dst, pick(r, plainNotes)...), false
				}
				return gen(r, append(dst, e.before...)), true
			}})
	}
	return specs
}

// WriteAccuracyCSV writes the accuracy corpus with rows rows as CSV (UTF-8, header first) and
// returns what should be said of each column. The same rows and seed give the same bytes.
func WriteAccuracyCSV(w io.Writer, rows int, seed int64) ([]AccuracyColumn, error) {
	if rows < 0 {
		return nil, fmt.Errorf("synth: rows must not be negative, got %d", rows)
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x6163_6375_7261_6379)) // "accuracy"
	specs := accuracyColumns()
	cols := make([]AccuracyColumn, len(specs))
	names := make([]string, len(specs))
	for i, s := range specs {
		cols[i], names[i] = s.AccuracyColumn, s.Name
	}
	err := writeCSVTable(w, names, rows, func(line []byte, i int) ([]byte, error) {
		start := len(line)
		line, notable := specs[i].gen(r, line)
		if strings.ContainsAny(string(line[start:]), ",\"\n") {
			return nil, fmt.Errorf("synth: column %s wrote %q, which needs quoting", specs[i].Name, line[start:])
		}
		c := &cols[i]
		c.Values++
		switch {
		case notable && c.Kind == "graded":
			c.Bad++
		case notable && c.Kind == "free_text":
			c.Embedded++
		}
		return line, nil
	})
	if err != nil {
		return nil, err
	}
	return cols, nil
}

// historicalRegions are address codes of ID numbers issued under older GB/T 2260 editions
// (retired before 1990, in the 1990s, in 2010) and of Taiwan residents' residence permits.
var historicalRegions = []string{"110225", "512700", "110221", "232300", "110103", "110104", "830000"}

// genHistoricalResidentID writes valid ID numbers whose address code is a retired one or
// 830000.
func genHistoricalResidentID(r *rand.Rand, dst []byte) []byte {
	start := len(dst)
	dst = append(dst, pick(r, historicalRegions)...)
	y, m, d := civilFromDays(birthFirst + int32(r.Uint64N(birthDays)))
	dst = appendDigits(dst, uint64(y), 4)
	dst = appendDigits(dst, uint64(m), 2)
	dst = appendDigits(dst, uint64(d), 2)
	dst = digits(r, dst, 3)
	return append(dst, idCheckDigit(dst[start:]))
}

// genIBAN writes German IBANs (ISO 13616: DE, check digits, an 8-digit bank code and a
// 10-digit account), their check digits computed here by ISO 7064 MOD 97-10: the country
// code's letters as 13 and 14, moved with the check digits to the end.
func genIBAN(r *rand.Rand, dst []byte) []byte {
	var bban [18]byte
	for i := range bban {
		bban[i] = byte('0' + r.IntN(10))
	}
	rem := 0
	for _, c := range append(bban[:], "131400"...) { // D=13, E=14, check digits 00
		rem = (rem*10 + int(c-'0')) % 97
	}
	check := 98 - rem
	dst = append(dst, "DE"...)
	dst = appendDigits(dst, uint64(check), 2)
	return append(dst, bban[:]...)
}

// genOrderRef18 writes order numbers of a date and a 10-digit sequence: 18 digits, like an ID
// number, with 2026 where a region code would be.
func genOrderRef18(r *rand.Rand, dst []byte) ([]byte, bool) {
	dst = append(dst, "2026"...)
	dst = appendDigits(dst, uint64(1+r.IntN(12)), 2)
	dst = appendDigits(dst, uint64(1+r.IntN(28)), 2)
	return appendDigits(dst, r.Uint64N(10_000_000_000), 10), false
}

// genSerial18 writes 18 random digits, the first not 0.
func genSerial18(r *rand.Rand, dst []byte) ([]byte, bool) {
	return digits(r, append(dst, byte('1'+r.IntN(9))), 17), false
}

// genPaddedBatch writes zero-padded batch numbers: 18 digits, most of them leading zeros.
func genPaddedBatch(r *rand.Rand, dst []byte) ([]byte, bool) {
	return appendDigits(dst, uint64(1+r.IntN(999_999)), 18), false
}

// genMemberNo writes 11-digit member numbers starting with 1: a mobile's length and first
// digit, its segment drawn from all ten.
func genMemberNo(r *rand.Rand, dst []byte) ([]byte, bool) {
	return digits(r, append(dst, '1'), 10), false
}

// genIMEI writes 15-digit IMEIs: a type allocation code of a reporting body 86 (China), a
// serial, and the Luhn check digit IMEIs carry, as bank cards do.
func genIMEI(r *rand.Rand, dst []byte) ([]byte, bool) {
	start := len(dst)
	dst = digits(r, append(dst, "86"...), 12)
	return append(dst, luhnDigit(dst[start:])), false
}

// genEpochSeconds and genEpochMillis write Unix times of 2017-2027.
func genEpochSeconds(r *rand.Rand, dst []byte) ([]byte, bool) {
	return appendDigits(dst, 1_500_000_000+r.Uint64N(300_000_000), 10), false
}

func genEpochMillis(r *rand.Rand, dst []byte) ([]byte, bool) {
	return appendDigits(dst, 1_500_000_000_000+r.Uint64N(300_000_000_000), 13), false
}

// genAmountYuan writes amounts up to a million with two decimals.
func genAmountYuan(r *rand.Rand, dst []byte) ([]byte, bool) {
	dst = appendDigits(dst, uint64(r.IntN(1_000_000)), 1)
	return appendDigits(append(dst, '.'), uint64(r.IntN(100)), 2), false
}

// genWaybill writes courier waybill numbers with a carrier prefix (SF, YT, JDV) or in the
// Universal Postal Union's S10 form (EA123456789CN).
func genWaybill(r *rand.Rand, dst []byte) ([]byte, bool) {
	switch r.IntN(3) {
	case 0:
		return digits(r, append(dst, "SF"...), 13), false
	case 1:
		return digits(r, append(dst, "JDV"...), 12), false
	}
	dst = append(dst, 'E', "ABCDEFGHJKLMNPQRSTUVWXYZ"[r.IntN(24)])
	return append(digits(r, dst, 9), "CN"...), false
}

// genWaybillDigits writes all-digit waybill numbers of 12 to 15 digits, the lengths of
// bank cards' shortest forms.
func genWaybillDigits(r *rand.Rand, dst []byte) ([]byte, bool) {
	n := 12 + r.IntN(4)
	return digits(r, append(dst, byte('3'+r.IntN(6))), n-1), false
}

// genCounty writes GB/T 2260 county codes: a region code column, which is no personal data.
func genCounty(r *rand.Rand, dst []byte) ([]byte, bool) {
	return append(dst, pick(r, idCounties).code...), false
}

// wrongCheck replaces the right check character c of the alphabet with another.
func wrongCheck(r *rand.Rand, alphabet string, c byte) byte {
	return alphabet[(strings.IndexByte(alphabet, c)+1+r.IntN(len(alphabet)-1))%len(alphabet)]
}

func genGradedResidentID(r *rand.Rand, dst []byte, bad bool) []byte {
	start := len(dst)
	dst = idBody(r, dst)
	check := idCheckDigit(dst[start:])
	if bad {
		check = wrongCheck(r, "0123456789X", check)
	}
	return append(dst, check)
}

func genGradedUSCC(r *rand.Rand, dst []byte, bad bool) []byte {
	var b [18]byte
	b[0], b[1] = '9', '1'
	copy(b[2:8], pick(r, idCounties).code)
	for i := 8; i < 16; i++ {
		b[i] = usccBodyChars[r.IntN(len(usccBodyChars))]
	}
	b[16] = orgCheckChar(b[8:16])
	b[17] = usccCheckChar(b[:17])
	if bad {
		b[17] = wrongCheck(r, usccBodyChars, b[17])
	}
	return append(dst, b[:]...)
}

func genGradedOrgCode(r *rand.Rand, dst []byte, bad bool) []byte {
	var body [8]byte
	for i := range body {
		body[i] = usccBodyChars[r.IntN(len(usccBodyChars))]
	}
	check := orgCheckChar(body[:])
	if bad {
		check = wrongCheck(r, "0123456789X", check)
	}
	return append(append(append(dst, body[:]...), '-'), check)
}

func genGradedCard(r *rand.Rand, dst []byte, bad bool) []byte {
	start := len(dst)
	dst = digits(r, append(dst, "62"...), 13+3*r.IntN(2)) // 16 or 19 digits
	check := luhnDigit(dst[start:])
	if bad {
		check = wrongCheck(r, "0123456789", check)
	}
	return append(dst, check)
}

// plainNotes are remarks holding no identifier.
var plainNotes = []string{"已入户核实", "材料齐全", "待复核", "本人申请", "经办人已电话回访", "情况属实", "已通知本人"}

// embeddings are the identifiers free text may hold, with the words before them.
var embeddings = []struct {
	name, detector, before string
	gen                    func(r *rand.Rand, dst []byte) []byte
}{
	{"mobile", "mobile", "请联系", func(r *rand.Rand, dst []byte) []byte {
		return append(digits(r, append(dst, pick(r, mobilePrefixes)...), 8), "确认"...)
	}},
	{"resident_id", "cn_resident_id", "身份证", func(r *rand.Rand, dst []byte) []byte {
		return append(genGradedResidentID(r, dst, false), "已核验"...)
	}},
	{"email", "email", "材料已发至", func(r *rand.Rand, dst []byte) []byte {
		dst, _, _, _ = genEmailValid(r, dst)
		return dst
	}},
	{"bank_card", "bank_card", "退款至卡号", func(r *rand.Rand, dst []byte) []byte {
		return genGradedCard(r, dst, false)
	}},
	{"uscc", "cn_uscc", "单位信用代码", func(r *rand.Rand, dst []byte) []byte {
		return genGradedUSCC(r, dst, false)
	}},
	{"passport", "cn_passport", "护照号", func(r *rand.Rand, dst []byte) []byte {
		return append(digits(r, append(dst, 'E'), 8), "已登记"...)
	}},
	{"plate", "vehicle_plate", "车辆", func(r *rand.Rand, dst []byte) []byte {
		// GA 36 serials: five characters, at most two of them letters.
		prov := []rune(plateProvinces)
		dst = append(append(dst, string(prov[r.IntN(len(prov))])...), "ABCDEFGHJKLMNPQ"[r.IntN(15)])
		letters := r.IntN(3)
		for i := range 5 {
			if i < letters {
				dst = append(dst, plateSerial[10+r.IntN(len(plateSerial)-10)])
			} else {
				dst = append(dst, plateSerial[r.IntN(10)])
			}
		}
		return append(dst, "已放行"...)
	}},
}
