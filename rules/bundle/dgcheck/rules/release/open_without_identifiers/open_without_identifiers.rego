# METADATA
# title: Unconditionally open data contains no PI unless anonymised or lawfully public
# description: >-
#   Data declared 无条件开放 (unconditionally open) may be downloaded by anyone, so it must not
#   hold direct identifiers and must be anonymised: no column of raw direct identifiers of any
#   type (ID numbers, mobiles, e-mail addresses, bank cards, passports and permits, plates,
#   phone numbers, and names and addresses where the classifier finds them), no valid ID
#   number or e-mail address in any other column, none inside free text (DESENS-020); no
#   column of
#   plain hashes of such identifiers, which enumeration reverses (DESENS-010); and k-anonymity
#   over the quasi-identifiers met (DESENS-012). Masked values are left to the
#   de-identification rules.
# custom:
#   id: PUB-003
#   title_zh: '无条件开放的数据不含个人信息，除非已匿名化或依法公开'
#   remediation_zh: '发布前按 GB/T 37964 去标识化，删除或屏蔽标识符；或改为有条件开放，并在条件中涵盖个人信息。'
#   standard: PIPL (个人信息保护法); GB/T 35273-2020
#   clause: PIPL art. 25, art. 27, art. 55(三), art. 4; GB/T 35273-2020 9.4 个人信息公开披露
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, arts. 4, 25, 27 and 55 read; T: GB/T 35273-2020 TOC (web.tlawyer.cn), 9.4 seen'
#   severity: error
#   remediation: >-
#     Remove or mask the identifiers (GB/T 37964 de-identification) before release, or open the
#     dataset only on conditions (有条件开放) that cover personal information.
package dgcheck.rules.release.open_without_identifiers

import data.dgcheck.lib.desens
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains finding if {
	desens.unconditionally_open
	some col in input.profile.columns
	some detector in profile.direct
	raw := _raw(col, detector)
	raw > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf(
			"%s: %d of %d non-null values are raw %s, in data declared 无条件开放 (unconditionally open)",
			[col.name, raw, profile.non_null(col), profile.noun(detector)],
		),
		"message_zh": sprintf(
			"%s：%d 个非空值中有 %d 个是未经处理的%s，而数据声明为无条件开放",
			[col.name, profile.non_null(col), raw, profile.noun_zh(detector)],
		),
		"evidence": {"detector": detector, "raw": raw, "non_null": profile.non_null(col)},
		"samples": object.get(col.detectors[detector], "raw_samples", []),
	})
}

# The raw identifiers a column holds: in a column of them, every plausible one; elsewhere,
# only values that are evidence on their own, a valid ID number (a right check digit over a
# real address code and birth date) or an e-mail address. An 18-digit order number or an
# 11-digit member number is neither: numbers of a shape are judged by their column.
_raw(col, detector) := profile.plausible(col, detector) if identifiers.typed(col, detector)

_raw(col, detector) := col.detectors[detector].valid if {
	not identifiers.typed(col, detector)
	detector in {"cn_resident_id", "email"}
}

violation contains finding if {
	desens.unconditionally_open
	some h in desens.unkeyed_hashes
	finding := result.finding(rego.metadata.chain(), {
		"column": h.column,
		"message": sprintf("%s: %d values are unkeyed hashes of %s (a direct identifier), in data declared 无条件开放 (unconditionally open)", [
			h.column, h.hashed, h.identifier,
		]),
		"message_zh": sprintf("%s：%d 个值是直接标识符的无密钥哈希（哈希对象：%s），而数据声明为无条件开放", [
			h.column, h.hashed, _identifier_zh(h),
		]),
		"evidence": {"hashed": h.hashed, "identifier": h.identifier},
	})
}

# What h's column hashes, in Chinese (h.identifier if no column of its name says).
_identifier_zh(h) := concat(", ", zh) if {
	zh := {desens.hashed_identifier_zh(col) | some col in input.profile.columns; col.name == h.column}
	count(zh) > 0
} else := h.identifier

violation contains finding if {
	desens.unconditionally_open
	r := desens.k_shortfall
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("not anonymised: %s, in data declared 无条件开放 (unconditionally open)", [desens.describe_k(r)]),
		"message_zh": sprintf("未经匿名化：%s，而数据声明为无条件开放", [desens.describe_k_zh(r)]),
		"evidence": {"k": r.k, "k_required": desens.k_target, "quasi_identifiers": r.quasi_identifiers, "unique_rows": r.unique_rows, "rows": r.rows},
		"samples": desens.class_samples(r.smallest_classes),
	})
}

violation contains finding if {
	desens.unconditionally_open
	some col in input.profile.columns
	some detector in profile.direct
	noun := profile.noun(detector)
	n := object.get(col.detectors[detector], "embedded", 0)
	n > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d values hold %s inside other text, in data declared 无条件开放 (unconditionally open)", [col.name, n, noun]),
		"message_zh": sprintf("%s：%d 个值在其他文本中夹带%s，而数据声明为无条件开放", [col.name, n, profile.noun_zh(detector)]),
		"evidence": {"detector": detector, "embedded": n},
		"samples": object.get(col.detectors[detector], "embedded_samples", []),
	})
}
