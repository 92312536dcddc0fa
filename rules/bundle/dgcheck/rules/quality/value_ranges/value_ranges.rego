# METADATA
# title: Values fall in declared ranges and domains
# description: >-
#   Numbers and dates lie within the minimum and maximum their field declares (constraints
#   minimum, maximum, and the exclusive bounds exclusive_minimum and exclusive_maximum that the
#   values must not reach): per field and bound, A of B values respect it, X = A/B, and it fails
#   below thresholds.range_min (1.0).
# custom:
#   id: QUAL-009
#   title_zh: '数据值落在声明的范围和值域内'
#   remediation_zh: '在源头核查超出范围的值（小数点错位、日期世纪错误）；如值属实，则放宽声明的范围。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 准确性/数据内容正确性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: warning
#   indicator: accuracy
#   remediation: >-
#     Check the values outside the range at the source (a misplaced decimal point, a date in the
#     wrong century), or widen the declared range if they are real.
package dgcheck.rules.quality.value_ranges

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_checks := {"minimum", "maximum", "exclusive_minimum", "exclusive_maximum"}

measures contains result.measurement(rego.metadata.chain(), concat(":", [column, check]), c.evaluated - c.failed, c.evaluated) if {
	some [column, check, c] in meta.checks(_checks)
}

warning contains finding if {
	some [column, check, c] in meta.checks(_checks)
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.range_min
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf("%s: %d of %d values are %s the declared %s %s (X = %s)", [column, c.failed, c.evaluated, _side[check], check, c.reference, result.ratio(measure.x)]),
		"message_zh": sprintf("%s：%d 个值中有 %d 个%s声明的%s %s（X = %s）", [column, c.evaluated, c.failed, _side_zh[check], _check_zh[check], c.reference, result.ratio(measure.x)]),
		"measure": measure,
		"evidence": {"check": check, "declared": object.get(c, "reference", ""), "evaluated": c.evaluated, "failed": c.failed},
		"samples": c.samples,
	})
}

_side := {"minimum": "below", "maximum": "above", "exclusive_minimum": "at or below", "exclusive_maximum": "at or above"}

_side_zh := {"minimum": "低于", "maximum": "高于", "exclusive_minimum": "小于或等于", "exclusive_maximum": "大于或等于"}

_check_zh := {"minimum": "最小值", "maximum": "最大值", "exclusive_minimum": "开区间下限", "exclusive_maximum": "开区间上限"}
