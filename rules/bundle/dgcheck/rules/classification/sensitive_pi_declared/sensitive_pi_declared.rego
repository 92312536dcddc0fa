# METADATA
# title: If sensitive personal information is detected, the dataset declares it
# description: >-
#   A column holds sensitive personal information under PIPL art. 28 by what the column
#   classifier found in its values and the grading model says of that type (raw identity-
#   document numbers, bank cards, precise locations, ...), while the metadata does not declare
#   pi.contains_sensitive_pi: true. Masked values are not counted: the model grades them
#   lower.
# custom:
#   id: CLASS-005
#   title_zh: '检出敏感个人信息的数据集声明含敏感个人信息'
#   remediation_zh: '声明 pi: {contains_sensitive_pi: true} 并满足相应要求（特定目的、单独同意、个人信息保护影响评估、严格保护措施），或屏蔽或删除该列。'
#   standard: PIPL (个人信息保护法)
#   clause: art. 28
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, art. 28 read'
#   severity: error
#   remediation: >-
#     Declare pi: {contains_sensitive_pi: true} and meet what that brings (a specific purpose,
#     separate consent, a PIA, strict protection), or mask or remove the column.
# schemas:
#   - input: schema.dgcheck.input
package dgcheck.rules.classification.sensitive_pi_declared

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

violation contains finding if {
	not input.metadata.pi.contains_sensitive_pi == true
	some col in input.profile.columns
	col.name in grading.sensitive_columns
	g := grading.column_grades[col.name]
	c := col.classification
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf(
			"%s: its values are %s (%s, confidence %s): sensitive personal information (%s), but the metadata does not declare pi.contains_sensitive_pi: true%s",
			[col.name, g.type, _counts(col, c.detector), result.ratio(c.confidence), g.sensitive_ground, _field_label(col.name)],
		),
		"evidence": {"type": g.type, "detector": c.detector, "confidence": c.confidence, "matched": col.detectors[c.detector].matched, "valid": col.detectors[c.detector].valid, "masked": col.detectors[c.detector].masked, "non_null": (col.rows - col.nulls) - col.blanks, "declared": _declared(col.name)},
	})
}

_counts(col, d) := sprintf("%d of %d non-null values, %d valid", [col.detectors[d].matched, (col.rows - col.nulls) - col.blanks, col.detectors[d].valid])

_declared(name) := {k: v |
	some f in input.metadata.fields
	f.name == name
	some k in ["pi_category", "sensitive"]
	v := f[k]
}

_field_label(name) := sprintf("; its field declares %s", [json.marshal(_declared(name))]) if count(_declared(name)) > 0

_field_label(name) := "" if count(_declared(name)) == 0
