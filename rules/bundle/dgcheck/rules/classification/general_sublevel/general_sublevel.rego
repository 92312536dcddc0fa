# METADATA
# title: General data declares a sub-level 1-4
# description: >-
#   Data graded general declares its sub-level, 1 to 4 with higher more sensitive
#   (classification.general_sublevel), under the industry rule it follows. GB/T 43697-2024
#   Annex H (informative) is the reference for grading general data; the 1-4 scale is a
#   project default, the one community implementations use.
# custom:
#   id: CLASS-003
#   title_zh: '一般数据声明 1-4 级子级别'
#   remediation_zh: '声明 classification.general_sublevel 为 1-4（`dgcheck classify` 会根据数据给出建议）。'
#   standard: GB/T 43697-2024
#   clause: Annex H (informative) 一般数据分级参考
#   basis: 'T: GB/T 43697-2024 TOC (gbstandards.icu/s/462422), Annex H seen; NF: its sub-level criteria; P: the 1-4 scale (as community implementations use it)'
#   severity: warning
#   remediation: >-
#     Declare classification.general_sublevel: 1-4 (`dgcheck classify` suggests one from the
#     data).
package dgcheck.rules.classification.general_sublevel

import data.dgcheck.lib.result

warning contains finding if {
	data.dgcheck.grading.level_names[input.metadata.classification.level] == "general"
	sub := object.get(input.metadata.classification, "general_sublevel", null)
	not sub in {1, 2, 3, 4}
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("general data without a sub-level 1-4 (classification.general_sublevel: %v)", [sub]),
		"message_zh": sprintf("一般数据未声明 1-4 级子级别（classification.general_sublevel：%v）", [sub]),
		"evidence": {"general_sublevel": sub},
	})
}
