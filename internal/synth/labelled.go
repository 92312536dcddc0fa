package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// The labelled table: one column for every kind of data dgcheck's detectors recognise, and
// columns that hold no personal data but look like some, each value drawn with a known label.
// It measures the detectors and the column classifier against ground truth: the generator
// knows, per column, the type a classifier should report, and, per value, whether it is a
// valid identifier, a faulty one (and which check fails), a masked one, or empty.

// LabelledColumn is the ground truth of one column of the labelled table.
type LabelledColumn struct {
	Name string `json:"name"`
	// Type is the data type a classifier should report ("" for a column of no such data),
	// and Detector the detector whose counts the labels give.
	Type     string `json:"type"`
	Detector string `json:"detector"`
	// Per-value labels, summed: empty values, values with the identifier's structure (and of
	// those, the valid ones), masked values, and matched values per trait.
	Empty   int64            `json:"empty"`
	Matched int64            `json:"matched"`
	Valid   int64            `json:"valid"`
	Masked  int64            `json:"masked"`
	Traits  map[string]int64 `json:"traits"`
	// Embedded counts, per detector, the values holding that identifier inside free text.
	Embedded map[string]int64 `json:"embedded"`
}

// LabelledTruth is the ground truth of a generated labelled table.
type LabelledTruth struct {
	Rows    int64            `json:"rows"`
	Columns []LabelledColumn `json:"columns"`
}

// label is what one generated value is.
type label int

const (
	lEmpty label = iota
	lValid
	lFault // matched, not valid: trait names the failed check
	lMasked
	lPlain // a value of a column without a detector
)

// labelledGen is one column's generator: it appends a value and says what it is. traits
// names the traits the value has when it is matched; embedded, for free text, the detectors
// whose identifiers the value holds.
type labelledGen struct {
	name, typ, detector string
	gen                 func(r *rand.Rand, dst []byte) ([]byte, label, []string, []string)
}

// WriteLabelledCSV writes a labelled table of rows rows as CSV (UTF-8, header first) and returns
// its ground truth. The same rows and seed give the same bytes.
func WriteLabelledCSV(w io.Writer, rows int, seed int64) (LabelledTruth, error) {
	if rows < 0 {
		return LabelledTruth{}, fmt.Errorf("synth: rows must not be negative, got %d", rows)
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x6c61_6265_6c6c_6564)) // "labelled"
	gens := labelledColumns()
	truth := LabelledTruth{Rows: int64(rows)}
	for _, g := range gens {
		truth.Columns = append(truth.Columns, LabelledColumn{Name: g.name, Type: g.typ, Detector: g.detector,
			Traits: map[string]int64{}, Embedded: map[string]int64{}})
	}
	names := make([]string, len(gens))
	for i, g := range gens {
		names[i] = g.name
	}
	err := writeCSVTable(w, names, rows, func(line []byte, i int) ([]byte, error) {
		var l label
		var traits, embedded []string
		line, l, traits, embedded = gens[i].gen(r, line)
		c := &truth.Columns[i]
		switch l {
		case lEmpty:
			c.Empty++
		case lValid:
			c.Matched++
			c.Valid++
		case lFault:
			c.Matched++
		case lMasked:
			c.Masked++
		}
		for _, t := range traits {
			c.Traits[t]++
		}
		for _, e := range embedded {
			c.Embedded[e]++
		}
		return line, nil
	})
	return truth, err
}

