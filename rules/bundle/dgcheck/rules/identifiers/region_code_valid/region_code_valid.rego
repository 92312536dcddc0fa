# METADATA
# title: Region-code columns hold GB/T 2260 codes of a declared edition
# description: >-
#   In each column typed as GB/T 2260 region codes (detected, or declared validator
#   cn_region_gbt2260), A of the B non-null, unmasked six-digit values are codes of the
#   bundled table (current or retired), X = A/B, reported below thresholds.format_min; and the
#   field names the code list and its edition (fields[].code_list, e.g. GB/T 2260-2024).
# custom:
#   id: ID-017
#   title_zh: '行政区划代码列为声明版本的 GB/T 2260 代码'
#   remediation_zh: '更正不属于任何版本的代码；由于代码每年变化，在字段的 code_list 中声明该列遵循的版本（GB/T 2260-YYYY）。'
#   standard: GB/T 2260-2007
#   clause: '(no clause: cited as a whole)'
#   basis: 'T: GB/T 2260-2007 and its 2016 amendment (rockocoin page; zhm.100ke.info: 编码说明, tables, Annexes A-B); NF: a clause number'
#   severity: warning
#   remediation: >-
#     Correct the codes that are in no edition; declare the edition the column follows in the
#     field's code_list (GB/T 2260-YYYY), since codes change yearly.
package dgcheck.rules.identifiers.region_code_valid

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_region_code")
	c := identifiers.counts(col, "cn_region_code")
	details := identifiers.below(
		col, c.valid, identifiers.unmasked(col, "cn_region_code"), config.thresholds.format_min,
		"values are not GB/T 2260 division codes",
		["值", "不是 GB/T 2260 行政区划代码"],
		{"matched": c.matched, "valid": c.valid, "retired": identifiers.trait(col, "cn_region_code", "retired")},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}

warning contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_region_code")
	not _edition_declared(col.name)
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: GB/T 2260 codes without a declared edition (fields[].code_list: GB/T 2260-YYYY)", [col.name]),
		"message_zh": sprintf("%s：GB/T 2260 行政区划代码未声明所用版本（fields[].code_list：GB/T 2260-YYYY）", [col.name]),
		"evidence": {"code_list": null},
	})
}

_edition_declared(name) if {
	some f in input.metadata.fields
	f.name == name
	regex.match(`2260-\d{4}`, f.code_list)
}
