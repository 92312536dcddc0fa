# METADATA
# title: A masked column leaks no unmasked value
# description: >-
#   A masked column (its field declares masking, or at least thresholds.form_min_rate of its
#   values are masked) holds values that pass the unmasked validator: a full resident ID
#   number with a valid check digit, a whole mobile number. Each is a person's identifier in
#   clear in a column everyone believes masked. Counted against the declared pattern's data
#   (MaskingCheck.leaks), or else as the detectors' valid raw values.
# custom:
#   id: DESENS-004
#   title_zh: '已屏蔽的列未泄露未屏蔽的值'
#   remediation_zh: '查明这些行为何未经屏蔽（另一导出路径、事后更正）并予以屏蔽；发布前重新检查该列。'
#   standard: Industry masking convention (STANDARDS.md §4)
#   clause: convention, not a national-standard clause
#   basis: 'S: masking conventions several codebases share (STANDARDS.md §4: ruoyi-tdesign-doc, DesensitizedUtil copies); no national standard fixes them'
#   severity: error
#   remediation: >-
#     Find why these rows escaped the masking step (a second export path, a late correction)
#     and mask them; check the column again before release.
package dgcheck.rules.desensitisation.masking_leaks

import data.dgcheck.lib.desens
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	m := col.masking
	m.leaks > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d of %d present values are unmasked %s that pass their validator, in a column declared masked with %s", [
			col.name, m.leaks, profile.non_null(col), _noun(m.data), m.pattern,
		]),
		"message_zh": sprintf("%s：%d 个非空值中有 %d 个是未屏蔽且通过校验的%s，而该列声明以 %s 屏蔽", [
			col.name, profile.non_null(col), m.leaks, _noun_zh(m.data), m.pattern,
		]),
		"evidence": {"leaks": m.leaks, "data": m.data, "pattern": m.pattern, "non_null": profile.non_null(col)},
		"samples": m.leak_samples,
	})
}

violation contains finding if {
	some col in input.profile.columns
	not col.masking
	desens.masked_column(col)
	some detector in profile.direct
	noun := profile.noun(detector)
	counts := col.detectors[detector]
	counts.valid > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d of %d present values are unmasked %s that pass their validator, in a column whose values are masked", [
			col.name, counts.valid, profile.non_null(col), noun,
		]),
		"message_zh": sprintf("%s：%d 个非空值中有 %d 个是未屏蔽且通过校验的%s，而该列的值已屏蔽", [
			col.name, profile.non_null(col), counts.valid, profile.noun_zh(detector),
		]),
		"evidence": {"leaks": counts.valid, "data": detector, "masked": col.forms.masked, "non_null": profile.non_null(col)},
		"samples": object.get(counts, "raw_samples", []),
	})
}

_noun(detector) := profile.noun(detector)

_noun(detector) := sprintf("values (%s)", [detector]) if not profile.noun(detector)

_noun_zh(detector) := profile.noun_zh(detector)

_noun_zh(detector) := sprintf("值（%s）", [detector]) if not profile.noun_zh(detector)
