package detect

import (
	"strings"
	"testing"
)

// The worked examples of STANDARDS.md §3 and the masking examples of §4, each step asserted.

func TestStandards31ResidentIDWorkedExample(t *testing.T) {
	const id = "11010519491231002X"
	// Products 7, 9, 0, 5, 0, 20, 2, 9, 24, 27, 7, 18, 30, 5, 0, 0, 4 → S = 167.
	want := []int{7, 9, 0, 5, 0, 20, 2, 9, 24, 27, 7, 18, 30, 5, 0, 0, 4}
	sum := 0
	for i := range 17 {
		p := int(id[i]-'0') * int(idWeights[i])
		if p != want[i] {
			t.Errorf("product %d = %d, want %d", i+1, p, want[i])
		}
		sum += p
	}
	if sum != 167 || sum%11 != 2 {
		t.Errorf("S = %d (mod 11 = %d), want 167 (2)", sum, sum%11)
	}
	if (sum+10)%11 != 1 {
		t.Errorf("ISO 7064 form: (S + 10) mod 11 = %d, want 1", (sum+10)%11)
	}
	if c := CheckDigit(id); c != 'X' {
		t.Errorf("check digit %c, want X", c)
	}
	if r := ResidentID(id); !r.Valid {
		t.Errorf("%s: %+v, want valid", id, r)
	}
	if r := ResidentID(id[:17] + "1"); r.Valid || !r.Traits.Has(IDBadCheckDigit) {
		t.Errorf("check 1: %+v, want a wrong check digit", r)
	}
	// Weights are 2^(18-i) mod 11.
	for i := range 17 {
		w := 1
		for range 18 - (i + 1) {
			w = w * 2 % 11
		}
		if int(idWeights[i]) != w {
			t.Errorf("weight %d = %d, closed form %d", i+1, idWeights[i], w)
		}
	}
}

func TestStandards32USCCWorkedExample(t *testing.T) {
	// Organisation-code check of MA01ABCD is 5, so the subject identifier is MA01ABCD5.
	if c := OrgCodeCheckChar("MA01ABCD"); c != '5' {
		t.Errorf("GB 11714 check of MA01ABCD = %c, want 5", c)
	}
	first17 := "91110108MA01ABCD5"
	wantValues := []int{9, 1, 1, 1, 0, 1, 0, 8, 21, 10, 0, 1, 10, 11, 12, 13, 5}
	wantProducts := []int{9, 3, 9, 27, 0, 26, 0, 136, 420, 290, 0, 13, 80, 264, 120, 390, 140}
	sum := 0
	for i := range 17 {
		v := int(usccValue[first17[i]])
		if v != wantValues[i] {
			t.Errorf("value %d = %d, want %d", i+1, v, wantValues[i])
		}
		if p := v * usccWeights[i]; p != wantProducts[i] {
			t.Errorf("product %d = %d, want %d", i+1, p, wantProducts[i])
		}
		sum += v * usccWeights[i]
	}
	if sum != 1927 || sum%31 != 5 || 31-sum%31 != 26 {
		t.Errorf("S = %d, S mod 31 = %d, want 1927, 5 (C = 26)", sum, sum%31)
	}
	if c := USCCCheckChar(first17); c != 'T' {
		t.Errorf("check character %c, want T", c)
	}
	if r := USCC("91110108MA01ABCD5T"); !r.Valid {
		t.Errorf("91110108MA01ABCD5T: %+v, want valid", r)
	}
	// Weights are 3^(i-1) mod 31.
	w := 1
	for i := range 17 {
		if usccWeights[i] != w {
			t.Errorf("weight %d = %d, closed form %d", i+1, usccWeights[i], w)
		}
		w = w * 3 % 31
	}
	// The real-world note: 91350203M0001QAY9B recomputes to 9, not B.
	if c := USCCCheckChar("91350203M0001QAY9"); c != '9' {
		t.Errorf("check of 91350203M0001QAY9 = %c, want 9", c)
	}
	if r := USCC("91350203M0001QAY9B"); r.Valid || !r.Traits.Has(USCCBadCheckChar) {
		t.Errorf("91350203M0001QAY9B: %+v, want a wrong check character", r)
	}
	// The 31-character set leaves out I, O, S, V and Z.
	for _, c := range "IOSVZ" {
		if strings.ContainsRune(usccChars, c) {
			t.Errorf("%c in the USCC character set", c)
		}
	}
}

