# METADATA
# title: Fields that policy says must be masked are masked
# description: >-
#   Every value of a field that declares its masking (fields[].masking) is in the declared
#   masked form: A of B values checked conform, X = A/B, target 1.0. The normativity side of
#   the masking checks (GB/T 36344 安全规范); the masking pattern and leaks themselves are
#   DESENS-003 and DESENS-004's.
# custom:
#   id: QUAL-006
#   title_zh: '按策略须屏蔽的字段已屏蔽'
#   remediation_zh: '发布前按声明屏蔽该字段的每个值（对整列重新运行屏蔽作业），或更正声明的屏蔽模式。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 规范性/安全规范
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: error
#   indicator: normativity
#   remediation: >-
#     Mask every value of the field as declared before release (re-run the masking job over the
#     whole column), or correct the declared pattern.
package dgcheck.rules.quality.masking_rules

import data.dgcheck.lib.result

_checked contains col if {
	some col in input.profile.columns
	not col.masking.error
	col.masking.checked > 0
}

measures contains result.measurement(rego.metadata.chain(), col.name, col.masking.conforming, col.masking.checked) if {
	some col in _checked
}

violation contains finding if {
	some col in _checked
	m := col.masking
	m.conforming < m.checked
	measure := result.measure(m.conforming, m.checked)
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d of %d values are not masked as declared (%s) (X = %s)", [
			col.name, m.checked - m.conforming, m.checked, m.pattern, result.ratio(measure.x),
		]),
		"message_zh": sprintf("%s：%d 个值中有 %d 个未按声明的屏蔽模式 %s 屏蔽（X = %s）", [
			col.name, m.checked, m.checked - m.conforming, m.pattern, result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"pattern": m.pattern, "checked": m.checked, "conforming": m.conforming},
		"samples": m.nonconforming_samples,
	})
}
