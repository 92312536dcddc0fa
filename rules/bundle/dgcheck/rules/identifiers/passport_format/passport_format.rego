# METADATA
# title: PRC passport numbers follow their series' formats
# description: >-
#   In each column typed as passport numbers (detected, or declared validator cn_passport), A
#   of the B non-null, unmasked values follow a PRC passport series (E and 8 digits, E, a
#   letter and 7 digits; DE/SE/PE and 7; older G, D, S, P series), X = A/B; reported below
#   thresholds.format_min. Printed numbers carry no check digit.
# custom:
#   id: ID-012
#   title_zh: '中华人民共和国护照号码符合其系列的格式'
#   remediation_zh: '在源头更正号码；外国护照号码应单独成列。'
#   standard: Passport rules (administrative)
#   clause: '(no clause: cited as a whole)'
#   basis: 'NF: no public rule text found, the rules are cited as a whole; S: the formats, from several recognisers (STANDARDS.md §3.7)'
#   severity: warning
#   remediation: >-
#     Correct the numbers at the source; foreign passports belong in a column of their own.
package dgcheck.rules.identifiers.passport_format

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_passport")
	c := identifiers.counts(col, "cn_passport")
	details := identifiers.below(
		col, c.matched, identifiers.unmasked(col, "cn_passport"), config.thresholds.format_min,
		"values are not PRC passport numbers",
		["值", "不是中华人民共和国护照号码"],
		{"matched": c.matched, "valid": c.valid, "masked": c.masked},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}
