# METADATA
# title: k-anonymity over the declared quasi-identifiers meets policy k
# description: >-
#   In data that leaves its holder (declared de-identified, or opened), every combination of
#   quasi-identifier values is shared by at least k rows: k is thresholds.k_min, or the
#   deidentification.k the metadata declares if larger. The profile groups the rows by the
#   declared quasi-identifiers (deidentification.qi_columns, else the fields declared quasi,
#   else those column names suggest) in the scan itself; the finding gives k, the unique
#   rows, and the first rows of the smallest classes.
# custom:
#   id: DESENS-012
#   title_zh: '基于声明的准标识符的 k-匿名满足策略规定的 k 值'
#   remediation_zh: '泛化准标识符（出生日期泛化为年份或年份区间，行政区划代码截为 4 位或 2 位，年龄分段）或删除最稀有的行，直至每个等价类至少有 k 行；在 deidentification.suppressed_records 中报告删除的记录数。'
#   standard: GB/T 37964-2019; GB/T 42460-2023
#   clause: 'GB/T 37964-2019 (no clause: cited as a whole); GB/T 42460-2023 Annex D 基于K-匿名模型的评估示例'
#   basis: 'T: GB/T 42460-2023 TOC (chinesestandard.us/products/gbt42460-2023), Annex D seen; NF: a k-anonymity clause of GB/T 37964-2019'
#   severity: error
#   remediation: >-
#     Generalise the quasi-identifiers (birth date to a year or a band of years, region code
#     to 4 or 2 digits, age to bands) or suppress the rarest rows until every class has at
#     least k rows; report suppression in deidentification.suppressed_records.
package dgcheck.rules.desensitisation.k_anonymity

import data.dgcheck.lib.desens
import data.dgcheck.lib.result

violation contains finding if {
	r := desens.k_shortfall
	finding := result.finding(rego.metadata.chain(), {
		"message": desens.describe_k(r),
		"message_zh": desens.describe_k_zh(r),
		"evidence": {
			"k": r.k, "k_required": desens.k_target, "quasi_identifiers": r.quasi_identifiers, "source": r.source,
			"classes": r.classes, "unique_rows": r.unique_rows, "rows": r.rows, "approximate": r.approximate,
			"smallest_class_sizes": [c.size | some c in r.smallest_classes],
		},
		"samples": desens.class_samples(r.smallest_classes),
	})
}
