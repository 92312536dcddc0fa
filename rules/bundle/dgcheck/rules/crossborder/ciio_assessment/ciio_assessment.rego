# METADATA
# title: A CIIO exporting personal information or important data needs a security assessment
# description: >-
#   A critical information infrastructure operator (cross_border.processor_is_ciio: true) that
#   plans to transfer personal information (declared, or detected in the data) or important
#   data abroad declares the security assessment (cross_border.mechanism:
#   security_assessment).
# custom:
#   id: XB-004
#   title_zh: '关键信息基础设施运营者向境外提供个人信息或重要数据，须通过数据出境安全评估'
#   remediation_zh: '申报国家网信部门的数据出境安全评估，并记录 cross_border.mechanism: security_assessment 及其 approval_ref。'
#   standard: 促进和规范数据跨境流动规定 (CAC Order 16, 2024); PIPL (个人信息保护法)
#   clause: 促进和规范数据跨境流动规定 art. 7(一); PIPL art. 40
#   basis: 'S: 促进和规范数据跨境流动规定 art. 7, quoted verbatim in repository documents citing cac.gov.cn/2024-03/22/c_1712776611775634.htm; T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, art. 40 read'
#   severity: error
#   remediation: >-
#     Apply for the CAC security assessment and record cross_border.mechanism:
#     security_assessment with its approval_ref.
package dgcheck.rules.crossborder.ciio_assessment

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

_pi if input.metadata.pi.contains_pi == true

_pi if count(grading.pi_columns) > 0

_pi if data.dgcheck.grading.level_names[input.metadata.classification.level] in {"important", "core"}

violation contains finding if {
	input.metadata.cross_border.planned == true
	input.metadata.cross_border.processor_is_ciio == true
	_pi
	not input.metadata.cross_border.mechanism == "security_assessment"
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("a critical information infrastructure operator plans to export personal information or important data under mechanism %v, not a security assessment", [object.get(input.metadata.cross_border, "mechanism", null)]),
		"message_zh": sprintf("关键信息基础设施运营者拟以 %v 机制向境外提供个人信息或重要数据，而非通过数据出境安全评估", [object.get(input.metadata.cross_border, "mechanism", null)]),
		"evidence": {"mechanism": object.get(input.metadata.cross_border, "mechanism", null), "pi_columns": sort(grading.pi_columns)},
	})
}