func TestStandards33OrgCodeWorkedExamples(t *testing.T) {
	// D2143569: values 13, 2, 1, 4, 3, 5, 6, 9; products 39, 14, 9, 40, 15, 40, 24, 18; S = 199.
	body := "D2143569"
	wantProducts := []int{39, 14, 9, 40, 15, 40, 24, 18}
	sum := 0
	for i := range 8 {
		v := strings.IndexByte("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", body[i])
		if p := v * orgWeights[i]; p != wantProducts[i] {
			t.Errorf("product %d = %d, want %d", i+1, p, wantProducts[i])
		}
		sum += v * orgWeights[i]
	}
	if sum != 199 || sum%11 != 1 {
		t.Errorf("S = %d (mod 11 = %d), want 199 (1)", sum, sum%11)
	}
	if c := OrgCodeCheckChar(body); c != 'X' {
		t.Errorf("check of D2143569 = %c, want X", c)
	}
	if r := OrgCode("D2143569-X"); !r.Valid {
		t.Errorf("D2143569-X: %+v, want valid", r)
	}
	// MA01ABCD: S = 358, 358 mod 11 = 6, C = 5.
	if c := OrgCodeCheckChar("MA01ABCD"); c != '5' {
		t.Errorf("check of MA01ABCD = %c, want 5", c)
	}
	// The pitfall STANDARDS warns of: the remainder is not the check digit.
	if c := OrgCodeCheckChar("MA01ABCD"); c == '6' {
		t.Error("check equals the remainder: the implementation pitfall of §3.3")
	}
}

func TestStandards34LuhnWorkedExamples(t *testing.T) {
	if c := LuhnCheckDigit("7992739871"); c != '3' {
		t.Errorf("Luhn check of 7992739871 = %c, want 3", c)
	}
	if !luhn("79927398713") {
		t.Error("79927398713 fails Luhn")
	}
	if c := LuhnCheckDigit("622202123456789012"); c != '8' {
		t.Errorf("Luhn check of 622202123456789012 = %c, want 8", c)
	}
	r := BankCard("6222021234567890128")
	if !r.Valid || !r.Traits.Has(CardUnionPay) {
		t.Errorf("6222021234567890128: %+v, want a valid UnionPay card", r)
	}
}

func TestStandards35Phones(t *testing.T) {
	for s, want := range map[string]bool{"13812345678": true, "+8613812345678": true, "12812345678": false} {
		if got := Mobile(s).Match; got != want {
			t.Errorf("loose format %q: %v, want %v", s, got, want)
		}
	}
	// Allocation is data: 192 (China Broadnet) allocated, 140-series 142 not.
	if !Mobile("19212345678").Valid || Mobile("14212345678").Valid {
		t.Error("segment table disagrees with §3.5")
	}
	for s, want := range map[string]bool{"0571-87654321": true, "057187654321": true, "010-8765432": false} {
		if got := FixedLine(s).Valid; got != want {
			t.Errorf("fixed line %q valid %v, want %v", s, got, want)
		}
	}
}

func TestStandards36Plates(t *testing.T) {
	for s, want := range map[string]Traits{"京A12345": 0, "鄂A12345D": PlateNewEnergy, "鄂AD12345": PlateNewEnergy, "粤B1234挂": 0} {
		if r := VehiclePlate(s); !r.Valid || r.Traits != want {
			t.Errorf("%s: %+v", s, r)
		}
	}
}

