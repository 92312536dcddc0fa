# METADATA
# title: Mainland mobile numbers have 11 digits starting 1[3-9]
# description: >-
#   In each column holding mobile numbers (detected, or declared validator cn_mobile), A of
#   the B non-null, unmasked values have a mainland mobile's format, (+)86 and 1[3-9] and 9
#   digits, X = A/B; fails below thresholds.mobile_format_min. Numbers outside the bundled
#   segment table (data/mobile_segments.txt, dated) are counted in the evidence as
#   unallocated_segment, and the message names them, but do not fail the rule: allocation
#   changes by MIIT decision and the table may lag.
# custom:
#   id: ID-010
#   title_zh: '大陆手机号码为 11 位数字，以 1[3-9] 开头'
#   remediation_zh: '在源头更正号码；对未分配号段的号码，对照工业和信息化部当前号段分配核查，如为新分配号段则更新 data/mobile_segments.txt。'
#   standard: MIIT numbering plan
#   clause: '(no clause: cited as a whole)'
#   basis: 'NF: no text of the MIIT numbering plan found; it is cited as a whole, and the segment table is dated data (data/mobile_segments.txt)'
#   severity: error
#   remediation: >-
#     Correct the numbers at the source; check numbers in unallocated segments against the
#     current MIIT allocation and update data/mobile_segments.txt if a segment was newly
#     allocated.
package dgcheck.rules.identifiers.mobile_format

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "mobile")
	c := identifiers.counts(col, "mobile")
	details := identifiers.below(
		col, c.matched, identifiers.unmasked(col, "mobile"), config.thresholds.mobile_format_min,
		"values are not mainland mobile numbers",
		["值", "不是大陆手机号码"],
		{"matched": c.matched, "valid": c.valid, "masked": c.masked, "unallocated_segment": identifiers.trait(col, "mobile", "unallocated_segment")},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}
