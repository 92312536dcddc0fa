# METADATA
# title: Unified social credit codes have a valid structure and check character
# description: >-
#   In each column typed as unified social credit codes (detected, or declared validator
#   cn_uscc_gb32100), A of the B non-null, unmasked values have the GB 32100 structure (18
#   characters of the 31-character set) and a valid mod-31 check character, X = A/B; the
#   column fails below thresholds.uscc_check_min. The embedded organisation code is ID-007's.
# custom:
#   id: ID-006
#   title_zh: '统一社会信用代码结构和校验码有效'
#   remediation_zh: '对照国家企业信用信息登记更正代码；校验码错误几乎总是意味着其他位置录入有误。'
#   standard: GB 32100-2015
#   clause: 4.2 代码及说明; Annex A (check character; a character set without I, O, Z, S, V)
#   basis: 'S: 4.2 as JR/T 0293—2023 table 1 cites it; S: Annex A as implementations cite it; NF: the full text'
#   severity: error
#   remediation: >-
#     Correct the codes against the national enterprise credit register; a wrong check
#     character almost always means a mistyped character elsewhere.
package dgcheck.rules.identifiers.uscc_valid

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_uscc")
	c := identifiers.counts(col, "cn_uscc")
	bad := identifiers.trait(col, "cn_uscc", "bad_check_char")
	details := identifiers.below(
		col, c.matched - bad, identifiers.unmasked(col, "cn_uscc"), config.thresholds.uscc_check_min,
		"unified social credit codes are malformed or have a wrong check character",
		["统一社会信用代码", "格式错误或校验码错误"],
		{"matched": c.matched, "bad_check_char": bad, "masked": c.masked},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), identifiers.judged(col, "cn_uscc", details))
}
