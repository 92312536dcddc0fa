# METADATA
# title: Exporting important data needs a security assessment with an approval reference
# description: >-
#   Data graded important, or notified as important data, that is planned for transfer abroad
#   declares the CAC security assessment as its mechanism (cross_border.mechanism:
#   security_assessment) with the approval's reference (cross_border.approval_ref).
# custom:
#   id: XB-003
#   title_zh: '向境外提供重要数据须通过数据出境安全评估并记录批准文号'
#   remediation_zh: '申报国家网信部门的数据出境安全评估，并记录 cross_border: {mechanism: security_assessment, approval_ref: ...}。'
#   standard: 促进和规范数据跨境流动规定 (CAC Order 16, 2024); NDSR (网络数据安全管理条例); DSL (数据安全法); 数据出境安全评估办法 (CAC Order 11, 2022)
#   clause: 促进和规范数据跨境流动规定 art. 7(一)(二); NDSR art. 37; DSL art. 31; 数据出境安全评估办法 art. 4(一)
#   basis: 'S: 促进和规范数据跨境流动规定 art. 7, quoted verbatim in repository documents citing cac.gov.cn/2024-03/22/c_1712776611775634.htm; T: LawRefBook/Laws, NDSR art. 37 and DSL art. 31 read; S: 数据出境安全评估办法 art. 4 (dlscs.com.cn/newsinfo/6256058.html; epaper.bbtnews.com.cn)'
#   severity: error
#   remediation: >-
#     Apply for the CAC data-export security assessment and record cross_border: {mechanism:
#     security_assessment, approval_ref: ...}.
package dgcheck.rules.crossborder.important_assessment

import data.dgcheck.lib.result

_important if data.dgcheck.grading.level_names[input.metadata.classification.level] == "important"

_important if input.metadata.classification.important_data_notified.value == true

violation contains finding if {
	input.metadata.cross_border.planned == true
	_important
	not _assessed
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("important data planned for export under mechanism %v, approval %v: a security assessment with its approval reference is required", [
			object.get(input.metadata.cross_border, "mechanism", null),
			object.get(input.metadata.cross_border, "approval_ref", null),
		]),
		"message_zh": sprintf("重要数据拟以 %v 机制出境（批准文号 %v）：须通过数据出境安全评估并记录其批准文号", [
			object.get(input.metadata.cross_border, "mechanism", null),
			object.get(input.metadata.cross_border, "approval_ref", null),
		]),
		"evidence": {"mechanism": object.get(input.metadata.cross_border, "mechanism", null), "approval_ref": object.get(input.metadata.cross_border, "approval_ref", null)},
	})
}

_assessed if {
	input.metadata.cross_border.mechanism == "security_assessment"
	not object.get(input.metadata.cross_border, "approval_ref", null) in {null, ""}
}
