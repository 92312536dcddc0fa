# METADATA
# title: Data on minors under 14 is declared
# description: >-
#   The dataset holds people younger than thresholds.minor_age (14, PIPL art. 28) on the check
#   date: the latest birth month of its valid resident ID numbers, or the latest date (or year,
#   as the profile generalises it) of a column whose name says it holds birth dates, is within 14 years of options.now (counted in
#   months, so a child who may not yet be 14 counts), while the metadata does not declare
#   pi.contains_minor_pi: true.
# custom:
#   id: CLASS-007
#   title_zh: '已声明包含不满十四周岁未成年人的数据'
#   remediation_zh: '声明 pi: {contains_minor_pi: true}，取得监护人同意并落实《个人信息保护法》第三十一条要求的保护，或删除未成年人的记录。'
#   standard: PIPL (个人信息保护法)
#   clause: art. 28 (personal information of minors under 14)
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, arts. 28 and 31 read'
#   severity: error
#   remediation: >-
#     Declare pi: {contains_minor_pi: true} and obtain the guardian's consent and the
#     protection PIPL art. 31 requires, or remove the minors' records.
package dgcheck.rules.classification.minors_declared

import data.dgcheck.lib.config
import data.dgcheck.lib.grading
import data.dgcheck.lib.result

violation contains finding if {
	not input.metadata.pi.contains_minor_pi == true
	some col in input.profile.columns
	latest := _latest_birth(col)
	months := _months(substring(input.options.now, 0, 7)) - _months(substring(latest, 0, 7))
	months <= config.thresholds.minor_age * 12
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf(
			"%s: the youngest person was born in %s, under %d on the check date %s, but the metadata does not declare pi.contains_minor_pi: true",
			[col.name, substring(latest, 0, 7), config.thresholds.minor_age, substring(input.options.now, 0, 10)],
		),
		"message_zh": sprintf(
			"%s：最年轻者出生于 %s，在检查日期 %s 不满 %d 周岁，但元数据未声明 pi.contains_minor_pi: true",
			[col.name, substring(latest, 0, 7), substring(input.options.now, 0, 10), config.thresholds.minor_age],
		),
		"evidence": {"latest_birth": substring(latest, 0, 7), "now": substring(input.options.now, 0, 10), "minor_age": config.thresholds.minor_age},
	})
}

_latest_birth(col) := col.detectors.cn_resident_id.birth_months.max if grading.detected(col).type == "cn_resident_id"

_latest_birth(col) := col.max if {
	"birth_date" in object.get(col, "hints", [])
	col.inferred_type in {"date", "datetime"}
}

# months since year 0 of a YYYY-MM text; a bare year (a birth-date column's extremes are
# generalised to the year in the profile) counts as its December, the youngest it may be.
_months(ym) := (to_number(substring(ym, 0, 4)) * 12) + to_number(substring(ym, 5, 2)) if count(ym) >= 7

_months(ym) := (to_number(ym) * 12) + 12 if count(ym) == 4
