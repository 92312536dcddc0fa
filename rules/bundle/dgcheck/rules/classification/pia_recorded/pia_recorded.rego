# METADATA
# title: A personal-information impact assessment is recorded where PIPL requires one
# description: >-
#   A personal-information protection impact assessment (PIA) is recorded (pi.pia_ref,
#   pi.pia_date) when the dataset holds sensitive personal information (detected or declared),
#   or holds personal information and is opened (cn.open_type an open type) or planned for
#   export (cross_border.planned; XB-008 makes that case an error).
# custom:
#   id: CLASS-016
#   title_zh: '《个人信息保护法》要求的个人信息保护影响评估已记录'
#   remediation_zh: '开展《个人信息保护法》第五十五条要求的个人信息保护影响评估并记录：pi: {pia_ref: ..., pia_date: YYYY-MM-DD}。'
#   standard: PIPL (个人信息保护法); GB/T 35273-2020
#   clause: PIPL art. 55(一)(三)(四), art. 56; GB/T 35273-2020 11.4 个人信息安全影响评估
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, arts. 55 and 56 read; T: GB/T 35273-2020 TOC (web.tlawyer.cn), 11.4 seen'
#   severity: warning
#   remediation: >-
#     Carry out the PIA PIPL art. 55 requires and record it: pi: {pia_ref: ..., pia_date:
#     YYYY-MM-DD}.
package dgcheck.rules.classification.pia_recorded

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

_pi if input.metadata.pi.contains_pi == true

_pi if count(grading.pi_columns) > 0

# Each trigger in English and in Chinese.
_triggers_both contains ["sensitive personal information", "处理敏感个人信息"] if count(grading.sensitive_columns) > 0

_triggers_both contains ["sensitive personal information", "处理敏感个人信息"] if input.metadata.pi.contains_sensitive_pi == true

_triggers_both contains [
	sprintf("personal information in data declared %s", [input.metadata.cn.open_type]),
	sprintf("声明为%s的数据中含个人信息", [input.metadata.cn.open_type]),
] if {
	_pi
	input.metadata.cn.open_type in data.dgcheck.config.classification.open_types
}

_triggers_both contains ["personal information planned for export", "拟向境外提供个人信息"] if {
	_pi
	input.metadata.cross_border.planned == true
}

_triggers := {t[0] | some t in _triggers_both}

_triggers_zh := {t[1] | some t in _triggers_both}

warning contains finding if {
	count(_triggers) > 0
	missing := [k | some k in ["pia_ref", "pia_date"]; object.get(input.metadata, ["pi", k], "") == ""]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("a PIA is required (%s) but the metadata records no %s", [concat(", ", sort(_triggers)), concat(" or ", [sprintf("pi.%s", [k]) | some k in missing])]),
		"message_zh": sprintf("须开展个人信息保护影响评估（%s），但元数据未记录 %s", [concat("；", sort(_triggers_zh)), concat(" 或 ", [sprintf("pi.%s", [k]) | some k in missing])]),
		"evidence": {"triggers": sort(_triggers), "missing": missing},
	})
}
