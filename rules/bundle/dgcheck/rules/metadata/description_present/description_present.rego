# METADATA
# title: Dataset has a non-empty description
# description: >-
#   The metadata describes the dataset (dct:description; 信息资源摘要) with a non-blank
#   description in at least one language.
# custom:
#   id: META-002
#   title_zh: '数据集有非空摘要'
#   remediation_zh: '在元数据中描述数据集：包含什么内容、面向谁、起止时间及更新频率：`description: {zh: "…", en: "…"}`。'
#   standard: DCAT-AP 3.0.1
#   clause: shapes.ttl :Dataset_Shape
#   basis: 'T: SEMICeu/DCAT-AP releases/3.0.1/html/shacl/shapes.ttl (snapshot 7c531da), :Dataset_Shape read'
#   severity: error
#   remediation: >-
#     Describe the dataset in its metadata: what it holds, for whom, from when to when, and how
#     often it is updated: `description: {zh: "…", en: "…"}`.
package dgcheck.rules.metadata.description_present

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains result.finding(rego.metadata.chain(), {"message": _message, "message_zh": _message_zh}) if not meta.given(["description"])

_message := sprintf(
	"the metadata gives the dataset no non-blank description (languages given: %d)",
	[meta.size(object.get(input, ["metadata", "description"], {}))],
)

_message_zh := sprintf(
	"元数据未给出非空的数据集摘要（已给出的语种数：%d）",
	[meta.size(object.get(input, ["metadata", "description"], {}))],
)
