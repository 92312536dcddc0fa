# METADATA
# title: Record timestamps lie within declared temporal coverage
# description: >-
#   The dates of the dataset's time field (time_field) lie within the temporal coverage the
#   metadata declares (temporal.start..end): A of B dates do, X = A/B, and the field fails below
#   thresholds.temporal_coverage_min (1.0).
# custom:
#   id: QUAL-016
#   title_zh: '记录的时间戳位于声明的时间范围内'
#   remediation_zh: '更正超出时段的日期，或声明记录实际覆盖的时段。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 时效性/基于时间段的正确性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: warning
#   indicator: timeliness
#   remediation: >-
#     Correct the dates outside the period, or declare the period the records really cover.
package dgcheck.rules.quality.temporal_coverage

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_checks := {"temporal_coverage"}

measures contains result.measurement(rego.metadata.chain(), concat(":", [column, check]), c.evaluated - c.failed, c.evaluated) if {
	some [column, check, c] in meta.checks(_checks)
}

warning contains finding if {
	some [column, check, c] in meta.checks(_checks)
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.temporal_coverage_min
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf("%s: %d of %d dates fall outside the declared temporal coverage %s (X = %s)", [column, c.failed, c.evaluated, c.reference, result.ratio(measure.x)]),
		"message_zh": sprintf("%s：%d 个日期中有 %d 个超出声明的时间范围 %s（X = %s）", [column, c.evaluated, c.failed, c.reference, result.ratio(measure.x)]),
		"measure": measure,
		"evidence": {"check": check, "declared": object.get(c, "reference", ""), "evaluated": c.evaluated, "failed": c.failed},
		"samples": c.samples,
	})
}
