# METADATA
# title: Masked mobile numbers hide at least 4 middle digits (3-****-4)
# description: >-
#   In a mobile column, every masked 11-character value hides at least positions 4-7 (the
#   convention 138****1234 or stricter), and so does the declared masking pattern.
# custom:
#   id: DESENS-006
#   title_zh: '屏蔽后的手机号码至少隐藏中间 4 位（3-****-4）'
#   remediation_zh: '按 mobile_3_4_4 屏蔽手机号码（138****1234），或隐藏更多位数。'
#   standard: Industry masking convention (STANDARDS.md §4)
#   clause: convention, not a national-standard clause
#   basis: 'S: masking conventions several codebases share (STANDARDS.md §4: ruoyi-tdesign-doc, DesensitizedUtil copies); no national standard fixes them'
#   severity: warning
#   remediation: Mask mobile numbers as mobile_3_4_4 (138****1234) or hide more.
package dgcheck.rules.desensitisation.mobile_middle_hidden

import data.dgcheck.lib.desens
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

_middle := desens.policy.mobile_hidden_positions

warning contains finding if {
	some col in input.profile.columns
	profile.identifier_column(col, "mobile")
	shapes := desens.revealing_shapes(col, 11, _middle[0], _middle[1])
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d masked mobile numbers (shapes %s) show some of positions %d-%d", [
			col.name, shapes.count, concat(", ", shapes.shapes), _middle[0], _middle[1],
		]),
		"message_zh": sprintf("%s：%d 个屏蔽后的手机号码（形式 %s）显示了第 %d-%d 位中的部分数字", [
			col.name, shapes.count, concat(", ", shapes.shapes), _middle[0], _middle[1],
		]),
		"evidence": {"revealing": shapes.count, "shapes": shapes.shapes},
		"samples": shapes.samples,
	})
}

warning contains finding if {
	some col in input.profile.columns
	m := col.masking
	m.data == "mobile"
	m.length == 11
	desens.reveals(m.kept, _middle[0], _middle[1])
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: the declared masking pattern %s keeps some of positions %d-%d of the mobile numbers", [col.name, m.pattern, _middle[0], _middle[1]]),
		"message_zh": sprintf("%s：声明的屏蔽模式 %s 保留了手机号码第 %d-%d 位中的部分数字", [col.name, m.pattern, _middle[0], _middle[1]]),
		"evidence": {"pattern": m.pattern, "kept": m.kept},
	})
}
