# METADATA
# title: Travel-permit numbers follow their formats
# description: >-
#   In each column typed as a permit for travel between the mainland and Hong Kong or Macau
#   (C/W, H/M series) or a Taiwan residents' permit (8 digits), detected or declared
#   (validators hkmo_permit, tw_permit), A of the B non-null, unmasked values have the
#   permit's format, X = A/B; reported below thresholds.format_min.
# custom:
#   id: ID-013
#   title_zh: '出入境通行证号码符合其格式'
#   remediation_zh: '在源头更正号码；不同种类的通行证放在不同的列中。'
#   standard: Exit-entry permit rules (administrative)
#   clause: '(no clause: cited as a whole)'
#   basis: 'NF: no public rule text found, the rules are cited as a whole; S: the formats, from several recognisers (STANDARDS.md §3.7)'
#   severity: warning
#   remediation: >-
#     Correct the numbers at the source; keep permits of different kinds in different columns.
package dgcheck.rules.identifiers.permit_format

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	some detector in ["hkmo_permit", "tw_permit"]
	identifiers.typed(col, detector)
	c := identifiers.counts(col, detector)
	details := identifiers.below(
		col, c.matched, identifiers.unmasked(col, detector), config.thresholds.format_min,
		sprintf("values are not %s numbers", [detector]),
		["值", sprintf("不是%s", [profile.noun_zh(detector)])],
		{"detector": detector, "matched": c.matched, "masked": c.masked},
		[],
	)
	finding := result.finding(rego.metadata.chain(), details)
}
