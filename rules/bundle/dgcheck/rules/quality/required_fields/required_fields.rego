# METADATA
# title: Required fields are populated
# description: >-
#   Every field the metadata declares nullable: false has a value in every row. A value is
#   missing when it is null, blank, or a token standing for "no value" (NULL, N/A, 无, ...).
#   A of B rows have a value, X = A/B, and the field fails below thresholds.completeness_min.
# custom:
#   id: QUAL-007
#   title_zh: '必填字段均有值'
#   remediation_zh: '在源头补齐缺失值；如该字段确可为空，在元数据中声明 nullable: true。NULL、无 等占位符不算有值。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 完整性/数据元素完整性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: error
#   indicator: completeness
#   remediation: >-
#     Fill the missing values at the source, or declare the field nullable: true in the metadata
#     if a value may legitimately be absent. Placeholders such as NULL or 无 do not count as
#     values.
package dgcheck.rules.quality.required_fields

import data.dgcheck.lib.config
import data.dgcheck.lib.result

measures contains result.measurement(rego.metadata.chain(), col.name, col.rows - _missing(col), col.rows) if {
	some col in _required
}

violation contains finding if {
	some col in _required
	tokens := sum([n | some n in col.missing_tokens])
	missing := _missing(col)
	measure := result.measure(col.rows - missing, col.rows)
	measure.x < config.thresholds.completeness_min

	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf(
			"%s: %d of %d values of a required field are missing: null %d, blank %d, missing-value token %d (X = %s)",
			[col.name, missing, col.rows, col.nulls, col.blanks, tokens, result.ratio(measure.x)],
		),
		"message_zh": sprintf(
			"%s：必填字段的 %d 个值中有 %d 个缺失：空值（null）%d 个，空白 %d 个，缺失值标记 %d 个（X = %s）",
			[col.name, col.rows, missing, col.nulls, col.blanks, tokens, result.ratio(measure.x)],
		),
		"measure": measure,
		"evidence": {"nulls": col.nulls, "blanks": col.blanks, "missing_tokens": object.get(col, "missing_tokens", {})},
		"samples": [{"row": row} | some row in col.null_samples],
	})
}

# The columns of the fields declared required.
_required contains col if {
	some field in input.metadata.fields
	field.nullable == false
	some col in input.profile.columns
	col.name == field.name
}

_missing(col) := sum([col.nulls, col.blanks, sum([n | some n in col.missing_tokens])])
