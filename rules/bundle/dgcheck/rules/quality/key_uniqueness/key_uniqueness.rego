# METADATA
# title: The declared unique key is unique
# description: >-
#   Every declared key (primary_key, or a field declared unique) has a distinct, non-empty value
#   in every row. A of B rows have a key that is neither empty nor a repeat of an earlier row's,
#   X = A/B, target 1.
# custom:
#   id: QUAL-012
#   title_zh: '声明的唯一键不重复'
#   remediation_zh: '使每行都有自己的键值：删除重复记录、补齐空键，或声明真正能标识一行的键（元数据中的 primary_key）。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 准确性/数据唯一性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: error
#   indicator: accuracy
#   remediation: >-
#     Give every row its own key value: remove repeated records, fill empty keys, or declare a
#     key (primary_key in the metadata) that really identifies a row.
package dgcheck.rules.quality.key_uniqueness

import data.dgcheck.lib.result

violation contains finding if {
	some key in input.profile.table.keys
	repeats := key.duplicates.count
	unkeyed := repeats + key.null_keys
	unkeyed > 0
	measure := result.measure(key.rows - unkeyed, key.rows)
	column := concat(",", key.columns)

	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf(
			"key %s: %d of %d rows have no key of their own: repeated %d, empty %d (X = %s)",
			[column, unkeyed, key.rows, repeats, key.null_keys, result.ratio(measure.x)],
		),
		"message_zh": sprintf(
			"键 %s：%d 行中有 %d 行没有唯一的键值：重复 %d 行，键为空 %d 行（X = %s）",
			[column, key.rows, unkeyed, repeats, key.null_keys, result.ratio(measure.x)],
		),
		"measure": measure,
		"evidence": {
			"duplicates": repeats,
			"null_keys": key.null_keys,
			"distinct": key.distinct,
			"first_rows": [{"row": s.row, "first_row": s.first_row} | some s in key.duplicates.samples],
		},
		"samples": [{"row": s.row} | some s in key.duplicates.samples],
	})
}

measures contains result.measurement(rego.metadata.chain(), concat(",", key.columns), key.rows - unkeyed, key.rows) if {
	some key in input.profile.table.keys
	unkeyed := key.duplicates.count + key.null_keys
}
