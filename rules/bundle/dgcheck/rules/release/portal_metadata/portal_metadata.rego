# METADATA
# title: Open datasets show provider department, record count, update frequency, release time, data-update time, contact, field dictionary
# description: >-
#   Data declared open carries what an open-data portal shows of it (metadata_vocabularies.
#   portal_fields): the providing department, the record count, the update frequency, the
#   release and data-update times, a contact; and a field dictionary whose every entry gives
#   the English name (name), Chinese name (cn_name), type (datatype) and description.
# custom:
#   id: PUB-004
#   title_zh: '开放数据集展示提供部门、记录数、更新频率、发布时间、数据更新时间、联系方式和数据项说明'
#   remediation_zh: '发布前补全元数据：publisher.dept、record_count、accrual_periodicity、issued、modified、contact_point，以及每个字段的 name、cn_name、datatype 和 description。'
#   standard: open-data portal practice; DCAT-AP 3.0.1
#   clause: portal record fields (a Hubei open-data portal record; no clause)
#   basis: 'S: a Hubei (Xianning) open-data portal record (pages corpus); T: SEMICeu/DCAT-AP 3.0.1 shapes (snapshot 7c531da)'
#   severity: error
#   remediation: >-
#     Complete the metadata before release: publisher.dept, record_count, accrual_periodicity,
#     issued, modified, contact_point, and name, cn_name, datatype and description for every
#     field.
package dgcheck.rules.release.portal_metadata

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_field_keys := ["cn_name", "datatype", "description"]

violation contains finding if {
	meta.released
	missing := [e.element | some e in meta.vocab.portal_fields; not meta.given(e.path)]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("open data without %s", [concat(", ", missing)]),
		"message_zh": sprintf("开放数据缺少%s", [concat("、", [split(m, " (")[0] | some m in missing])]),
		"evidence": {"missing": missing},
	})
}

violation contains result.finding(rego.metadata.chain(), {
	"message": "open data without a field dictionary (fields)",
	"message_zh": "开放数据缺少字段字典（fields）",
}) if {
	meta.released
	not meta.given(["fields"])
}

violation contains finding if {
	meta.released
	some field in input.metadata.fields
	is_object(field) # a malformed entry is META-016's to report
	missing := [k | some k in _field_keys; not meta.present(object.get(field, k, ""))]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": field.name,
		"message": sprintf("%s: open data's field dictionary gives no %s", [field.name, concat(", ", missing)]),
		"message_zh": sprintf("%s：开放数据的字段字典未给出 %s", [field.name, concat("、", missing)]),
		"evidence": {"missing": missing},
	})
}
