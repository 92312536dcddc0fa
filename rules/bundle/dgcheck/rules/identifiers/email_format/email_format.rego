# METADATA
# title: E-mail addresses are syntactically valid
# description: >-
#   In each column holding e-mail addresses (detected, or declared validator email), A of the
#   B non-null, unmasked values are bare RFC 5322 addr-specs of the practical form (no display
#   name, no quoted local part, a dotted domain with a letter top-level domain), X = A/B;
#   fails below thresholds.format_min.
# custom:
#   id: ID-014
#   title_zh: '电子邮件地址语法有效'
#   remediation_zh: '在源头更正地址；每个值只保留一个纯地址，不含姓名或尖括号。'
#   standard: RFC 5322
#   clause: §3.4.1 Addr-Spec Specification
#   basis: 'T: RFC 5322 §3.4.1 (docs.rs smtp-codec and parse-net; sourcemeta/std rfc5322#section-3.4.1)'
#   severity: error
#   remediation: >-
#     Correct the addresses at the source; keep one bare address per value, without names or
#     angle brackets.
package dgcheck.rules.identifiers.email_format

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "email")
	c := identifiers.counts(col, "email")
	details := identifiers.below(
		col, c.matched, identifiers.unmasked(col, "email"), config.thresholds.format_min,
		"values are not e-mail addresses",
		["值", "不是电子邮件地址"],
		{"matched": c.matched, "valid": c.valid, "masked": c.masked},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}
