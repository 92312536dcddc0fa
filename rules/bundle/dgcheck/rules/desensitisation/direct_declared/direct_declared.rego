# METADATA
# title: A detected direct identifier must be declared direct
# description: >-
#   A column holds a direct identifier (resident ID numbers, mobiles, e-mail addresses, ...:
#   its field declares the identifier's validator, or at least thresholds.detect_min_rate of
#   its present values have the identifier's structure, raw or masked), but its field declares
#   another identifier_role. A silent miss leaves the column out of every de-identification
#   step that direct identifiers need.
# custom:
#   id: DESENS-002
#   title_zh: '检出的直接标识符须声明为直接标识符'
#   remediation_zh: '将该列声明为 identifier_role: direct，并在数据共享或开放前删除、屏蔽或假名化。'
#   standard: GB/T 37964-2019
#   clause: 3.7 直接标识符; process step 识别标识
#   basis: 'T: GB/T 37964-2019 terms (gongliff.cn/anquanbz/2053.html), 3.7 read; S: the process step 识别标识 (mingangsd.com/baike/1023.html), its clause number not found'
#   severity: error
#   remediation: >-
#     Declare the column identifier_role: direct, and remove, mask or pseudonymise it before
#     the data is shared or released.
package dgcheck.rules.desensitisation.direct_declared

import data.dgcheck.lib.desens
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	declared := desens.role(col.name)
	declared in {"quasi", "sensitive", "other"}
	detector := _strongest(col)
	hits := profile.hits(col, detector)
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d of %d present values are %s, a direct identifier, but the field declares identifier_role %s", [
			col.name, hits, profile.non_null(col), profile.noun(detector), declared,
		]),
		"message_zh": sprintf("%s：%d 个非空值中有 %d 个是%s（直接标识符），但该字段声明的 identifier_role 为 %s", [
			col.name, profile.non_null(col), hits, profile.noun_zh(detector), declared,
		]),
		"evidence": {"detector": detector, "hits": hits, "non_null": profile.non_null(col), "declared": declared},
	})
}

# One finding per column: the identifier it holds most of.
_strongest(col) := max(candidates)[1] if {
	candidates := {[profile.hits(col, detector), detector] |
		some detector in profile.direct
		profile.holds(col, detector)
	}
	count(candidates) > 0
}
