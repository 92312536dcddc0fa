# METADATA
# title: Core data is never exported
# description: >-
#   Data graded core (classification.level core, 核心) is not planned for transfer abroad: core
#   data is under the strictest management of the Data Security Law.
# custom:
#   id: XB-002
#   title_zh: '核心数据不得出境'
#   remediation_zh: '不得向境外提供核心数据；如定级有误，先经定级主管部门更正。'
#   standard: Data Security Law (数据安全法)
#   clause: art. 21 (core data); art. 31 (from memory)
#   severity: error
#   remediation: >-
#     Do not transfer core data abroad; if the grade is wrong, correct it with the grading
#     authority first.
# schemas:
#   - input: schema.dgcheck.input
package dgcheck.rules.crossborder.core_not_exported

import data.dgcheck.lib.result

violation contains finding if {
	input.metadata.cross_border.planned == true
	data.dgcheck.grading.level_names[input.metadata.classification.level] == "core"
	finding := result.finding(rego.metadata.chain(), {
		"message": "a transfer abroad is planned for data graded core",
		"evidence": {"level": input.metadata.classification.level},
	})
}
