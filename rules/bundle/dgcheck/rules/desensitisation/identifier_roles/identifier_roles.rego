# METADATA
# title: Every column is given an identifier role
# description: >-
#   In a dataset that holds personal information (declared, detected, or being de-identified),
#   each field declares identifier_role as one of direct, quasi, sensitive or other (GB/T
#   37964): the role decides how the column must be treated before release. A field without
#   a role, or with another word, is reported with the role the profile suggests.
# custom:
#   id: DESENS-001
#   title_zh: '每一列都指定了标识符角色'
#   remediation_zh: '为每个字段指定 identifier_role：单独即可识别个人的值（证件号码、手机号码、姓名）为 direct，组合后可识别的值（出生日期、性别、地区、邮政编码）为 quasi，需保护的属性为 sensitive，其余为 other。'
#   standard: GB/T 37964-2019; GB/T 42460-2023
#   clause: GB/T 37964-2019 3.6 标识符, 3.7 直接标识符; GB/T 42460-2023 Annex A 直接标识符示例, Annex B 准标识符示例
#   basis: 'T: GB/T 37964-2019 terms (gongliff.cn/anquanbz/2053.html), 3.6 and 3.7 read; T: GB/T 42460-2023 TOC (chinesestandard.us/products/gbt42460-2023), Annexes A and B seen'
#   severity: error
#   remediation: >-
#     Give every field an identifier_role: direct for values that alone single out a person
#     (ID and mobile numbers, names), quasi for those that do in combination (birth date, sex,
#     region, postcode), sensitive for the attributes to protect, other for the rest.
package dgcheck.rules.desensitisation.identifier_roles

import data.dgcheck.lib.desens
import data.dgcheck.lib.meta
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains finding if {
	_holds_pi
	some col in input.profile.columns
	f := meta.field_of[col.name]
	declared := object.get(f, "identifier_role", "")
	not declared in desens.policy.identifier_roles
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: identifier_role is %s; it must be one of %s (suggested: %s)", [
			col.name, _shown(declared), concat(", ", desens.policy.identifier_roles), _suggested(col),
		]),
		"message_zh": sprintf("%s：identifier_role 为%s；其取值须为 %s 之一（建议：%s）", [
			col.name, _shown_zh(declared), concat(", ", desens.policy.identifier_roles), _suggested(col),
		]),
		"evidence": {"declared": declared, "suggested": _suggested(col)},
	})
}

_shown("") := "not declared"

_shown(role) := sprintf("%q", [role]) if role != ""

_shown_zh("") := "未声明"

_shown_zh(role) := sprintf(" %q", [role]) if role != ""

_holds_pi if input.metadata.pi.contains_pi == true

_holds_pi if desens.declares_deidentification

_holds_pi if {
	some col in input.profile.columns
	some detector in profile.direct
	profile.holds(col, detector)
}

_suggested(col) := "direct" if {
	some detector in profile.direct
	profile.holds(col, detector)
}

_suggested(col) := "quasi" if {
	not _detected(col)
	_quasi_hint(col)
}

_suggested(col) := "other" if {
	not _detected(col)
	not _quasi_hint(col)
}

_quasi_hint(col) if {
	some hint in object.get(col, "hints", [])
	hint in desens.policy.quasi_identifier_hints
}

_detected(col) if {
	some detector in profile.direct
	profile.holds(col, detector)
}
