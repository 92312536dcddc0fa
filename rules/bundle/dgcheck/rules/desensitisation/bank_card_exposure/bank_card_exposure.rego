# METADATA
# title: Masked bank cards reveal at most the first 6 and last 4 digits
# description: >-
#   In a bank-card column, a masked value keeps at most its first 6 characters (the issuer's
#   BIN) and its last 4, plus single separators (spaces) between masked groups: a masked shape
#   keeping more at either end, or a run of more than one character in the middle, reveals
#   digits the convention hides.
# custom:
#   id: DESENS-007
#   title_zh: '屏蔽后的银行卡号最多显示前 6 位和后 4 位'
#   remediation_zh: '按 bank_card_6_4 屏蔽卡号（622202*********0128），或隐藏更多位数。'
#   standard: Industry masking convention (STANDARDS.md §4); PCI DSS; JR/T 0171-2020
#   clause: convention, not a national-standard clause; PCI DSS v3.2.1 Req. 3.3 (first six and last four digits at most); JR/T 0171-2020 Annex A 信息屏蔽
#   basis: 'S: PCI DSS v3.x Req. 3.3 (PCI SSC FAQ 1492; pcilinux.com); T: JR/T 0171-2020 TOC (jinmi8.com/doc/9508/25676), Annex A seen'
#   severity: error
#   remediation: Mask card numbers as bank_card_6_4 (622202*********0128) or hide more.
package dgcheck.rules.desensitisation.bank_card_exposure

import data.dgcheck.lib.desens
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

_max := desens.policy.bank_card_max_kept

violation contains finding if {
	some col in input.profile.columns
	profile.identifier_column(col, "bank_card")
	shapes := [s |
		some s in object.get(col, ["forms", "mask_shapes"], [])
		_too_revealing(s)
	]
	count(shapes) > 0
	n := sum([s.count | some s in shapes])
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d masked card numbers (shapes %s) reveal more than the first %d and last %d digits", [
			col.name, n, concat(", ", [s.shape | some s in shapes]), _max.leading, _max.trailing,
		]),
		"message_zh": sprintf("%s：%d 个屏蔽后的银行卡号（形式 %s）显示的数字超出前 %d 位和后 %d 位", [
			col.name, n, concat(", ", [s.shape | some s in shapes]), _max.leading, _max.trailing,
		]),
		"evidence": {"revealing": n, "shapes": [s.shape | some s in shapes]},
		"samples": [{"row": s.first_row} | some s in shapes],
	})
}

# A separator may follow the leading digits and precede the trailing ones.
_too_revealing(s) if {
	some r in s.kept
	r[0] == 1
	r[1] > _max.leading + 1
}

_too_revealing(s) if {
	some r in s.kept
	r[1] == s.length
	(r[1] - r[0]) + 1 > _max.trailing + 1
}

_too_revealing(s) if {
	some r in s.kept
	r[0] > 1
	r[1] < s.length
	r[1] > r[0]
}
