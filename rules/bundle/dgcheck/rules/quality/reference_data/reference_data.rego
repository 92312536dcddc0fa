# METADATA
# title: Coded values belong to their authoritative reference list
# description: >-
#   A field that names its code list (code_list: GB/T 2260 for administrative divisions, GB/T
#   2261.1 for sex, GB/T 2659.1-2022 for countries and regions) holds only codes of the
#   bundled, dated table: A of B values are in it, X =
#   A/B, and it fails below thresholds.reference_data_min (1.0). The evidence names the table's
#   edition; a code list dgcheck does not bundle is not measured.
# custom:
#   id: QUAL-005
#   title_zh: '编码值属于其权威代码表'
#   remediation_zh: '将不属于代码表的值（写全称的名称、已废止或录入错误的代码）替换为代码表中的代码，或注明该列实际使用的代码表。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 规范性/权威参考数据
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: warning
#   indicator: normativity
#   remediation: >-
#     Replace values that are not codes of the list (spelled-out names, retired or mistyped
#     codes) with the list's codes, or name the code list the column really uses.
package dgcheck.rules.quality.reference_data

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_checks := {"code_list"}

measures contains result.measurement(rego.metadata.chain(), concat(":", [column, check]), c.evaluated - c.failed, c.evaluated) if {
	some [column, check, c] in meta.checks(_checks)
}

warning contains finding if {
	some [column, check, c] in meta.checks(_checks)
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.reference_data_min
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf("%s: %d of %d values are not codes of %s (X = %s)", [column, c.failed, c.evaluated, c.reference, result.ratio(measure.x)]),
		"message_zh": sprintf("%s：%d 个值中有 %d 个不是 %s 中的代码（X = %s）", [column, c.evaluated, c.failed, c.reference, result.ratio(measure.x)]),
		"measure": measure,
		"evidence": {"check": check, "declared": object.get(c, "reference", ""), "evaluated": c.evaluated, "failed": c.failed},
		"samples": c.samples,
	})
}
