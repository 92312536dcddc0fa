# METADATA
# title: A planned export names its destinations and recipients
# description: >-
#   Data planned for transfer abroad (cross_border.planned: true) names the countries or
#   regions it goes to (cross_border.destinations, ISO 3166-1 / GB/T 2659.1-2022 two-letter
#   codes, checked against the assigned ones) and who receives it (cross_border.recipients).
# custom:
#   id: XB-001
#   title_zh: '拟出境的数据列明目的地和境外接收方'
#   remediation_zh: '以两字母国家代码声明 cross_border.destinations（例如 [SG, DE]），并声明 cross_border.recipients。'
#   standard: 促进和规范数据跨境流动规定 (CAC Order 16, 2024); PIPL (个人信息保护法)
#   clause: 促进和规范数据跨境流动规定 arts. 7-8; PIPL art. 38, art. 39
#   basis: 'S: 促进和规范数据跨境流动规定 arts. 7-8, quoted verbatim in repository documents citing cac.gov.cn/2024-03/22/c_1712776611775634.htm; T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, arts. 38 and 39 read'
#   severity: error
#   remediation: >-
#     Declare cross_border.destinations as two-letter country codes (e.g. [SG, DE]) and
#     cross_border.recipients.
package dgcheck.rules.crossborder.destinations_declared

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains finding if {
	input.metadata.cross_border.planned == true
	problems := array.concat(_destinations, _recipients)
	count(problems) > 0
	problems_zh := array.concat(_destinations_zh, _recipients_zh)
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("a transfer abroad is planned but %s", [concat("; ", problems)]),
		"message_zh": sprintf("拟向境外提供数据，但%s", [concat("；", problems_zh)]),
		"evidence": {"destinations": object.get(input.metadata.cross_border, "destinations", []), "recipients": object.get(input.metadata.cross_border, "recipients", [])},
	})
}

_destinations := ["no destinations are named (cross_border.destinations)"] if {
	count(_named) == 0
} else := [sprintf("destinations %v are not ISO 3166-1 (GB/T 2659.1-2022) two-letter country codes", [_bad])] if {
	count(_bad) > 0
} else := []

_destinations_zh := ["未列明目的地（cross_border.destinations）"] if {
	count(_named) == 0
} else := [sprintf("目的地 %v 不是 ISO 3166-1（GB/T 2659.1-2022）两字母国家代码", [_bad])] if {
	count(_bad) > 0
} else := []

_bad := [d | some d in _named; not d in _country_codes]

# The destinations named: a list, or one as a plain string. A value of another type (a number,
# an object) names none, and the metadata reader reports its type.
_named := d if {
	d := input.metadata.cross_border.destinations
	is_array(d)
} else := [d] if {
	d := input.metadata.cross_border.destinations
	is_string(d)
	d != ""
} else := []

# The assigned codes, not just any two letters: XX or UK (the United Kingdom is GB) name no
# country a regulator can assess.
_country_codes := {code | some code in data.dgcheck.codes.iso3166_alpha2}

_recipients := ["no recipients are named (cross_border.recipients)"] if {
	meta.size(object.get(meta.object_at(["cross_border"]), "recipients", [])) == 0
} else := []

_recipients_zh := ["未列明境外接收方（cross_border.recipients）"] if {
	meta.size(object.get(meta.object_at(["cross_border"]), "recipients", [])) == 0
} else := []
