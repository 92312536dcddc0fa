# METADATA
# title: Type, length, precision and pattern conform
# description: >-
#   Every value has the type its field declares (integer, number, boolean, ISO 8601 date or
#   date-time): A of B values do, X = A/B, and the field fails below
#   thresholds.format_compliance_min (1.0). The samples locate the offending rows (Table Schema's
#   type errors); lengths and patterns are QUAL-003's, precision QUAL-021's.
# custom:
#   id: QUAL-010
#   title_zh: '类型、长度、精度和格式符合规范'
#   remediation_zh: '在源头更正不符合声明类型的值（数值列中的文本、日期列中的 2025/7/5）。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 准确性/数据格式合规性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: error
#   indicator: accuracy
#   remediation: >-
#     Correct the values that are not of the declared type (text in a number column, 2025/7/5 in
#     a date column) at the source.
package dgcheck.rules.quality.format_compliance

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_checks := {"type"}

measures contains result.measurement(rego.metadata.chain(), concat(":", [column, check]), c.evaluated - c.failed, c.evaluated) if {
	some [column, check, c] in meta.checks(_checks)
}

violation contains finding if {
	some [column, check, c] in meta.checks(_checks)
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.format_compliance_min
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf("%s: %d of %d values are not of the declared type %s (X = %s)", [column, c.failed, c.evaluated, c.reference, result.ratio(measure.x)]),
		"message_zh": sprintf("%s：%d 个值中有 %d 个不是声明的类型 %s（X = %s）", [column, c.evaluated, c.failed, c.reference, result.ratio(measure.x)]),
		"measure": measure,
		"evidence": {"check": check, "declared": object.get(c, "reference", ""), "evaluated": c.evaluated, "failed": c.failed},
		"samples": c.samples,
	})
}
