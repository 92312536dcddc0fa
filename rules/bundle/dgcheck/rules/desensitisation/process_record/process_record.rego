# METADATA
# title: A de-identification record exists
# description: >-
#   Data that leaves its holder with personal information in it, or that declares its
#   de-identification, records the process: its objective, who approved it and when, and when
#   it is due for review (deidentification.process).
# custom:
#   id: DESENS-018
#   title_zh: '存在去标识化过程记录'
#   remediation_zh: '记录 deidentification.process: {objective, approved_by, approved_at, review_due}。'
#   standard: GB/T 37964-2019; GB/T 42460-2023
#   clause: GB/T 37964-2019 process 确定目标、识别标识、处理标识、验证批准、监控审查; GB/T 42460-2023 5 评估流程, 6.6 评估过程文档管理
#   basis: 'S: GB/T 37964-2019''s process steps (mingangsd.com/baike/1023.html), their clause number not found; T: GB/T 42460-2023 TOC (chinesestandard.us/products/gbt42460-2023), 5 and 6.6 seen'
#   severity: warning
#   remediation: >-
#     Record deidentification.process: {objective, approved_by, approved_at, review_due}.
package dgcheck.rules.desensitisation.process_record

import data.dgcheck.lib.desens
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	_applies

	# A process that is not an object records none of its keys.
	process := meta.object_at(["deidentification", "process"])
	missing := [k | some k in ["objective", "approved_by", "approved_at", "review_due"]; object.get(process, k, "") == ""]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the de-identification record lacks %s", [concat(", ", missing)]),
		"message_zh": sprintf("去标识化过程记录缺少 %s", [concat("、", missing)]),
		"evidence": {"missing": missing},
	})
}

_applies if desens.declares_deidentification

_applies if {
	desens.released
	input.metadata.pi.contains_pi == true
}
