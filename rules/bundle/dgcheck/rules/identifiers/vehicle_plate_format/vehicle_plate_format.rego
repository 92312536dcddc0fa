# METADATA
# title: Vehicle plates have a province character, a letter and 5 or 6 characters
# description: >-
#   In each column typed as vehicle plates (detected, or declared validator
#   vehicle_plate_ga36), A of the B non-null, unmasked values are regular (5 serial
#   characters) or new-energy (6) plates with a province character from the bundled, dated
#   table (data/plates.txt), X = A/B; reported below thresholds.format_min.
# custom:
#   id: ID-011
#   title_zh: '机动车号牌由省份简称、一个字母和 5 或 6 个字符组成'
#   remediation_zh: '在源头更正号牌；如 data/plates.txt 缺少新的号牌系列，连同其启用日期一并补充。'
#   standard: GA 36-2018
#   clause: 4 分类、规格、颜色及适用范围 (4.1, new-energy plates); 5 式样; Annex A 发牌机关代号
#   basis: 'T: GA 36-2018 TOC (gb-gbt.com/PDF/Chinese.aspx/GA36-2018), 4.1, 5 and Annex A seen; NF: the plate-composition sub-clause'
#   severity: warning
#   remediation: >-
#     Correct the plates at the source; if a new plate series is missing from data/plates.txt,
#     add it with its date.
package dgcheck.rules.identifiers.vehicle_plate_format

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "vehicle_plate")
	c := identifiers.counts(col, "vehicle_plate")
	details := identifiers.below(
		col, c.matched, identifiers.unmasked(col, "vehicle_plate"), config.thresholds.format_min,
		"values are not vehicle plates",
		["值", "不是机动车号牌号码"],
		{"matched": c.matched, "valid": c.valid, "masked": c.masked},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}
