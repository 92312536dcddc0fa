package detect

import "fmt"

// The identifier registry: what dgcheck knows of each identifier besides how to detect it,
// in one table keyed by detector name. Everything else that names an identifier derives from
// it or is held to it by a test: the validators a field may declare (checkers), the labels
// and nouns reports print, the rules' data (rules/bundle/dgcheck/identifiers/data.yaml,
// generated from this table), the grading models' types and the masking patterns.

// Words is a text in English and Chinese.
type Words struct {
	En string `json:"en" yaml:"en"`
	Zh string `json:"zh" yaml:"zh"`
}

// Registration is one identifier's entry.
type Registration struct {
	// Label names the type in reports and classify; Noun is the plural finding messages use.
	Label Words
	Noun  Words
	// Validator is the fields[].validator a sidecar declares for a column of it ("" for
	// none).
	Validator string
	// Personal: the identifier singles out a person (a direct identifier of GB/T 37964); the
	// grading models' role for its type is direct. Sensitive: it is sensitive personal
	// information (PIPL art. 28: specific identity, financial accounts). Both are held equal
	// to the default grading model by a test.
	Personal, Sensitive bool
	// Plausibility (below): the traits that make a match implausible, and the share of right
	// check characters by chance (0 without a check character).
	Implausible []string
	CheckChance float64
}

// Plausibility: what tells an identifier from a number of the same shape. An 18-digit order
// number has a resident ID number's structure; what it lacks is a real address code and birth
// date. A wrong check character, by contrast, is what a real identifier typed wrongly has:
// the column still holds identifiers, badly. So for an identifier with a check character the
// traits of a matched value split in two: those that make it implausible as the identifier
// (its parts are not what the standard allows), and the check character's. For one without,
// every check it has is of plausibility (a mobile's segment, a region code's table), so a
// plausible value is a valid one. Column decisions (checkers' Classify, the rules' identifier
// columns) count the plausible values; check-character rules count the wrong check
// characters among them. CheckChance is one over the size of the check alphabet: a column
// whose right check characters are not well above it holds strings that merely have the
// shape.

// Column decisions on plausibility, shared by checkers' classifier and the rules (whose data
// the registry generates): a detector types a column only when PlausibleMin of its matched
// values are plausible, a share real identifiers keep and 11-digit member numbers starting
// with 1 (a third in no operator's segment) do not; and a column's right check characters
// are those of real identifiers only when they are ChanceFactor times chance and ChanceZ
// standard deviations above it. Project defaults: no standard sets them.
const (
	PlausibleMin = 0.9
	ChanceZ      = 3
	ChanceFactor = 2
)

// AboveChance reports whether valid right check characters among n plausible values are more
// than chance (p each) explains.
func AboveChance(valid, n int64, p float64) bool {
	if n == 0 {
		return false
	}
	rate := float64(valid) / float64(n)
	d := rate - p
	return rate >= ChanceFactor*p && d > 0 && d*d*float64(n) >= ChanceZ*ChanceZ*p*(1-p)
}

