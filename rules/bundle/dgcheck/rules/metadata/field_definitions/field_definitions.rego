# METADATA
# title: Each field has a definition and a value domain or code-list reference
# description: >-
#   Every field-dictionary entry defines its data element (ISO/IEC 11179): a description, and
#   a value domain: value_domain in words, a code list, a data standard or validator, or
#   constraints (enum, pattern, range, lengths) that bound its values.
# custom:
#   id: META-018
#   title_zh: '每个信息项都有定义以及值域或代码表引用'
#   remediation_zh: '为信息项给出说明（一个值的含义）及其值域：`value_domain: 1至6的整数`、`code_list: GB/T 2261.1` 或 `constraints: {enum: [在保, 停保]}`。'
#   standard: ISO/IEC 11179-31:2023; ISO/IEC 11179-3:2013
#   clause: 'ISO/IEC 11179-31:2023 scope (d) (value domains, datatypes, permissible values); ISO/IEC 11179-3:2013 (no clause: cited as a whole)'
#   basis: 'T: ISO/IEC 11179-31:2023 scope (standards.iteh.ai); NF: an ISO/IEC 11179-3:2013 clause'
#   severity: warning
#   remediation: >-
#     Give the field a description (what one value means) and its value domain:
#     `value_domain: 1至6的整数`, `code_list: GB/T 2261.1`, or `constraints: {enum: [在保, 停保]}`.
package dgcheck.rules.metadata.field_definitions

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	some field in input.metadata.fields

	# An entry that is not an object, or names no column, is the metadata reader's to report.
	is_object(field)
	is_string(field.name)
	missing := [m | some m in ["description", "value domain"]; not _has(field, m)]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": field.name,
		"message": sprintf("%s: the field-dictionary entry gives no %s", [field.name, concat(" and no ", missing)]),
		"message_zh": sprintf("%s：字段字典条目未给出%s", [field.name, concat("，也未给出", [_zh[m] | some m in missing])]),
		"evidence": {"missing": missing},
	})
}

_zh := {"description": "定义（description）", "value domain": "值域或代码表引用"}

_has(field, "description") if meta.present(object.get(field, "description", ""))

_has(field, "value domain") if {
	some key in ["value_domain", "code_list", "standard_ref", "validator", "constraints"]
	meta.present(object.get(field, key, ""))
}
