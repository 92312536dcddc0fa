# METADATA
# title: Exports of 1,000,000 people or 10,000 with sensitive PI need a security assessment
# description: >-
#   A processor that is not a CIIO and exports, cumulatively since 1 January, personal
#   information of thresholds.xb_assessment_subjects people (1,000,000) or more, or sensitive
#   personal information of thresholds.xb_assessment_sensitive_subjects people (10,000) or
#   more (the law's 100万人以上 and 1万人以上, which include the number), needs the security
#   assessment (cross_border.mechanism: security_assessment). The
#   counts are the larger of the declared cumulative counts (cross_border.cumulative_subjects,
#   cumulative_sensitive_subjects) and this dataset's own lower bounds (distinct values of its
#   identifier columns).
# custom:
#   id: XB-005
#   title_zh: '向境外提供 100 万人以上个人信息或 1 万人以上敏感个人信息，须通过数据出境安全评估'
#   remediation_zh: '申报国家网信部门的数据出境安全评估，并记录 cross_border.mechanism: security_assessment 及其 approval_ref，或将出境规模降至阈值以下。'
#   standard: 促进和规范数据跨境流动规定 (CAC Order 16, 2024)
#   clause: art. 7(二)
#   basis: 'S: 促进和规范数据跨境流动规定 art. 7(二), quoted verbatim in repository documents citing cac.gov.cn/2024-03/22/c_1712776611775634.htm'
#   severity: error
#   remediation: >-
#     Apply for the CAC security assessment and record cross_border.mechanism:
#     security_assessment with its approval_ref, or reduce the export below the thresholds.
package dgcheck.rules.crossborder.assessment_thresholds

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

violation contains finding if {
	_cb.planned == true
	not _cb.processor_is_ciio == true
	not _exempt_regardless
	_over
	not _cb.mechanism == "security_assessment"
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf(
			"the export covers at least %d people (%d with sensitive personal information), at or above the security-assessment thresholds (%d; %d), under mechanism %v",
			[_subjects, _sensitive, config.thresholds.xb_assessment_subjects, config.thresholds.xb_assessment_sensitive_subjects, object.get(_cb, "mechanism", null)],
		),
		"message_zh": sprintf(
			"出境数据涉及至少 %d 人（其中 %d 人的敏感个人信息），达到或超过数据出境安全评估的申报标准（%d；%d），而声明的出境机制为 %v",
			[_subjects, _sensitive, config.thresholds.xb_assessment_subjects, config.thresholds.xb_assessment_sensitive_subjects, object.get(_cb, "mechanism", null)],
		),
		"evidence": {"subjects": _subjects, "sensitive_subjects": _sensitive, "mechanism": object.get(_cb, "mechanism", null)},
	})
}

_over if _subjects >= config.thresholds.xb_assessment_subjects

_over if _sensitive >= config.thresholds.xb_assessment_sensitive_subjects