func TestStandards37Documents(t *testing.T) {
	for _, s := range []string{"E12345678", "EA1234567", "DE1234567", "G12345678", "S1234567", "P1234567"} {
		if !Passport(s).Valid {
			t.Errorf("passport %s rejected", s)
		}
	}
	for _, s := range []string{"C12345678", "CA1234567", "W12345678", "H12345678", "M1234567890"} {
		if !HKMOPermit(s).Valid {
			t.Errorf("permit %s rejected", s)
		}
	}
	if !TWPermit("12345678").Valid {
		t.Error("Taiwan permit rejected")
	}
}

func TestStandards38Coordinates(t *testing.T) {
	// 4 decimal places are precise (about 11 m), 3 are not (about 110 m).
	if r := Coordinate("30.5928"); !r.Traits.Has(CoordPrecise) {
		t.Errorf("4 places: %+v", r)
	}
	if r := Coordinate("30.593"); r.Traits.Has(CoordPrecise) {
		t.Errorf("3 places: %+v", r)
	}
	// The China box: lon 73.4-135.1, lat 3.8-53.6.
	for s, want := range map[string]Traits{"73.4000": CoordCNLon, "135.1000": CoordCNLon, "135.1001": 0, "53.6000": CoordCNLat, "3.7999": 0} {
		if got := Coordinate(s).Traits & (CoordCNLat | CoordCNLon); got != want {
			t.Errorf("%s: China traits %b, want %b", s, got, want)
		}
	}
	if !Postcode("430074").Valid || Postcode("930074").Valid {
		t.Error("postcode heuristic ^[0-8]\\d{5}$ not followed")
	}
}

func TestStandards4MaskingExamples(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"11010519491231002X", "110105********002X"},
		{"13812341234", "138****1234"},
		{"057187654334", "0571******34"},
		{"张三", "张*"},
		{"北京市海淀区中关村大街27号", "北京市海淀区********"},
		{"dong@126.com", "d***@126.com"},
		{"苏D4A5B0", "苏D4***0"},
		{"陕A12345D", "陕A1****D"},
		{"10.1.2.3", "10.*.*.*"},
		{"2001:db8::1", "2001:*:*:*:*:*:*:*"},
	} {
		if got := Mask(c.in); got != c.want {
			t.Errorf("Mask(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// The §4 forms written by others are recognised as masked.
	for name, forms := range map[string][]string{
		"cn_resident_id": {"110105********002X", "110***********002X", "1****************X"},
		"mobile":         {"138****1234"},
		"fixed_line":     {"0571******34"},
		"bank_card":      {"6222 **** **** **** 128"},
		"person_name":    {"张*", "张*丰", "欧阳**"},
		"address":        {"北京市海淀区********"},
		"email":          {"d**@126.com"},
		"vehicle_plate":  {"苏D4***0", "陕A1****D"},
		"ip_address":     {"10.*.*.*", "2001:*:*:*:*:*:*:*"},
	} {
		d := All[Index(name)]
		for _, f := range forms {
			if !d.Detect(f).Masked {
				t.Errorf("%s does not recognise §4's %q as masked", name, f)
			}
		}
	}
}

func TestDataEditions(t *testing.T) {
	for table, ed := range Editions {
		if len(ed) < 4 || ed[0] < '1' || ed[0] > '2' {
			t.Errorf("%s: edition %q is not a date", table, ed)
		}
	}
	if n := len(refRegions); n < 4000 {
		t.Errorf("GB/T 2260 table has %d codes", n)
	}
	for _, code := range []string{"420111", "420106", "420102", "420103", "420104", "420105", "420107", "420115", "420116", "420117", "421126", "422801"} {
		if known, _ := RegionKnown(code); !known {
			t.Errorf("%s (a county of the synthetic roll) is not in the table", code)
		}
	}
}
