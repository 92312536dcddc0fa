# METADATA
# title: Likely quasi-identifiers are declared
# description: >-
#   In a dataset with personal information, a column whose name says birth date, age, sex,
#   postcode, region code, ethnicity or occupation (the quasi-identifiers of GB/T 42460 Annex
#   B; desensitisation.quasi_identifier_hints), or that holds postcodes or region codes, is neither declared identifier_role quasi nor
#   listed in deidentification.qi_columns: k-anonymity computed without it overstates how
#   well the data is protected.
# custom:
#   id: DESENS-013
#   title_zh: '已声明可能的准标识符'
#   remediation_zh: '将该列声明为 identifier_role: quasi 并列入 deidentification.qi_columns，或说明其不是准标识符的原因（敏感属性声明为 sensitive）。'
#   standard: GB/T 42460-2023
#   clause: Annex B 准标识符示例; Annex C 准标识符的识别
#   basis: 'T: GB/T 42460-2023 TOC (chinesestandard.us/products/gbt42460-2023), Annexes B and C seen'
#   severity: warning
#   remediation: >-
#     Declare the column identifier_role: quasi and list it in deidentification.qi_columns, or
#     say why it is not one (a sensitive attribute is declared sensitive).
package dgcheck.rules.desensitisation.quasi_identifiers_declared

import data.dgcheck.lib.desens
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

warning contains finding if {
	_personal
	some col in input.profile.columns
	hint := _hint(col)
	not desens.role(col.name) in {"quasi", "direct", "sensitive"}
	not col.name in object.get(input.metadata, ["deidentification", "qi_columns"], [])
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: looks like a quasi-identifier (%s) but is not declared one", [col.name, hint]),
		"message_zh": sprintf("%s：疑似准标识符（%s），但未声明为准标识符", [col.name, hint]),
		"evidence": {"hint": hint, "declared": desens.role(col.name)},
	})
}

_personal if input.metadata.pi.contains_pi == true

_personal if desens.released

_hint(col) := concat(", ", hints) if {
	hints := [h | some h in object.get(col, "hints", []); h in desens.policy.quasi_identifier_hints]
	count(hints) > 0
}

# Six-digit values are both postcodes and region codes: the hint names every detector that
# matches, in this fixed order, so it is one value whatever the column holds.
_hint(col) := concat(", ", detectors) if {
	not _named(col)
	detectors := [d | some d in ["postcode", "cn_region_code"]; profile.identifier_column(col, d)]
	count(detectors) > 0
}

_named(col) if {
	some h in object.get(col, "hints", [])
	h in desens.policy.quasi_identifier_hints
}
