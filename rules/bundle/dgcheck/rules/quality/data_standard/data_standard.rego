# METADATA
# title: Values conform to the declared data standard
# description: >-
#   A field that names the data standard its values follow (standard_ref: GB 11643-1999,
#   GB 32100-2015, GB/T 2260, GB/T 2261.1, GB/T 2659.1-2022, or ISO 8601 for dates and times
#   (also named GB/T 7408, whose current edition is GB/T 7408.1-2023), ...) holds
#   values that conform to it, checked with the standard's validator or bundled code table: A of B values conform, X = A/B, and the field
#   fails below thresholds.standard_conformance_min (0.99, a project default). A standard dgcheck
#   has no check for is not measured.
# custom:
#   id: QUAL-001
#   title_zh: '数据值符合声明的数据标准'
#   remediation_zh: '在源头更正不符合标准的值，或注明数据值实际遵循的标准。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 规范性/数据标准
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: warning
#   indicator: normativity
#   remediation: >-
#     Correct the values that do not conform to the standard at the source, or name the standard
#     the values really follow.
package dgcheck.rules.quality.data_standard

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_checks := {"standard"}

measures contains result.measurement(rego.metadata.chain(), concat(":", [column, check]), c.evaluated - c.failed, c.evaluated) if {
	some [column, check, c] in meta.checks(_checks)
}

warning contains finding if {
	some [column, check, c] in meta.checks(_checks)
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.standard_conformance_min
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf("%s: %d of %d values do not conform to %s (X = %s)", [column, c.failed, c.evaluated, c.reference, result.ratio(measure.x)]),
		"message_zh": sprintf("%s：%d 个值中有 %d 个不符合 %s（X = %s）", [column, c.evaluated, c.failed, c.reference, result.ratio(measure.x)]),
		"measure": measure,
		"evidence": {"check": check, "declared": object.get(c, "reference", ""), "evaluated": c.evaluated, "failed": c.failed},
		"samples": c.samples,
	})
}
