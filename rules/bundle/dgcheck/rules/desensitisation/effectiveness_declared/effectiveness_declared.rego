# METADATA
# title: The de-identification effectiveness level and evaluation date are declared
# description: >-
#   A dataset that declares its de-identification also declares the effectiveness level it
#   was evaluated at (GB/T 42460) and when (deidentification.effect_level, evaluated_at). The
#   level names are not checked: GB/T 42460's level definitions were not seen.
# custom:
#   id: DESENS-019
#   title_zh: '已声明去标识化效果等级和评估日期'
#   remediation_zh: '评估去标识化效果（GB/T 42460），并声明 deidentification.effect_level 和 evaluated_at。'
#   standard: GB/T 42460-2023
#   clause: 4 个人信息去标识化效果分级
#   basis: 'T: GB/T 42460-2023 TOC (chinesestandard.us/products/gbt42460-2023), 4 seen; NF: the level definitions'
#   severity: info
#   remediation: Evaluate the de-identification (GB/T 42460) and declare deidentification.effect_level and evaluated_at.
package dgcheck.rules.desensitisation.effectiveness_declared

import data.dgcheck.lib.desens
import data.dgcheck.lib.result

warning contains finding if {
	desens.declares_deidentification
	missing := [k | some k in ["effect_level", "evaluated_at"]; object.get(input.metadata.deidentification, k, null) == null]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the de-identification declares no %s", [concat(" and no ", missing)]),
		"message_zh": sprintf("去标识化声明未给出%s", [concat("，也未给出", [_zh[k] | some k in missing])]),
		"evidence": {"missing": missing},
	})
}

_zh := {"effect_level": "效果等级（effect_level）", "evaluated_at": "评估日期（evaluated_at）"}
