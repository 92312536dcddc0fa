# METADATA
# title: C3-type content forces JR/T 0197 level 4 or higher
# description: >-
#   In financial data, a column whose grade puts it in JR/T 0171's C3 class (authentication
#   data: passwords, PINs, card verification values, track data, biometrics used to
#   authenticate; by column name) requires the dataset's declared JR/T 0197 level to be 4 or
#   higher. JR/T 0197-2020 Annex A is its grading reference table; mapping C3 to level 4 or
#   higher is dgcheck's policy.
# custom:
#   id: CLASS-015
#   title_zh: '含 C3 类信息的数据须定为 JR/T 0197 第 4 级或以上'
#   remediation_zh: '从数据集中删除用户鉴别信息，或声明 classification.industry.jrt0197_level 为 4 或以上并按该级别保护。'
#   standard: JR/T 0197-2020; JR/T 0171-2020
#   clause: JR/T 0197-2020 Annex A (informative) 数据定级规则参考表; JR/T 0171-2020 4 个人金融信息概述
#   basis: 'T: JR/T 0197-2020 TOC (scribd.com/document/645539111) and JR/T 0171-2020 TOC (jinmi8.com/doc/9508/25676); NF: a C3-to-level-4 mapping (P: dgcheck''s policy)'
#   severity: error
#   remediation: >-
#     Remove the authentication data from the dataset, or declare
#     classification.industry.jrt0197_level: 4 or higher and protect it as such.
package dgcheck.rules.classification.c3_level

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

violation contains finding if {
	grading.model_name == "jrt0197"
	some name, g in grading.column_grades
	g.jrt0171 == "C3"
	jr := object.get(input.metadata, ["classification", "industry", "jrt0197_level"], 0)
	jr < 4
	finding := result.finding(rego.metadata.chain(), {
		"column": name,
		"message": sprintf("%s: C3 authentication data (%s, by its %s) in financial data declared JR/T 0197 level %v, below 4", [name, g.type, g.source, jr]),
		"message_zh": sprintf("%s：金融数据中含 C3 类鉴别信息（%s，依其%s判断），但数据声明的 JR/T 0197 级别为第 %v 级，低于第 4 级", [name, g.type, object.get(_source_zh, g.source, g.source), jr]),
		"evidence": {"type": g.type, "jrt0197_level": jr},
	})
}

_source_zh := {"values": "值", "name": "列名", "text": "文本内容"}
