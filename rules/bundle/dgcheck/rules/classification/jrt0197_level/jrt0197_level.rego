# METADATA
# title: Financial data declares a JR/T 0197 level; level 5 or important data is never released openly
# description: >-
#   Data graded by the financial model (a financial classification.sector, a declared JR/T
#   0197 level, or options.grading_model jrt0197) declares its JR/T 0197-2020 level, 1 to 5
#   (classification.industry.jrt0197_level); level-5 and important financial data is not in an
#   open release (cn.open_type an open type).
# custom:
#   id: CLASS-014
#   title_zh: '金融数据声明 JR/T 0197 级别；第 5 级数据和重要数据不得开放'
#   remediation_zh: '按 JR/T 0197-2020 为数据集定级并声明 classification.industry.jrt0197_level；第 5 级和重要金融数据不得开放发布。'
#   standard: JR/T 0197-2020
#   clause: 5 数据安全定级
#   basis: 'T: JR/T 0197-2020 TOC (scribd.com/document/645539111), 5 seen; S: the five levels (sinesafe.com and dostor.com summaries)'
#   severity: error
#   remediation: >-
#     Grade the dataset by JR/T 0197-2020 and declare classification.industry.jrt0197_level;
#     keep level-5 and important financial data out of open release.
package dgcheck.rules.classification.jrt0197_level

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

_jr := object.get(input.metadata, ["classification", "industry", "jrt0197_level"], null)

violation contains finding if {
	grading.model_name == "jrt0197"
	not _jr in {1, 2, 3, 4, 5}
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("financial data without a JR/T 0197 level 1-5 (classification.industry.jrt0197_level: %v)", [_jr]),
		"message_zh": sprintf("金融数据未声明 JR/T 0197 第 1-5 级中的级别（classification.industry.jrt0197_level：%v）", [_jr]),
		"evidence": {"jrt0197_level": _jr},
	})
}

violation contains finding if {
	grading.model_name == "jrt0197"
	_closed
	input.metadata.cn.open_type in data.dgcheck.config.classification.open_types
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("financial data of JR/T 0197 level %v (classification %v) declared %s", [_jr, object.get(input.metadata, ["classification", "level"], null), input.metadata.cn.open_type]),
		"message_zh": sprintf("JR/T 0197 第 %v 级（classification.level：%v）的金融数据被声明为%s", [_jr, object.get(input.metadata, ["classification", "level"], null), input.metadata.cn.open_type]),
		"evidence": {"jrt0197_level": _jr, "open_type": input.metadata.cn.open_type},
	})
}

_closed if _jr == 5

_closed if data.dgcheck.grading.level_names[input.metadata.classification.level] in {"important", "core"}
