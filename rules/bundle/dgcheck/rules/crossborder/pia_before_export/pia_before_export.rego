# METADATA
# title: A PIA record exists before exporting personal information
# description: >-
#   Personal information (declared, or detected in the data) planned for transfer abroad has a
#   personal-information protection impact assessment on record (pi.pia_ref).
# custom:
#   id: XB-008
#   title_zh: '向境外提供个人信息前已有个人信息保护影响评估记录'
#   remediation_zh: '在出境前开展个人信息保护影响评估，并记录 pi.pia_ref 和 pi.pia_date。'
#   standard: PIPL (个人信息保护法)
#   clause: art. 55(四), art. 56
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, arts. 55 and 56 read'
#   severity: error
#   remediation: >-
#     Carry out the PIA before the transfer and record pi.pia_ref and pi.pia_date.
package dgcheck.rules.crossborder.pia_before_export

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

_pi if input.metadata.pi.contains_pi == true

_pi if count(grading.pi_columns) > 0

violation contains finding if {
	input.metadata.cross_border.planned == true
	_pi
	object.get(input.metadata, ["pi", "pia_ref"], "") == ""
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("personal information (%s) is planned for export without a PIA on record (pi.pia_ref)", [concat(", ", sort(grading.pi_columns))]),
		"message_zh": sprintf("个人信息（%s）拟向境外提供，但未记录个人信息保护影响评估（pi.pia_ref）", [concat(", ", sort(grading.pi_columns))]),
		"evidence": {"pi_columns": sort(grading.pi_columns)},
	})
}
