# METADATA
# title: Dataset has keywords and a theme
# description: >-
#   The metadata gives keywords (dcat:keyword; 标签) and a theme (dcat:theme; 所属行业), the
#   theme from the configured taxonomy when one is configured
#   (data.dgcheck.config.metadata_vocabularies.themes; empty accepts any theme).
# custom:
#   id: META-006
#   title_zh: '数据集有关键词和主题'
#   remediation_zh: '添加几个用户会检索的关键词（`keywords: [低保, 社会救助]`）以及目录归档该数据集的主题（`theme: 社会救助`）。'
#   standard: DCAT-AP 3.0.1
#   clause: shapes_recommended.ttl :Dataset_Shape (dcat:keyword, dcat:theme)
#   basis: 'T: SEMICeu/DCAT-AP releases/3.0.1/html/shacl/shapes_recommended.ttl (snapshot 7c531da), :Dataset_Shape read'
#   severity: warning
#   remediation: >-
#     Add a few keywords users would search for (`keywords: [低保, 社会救助]`) and the theme the
#     catalogue files the dataset under (`theme: 社会救助`).
package dgcheck.rules.metadata.keywords_and_theme

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains result.finding(rego.metadata.chain(), {
	"message": "the metadata gives no keywords",
	"message_zh": "元数据未给出关键词",
}) if {
	not meta.given(["keywords"])
}

warning contains result.finding(rego.metadata.chain(), {
	"message": "the metadata gives no theme",
	"message_zh": "元数据未给出主题",
}) if {
	not meta.given(["theme"])
}

warning contains result.finding(rego.metadata.chain(), {
	"message": sprintf("theme %q is not in the configured taxonomy (%s)", [input.metadata.theme, concat(", ", meta.vocab.themes)]),
	"message_zh": sprintf("主题 %q 不在配置的主题分类中（%s）", [input.metadata.theme, concat("、", meta.vocab.themes)]),
	"evidence": {"theme": input.metadata.theme},
}) if {
	meta.given(["theme"])
	count(meta.vocab.themes) > 0
	not input.metadata.theme in meta.vocab.themes
}
