# METADATA
# title: 'Citizen ID numbers have 18 characters: 17 digits and a check character'
# description: >-
#   In each column holding resident ID numbers (declared validator cn_id_gb11643, or
#   detected), A of the B non-null, unmasked values have the 18-character structure of GB
#   11643-1999, X = A/B; legacy 15-digit numbers and values of any other form count against
#   it. The column fails below thresholds.id_structure_min.
# custom:
#   id: ID-001
#   title_zh: '公民身份号码为 18 位：17 位数字加 1 位校验码'
#   remediation_zh: '在源头更正或补全号码；将 15 位旧号码升位为 18 位（在第 6 位后插入 19 并计算校验码）。'
#   standard: GB 11643-1999
#   clause: chapter 号码的结构和表示形式; Annex A 公民身份号码实例
#   basis: 'T: GB 11643-1999 front matter (zh.wikisource.org; blog.csdn.net/chenlu5201314), the chapter named in the scope; NF: its chapter number'
#   severity: error
#   remediation: >-
#     Correct or complete the numbers at the source; upgrade legacy 15-digit numbers to 18
#     digits (insert 19 after position 6 and compute the check digit).
package dgcheck.rules.identifiers.resident_id_structure

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_resident_id")
	c := identifiers.counts(col, "cn_resident_id")
	legacy := identifiers.trait(col, "cn_resident_id", "legacy_15")
	details := identifiers.below(
		col, c.matched - legacy, identifiers.unmasked(col, "cn_resident_id"), config.thresholds.id_structure_min,
		"non-null, unmasked values are not 18-character resident ID numbers",
		["非空且未屏蔽的值", "不是 18 位公民身份号码"],
		{"matched": c.matched, "legacy_15": legacy, "masked": c.masked, "non_null": identifiers.unmasked(col, "cn_resident_id") + c.masked},
		[],
	)
	finding := result.finding(rego.metadata.chain(), details)
}
