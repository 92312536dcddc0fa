# METADATA
# title: The organisation code embedded in a USCC has a valid check
# description: >-
#   In each column of unified social credit codes, A of the B codes with the USCC structure
#   embed at positions 9-17 a GB 11714 organisation code whose own check character is right, X
#   = A/B; reported below thresholds.uscc_org_code_min.
# custom:
#   id: ID-007
#   title_zh: '统一社会信用代码中内嵌的组织机构代码校验有效'
#   remediation_zh: '对照登记簿核查内嵌组织机构代码校验不通过的代码：很可能第 9-17 位录入有误。'
#   standard: GB 32100-2015; GB 11714-1997
#   clause: GB 32100-2015 positions 9-17 主体标识码 (per GB 11714); GB 11714-1997 2.1.2 校验码
#   basis: 'S: GB 32100-2015 positions 9-17 (secondary sources); T: GB 11714-1997 text (jinchutou.com; biao-zhun.cn/4938.html), 2.1.2 read'
#   severity: warning
#   remediation: >-
#     Check the codes whose embedded organisation code fails against the register: the code
#     was likely mistyped in positions 9-17.
package dgcheck.rules.identifiers.uscc_org_code

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_uscc")
	c := identifiers.counts(col, "cn_uscc")
	bad := identifiers.trait(col, "cn_uscc", "bad_org_code")
	details := identifiers.below(
		col, c.matched - bad, c.matched, config.thresholds.uscc_org_code_min,
		"unified social credit codes embed an organisation code with a wrong check character",
		["统一社会信用代码", "所含组织机构代码的校验码错误"],
		{"matched": c.matched, "bad_org_code": bad},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}
