# METADATA
# title: A column declared masked conforms 100% to its masking pattern
# description: >-
#   A field declares a masking pattern (fields[].masking.pattern, one of the named conventions
#   of STANDARDS.md §4, or a regex of its own). A of the B present values match the pattern,
#   X = A/B, and anything below 1 is a finding, with the non-conforming rows masked. The
#   declared pattern must also be one the policy allows for what it masks under the dataset's
#   open type (desensitisation.allowed_masks), and it must be known or compile.
# custom:
#   id: DESENS-003
#   title_zh: '声明已屏蔽的列 100% 符合其屏蔽模式'
#   remediation_zh: '按声明的模式屏蔽该列的每个值（重新运行导出时的屏蔽），或将声明更正为实际使用的模式，并选择策略允许的模式。'
#   standard: Industry masking convention (STANDARDS.md §4); GB/T 36344-2018; GB/T 35273-2020; JR/T 0171-2020
#   clause: convention, not a national-standard clause; GB/T 36344-2018 5 指标说明, indicator 规范性/安全规范; GB/T 35273-2020 7.2 个人信息的展示限制; JR/T 0171-2020 Annex A 信息屏蔽
#   basis: 'S: the masking patterns (STANDARDS.md §4); T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), GB/T 35273-2020 TOC (web.tlawyer.cn) and JR/T 0171-2020 TOC (jinmi8.com/doc/9508/25676); NF: the content of JR/T 0171 Annex A'
#   severity: error
#   remediation: >-
#     Mask every value of the column with the declared pattern (re-run the export's masking),
#     or correct the declaration to the pattern actually used, choosing one the policy allows.
package dgcheck.rules.desensitisation.masking_conformance

import data.dgcheck.lib.desens
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	m := col.masking
	measure := result.measure(m.conforming, m.checked)
	measure.x < 1
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d of %d present values do not match the declared masking pattern %s (X = %s)", [
			col.name, measure.b - measure.a, measure.b, m.pattern, result.ratio(measure.x),
		]),
		"message_zh": sprintf("%s：%d 个非空值中有 %d 个不符合声明的屏蔽模式 %s（X = %s）", [
			col.name, measure.b, measure.b - measure.a, m.pattern, result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"pattern": m.pattern, "regex": m.regex, "checked": m.checked, "conforming": m.conforming},
		"samples": m.nonconforming_samples,
	})
}

violation contains finding if {
	some col in input.profile.columns
	col.masking.error != ""
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %s, so no value could be checked", [col.name, col.masking.error]),
		"message_zh": sprintf("%s：%s，因此无法检查任何值", [col.name, col.masking.error]),
		"evidence": {"pattern": col.masking.pattern},
	})
}

violation contains finding if {
	some col in input.profile.columns
	m := col.masking
	allowed := _allowed[m.data]
	not m.pattern in allowed
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: the declared masking pattern %s is not one the policy allows for %s in %s data (allowed: %s)", [
			col.name, m.pattern, m.data, _open_type, concat(", ", allowed),
		]),
		"message_zh": sprintf("%s：声明的屏蔽模式 %s 不是策略允许用于%s数据中 %s 的模式（允许：%s）", [
			col.name, m.pattern, _open_type, m.data, concat(", ", allowed),
		]),
		"evidence": {"pattern": m.pattern, "data": m.data, "open_type": _open_type, "allowed": allowed},
	})
}

_open_type := object.get(input.metadata, ["cn", "open_type"], "")

_allowed := desens.policy.allowed_masks[_open_type]

_allowed := desens.policy.allowed_masks["default"] if not desens.policy.allowed_masks[_open_type]
