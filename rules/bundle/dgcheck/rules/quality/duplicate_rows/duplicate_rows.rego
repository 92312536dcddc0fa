# METADATA
# title: Unintended duplicate records are absent
# description: >-
#   No row repeats an earlier row exactly. A of B rows are not such repeats, X = A/B, target 1.
#   Reported as a warning: a repeat can be legitimate (two identical events), so a person
#   decides.
# custom:
#   id: QUAL-011
#   title_zh: '不存在非预期的重复记录'
#   remediation_zh: '删除重复行；如重复属实，增加能区分它们的列（时间戳或序号）。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 准确性/数据重复率
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: warning
#   indicator: accuracy
#   remediation: >-
#     Remove the repeated rows, or, if the repeats are real, add the column that tells them apart
#     (a time stamp or sequence number).
package dgcheck.rules.quality.duplicate_rows

import data.dgcheck.lib.result

warning contains finding if {
	duplicates := input.profile.table.duplicate_rows
	duplicates.count > 0
	rows := input.profile.table.rows
	measure := result.measure(rows - duplicates.count, rows)

	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf(
			"%d of %d rows repeat an earlier row exactly (X = %s)",
			[duplicates.count, rows, result.ratio(measure.x)],
		),
		"message_zh": sprintf(
			"%d 行中有 %d 行与前面某一行完全重复（X = %s）",
			[rows, duplicates.count, result.ratio(measure.x)],
		),
		"measure": measure,
		"evidence": {
			"duplicate_rows": duplicates.count,
			"first_rows": [{"row": s.row, "first_row": s.first_row} | some s in duplicates.samples],
		},
		"samples": [{"row": s.row} | some s in duplicates.samples],
	})
}

measures contains result.measurement(rego.metadata.chain(), "rows", rows - input.profile.table.duplicate_rows.count, rows) if {
	rows := input.profile.table.rows
}
