# METADATA
# title: Single-valued properties are single
# description: >-
#   The properties DCAT-AP allows once on a dataset (accrualPeriodicity, modified, issued,
#   publisher, version, accessRights; max count 1) are given once. When a file gives one of
#   them several values, dgcheck reads the first and reports the property here.
# custom:
#   id: META-009
#   title_zh: '单值属性只有一个值'
#   remediation_zh: '属性只保留一个值，即当前值（最近的修改日期、当前负责的提供方）；历史情况记入来源说明或版本说明。'
#   standard: DCAT-AP 3.0.1
#   clause: shapes.ttl (sh:maxCount 1 constraints of :Dataset_Shape)
#   basis: 'T: SEMICeu/DCAT-AP releases/3.0.1/html/shacl/shapes.ttl (snapshot 7c531da), the sh:maxCount 1 constraints read'
#   severity: error
#   remediation: >-
#     Keep one value for the property: the current one (the latest modified date, the
#     publisher responsible now); history belongs in provenance or version notes.
package dgcheck.rules.metadata.single_valued

import data.dgcheck.lib.result

violation contains finding if {
	some property in input.metadata.multi_valued
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%s is given more than one value; it takes one (dgcheck read the first)", [property]),
		"message_zh": sprintf("%s 给出了多个值，但该属性只取一个值（dgcheck 读取了第一个）", [property]),
		"evidence": {"property": property},
	})
}
