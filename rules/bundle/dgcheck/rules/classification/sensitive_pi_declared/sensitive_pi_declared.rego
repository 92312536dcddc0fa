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
		"message_zh": sprintf(
			"%s：其值为 %s（%s，置信度 %s），是敏感个人信息（%s），但元数据未声明 pi.contains_sensitive_pi: true%s",
			[col.name, g.type, _counts_zh(col, c.detector), result.ratio(c.confidence), object.get(_ground_zh, g.sensitive_ground, g.sensitive_ground), _field_label_zh(col.name)],
		),
		"evidence": {"type": g.type, "detector": c.detector, "confidence": c.confidence, "matched": col.detectors[c.detector].matched, "valid": col.detectors[c.detector].valid, "masked": col.detectors[c.detector].masked, "non_null": (col.rows - col.nulls) - col.blanks, "declared": _declared(col.name)},
	})
}

_counts(col, d) := sprintf("%d of %d non-null values, %d valid", [col.detectors[d].matched, (col.rows - col.nulls) - col.blanks, col.detectors[d].valid])

_counts_zh(col, d) := sprintf("%d 个非空值中有 %d 个匹配，%d 个有效", [(col.rows - col.nulls) - col.blanks, col.detectors[d].matched, col.detectors[d].valid])

# The grounds of data.dgcheck.grading's sensitive types, in Chinese (PIPL art. 28 is 《个人信息保护法》第二十八条).
_ground_zh := {
	"specific identity (PIPL art. 28)": "特定身份，《个人信息保护法》第二十八条",
	"financial account (PIPL art. 28)": "金融账户，《个人信息保护法》第二十八条",
	"whereabouts (PIPL art. 28)": "行踪轨迹，《个人信息保护法》第二十八条",
	"medical health (PIPL art. 28)": "医疗健康，《个人信息保护法》第二十八条",
	"religious belief (PIPL art. 28)": "宗教信仰，《个人信息保护法》第二十八条",
	"biometrics (PIPL art. 28)": "生物识别，《个人信息保护法》第二十八条",
	"credentials (GB/T 35273, network identity with credentials)": "鉴别凭证，GB/T 35273 网络身份标识及其鉴别信息",
	"credentials": "鉴别凭证",
}

_declared(name) := {k: v |
	some f in input.metadata.fields
	f.name == name
	some k in ["pi_category", "sensitive"]
	v := f[k]
}

_field_label(name) := sprintf("; its field declares %s", [json.marshal(_declared(name))]) if count(_declared(name)) > 0

_field_label(name) := "" if count(_declared(name)) == 0

_field_label_zh(name) := sprintf("；其字段声明为 %s", [json.marshal(_declared(name))]) if count(_declared(name)) > 0

_field_label_zh(name) := "" if count(_declared(name)) == 0
