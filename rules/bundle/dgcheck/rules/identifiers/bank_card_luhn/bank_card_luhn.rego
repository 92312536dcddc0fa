# METADATA
# title: Bank card numbers have 13-19 digits and pass the Luhn check
# description: >-
#   In each column typed as bank cards (detected, or declared validator bank_card_luhn), A of
#   the B non-null, unmasked values are 13-19 digits passing the Luhn check, X = A/B; fails
#   below thresholds.bank_card_luhn_min. The evidence gives how many are UnionPay cards
#   (62...).
# custom:
#   id: ID-009
#   title_zh: '银行卡号为 13-19 位数字且通过 Luhn 校验'
#   remediation_zh: '在源头更正卡号；随机数字串约十分之一能通过 Luhn 校验，因此校验失败较多的列可能根本不是银行卡号。'
#   standard: ISO/IEC 7812-1
#   clause: '(no clause: cited as a whole)'
#   basis: 'NF: the Luhn annex of ISO/IEC 7812-1 not found; the standard is cited as a whole'
#   severity: error
#   remediation: >-
#     Correct the card numbers at the source; about one random digit string in ten passes
#     Luhn, so a column with many failures may not hold card numbers at all.
package dgcheck.rules.identifiers.bank_card_luhn

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "bank_card")
	c := identifiers.counts(col, "bank_card")
	details := identifiers.below(
		col, c.matched - identifiers.trait(col, "bank_card", "bad_luhn"), identifiers.unmasked(col, "bank_card"), config.thresholds.bank_card_luhn_min,
		"bank card numbers are malformed or fail the Luhn check",
		["银行卡号", "格式错误或未通过 Luhn 校验"],
		{"matched": c.matched, "valid": c.valid, "masked": c.masked, "bad_luhn": identifiers.trait(col, "bank_card", "bad_luhn"), "unionpay": identifiers.trait(col, "bank_card", "unionpay")},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), identifiers.judged(col, "bank_card", details))
}
