# METADATA
# title: Each PI column carries a PI category tag and a sensitive flag
# description: >-
#   Each column the grading model makes personal information (by its detected type or its
#   name) has a field entry declaring pi_category, one of the GB/T 35273 categories
#   (data.dgcheck.grading.pi_categories), and sensitive; a column whose values are sensitive
#   personal information is not declared sensitive: false.
# custom:
#   id: CLASS-008
#   title_zh: '每个个人信息列都标注个人信息类别和敏感标志'
#   remediation_zh: '为字段标注 pi_category（个人身份信息、个人基本资料等）和 sensitive: true|false；`dgcheck classify --write-metadata` 会按数据建议补填。'
#   standard: GB/T 35273-2020; GB/T 43697-2024
#   clause: GB/T 35273-2020 Annex A 个人信息示例, Annex B 个人敏感信息判定; GB/T 43697-2024 Annex B 个人信息分类示例
#   basis: 'T: GB/T 35273-2020 TOC (web.tlawyer.cn) and GB/T 43697-2024 TOC (gbstandards.icu/s/462422), the annexes seen; S: the category lists (one implementation)'
#   severity: warning
#   remediation: >-
#     Tag the field: pi_category (个人身份信息, 个人基本资料, ...) and sensitive: true|false; `dgcheck
#     classify --write-metadata` fills in what the data suggests.
package dgcheck.rules.classification.pi_fields_tagged

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

warning contains finding if {
	some name in grading.pi_columns
	g := grading.column_grades[name]
	problems := _problems(name, g)
	count(problems) > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": name,
		"message": sprintf("%s: %s (%s, from its %s; suggested pi_category %s, sensitive %v)", [name, concat("; ", [p[0] | some p in problems]), g.type, g.source, g.pi_category, g.sensitive]),
		"message_zh": sprintf("%s：%s（%s，依其%s判断；建议 pi_category 为 %s，sensitive 为 %v）", [name, concat("；", [p[1] | some p in problems]), g.type, object.get(_source_zh, g.source, g.source), g.pi_category, g.sensitive]),
		"evidence": {"type": g.type, "suggested_pi_category": g.pi_category, "suggested_sensitive": g.sensitive, "declared": _field(name)},
	})
}

_field(name) := [f | some f in input.metadata.fields; f.name == name][0]

_field(name) := {} if count([f | some f in input.metadata.fields; f.name == name]) == 0

_problems(name, g) := array.concat(array.concat(_no_category(name), _bad_category(name)), array.concat(_no_flag(name), _false_flag(name, g)))

_source_zh := {"values": "值", "name": "列名", "text": "文本内容"}

# Each problem in English and in Chinese.
_no_category(name) := [["no pi_category", "未标注 pi_category"]] if {
	not _field(name).pi_category
} else := []

_bad_category(name) := [[
	sprintf("pi_category %q is not a GB/T 35273 category", [_field(name).pi_category]),
	sprintf("pi_category %q 不是 GB/T 35273 规定的个人信息类别", [_field(name).pi_category]),
]] if {
	not _field(name).pi_category in data.dgcheck.grading.pi_categories
	_field(name).pi_category
} else := []

_no_flag(name) := [["no sensitive flag", "未标注 sensitive 标志"]] if {
	not _has_flag(name)
} else := []

_has_flag(name) if is_boolean(_field(name).sensitive)

_false_flag(name, g) := [["declared sensitive: false, but its values are sensitive personal information", "声明为 sensitive: false，但其值是敏感个人信息"]] if {
	g.sensitive == true
	g.source == "values"
	_field(name).sensitive == false
} else := []
