# METADATA
# title: Important-data status follows notification or publication
# description: >-
#   Under the 2024 cross-border provisions, data is important when a department or region has
#   notified or published it as such. The metadata agrees with itself: a dataset graded
#   important records that notification (classification.important_data_notified: {value: true,
#   ref}), and one recorded as notified is graded important or core.
# custom:
#   id: CLASS-010
#   title_zh: '重要数据认定以通知或公布为依据'
#   remediation_zh: '记录使该数据成为重要数据的通知或公布（important_data_notified: {value: true, ref: ...}），或按通知的认定为数据集定级。'
#   standard: 促进和规范数据跨境流动规定 (CAC Order 16, 2024); NDSR (网络数据安全管理条例)
#   clause: 促进和规范数据跨境流动规定 art. 2; NDSR art. 37, art. 29 ¶2
#   basis: 'S: 促进和规范数据跨境流动规定 art. 2, quoted verbatim in repository documents citing cac.gov.cn/2024-03/22/c_1712776611775634.htm; T: LawRefBook/Laws 网络数据安全管理条例(2024-09-24).md, arts. 29 and 37 read'
#   severity: warning
#   remediation: >-
#     Record the notification or publication that makes the data important
#     (important_data_notified: {value: true, ref: ...}), or grade the dataset as the
#     notification says.
package dgcheck.rules.classification.important_data_notified

import data.dgcheck.lib.result

_level := data.dgcheck.grading.level_names[input.metadata.classification.level]

_notified := object.get(input.metadata, ["classification", "important_data_notified"], {})

_important_or_core if _level in {"important", "core"}

warning contains finding if {
	_level == "important"
	not _notified.value == true
	finding := result.finding(rego.metadata.chain(), {
		"message": "the dataset is graded important, but no notification or publication as important data is recorded (classification.important_data_notified)",
		"message_zh": "数据集定为重要数据，但未记录其作为重要数据被告知或公布的情况（classification.important_data_notified）",
		"evidence": {"level": input.metadata.classification.level, "important_data_notified": _notified},
	})
}

warning contains finding if {
	_level == "important"
	_notified.value == true
	object.get(_notified, "ref", null) in {null, ""}
	finding := result.finding(rego.metadata.chain(), {
		"message": "important_data_notified is true without the notification's reference (ref)",
		"message_zh": "important_data_notified 为 true，但未给出告知文件的文号（ref）",
		"evidence": {"important_data_notified": _notified},
	})
}

warning contains finding if {
	_notified.value == true
	not _important_or_core
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the dataset was notified as important data but is graded %v", [object.get(input.metadata, ["classification", "level"], null)]),
		"message_zh": sprintf("数据集已被告知属于重要数据，但其级别定为 %v", [object.get(input.metadata, ["classification", "level"], null)]),
		"evidence": {"level": object.get(input.metadata, ["classification", "level"], null), "important_data_notified": _notified},
	})
}
