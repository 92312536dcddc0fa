# METADATA
# title: Citizen ID birth dates are real dates, not in the future, from 1900
# description: >-
#   In each resident-ID column, A of the B 18-character numbers have positions 7-14 that form
#   a calendar date from 1900 on, X = A/B, and the column fails below
#   thresholds.id_birth_date_min. It also fails when the latest birth month among valid
#   numbers is after the check date (options.now): someone not yet born.
# custom:
#   id: ID-004
#   title_zh: '公民身份号码中的出生日期为真实日期，不晚于当前且不早于 1900 年'
#   remediation_zh: '对照登记簿，在源头更正出生日期不可能存在或晚于当前的号码。'
#   standard: GB 11643-1999
#   clause: 出生日期码 (per GB/T 7408, now GB/T 7408.1-2023; no separators)
#   basis: 'T: GB 11643-1999''s text on 出生日期码 (zh.wikisource.org), its sub-clause number not found; T: GB/T 7408.1-2023 TOC (docx.baby/p/20787085404870.html)'
#   severity: error
#   remediation: >-
#     Correct the numbers whose birth date is impossible or in the future at the source,
#     against the register.
package dgcheck.rules.identifiers.resident_id_birth_date

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_resident_id")
	c := identifiers.counts(col, "cn_resident_id")
	bad := identifiers.trait(col, "cn_resident_id", "bad_birth_date")
	full := c.matched - identifiers.trait(col, "cn_resident_id", "legacy_15")
	details := identifiers.below(
		col, full - bad, full, config.thresholds.id_birth_date_min,
		"resident ID numbers have no real birth date in positions 7-14",
		["公民身份号码", "第 7-14 位不是真实的出生日期"],
		{"matched": full, "bad_birth_date": bad},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}

violation contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_resident_id")
	latest := col.detectors.cn_resident_id.birth_months.max
	now := substring(input.options.now, 0, 7)
	latest > now
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: a valid resident ID number gives a birth month of %s, after the check date %s", [col.name, latest, now]),
		"message_zh": sprintf("%s：有效的公民身份号码给出的出生年月为 %s，晚于检查日期 %s", [col.name, latest, now]),
		"evidence": {"latest_birth_month": latest, "now": now},
	})
}
