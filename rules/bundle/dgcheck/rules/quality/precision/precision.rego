# METADATA
# title: Numeric and coordinate precision matches the declared precision
# description: >-
#   A field that declares its precision (precision: decimal places) carries no more decimal
#   places than that: A of B numeric values do, X = A/B, target 1. More places than declared
#   mean a false precision (an amount to 0.001 元) or a coordinate more precise than the
#   metadata admits.
# custom:
#   id: QUAL-021
#   title_zh: '数值和坐标精度与声明的精度一致'
#   remediation_zh: '将数值舍入到声明的小数位数，或声明数据实际具有的精度。'
#   standard: ISO/IEC 25012:2008
#   clause: precision characteristic
#   basis: 'T: ISO/IEC 25012:2008 abstract, 15 characteristics (standards.iteh.ai); S: their names (JDA-DM/GIF guidebook); NF: a clause number'
#   severity: info
#   remediation: >-
#     Round the values to the declared decimal places, or declare the precision they really
#     have.
package dgcheck.rules.quality.precision

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	some field in input.metadata.fields
	is_number(field.precision)
	col := meta.column(field.name)
	places := col.forms.decimal_places
	numbers := sum([n | some _, n in places])
	excess := sum([n | some p, n in places; to_number(p) > field.precision])
	excess > 0
	measure := result.measure(numbers - excess, numbers)
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d of %d numbers have more than the declared %d decimal places (X = %s)", [
			col.name, excess, numbers, field.precision, result.ratio(measure.x),
		]),
		"message_zh": sprintf("%s：%d 个数值中有 %d 个的小数位数超过声明的 %d 位（X = %s）", [
			col.name, numbers, excess, field.precision, result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"precision": field.precision, "decimal_places": places},
	})
}