// Registry holds every detector's entry (a test holds it to All).
var Registry = map[string]Registration{
	"cn_resident_id": {Label: Words{"resident ID", "身份证号"}, Noun: Words{"resident ID numbers", "公民身份号码"},
		Validator: "cn_id_gb11643", Personal: true, Sensitive: true,
		Implausible: []string{"bad_birth_date", "unknown_region"}, CheckChance: 1.0 / 11}, // ISO 7064 MOD 11-2
	"mobile": {Label: Words{"mobile", "手机号"}, Noun: Words{"mobile numbers", "手机号码"},
		Validator: "cn_mobile", Personal: true},
	"email": {Label: Words{"e-mail", "电子邮箱"}, Noun: Words{"e-mail addresses", "电子邮箱地址"},
		Validator: "email", Personal: true},
	"cn_uscc": {Label: Words{"unified social credit code", "统一社会信用代码"}, Noun: Words{"unified social credit codes", "统一社会信用代码"},
		Validator: "cn_uscc_gb32100", Implausible: []string{"bad_authority", "unknown_region"}, CheckChance: 1.0 / 31}, // GB 32100 mod 31
	"cn_org_code": {Label: Words{"organisation code", "组织机构代码"}, Noun: Words{"organisation codes", "组织机构代码"},
		Validator: "cn_org_gb11714", CheckChance: 1.0 / 11}, // GB 11714 mod 11
	"bank_card": {Label: Words{"bank card", "银行卡号"}, Noun: Words{"bank card numbers", "银行卡号"},
		Validator: "bank_card_luhn", Personal: true, Sensitive: true,
		Implausible: []string{"unknown_issuer"}, CheckChance: 1.0 / 10}, // Luhn
	"fixed_line": {Label: Words{"fixed-line phone", "固定电话"}, Noun: Words{"fixed-line phone numbers", "固定电话号码"},
		Personal: true},
	"ip_address": {Label: Words{"IP address", "IP 地址"}, Noun: Words{"IP addresses", "IP 地址"},
		Validator: "ip_address"},
	"cn_passport": {Label: Words{"passport", "护照号"}, Noun: Words{"passport numbers", "护照号码"},
		Validator: "cn_passport", Personal: true, Sensitive: true},
	"hkmo_permit": {Label: Words{"HK/Macao permit", "港澳通行证"}, Noun: Words{"HK/Macao permit numbers", "港澳通行证号码"},
		Validator: "hkmo_permit", Personal: true, Sensitive: true},
	"tw_permit": {Label: Words{"Taiwan permit", "台湾通行证"}, Noun: Words{"Taiwan permit numbers", "台湾通行证号码"},
		Validator: "tw_permit", Personal: true, Sensitive: true},
	"vehicle_plate": {Label: Words{"vehicle plate", "车牌号"}, Noun: Words{"vehicle plates", "车牌号"},
		Validator: "vehicle_plate_ga36", Personal: true},
	"coordinate": {Label: Words{"coordinates", "坐标"}, Noun: Words{"coordinates", "坐标"},
		Validator: "coordinate", Sensitive: true}, // precise ones: whereabouts (PIPL art. 28)
	"postcode": {Label: Words{"postcode", "邮政编码"}, Noun: Words{"postcodes", "邮政编码"},
		Validator: "postcode"},
	"cn_region_code": {Label: Words{"region code", "行政区划代码"}, Noun: Words{"region codes", "行政区划代码"},
		Validator: "cn_region_gbt2260"},
	"person_name": {Label: Words{"person name", "姓名"}, Noun: Words{"person names", "姓名"},
		Personal: true},
	"address": {Label: Words{"address", "地址"}, Noun: Words{"addresses", "地址"},
		Personal: true},
	"iban": {Label: Words{"IBAN", "国际银行账号"}, Noun: Words{"IBANs", "国际银行账号"},
		Validator: "iban_iso13616", Personal: true, Sensitive: true, CheckChance: 1.0 / 97}, // ISO 7064 MOD 97-10
}

// Implausible is the set of traits that make a matched value implausible as d's identifier.
func (d *Detector) Implausible() Traits { return d.implausible }

// Plausible reports whether r is a plausible match: for an identifier with a check character,
// a match with none of d's implausible traits; for one without, a valid match.
func (d *Detector) Plausible(r Result) bool {
	if d.chance == 0 {
		return r.Valid
	}
	return r.Match && r.Traits&d.implausible == 0
}

// CheckChance is the share of d's structural matches whose check character is right by
// chance, or 0 when d's identifier has no check character.
func (d *Detector) CheckChance() float64 { return d.chance }

// ValidatorDetector is the detector a field's declared validator names, or "".
func ValidatorDetector(validator string) string {
	for name, r := range Registry {
		if validator != "" && r.Validator == validator {
			return name
		}
	}
	return ""
}

func init() {
	for i := range All {
		d := &All[i]
		reg, ok := Registry[d.Name]
		if !ok {
			panic(fmt.Sprintf("detect: detector %s has no registry entry", d.Name))
		}
		d.chance = reg.CheckChance
		for _, name := range reg.Implausible {
			bit := -1
			for b, t := range d.Traits {
				if t == name {
					bit = b
				}
			}
			if bit < 0 {
				panic(fmt.Sprintf("detect: registry names trait %s, which detector %s has not", name, d.Name))
			}
			d.implausible |= 1 << bit
		}
	}
}
