# METADATA
# title: IP addresses parse; private and reserved ranges are reported
# description: >-
#   In each column typed as IP addresses (detected, or declared validator ip_address), A of
#   the B non-null, unmasked values are IPv4 or IPv6 addresses, X = A/B; reported below
#   thresholds.format_min. The evidence gives how many are private, loopback or link-local,
#   which say where the data was collected.
# custom:
#   id: ID-015
#   title_zh: 'IP 地址可解析；报告私有和保留地址段'
#   remediation_zh: '更正或删除不是地址的值；IPv6 按 RFC 5952 规范形式书写。'
#   standard: RFC 791; RFC 4291; RFC 5952
#   clause: 'RFC 4291 §2.2 (text representation); RFC 791 (no clause: cited as a whole); RFC 5952 (no clause: cited as a whole)'
#   basis: 'T: RFC 4291 §2.2 as RFC 5952''s abstract quotes it (ietf.org/rfc/rfc5952); NF: RFC 791 and RFC 5952 section numbers'
#   severity: warning
#   remediation: >-
#     Correct or remove the values that are not addresses; write IPv6 in its RFC 5952
#     canonical form.
package dgcheck.rules.identifiers.ip_address_format

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "ip_address")
	c := identifiers.counts(col, "ip_address")
	details := identifiers.below(
		col, c.matched, identifiers.unmasked(col, "ip_address"), config.thresholds.format_min,
		"values are not IP addresses",
		["值", "不是 IP 地址"],
		{"matched": c.matched, "valid": c.valid, "masked": c.masked, "ipv6": identifiers.trait(col, "ip_address", "ipv6"), "private": identifiers.trait(col, "ip_address", "private"), "loopback": identifiers.trait(col, "ip_address", "loopback"), "link_local": identifiers.trait(col, "ip_address", "link_local")},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}
