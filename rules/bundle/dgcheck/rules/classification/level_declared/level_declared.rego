# METADATA
# title: Dataset declares a grade in {core, important, general}
# description: >-
#   The metadata declares the dataset's grade under the Data Security Law's classification and
#   grading system: core (核心), important (重要) or general (一般) data (classification.level;
#   synonyms in data.dgcheck.grading.level_names).
# custom:
#   id: CLASS-001
#   title_zh: '数据集声明数据级别 {核心数据, 重要数据, 一般数据}'
#   remediation_zh: '按 GB/T 43697-2024 为数据集定级并声明：classification: {level: general, general_sublevel: 1-4}（或 important、core）。`dgcheck classify` 会根据数据建议级别。'
#   standard: DSL (数据安全法); GB/T 43697-2024
#   clause: DSL art. 21; GB/T 43697-2024 6.1 分级框架
#   basis: 'T: LawRefBook/Laws 数据安全法(2021-06-10).md, art. 21 read; T: GB/T 43697-2024 TOC (gbstandards.icu/s/462422), 6.1 seen'
#   severity: error
#   remediation: >-
#     Grade the dataset by GB/T 43697-2024 and declare it: classification: {level: general,
#     general_sublevel: 1-4} (or important, core). `dgcheck classify` suggests a level from
#     the data.
package dgcheck.rules.classification.level_declared

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

violation contains finding if {
	not input.metadata.classification.level
	finding := result.finding(rego.metadata.chain(), {
		"message": "the metadata declares no grade (classification.level: core, important or general)",
		"message_zh": "元数据未声明数据级别（classification.level：core、important 或 general）",
	})
}

violation contains finding if {
	level := input.metadata.classification.level
	not data.dgcheck.grading.level_names[level]
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("classification.level %q is not a grade (core, important, general)", [level]),
		"message_zh": sprintf("classification.level %q 不是有效的数据级别（core、important、general）", [level]),
		"evidence": {"level": level},
	})
}
