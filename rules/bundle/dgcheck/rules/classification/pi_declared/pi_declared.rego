# METADATA
# title: If any personal identifier is detected, the dataset declares it contains PI
# description: >-
#   A column holds personal identifiers (resident ID numbers, mobile numbers, e-mail
#   addresses), raw or masked, while the metadata does not declare pi.contains_pi: true. Masked
#   identifiers still single out a person together with other columns, so they count too. A
#   column holds an identifier when its field declares the identifier's validator, or when at
#   least thresholds.detect_min_rate of its non-null values have the identifier's structure.
# custom:
#   id: CLASS-006
#   title_zh: '检出个人标识符的数据集声明含个人信息'
#   remediation_zh: '在元数据中声明 `pi: {contains_pi: true}` 并落实相应要求（逐字段的个人信息类别与敏感性，按需开展个人信息保护影响评估），或在共享前从数据集中删除标识符。'
#   standard: PIPL (个人信息保护法); GB/T 35273-2020
#   clause: PIPL art. 4, art. 73(三)(四); GB/T 35273-2020 3.1 (its note points to Annex A)
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, arts. 4 and 73 read; T: GB/T 35273-2020 3.1 and its note (m.bzxz.net/bzxz/180412.html)'
#   severity: error
#   remediation: >-
#     Declare `pi: {contains_pi: true}` in the metadata and meet what that brings (PI category
#     and sensitivity per field, a PIA where required), or remove the identifiers from the
#     dataset before it is shared.
package dgcheck.rules.classification.pi_declared

import data.dgcheck.lib.grading
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains finding if {
	not _declares_pi
	some col in input.profile.columns
	detector := _strongest_identifier(col)
	matched := object.get(col, ["detectors", detector, "matched"], 0)
	masked := object.get(col, ["detectors", detector, "masked"], 0)
	present := profile.non_null(col)
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf(
			"%s: %d of %d non-null values are %s (raw %d, masked %d), but the metadata does not declare pi.contains_pi: true",
			[col.name, matched + masked, present, profile.noun(detector), matched, masked],
		),
		"message_zh": sprintf(
			"%s：%d 个非空值中有 %d 个是%s（原始值 %d 个，屏蔽值 %d 个），但元数据未声明 pi.contains_pi: true",
			[col.name, present, matched + masked, profile.noun_zh(detector), matched, masked],
		),
		"evidence": {"detector": detector, "matched": matched, "masked": masked, "non_null": present},
	})
}

_declares_pi if input.metadata.pi.contains_pi == true

# A detected type in Chinese: the registry's noun for a detector, else the type's name.
_type_zh(t) := profile.noun_zh(t) if profile.registry.detectors[t]

_type_zh(t) := sprintf(" %s ", [t]) if not profile.registry.detectors[t]

# The identifier a column holds most of: one finding per column, even when a column (say a
# free-text contact field) qualifies for two detectors.
_strongest_identifier(col) := max(candidates)[1] if {
	candidates := {[profile.hits(col, detector), detector] |
		some detector in profile.direct
		profile.holds(col, detector)
	}
	count(candidates) > 0
}

violation contains finding if {
	not _declares_pi
	some col in input.profile.columns
	not _strongest_identifier(col)
	g := grading.type_grade(col)
	g.pi == true
	c := col.classification
	counts := col.detectors[c.detector]
	present := profile.non_null(col)
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf(
			"%s: %d of %d non-null values are %s (raw %d, masked %d; confidence %s), but the metadata does not declare pi.contains_pi: true",
			[col.name, counts.matched + counts.masked, present, g.type, counts.matched, counts.masked, result.ratio(c.confidence)],
		),
		"message_zh": sprintf(
			"%s：%d 个非空值中有 %d 个是%s（原始值 %d 个，屏蔽值 %d 个；置信度 %s），但元数据未声明 pi.contains_pi: true",
			[col.name, present, counts.matched + counts.masked, _type_zh(g.type), counts.matched, counts.masked, result.ratio(c.confidence)],
		),
		"evidence": {"detector": c.detector, "type": g.type, "matched": counts.matched, "masked": counts.masked, "non_null": present},
	})
}