// writeCSVTable writes a header of names and rows rows whose cells cell appends, column by
// column, to the line: the generated tables' one CSV writer. A cell is written as it is, so
// its generator never writes a comma, quote or line break.
func writeCSVTable(w io.Writer, names []string, rows int, cell func(line []byte, col int) ([]byte, error)) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(names, ","))
	bw.WriteByte('\n')
	var line []byte
	for range rows {
		line = line[:0]
		for i := range names {
			if i > 0 {
				line = append(line, ',')
			}
			var err error
			if line, err = cell(line, i); err != nil {
				return err
			}
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// pick draws one of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// digits appends n random digits.
func digits(r *rand.Rand, dst []byte, n int) []byte {
	for range n {
		dst = append(dst, byte('0'+r.IntN(10)))
	}
	return dst
}

// share draws true with probability percent/100.
func share(r *rand.Rand, percent int) bool { return r.IntN(1000) < percent*10 }

// labelledColumns lists the table's columns. Some are named neutrally (field_04, contact) so
// that their values alone must type them; the Weak detectors' columns carry their hint, which
// they need.
func labelledColumns() []labelledGen {
	return []labelledGen{
		{"sfzh", "cn_resident_id", "cn_resident_id", genResidentID},
		{"手机号码", "mobile", "mobile", genMobile},
		{"contact", "email", "email", genEmail},
		{"field_04", "cn_uscc", "cn_uscc", genUSCC},
		{"org_code", "cn_org_code", "cn_org_code", genOrgCode},
		{"field_06", "bank_card", "bank_card", genBankCard},
		{"办公电话", "fixed_line", "fixed_line", genFixedLine},
		{"client_ip", "ip_address", "ip_address", genIP},
		{"passport_no", "cn_passport", "cn_passport", genPassport},
		{"港澳通行证号", "hkmo_permit", "hkmo_permit", genHKMOPermit},
		{"台胞证号", "tw_permit", "tw_permit", genTWPermit},
		{"field_12", "vehicle_plate", "vehicle_plate", genPlate},
		{"坐标", "precise_location", "coordinate", genCoordinate},
		{"邮编", "postcode", "postcode", genPostcode},
		{"行政区划代码", "cn_region_code", "cn_region_code", genRegionCode},
		{"field_16", "person_name", "person_name", genName},
		{"住址", "address", "address", genAddress},
		{"remark", "", "", genRemark},
		{"amount", "", "", genAmount},
		{"visit_date", "", "", genDate},
		{"batch_no", "", "", genBatch},
		{"ratio", "", "", genRatio},
		{"order_no", "", "", genOrderNo},
		{"status", "", "", genStatus},
	}
}

// idBody appends the first 17 digits of a resident ID number of one of the roll's counties.
func idBody(r *rand.Rand, dst []byte) []byte {
	dst = append(dst, pick(r, idCounties).code...)
	y, m, d := civilFromDays(birthFirst + int32(r.Uint64N(birthDays)))
	dst = appendDigits(dst, uint64(y), 4)
	dst = appendDigits(dst, uint64(m), 2)
	dst = appendDigits(dst, uint64(d), 2)
	return digits(r, dst, 3)
}

func genResidentID(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	switch u := r.IntN(100); {
	case u < 1:
		return dst, lEmpty, nil, nil
	case u < 2:
		// A legacy 15-digit number: YYMMDD of a 19xx birth date.
		dst = append(dst, pick(r, idCounties).code...)
		dst = appendDigits(dst, uint64(40+r.IntN(50)), 2)
		dst = appendDigits(dst, uint64(1+r.IntN(12)), 2)
		dst = appendDigits(dst, uint64(1+r.IntN(28)), 2)
		return digits(r, dst, 3), lFault, []string{"legacy_15"}, nil
	case u < 3:
		var body []byte
		body = idBody(r, body)
		dst = append(append(dst, body[:6]...), "********"...)
		return append(append(dst, body[14:]...), idCheckDigit(body)), lMasked, nil, nil
	case u < 5:
		start := len(dst)
		dst = idBody(r, dst)
		right := idCheckDigit(dst[start:])
		return append(dst, "0123456789X"[(strings.IndexByte("0123456789X", right)+1+r.IntN(10))%11]), lFault, []string{"bad_check_digit"}, nil
	}
	start := len(dst)
	dst = idBody(r, dst)
	return append(dst, idCheckDigit(dst[start:])), lValid, nil, nil
}

// unallocatedSegments are mobile prefixes no operator holds (STANDARDS §3.5's pattern).
var unallocatedSegments = []string{"142", "143", "154", "160", "194"}

func genMobile(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	switch u := r.IntN(100); {
	case u < 3:
		return dst, lEmpty, nil, nil
	case u < 5:
		dst = append(dst, pick(r, mobilePrefixes)...)
		return digits(r, append(digits(r, dst, 0), "****"...), 4), lMasked, nil, nil
	case u < 6:
		return digits(r, append(dst, pick(r, unallocatedSegments)...), 8), lFault, []string{"unallocated_segment"}, nil
	}
	return digits(r, append(dst, pick(r, mobilePrefixes)...), 8), lValid, nil, nil
}

var (
	emailDomains = []string{"163.com", "qq.com", "126.com", "example.cn", "mail.whu.edu.cn"}
	latin        = "abcdefghijklmnopqrstuvwxyz"
)

func genEmail(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 2 {
		return dst, lEmpty, nil, nil
	}
	first := latin[r.IntN(len(latin))]
	domain := pick(r, emailDomains)
	if r.IntN(100) < 3 {
		return append(append(append(dst, first), "***@"...), domain...), lMasked, nil, nil
	}
	dst = append(dst, first)
	for range 2 + r.IntN(6) {
		dst = append(dst, latin[r.IntN(len(latin))])
	}
	if r.IntN(2) == 0 {
		dst = digits(r, append(dst, '.'), 2)
	}
	return append(append(dst, '@'), domain...), lValid, nil, nil
}

// usccBodyChars are the characters a USCC's organisation code may use: the USCC set, which
// GB 11714's set contains.
const usccBodyChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

func genUSCC(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	var b [18]byte
	b[0], b[1] = '9', '1'
	copy(b[2:8], pick(r, idCounties).code)
	if r.IntN(2) == 0 {
		b[8], b[9] = 'M', 'A'
	} else {
		b[8], b[9] = byte('0'+r.IntN(10)), byte('0'+r.IntN(10))
	}
	for i := 10; i < 16; i++ {
		b[i] = usccBodyChars[r.IntN(len(usccBodyChars))]
	}
	b[16] = orgCheckChar(b[8:16])
	lbl, traits := lValid, []string(nil)
	if r.IntN(100) < 1 {
		b[16] = "0123456789X"[(strings.IndexByte("0123456789X", b[16])+1+r.IntN(10))%11]
		lbl, traits = lFault, []string{"bad_org_code"}
	}
	b[17] = usccCheckChar(b[:17])
	if lbl == lValid && r.IntN(100) < 1 {
		b[17] = usccBodyChars[(strings.IndexByte(usccBodyChars, b[17])+1+r.IntN(30))%31]
		lbl, traits = lFault, []string{"bad_check_char"}
	}
	return append(dst, b[:]...), lbl, traits, nil
}

// orgCheckChar is the GB 11714 check character (STANDARDS §3.3) of an 8-character body.
func orgCheckChar(body []byte) byte {
	weights := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range body {
		v := int(c - '0')
		if c >= 'A' {
			v = int(c-'A') + 10
		}
		sum += v * weights[i]
	}
	return "0123456789X0"[11-sum%11]
}

// usccCheckChar is the GB 32100 check character (STANDARDS §3.2) of the first 17 characters.
func usccCheckChar(first17 []byte) byte {
	sum, w := 0, 1
	for _, c := range first17 {
		sum += strings.IndexByte(usccBodyChars, c) * w
		w = w * 3 % 31
	}
	return usccBodyChars[(31-sum%31)%31]
}

func genOrgCode(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 2 {
		return dst, lEmpty, nil, nil
	}
	var body [8]byte
	for i := range body {
		body[i] = "0123456789ABCDEFGHJKLMNPQRTUWXY"[r.IntN(31)]
	}
	check := orgCheckChar(body[:])
	lbl, traits := lValid, []string(nil)
	if r.IntN(100) < 2 {
		check = "0123456789X"[(strings.IndexByte("0123456789X", check)+1+r.IntN(10))%11]
		lbl, traits = lFault, []string{"bad_check_char"}
	}
	return append(append(append(dst, body[:]...), '-'), check), lbl, traits, nil
}

// luhnDigit completes body to a Luhn-valid number (STANDARDS §3.4). It is written apart from
// checkers/detect on purpose: ground truth computed independently is what lets the labelled
// table catch a detector's check-digit bug instead of sharing it.
func luhnDigit(body []byte) byte {
	sum := 0
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if (len(body)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

func genBankCard(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	switch u := r.IntN(100); {
	case u < 2:
		return dst, lEmpty, nil, nil
	case u < 4:
		return digits(r, append(append(dst, "6222"...), "***********"...), 4), lMasked, nil, nil
	}
	start := len(dst)
	traits := []string{"unionpay"}
	switch r.IntN(5) {
	case 0:
		dst = digits(r, append(dst, '4'), 14) // a 16-digit Visa-style card
		traits = nil
	case 1, 2:
		dst = digits(r, append(dst, "62"...), 13) // 16 digits
	default:
		dst = digits(r, append(dst, "62"...), 16) // 19 digits
	}
	check := luhnDigit(dst[start:])
	if r.IntN(100) < 2 {
		return append(dst, byte('0'+(int(check-'0')+1+r.IntN(9))%10)), lFault, append(traits, "bad_luhn"), nil
	}
	return append(dst, check), lValid, traits, nil
}

var areaCodes = []string{"010", "021", "027", "0571", "0712", "0716"}

func genFixedLine(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 5 {
		return dst, lEmpty, nil, nil
	}
	area := pick(r, areaCodes)
	dst = append(append(dst, area...), '-', byte('2'+r.IntN(8)))
	if len(area) == 3 {
		return digits(r, dst, 7), lValid, nil, nil
	}
	return digits(r, dst, 6+r.IntN(2)), lValid, nil, nil
}

func genIP(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	octet := func(dst []byte, lo int) []byte { return appendDigits(dst, uint64(lo+r.IntN(255-lo)), 1) }
	switch u := r.IntN(100); {
	case u < 2:
		return dst, lEmpty, nil, nil
	case u < 30:
		dst = octet(append(dst, "10."...), 0)
		dst = octet(append(dst, '.'), 0)
		return octet(append(dst, '.'), 1), lValid, []string{"private"}, nil
	case u < 40:
		dst = octet(append(dst, "192.168."...), 0)
		return octet(append(dst, '.'), 1), lValid, []string{"private"}, nil
	case u < 50:
		dst = append(dst, "2001:db8::"...)
		return append(dst, fmt.Sprintf("%x", 1+r.IntN(0xfffe))...), lValid, []string{"ipv6"}, nil
	}
	// Public addresses: first octets outside the private, loopback and link-local ranges.
	dst = appendDigits(dst, uint64(pick(r, []int{36, 58, 101, 111, 202, 218, 221})), 1)
	for range 3 {
		dst = octet(append(dst, '.'), 1)
	}
	return dst, lValid, nil, nil
}

func genPassport(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 10 {
		return dst, lEmpty, nil, nil
	}
	if r.IntN(2) == 0 {
		return digits(r, append(dst, 'E'), 8), lValid, nil, nil
	}
	return digits(r, append(dst, 'E', "ABCDEFGHJKLMNPQRSTUVWXYZ"[r.IntN(24)]), 7), lValid, nil, nil
}

func genHKMOPermit(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 10 {
		return dst, lEmpty, nil, nil
	}
	if r.IntN(3) == 0 {
		return digits(r, append(dst, pick(r, []byte("HM"))), 8), lValid, []string{"home_return"}, nil
	}
	return digits(r, append(dst, 'C'), 8), lValid, nil, nil
}

func genTWPermit(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 10 {
		return dst, lEmpty, nil, nil
	}
	return digits(r, dst, 8), lValid, nil, nil
}

const (
	plateProvinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
	plateSerial    = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
)

func genPlate(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 5 {
		return dst, lEmpty, nil, nil
	}
	prov := []rune(plateProvinces)
	dst = append(dst, string(prov[r.IntN(len(prov))])...)
	dst = append(dst, "ABCDEFGHJKLMNPQ"[r.IntN(15)])
	if r.IntN(4) == 0 {
		dst = append(dst, "DF"[r.IntN(2)], plateSerial[r.IntN(len(plateSerial))])
		return digits(r, dst, 4), lValid, []string{"new_energy"}, nil
	}
	for range 5 {
		dst = append(dst, plateSerial[r.IntN(len(plateSerial))])
	}
	return dst, lValid, nil, nil
}

func genCoordinate(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 3 {
		return dst, lEmpty, nil, nil
	}
	// Wuhan: lat 29.97-31.36, lon 113.68-115.08, six places; quoted, the comma being inside.
	dst = append(dst, '"')
	dst = appendDigits(append(appendDigits(dst, uint64(30+r.IntN(1)), 2), '.'), r.Uint64N(1_000_000), 6)
	dst = append(dst, ',')
	dst = appendDigits(append(appendDigits(dst, uint64(114+r.IntN(1)), 3), '.'), r.Uint64N(1_000_000), 6)
	return append(dst, '"'), lValid, []string{"precise", "pair", "cn_lat_range", "cn_lon_range"}, nil
}

func genPostcode(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 5 {
		return dst, lEmpty, nil, nil
	}
	return digits(r, append(dst, "43"...), 4), lValid, nil, nil
}

// retiredRegions are GB/T 2260 codes withdrawn before the 2020 edition.
var retiredRegions = []string{"110103", "110104", "420101"}

func genRegionCode(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	switch u := r.IntN(100); {
	case u < 2:
		return dst, lEmpty, nil, nil
	case u < 5:
		return append(dst, pick(r, retiredRegions)...), lValid, []string{"retired"}, nil
	}
	return append(dst, pick(r, idCounties).code...), lValid, nil, nil
}

func genName(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 2 {
		return dst, lEmpty, nil, nil
	}
	dst = append(dst, pick(r, surnames)...)
	pool := maleGivenChars
	if r.IntN(2) == 0 {
		pool = femaleGivenChars
	}
	if r.IntN(100) < 3 {
		return append(dst, "**"[:1+r.IntN(2)]...), lMasked, nil, nil
	}
	dst = append(dst, pick(r, pool)...)
	if r.IntN(10) < 7 {
		dst = append(dst, pick(r, pool)...)
	}
	return dst, lValid, nil, nil
}

var (
	wuhanDistricts = []string{"洪山区", "武昌区", "江岸区", "江汉区", "汉阳区", "青山区"}
	wuhanRoads     = []string{"珞喻路", "雄楚大道", "关山大道", "中山路", "解放大道", "民主路"}
)

func genAddress(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	if r.IntN(100) < 3 {
		return dst, lEmpty, nil, nil
	}
	dst = append(append(dst, "湖北省武汉市"...), pick(r, wuhanDistricts)...)
	if r.IntN(100) < 3 {
		return append(dst, "********"...), lMasked, nil, nil
	}
	dst = append(dst, pick(r, wuhanRoads)...)
	dst = append(appendDigits(dst, uint64(1+r.IntN(999)), 1), "号"...)
	dst = append(appendDigits(dst, uint64(1+r.IntN(30)), 1), "栋"...)
	dst = append(appendDigits(dst, uint64(101+r.IntN(2400)), 1), "室"...)
	return dst, lValid, []string{"precise"}, nil
}

var remarks = []string{"已入户核实", "材料齐全", "待复核", "本人申请", "经办人已电话回访"}

// genRemark writes free text, some of it holding a mobile number, an ID number or an e-mail
// address (DESENS-020's evidence).
func genRemark(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	switch u := r.IntN(100); {
	case u < 60:
		return dst, lEmpty, nil, nil
	case u < 65:
		dst = append(dst, "联系电话"...)
		dst = digits(r, append(dst, pick(r, mobilePrefixes)...), 8)
		return append(dst, "，已回访"...), lPlain, nil, []string{"mobile"}
	case u < 68:
		dst = append(dst, "代办人身份证号"...)
		start := len(dst)
		dst = idBody(r, dst)
		return append(dst, idCheckDigit(dst[start:])), lPlain, nil, []string{"cn_resident_id"}
	case u < 70:
		dst = append(dst, "材料已发至"...)
		dst, _, _, _ = genEmailValid(r, dst)
		return dst, lPlain, nil, []string{"email"}
	}
	return append(dst, pick(r, remarks)...), lPlain, nil, nil
}

// genEmailValid writes a valid address (genEmail without its empty and masked values).
func genEmailValid(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	dst = append(dst, latin[r.IntN(len(latin))])
	for range 3 {
		dst = append(dst, latin[r.IntN(len(latin))])
	}
	return append(append(dst, '@'), pick(r, emailDomains)...), lValid, nil, nil
}

func genAmount(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	dst = appendDigits(dst, uint64(1+r.IntN(9999)), 1)
	return appendDigits(append(dst, '.'), uint64(r.IntN(100)), 2), lPlain, nil, nil
}

func genDate(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	return appendDate(dst, rollFirst+int32(r.IntN(int(rollAsOf-rollFirst)))), lPlain, nil, nil
}

// genBatch writes six-digit batch numbers starting with 9: six digits like a region code or a
// postcode, but neither.
func genBatch(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	return digits(r, append(dst, '9'), 5), lPlain, nil, nil
}

// genRatio writes decimals with three places, the form of a coarse coordinate.
func genRatio(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	return appendDigits(append(dst, "0."...), uint64(r.IntN(1000)), 3), lPlain, nil, nil
}

// genOrderNo writes 16-digit order numbers, the length of a bank card; about one in ten passes
// Luhn by chance.
func genOrderNo(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	return digits(r, append(dst, "20"...), 14), lPlain, nil, nil
}

var statuses = []string{"在办", "已办结", "退回补正", "终止"}

func genStatus(r *rand.Rand, dst []byte) ([]byte, label, []string, []string) {
	return append(dst, pick(r, statuses)...), lPlain, nil, nil
}
