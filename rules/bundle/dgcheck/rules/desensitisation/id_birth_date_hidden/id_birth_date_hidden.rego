# METADATA
# title: Masked citizen ID numbers hide at least the birth date (positions 7-14)
# description: >-
#   Positions 7-14 of a resident ID number are the holder's birth date (GB 11643-1999). A
#   masked ID must hide them: the declared masking pattern of an ID column must not keep any
#   of them (read from its regex), no masked value in an ID column may show any of them, and
#   the birth date the masked IDs hide must not stand in clear in another column of the same
#   file (a column whose name says birth date and whose values are dates), which would give
#   back the whole number.
# custom:
#   id: DESENS-005
#   title_zh: '屏蔽后的公民身份号码至少隐藏出生日期（第 7-14 位）'
#   remediation_zh: '采用隐藏第 7-14 位的模式屏蔽号码（id_6_8_4、id_3_11_4、id_1_16_1），且不在旁边发布精确出生日期：将其泛化为年份或年份区间，或予以删除。'
#   standard: Industry masking convention (STANDARDS.md §4); GB 11643-1999; GB/T 36344-2018; GB/T 35273-2020; JR/T 0171-2020
#   clause: convention, not a national-standard clause; GB 11643-1999 出生日期码; GB/T 36344-2018 5 指标说明, indicator 规范性/安全规范; GB/T 35273-2020 7.2 个人信息的展示限制; JR/T 0171-2020 Annex A 信息屏蔽
#   basis: 'S: the masking patterns (STANDARDS.md §4); T: GB 11643-1999 front matter (zh.wikisource.org; blog.csdn.net/chenlu5201314), 出生日期码 read, its clause number not found; T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), GB/T 35273-2020 TOC (web.tlawyer.cn) and JR/T 0171-2020 TOC (jinmi8.com/doc/9508/25676)'
#   severity: error
#   remediation: >-
#     Mask ID numbers with a pattern that hides positions 7-14 (id_6_8_4, id_3_11_4,
#     id_1_16_1), and publish no exact birth date beside them: generalise it to a year or a
#     band of years, or drop it.
package dgcheck.rules.desensitisation.id_birth_date_hidden

import data.dgcheck.lib.desens
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

_birth := desens.policy.id_birth_date_positions

violation contains finding if {
	some col in input.profile.columns
	m := col.masking
	m.data == "cn_resident_id"
	m.length == 18
	desens.reveals(m.kept, _birth[0], _birth[1])
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: the declared masking pattern %s keeps positions %s of the ID numbers, revealing the birth date (positions %d-%d)", [
			col.name, m.pattern, _ranges(m.kept), _birth[0], _birth[1],
		]),
		"message_zh": sprintf("%s：声明的屏蔽模式 %s 保留了公民身份号码的第 %s 位，暴露了出生日期（第 %d-%d 位）", [
			col.name, m.pattern, _ranges(m.kept), _birth[0], _birth[1],
		]),
		"evidence": {"pattern": m.pattern, "kept": m.kept},
	})
}

violation contains finding if {
	some col in input.profile.columns
	profile.identifier_column(col, "cn_resident_id")
	shapes := desens.revealing_shapes(col, 18, _birth[0], _birth[1])
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d masked ID numbers (shapes %s) show part of the birth date (positions %d-%d)", [
			col.name, shapes.count, concat(", ", shapes.shapes), _birth[0], _birth[1],
		]),
		"message_zh": sprintf("%s：%d 个屏蔽后的公民身份号码（形式 %s）显示了部分出生日期（第 %d-%d 位）", [
			col.name, shapes.count, concat(", ", shapes.shapes), _birth[0], _birth[1],
		]),
		"evidence": {"revealing": shapes.count, "shapes": shapes.shapes},
		"samples": shapes.samples,
	})
}

violation contains finding if {
	some col in input.profile.columns
	profile.identifier_column(col, "cn_resident_id")
	col.detectors.cn_resident_id.masked > 0
	some birth in input.profile.columns
	"birth_date" in object.get(birth, "hints", [])
	dates := object.get(birth, ["kinds", "date"], 0) + object.get(birth, ["kinds", "datetime"], 0)
	dates > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: the masked ID numbers hide the birth date, but column %s gives it in clear (%d dates), which restores the whole number", [
			col.name, birth.name, dates,
		]),
		"message_zh": sprintf("%s：公民身份号码已屏蔽出生日期，但列 %s 以明文给出出生日期（%d 个日期），据此可还原完整号码", [
			col.name, birth.name, dates,
		]),
		"evidence": {"birth_date_column": birth.name, "dates": dates},
	})
}

_ranges(kept) := concat(", ", [sprintf("%d-%d", [r[0], r[1]]) | some r in kept])
