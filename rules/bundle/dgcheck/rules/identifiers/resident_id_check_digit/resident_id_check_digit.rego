# METADATA
# title: Citizen ID check digits are valid
# description: >-
#   In each column holding resident ID numbers (declared validator cn_id_gb11643, or detected),
#   the numbers validate: A of the B 18-character numbers have a valid ISO 7064 MOD 11-2 check
#   digit, X = A/B, and the column fails below thresholds.id_check_digit_min. Masked numbers
#   cannot be checked and legacy 15-digit numbers have no check digit: neither is counted.
#   Birth dates (ID-004) and address codes (ID-003) are judged by their own rules.
# custom:
#   id: ID-002
#   title_zh: '公民身份号码校验码有效'
#   remediation_zh: '对照登记簿在源头更正号码：校验码错误几乎总是意味着号码其他位置录入有误。'
#   standard: GB 11643-1999
#   clause: 校验码 (ISO 7064:1983 MOD 11-2); Annex B 校验码字符值计算方法实例
#   basis: 'T: GB 11643-1999 front matter (zh.wikisource.org; blog.csdn.net/chenlu5201314); NF: the 校验码 sub-clause number'
#   severity: error
#   remediation: >-
#     Correct the numbers at the source, checking each against the register: a wrong check digit
#     almost always means a mistyped digit elsewhere in the number.
package dgcheck.rules.identifiers.resident_id_check_digit

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_resident_id")
	ids := col.detectors.cn_resident_id
	traits := object.get(ids, "traits", {})
	full := ids.matched - object.get(traits, "legacy_15", 0)
	bad := object.get(traits, "bad_check_digit", 0)
	measure := result.measure(full - bad, full)
	measure.x < config.thresholds.id_check_digit_min

	finding := result.finding(rego.metadata.chain(), identifiers.judged(col, "cn_resident_id", {
		"column": col.name,
		"message": sprintf(
			"%s: %d of %d resident ID numbers have a wrong check digit (X = %s)",
			[col.name, measure.b - measure.a, measure.b, result.ratio(measure.x)],
		),
		"message_zh": sprintf(
			"%s：%d 个公民身份号码中有 %d 个校验码错误（X = %s）",
			[col.name, measure.b, measure.b - measure.a, result.ratio(measure.x)],
		),
		"measure": measure,
		"evidence": {"matched": ids.matched, "valid": ids.valid, "masked": ids.masked, "bad_check_digit": bad},
		"samples": object.get(ids, "invalid_samples", []),
	}))
}
