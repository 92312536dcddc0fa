# METADATA
# title: Core data is never exported
# description: >-
#   Data graded core (classification.level core, 核心) is not planned for transfer abroad.
#   Core data is under a stricter management regime (DSL art. 21 ¶2) and its processing
#   follows national rules (NDSR art. 63). Neither article bans its export: the outright ban
#   on exporting core data is dgcheck's policy.
# custom:
#   id: XB-002
#   title_zh: '核心数据不得出境'
#   remediation_zh: '不得向境外提供核心数据；如定级有误，先经定级主管部门更正。'
#   standard: DSL (数据安全法); NDSR (网络数据安全管理条例)
#   clause: DSL art. 21 ¶2; NDSR art. 63
#   basis: 'T: LawRefBook/Laws, DSL art. 21 and NDSR art. 63 read; NF: an outright ban on exporting core data (P: dgcheck''s policy)'
#   severity: error
#   remediation: >-
#     Do not transfer core data abroad; if the grade is wrong, correct it with the grading
#     authority first.
package dgcheck.rules.crossborder.core_not_exported

import data.dgcheck.lib.result

violation contains finding if {
	input.metadata.cross_border.planned == true
	data.dgcheck.grading.level_names[input.metadata.classification.level] == "core"
	finding := result.finding(rego.metadata.chain(), {
		"message": "a transfer abroad is planned for data graded core",
		"message_zh": "级别为核心数据的数据拟向境外提供",
		"evidence": {"level": input.metadata.classification.level},
	})
}
