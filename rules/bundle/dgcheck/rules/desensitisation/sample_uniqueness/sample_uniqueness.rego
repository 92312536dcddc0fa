# METADATA
# title: The share of records unique on the quasi-identifiers stays at or below the threshold
# description: >-
#   In data that leaves its holder, the share of rows alone in their equivalence class
#   (sample uniqueness, STANDARDS.md §5) is at most thresholds.sample_uniqueness_max_open for
#   data opened unconditionally and thresholds.sample_uniqueness_max otherwise. A unique row
#   is a person a prosecutor who knows the quasi-identifiers can single out.
# custom:
#   id: DESENS-014
#   title_zh: '在准标识符上唯一的记录比例不超过阈值'
#   remediation_zh: '泛化或删除记录，直至没有（开放数据）或仅有少量行在准标识符上唯一。'
#   standard: GB/T 42460-2023
#   clause: 6.3 定量评估
#   basis: 'T: GB/T 42460-2023 TOC (chinesestandard.us/products/gbt42460-2023), 6.3 seen'
#   severity: warning
#   remediation: >-
#     Generalise or suppress until no row (open data) or few rows are unique on the
#     quasi-identifiers.
package dgcheck.rules.desensitisation.sample_uniqueness

import data.dgcheck.lib.config
import data.dgcheck.lib.desens
import data.dgcheck.lib.result

warning contains finding if {
	desens.released
	r := input.profile.table.reidentification
	r.sample_uniqueness > _max
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%d of %d rows (%s) are unique on %s, above %s", [
			r.unique_rows, r.rows, result.ratio(r.sample_uniqueness), concat(", ", r.quasi_identifiers), result.ratio(_max),
		]),
		"message_zh": sprintf("%d 行中有 %d 行（%s）在准标识符 %s 上唯一，高于 %s", [
			r.rows, r.unique_rows, result.ratio(r.sample_uniqueness), concat(", ", r.quasi_identifiers), result.ratio(_max),
		]),
		"measure": result.measure(r.rows - r.unique_rows, r.rows),
		"evidence": {"unique_rows": r.unique_rows, "rows": r.rows, "sample_uniqueness": r.sample_uniqueness, "max": _max, "approximate": r.approximate},
		"samples": [{"row": c.first_row} | some c in r.smallest_classes; c.size == 1],
	})
}

_max := config.thresholds.sample_uniqueness_max_open if desens.unconditionally_open

_max := config.thresholds.sample_uniqueness_max if not desens.unconditionally_open
