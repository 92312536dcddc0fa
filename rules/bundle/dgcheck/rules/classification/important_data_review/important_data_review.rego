# METADATA
# title: Possible important data is surfaced for review
# description: >-
#   A dataset may hold important data by its scale (GB/T 43697-2024 grading factors 6.3; Annex
#   G is the identification guide): it has at least thresholds.important_scale_rows rows, or
#   at least as many distinct people (the scale is a project default). Such a dataset records
#   its classification review (classification.reviewed_at) or is graded important or core. A
#   warning: data no department or region has notified or published as important need not be
#   declared as important (促进和规范数据跨境流动规定 art. 2; NDSR art. 37).
# custom:
#   id: CLASS-009
#   title_zh: '可能属于重要数据的数据集被提交复核'
#   remediation_zh: '对照 GB/T 43697-2024 附录 G 及所属行业领域和地区的重要数据目录复核该数据集，并在 classification.reviewed_at 中记录复核情况。'
#   standard: GB/T 43697-2024; NDSR (网络数据安全管理条例)
#   clause: GB/T 43697-2024 6.3 数据分级要素, Annex C, Annex G (normative) 重要数据识别指南; NDSR art. 62(四)
#   basis: 'T: GB/T 43697-2024 TOC (gbstandards.icu/s/462422), 6.3 and Annexes C and G seen; T: LawRefBook/Laws 网络数据安全管理条例(2024-09-24).md, art. 62 read; NF: scale thresholds (P: dgcheck''s defaults)'
#   severity: warning
#   remediation: >-
#     Review the dataset against GB/T 43697-2024 Annex G and the important-data catalogues of
#     its sector and region, and record the review in classification.reviewed_at.
package dgcheck.rules.classification.important_data_review

import data.dgcheck.lib.config
import data.dgcheck.lib.grading
import data.dgcheck.lib.result

warning contains finding if {
	scale := max([input.profile.rows, grading.subjects])
	scale >= config.thresholds.important_scale_rows
	not input.metadata.classification.reviewed_at
	not _graded_important
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf(
			"%d rows about at least %d people: at this scale the dataset may be important data, and no classification review is recorded (classification.reviewed_at)",
			[input.profile.rows, grading.subjects],
		),
		"message_zh": sprintf(
			"数据共 %d 行，涉及至少 %d 人：达到此规模的数据集可能属于重要数据，但未记录数据分类分级复核（classification.reviewed_at）",
			[input.profile.rows, grading.subjects],
		),
		"evidence": {"rows": input.profile.rows, "subjects": grading.subjects, "threshold": config.thresholds.important_scale_rows},
	})
}

_graded_important if data.dgcheck.grading.level_names[input.metadata.classification.level] in {"important", "core"}
