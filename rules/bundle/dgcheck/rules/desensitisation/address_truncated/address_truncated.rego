# METADATA
# title: Addresses are truncated to county or district level for release
# description: >-
#   In data that leaves its holder (declared de-identified, or opened), an address column
#   holds addresses down to a road, door number, building, unit or room (路、号、栋、单元、室):
#   a household located to its door. Counted by the address detector: its precise trait where
#   the profile has it, else every raw (unmasked) address it recognises.
# custom:
#   id: DESENS-009
#   title_zh: '发布的地址截断至县级或区级'
#   remediation_zh: '将地址截断至区县（address_district: 北京市海淀区********），或仅发布行政区划代码。'
#   standard: Industry masking convention (STANDARDS.md §4); GB/T 43697-2024
#   clause: convention, not a national-standard clause; GB/T 43697-2024 6.3 数据分级要素 (precision)
#   basis: 'S: the masking conventions (STANDARDS.md §4); T: GB/T 43697-2024 TOC (gbstandards.icu/s/462422), 6.3 seen; S: precision as a grading factor (eahome.com.cn/8122.html)'
#   severity: warning
#   remediation: >-
#     Cut addresses at the district or county (address_district: 北京市海淀区********), or
#     publish only the region code.
package dgcheck.rules.desensitisation.address_truncated

import data.dgcheck.lib.desens
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

warning contains finding if {
	desens.released
	some col in input.profile.columns
	profile.identifier_column(col, "address")
	counts := col.detectors.address
	precise := object.get(counts, ["traits", "precise"], counts.matched)
	precise > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d of %d present values are addresses finer than the district, in data that leaves its holder", [
			col.name, precise, profile.non_null(col),
		]),
		"message_zh": sprintf("%s：%d 个非空值中有 %d 个是细于区县级的地址，且该数据将对外提供", [
			col.name, profile.non_null(col), precise,
		]),
		"evidence": {"precise": precise, "non_null": profile.non_null(col)},
		"samples": object.get(counts, "raw_samples", []),
	})
}
