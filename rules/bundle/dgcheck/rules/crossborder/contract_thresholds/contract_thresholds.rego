# METADATA
# title: Mid-size exports need a standard contract or certification
# description: >-
#   A processor that is not a CIIO and exports, cumulatively since 1 January, personal
#   information of thresholds.xb_contract_subjects people (100,000, the law's 10万人以上, which
#   includes the number) or more, below the assessment threshold, or any sensitive personal
#   information of fewer people than the assessment threshold, declares a standard contract or certification (or the stricter
#   security assessment) and its filing or approval reference (cross_border.filing_ref,
#   approval_ref).
# custom:
#   id: XB-006
#   title_zh: '中等规模的数据出境须订立标准合同或通过个人信息保护认证'
#   remediation_zh: '订立国家网信部门制定的标准合同并备案（cross_border: {mechanism: standard_contract, filing_ref: ...}），或通过个人信息保护认证。'
#   standard: 促进和规范数据跨境流动规定 (CAC Order 16, 2024)
#   clause: art. 8
#   basis: 'S: 促进和规范数据跨境流动规定 art. 8, quoted verbatim in repository documents citing cac.gov.cn/2024-03/22/c_1712776611775634.htm'
#   severity: error
#   remediation: >-
#     Sign the CAC standard contract and file it (cross_border: {mechanism: standard_contract,
#     filing_ref: ...}), or obtain certification.
package dgcheck.rules.crossborder.contract_thresholds

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
	_in_band
	not _mechanism_ok
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf(
			"the export covers at least %d people (%d with sensitive personal information): a standard contract or certification with its reference is required, the metadata declares mechanism %v, reference %v",
			[_subjects, _sensitive, object.get(_cb, "mechanism", null), _reference],
		),
		"message_zh": sprintf(
			"出境数据涉及至少 %d 人（其中 %d 人的敏感个人信息）：须订立标准合同或通过个人信息保护认证，并记录其备案或证书编号；元数据声明的机制为 %v，编号为 %v",
			[_subjects, _sensitive, object.get(_cb, "mechanism", null), _reference],
		),
		"evidence": {"subjects": _subjects, "sensitive_subjects": _sensitive, "mechanism": object.get(_cb, "mechanism", null), "reference": _reference},
	})
}

_in_band if _subjects >= config.thresholds.xb_contract_subjects

_in_band if _sensitive > 0

_reference := object.get(_cb, "filing_ref", null) if not object.get(_cb, "filing_ref", null) in {null, ""}

else := object.get(_cb, "approval_ref", null)

_mechanism_ok if {
	_cb.mechanism in {"standard_contract", "certification", "security_assessment"}
	not _reference in {null, ""}
}
