# METADATA
# title: A claimed exemption names its ground, and the data bears it out
# description: >-
#   An export claimed exempt (cross_border.mechanism: exempt) names its ground
#   (cross_border.exemption_ground, one of
#   data.dgcheck.config.classification.exemption_grounds), and the data does not contradict
#   it: the ground no_pi_or_important_data is false when personal information is detected or
#   declared, or the data is graded important or core; the ground below_100k is false when the
#   export covers 100,000 people or more, or any sensitive personal information.
# custom:
#   id: XB-007
#   title_zh: '主张豁免须说明依据，且数据与之相符'
#   remediation_zh: '说明豁免所依据的情形；数据与之矛盾时，采用出境规模和内容所要求的机制（标准合同、个人信息保护认证或数据出境安全评估）。'
#   standard: 促进和规范数据跨境流动规定 (CAC Order 16, 2024)
#   clause: art. 3, art. 4, art. 5(一)-(四), art. 6; art. 2 (important data)
#   basis: 'S: 促进和规范数据跨境流动规定 arts. 2-6, quoted verbatim in repository documents citing cac.gov.cn/2024-03/22/c_1712776611775634.htm; S: arts. 3-6 also in CAC 个人信息出境标准合同备案指南(第二版) (waitang.com/report/51485001.html) and js.wyfx2014.com/107459.html'
#   severity: error
#   remediation: >-
#     Name the ground the exemption rests on, or, when the data contradicts it, use the
#     mechanism the volume and content require (standard contract, certification or security
#     assessment).
package dgcheck.rules.crossborder.exemption_consistent

import data.dgcheck.lib.config
import data.dgcheck.lib.grading
import data.dgcheck.lib.result

_cb := input.metadata.cross_border

# The dataset's own subject counts are lower bounds on what the processor exports this year.
_subjects := max([object.get(_cb, "cumulative_subjects", 0), grading.subjects])

_sensitive := max([object.get(_cb, "cumulative_sensitive_subjects", 0), grading.sensitive_subjects])

# Exemptions that apply whatever the numbers (a contract with the person, HR, emergencies,
# foreign-origin data, a free-trade zone's negative list): XB-007 judges the ground.
_exempt_regardless if {
	_cb.mechanism == "exempt"
	not _ground_needs_the_data
}

_ground_needs_the_data if _cb.exemption_ground in array.concat(data.dgcheck.config.classification.exemption_grounds_no_pi, data.dgcheck.config.classification.exemption_grounds_counted)

_pi if input.metadata.pi.contains_pi == true

_pi if count(grading.pi_columns) > 0

_important if data.dgcheck.grading.level_names[input.metadata.classification.level] in {"important", "core"}

violation contains finding if {
	_cb.planned == true
	_cb.mechanism == "exempt"
	not _known_ground
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("an exemption is claimed on ground %v, which is none of %s", [object.get(_cb, "exemption_ground", null), concat(", ", data.dgcheck.config.classification.exemption_grounds)]),
		"message_zh": sprintf("以理由 %v 主张豁免，但该理由不在 %s 之中", [object.get(_cb, "exemption_ground", null), concat(", ", data.dgcheck.config.classification.exemption_grounds)]),
		"evidence": {"exemption_ground": object.get(_cb, "exemption_ground", null)},
	})
}

violation contains finding if {
	_cb.planned == true
	_cb.mechanism == "exempt"
	_cb.exemption_ground in data.dgcheck.config.classification.exemption_grounds_no_pi
	_contradiction := [x |
		some x in [
			{
				"c": _pi_flag,
				"why": sprintf("personal information is detected in %s or declared", [concat(", ", sort(grading.pi_columns))]),
				"why_zh": sprintf("在 %s 中检出或声明了个人信息", [concat(", ", sort(grading.pi_columns))]),
			},
			{"c": _important_flag, "why": "the data is graded important or core", "why_zh": "数据级别为重要数据或核心数据"},
		]
		x.c
	]
	count(_contradiction) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("an exemption is claimed on ground %s (no personal information or important data), but %s", [_cb.exemption_ground, concat("; ", [x.why | some x in _contradiction])]),
		"message_zh": sprintf("以理由 %s（不含个人信息或重要数据）主张豁免，但%s", [_cb.exemption_ground, concat("；", [x.why_zh | some x in _contradiction])]),
		"evidence": {"exemption_ground": _cb.exemption_ground, "pi_columns": sort(grading.pi_columns)},
	})
}

violation contains finding if {
	_cb.planned == true
	_cb.mechanism == "exempt"
	_cb.exemption_ground in data.dgcheck.config.classification.exemption_grounds_counted
	_over
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("an exemption is claimed on ground %s, but the export covers at least %d people, %d of them with sensitive personal information", [_cb.exemption_ground, _subjects, _sensitive]),
		"message_zh": sprintf("以理由 %s 主张豁免，但出境数据涉及至少 %d 人，其中 %d 人的敏感个人信息", [_cb.exemption_ground, _subjects, _sensitive]),
		"evidence": {"exemption_ground": _cb.exemption_ground, "subjects": _subjects, "sensitive_subjects": _sensitive},
	})
}

_over if _subjects >= config.thresholds.xb_contract_subjects

_known_ground if _cb.exemption_ground in data.dgcheck.config.classification.exemption_grounds

default _pi_flag := false

_pi_flag if _pi

default _important_flag := false

_important_flag if _important

_over if _sensitive > 0
