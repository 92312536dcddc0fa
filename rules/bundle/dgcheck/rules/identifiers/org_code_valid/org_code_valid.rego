# METADATA
# title: Standalone organisation codes have a valid check character
# description: >-
#   In each column typed as organisation codes (detected, or declared validator
#   cn_org_gb11714), A of the B non-null, unmasked values are 8 characters of [0-9A-Z] and a
#   right GB 11714 check character, written with or without '-', X = A/B; fails below
#   thresholds.org_code_check_min.
# custom:
#   id: ID-008
#   title_zh: '单独的组织机构代码校验码有效'
#   remediation_zh: '对照登记簿更正代码；2016 年以来多数组织已使用统一社会信用代码，其第 9-17 位即组织机构代码。'
#   standard: GB 11714-1997
#   clause: 2.1 代码的结构, 2.1.2 校验码, 2.2 代码的表示形式, 3 自定义区, Annex A 代码字符集
#   basis: 'T: GB 11714-1997 text (jinchutou.com; biao-zhun.cn/4938.html) and foreword (zh.wikisource.org), 2.1 to 3 and Annex A read'
#   severity: error
#   remediation: >-
#     Correct the codes against the register; since 2016 most organisations carry a unified
#     social credit code, whose positions 9-17 hold their organisation code.
package dgcheck.rules.identifiers.org_code_valid

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_org_code")
	c := identifiers.counts(col, "cn_org_code")
	details := identifiers.below(
		col, c.matched - identifiers.trait(col, "cn_org_code", "bad_check_char"), identifiers.unmasked(col, "cn_org_code"), config.thresholds.org_code_check_min,
		"organisation codes are malformed or have a wrong check character",
		["组织机构代码", "格式错误或校验码错误"],
		{"matched": c.matched, "valid": c.valid, "masked": c.masked, "bad_check_char": identifiers.trait(col, "cn_org_code", "bad_check_char")},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), identifiers.judged(col, "cn_org_code", details))
}
