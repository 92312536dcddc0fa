# METADATA
# title: Names are masked to the surname (plus an optional last character)
# description: >-
#   In a column of personal names, a masked value keeps only its first one or two characters
#   (the surname, 欧阳 included) and at most its last character: 张*, 张*丰, 欧阳**. A shape
#   keeping more, or keeping characters in the middle, reveals the given name.
# custom:
#   id: DESENS-008
#   title_zh: '姓名屏蔽至仅保留姓氏（可另保留名字最后一个字）'
#   remediation_zh: '按 name_surname 屏蔽姓名（张*、欧阳*），名字部分最多保留最后一个字。'
#   standard: Industry masking convention (STANDARDS.md §4)
#   clause: convention, not a national-standard clause
#   basis: 'S: masking conventions several codebases share (STANDARDS.md §4: ruoyi-tdesign-doc, DesensitizedUtil copies); no national standard fixes them'
#   severity: warning
#   remediation: Mask names as name_surname (张*, 欧阳*), keeping nothing of the given name but perhaps its last character.
package dgcheck.rules.desensitisation.name_surname_only

import data.dgcheck.lib.profile
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	_name_column(col)
	shapes := [s |
		some s in object.get(col, ["forms", "mask_shapes"], [])
		not _surname_shape(s)
	]
	count(shapes) > 0
	n := sum([s.count | some s in shapes])
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d masked names (shapes %s) keep more than the surname and a last character", [
			col.name, n, concat(", ", [s.shape | some s in shapes]),
		]),
		"message_zh": sprintf("%s：%d 个屏蔽后的姓名（形式 %s）保留了姓氏和最后一个字以外的字符", [
			col.name, n, concat(", ", [s.shape | some s in shapes]),
		]),
		"evidence": {"revealing": n, "shapes": [s.shape | some s in shapes]},
		"samples": [{"row": s.first_row} | some s in shapes],
	})
}

_name_column(col) if col.masking.data == "person_name"

_name_column(col) if profile.identifier_column(col, "person_name")

# Kept: the first 1-2 characters, then optionally the last one.
_surname_shape(s) if {
	s.kept[0] == [1, s.kept[0][1]]
	s.kept[0][1] <= 2
	count(s.kept) == 1
	s.kept[0][1] < s.length
}

_surname_shape(s) if {
	count(s.kept) == 2
	s.kept[0][0] == 1
	s.kept[0][1] <= 2
	s.kept[1] == [s.length, s.length]
}
