# METADATA
# title: Time order within an entity holds (created ≤ updated ≤ closed)
# description: >-
#   The dates each row carries follow the order the metadata declares (temporal_order, e.g.
#   [birth_date, start_date]: no one is admitted before birth): A of B rows with at least two of
#   the dates are in order, X = A/B, and the order fails below thresholds.temporal_order_min
#   (1.0).
# custom:
#   id: QUAL-018
#   title_zh: '同一实体内的时间顺序成立（创建 ≤ 更新 ≤ 关闭）'
#   remediation_zh: '在源头更正顺序错误的日期（日与月颠倒、日期填错字段）。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 时效性/时序性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: warning
#   indicator: timeliness
#   remediation: >-
#     Correct the dates that are out of order at the source (a swapped day and month, a date
#     typed in the wrong field).
package dgcheck.rules.quality.temporal_order

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

measures contains result.measurement(rego.metadata.chain(), c.name, c.evaluated - c.failed, c.evaluated) if {
	some c in meta.row_checks("temporal_order")
}

warning contains finding if {
	some c in meta.row_checks("temporal_order")
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.temporal_order_min
	finding := result.finding(rego.metadata.chain(), {
		"column": concat(",", c.columns),
		"message": sprintf("%d of %d rows have dates out of the declared order %s (X = %s)", [c.failed, c.evaluated, c.name, result.ratio(measure.x)]),
		"message_zh": sprintf("%d 行中有 %d 行的日期不符合声明的先后顺序 %s（X = %s）", [c.evaluated, c.failed, c.name, result.ratio(measure.x)]),
		"measure": measure,
		"evidence": {"name": c.name, "columns": c.columns, "evaluated": c.evaluated, "failed": c.failed},
		"samples": c.samples,
	})
}
