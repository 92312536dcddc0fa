# METADATA
# title: Postcodes are six digits, the first 0-8
# description: >-
#   In each column typed as postcodes (detected, or declared validator postcode), A of the B
#   non-null, unmasked values are six digits whose first is 0-8 (^[0-8]\d{5}$, a project
#   heuristic that takes a leading 9 to be unused on the mainland), X = A/B, reported below
#   thresholds.format_min.
# custom:
#   id: ID-018
#   title_zh: '邮政编码为六位数字，首位为 0-8'
#   remediation_zh: '在源头更正邮政编码。'
#   standard: Postal code practice
#   clause: '(no clause: cited as a whole)'
#   basis: 'NF: no postcode rule text found; P: the pattern is dgcheck''s heuristic'
#   severity: info
#   remediation: >-
#     Correct the postcodes at the source.
package dgcheck.rules.identifiers.postcode_format

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "postcode")
	c := identifiers.counts(col, "postcode")
	details := identifiers.below(
		col, c.valid, identifiers.unmasked(col, "postcode"), config.thresholds.format_min,
		"values are not mainland postcodes",
		["值", "不是大陆邮政编码"],
		{"matched": c.matched, "valid": c.valid},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}
