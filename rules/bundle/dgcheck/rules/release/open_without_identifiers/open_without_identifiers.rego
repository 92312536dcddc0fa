# METADATA
# title: Unconditionally open data contains no PI unless anonymised or lawfully public
# description: >-
#   Data declared 无条件开放 (unconditionally open) may be downloaded by anyone, so it must not
#   hold raw direct identifiers: any value with the structure of a resident ID number, mobile
#   number or e-mail address, valid or not, in any column. Masked values are left to the
#   de-identification rules.
# custom:
#   id: PUB-003
#   standard: PIPL (个人信息保护法); GB/T 37964
#   clause: clause unknown (PIPL public disclosure of PI, from memory)
#   severity: error
#   remediation: >-
#     Remove or mask the identifiers (GB/T 37964 de-identification) before release, or open the
#     dataset only on conditions (有条件开放) that cover personal information.
# schemas:
#   - input: schema.dgcheck.input
package dgcheck.rules.release.open_without_identifiers

import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains finding if {
	input.metadata.cn.open_type == "无条件开放"
	some col in input.profile.columns
	some detector, noun in data.dgcheck.config.direct_identifiers
	counts := col.detectors[detector]
	counts.matched > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf(
			"%s: %d of %d non-null values are raw %s, in data declared 无条件开放 (unconditionally open)",
			[col.name, counts.matched, profile.non_null(col), noun],
		),
		"evidence": {"detector": detector, "raw": counts.matched, "non_null": profile.non_null(col)},
		"samples": object.get(counts, "raw_samples", []),
	})
}
