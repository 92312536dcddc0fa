# METADATA
# title: Dataset has a non-empty title
# description: >-
#   The metadata names the dataset (dct:title; 信息资源名称) with a non-blank title in at least
#   one language.
# custom:
#   id: META-001
#   title_zh: '数据集有非空名称'
#   remediation_zh: '在元数据中给出数据集名称，中文必填，目录展示英文名称时一并给出：`title: {zh: "…", en: "…"}`。'
#   standard: DCAT-AP 3.0.1
#   clause: shapes.ttl :Dataset_Shape
#   basis: 'T: SEMICeu/DCAT-AP releases/3.0.1/html/shacl/shapes.ttl (snapshot 7c531da), :Dataset_Shape read'
#   severity: error
#   remediation: >-
#     Give the dataset a title in its metadata, in Chinese and, where the catalogue shows one,
#     in English: `title: {zh: "…", en: "…"}`.
package dgcheck.rules.metadata.title_present

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains result.finding(rego.metadata.chain(), {"message": _message, "message_zh": _message_zh}) if not _titled

_titled if {
	some text in input.metadata.title
	is_string(text)
	trim_space(text) != ""
}

# A plain string is a title too (in Chinese, as the sidecar reads one).
_titled if {
	title := object.get(input.metadata, "title", "")
	is_string(title)
	trim_space(title) != ""
}

_message := sprintf("the metadata gives the dataset no non-blank title (languages given: %d)", [meta.size(object.get(input, ["metadata", "title"], {}))])

_message_zh := sprintf("元数据未给出非空的数据集名称（已给出的语种数：%d）", [meta.size(object.get(input, ["metadata", "title"], {}))])
