# METADATA
# title: Records are complete; declared record count matches
# description: >-
#   Every row populates every required field (fields[].nullable: false): A of B rows do, X =
#   A/B, and the dataset fails below thresholds.record_completeness_min (1.0). A value is
#   missing when it is null, blank, a missing-value token (NULL, 无, ...) or a declared missing
#   value. QUAL-007 measures each field; this measures whole records. The declared record count
#   is PUB-005's.
# custom:
#   id: QUAL-008
#   title_zh: '记录完整；声明的记录数与实际一致'
#   remediation_zh: '在源头补全记录，或对记录可合理缺失的字段声明 nullable: true。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 完整性/数据记录完整性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: error
#   indicator: completeness
#   remediation: >-
#     Complete the records at the source, or declare nullable: true for fields a record may
#     legitimately lack.
package dgcheck.rules.quality.record_completeness

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

measures contains result.measurement(rego.metadata.chain(), c.name, c.evaluated - c.failed, c.evaluated) if {
	some c in meta.row_checks("record_completeness")
}

violation contains finding if {
	some c in meta.row_checks("record_completeness")
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.record_completeness_min
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%d of %d rows lack a required field (%s) (X = %s)", [c.failed, c.evaluated, concat(", ", c.columns), result.ratio(measure.x)]),
		"message_zh": sprintf("%d 行中有 %d 行缺少必填字段（%s）的值（X = %s）", [c.evaluated, c.failed, concat(", ", c.columns), result.ratio(measure.x)]),
		"measure": measure,
		"evidence": {"name": c.name, "columns": c.columns, "evaluated": c.evaluated, "failed": c.failed},
		"samples": c.samples,
	})
}
