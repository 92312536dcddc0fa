# METADATA
# title: Data conforms to its metadata definitions (length, pattern, enum)
# description: >-
#   Values meet the lengths, pattern and enumeration their field declares (constraints
#   min_length, max_length, pattern, enum; Table Schema constraints): per field and constraint, A
#   of B values meet it, X = A/B, and it fails below thresholds.metadata_conformance_min (1.0).
#   Empty values are not evaluated: required-ness is QUAL-007's.
# custom:
#   id: QUAL-003
#   title_zh: '数据符合其元数据定义（长度、格式、枚举值）'
#   remediation_zh: '更正违反字段定义的值；如数据正确，则更正定义（更大的 max_length、补充缺失的枚举值）。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 规范性/元数据
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: error
#   indicator: normativity
#   remediation: >-
#     Correct the values that break the field's definition, or correct the definition (a longer
#     max_length, a missing enum value) if the data is right.
package dgcheck.rules.quality.metadata_conformance

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_checks := {"min_length", "max_length", "pattern", "enum"}

_check_zh := {"min_length": "最小长度", "max_length": "最大长度", "pattern": "格式模式", "enum": "枚举值"}

measures contains result.measurement(rego.metadata.chain(), concat(":", [column, check]), c.evaluated - c.failed, c.evaluated) if {
	some [column, check, c] in meta.checks(_checks)
}

violation contains finding if {
	some [column, check, c] in meta.checks(_checks)
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.metadata_conformance_min
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf("%s: %d of %d values break the declared %s (%s) (X = %s)", [column, c.failed, c.evaluated, check, c.reference, result.ratio(measure.x)]),
		"message_zh": sprintf("%s：%d 个值中有 %d 个不符合声明的%s %s（X = %s）", [column, c.evaluated, c.failed, _check_zh[check], c.reference, result.ratio(measure.x)]),
		"measure": measure,
		"evidence": {"check": check, "declared": object.get(c, "reference", ""), "evaluated": c.evaluated, "failed": c.failed},
		"samples": c.samples,
	})
}
