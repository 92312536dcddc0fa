# METADATA
# title: Open data carries no precise personal locations
# description: >-
#   In data opened unconditionally that holds personal information, a column of coordinates
#   (the coordinate detector matches at least thresholds.detect_min_rate of its values, or
#   its name says coordinate, longitude or latitude) keeps more than thresholds.coordinate_decimals_max
#   decimal places (3 places is about 110 m): precise enough to find a person's home.
# custom:
#   id: DESENS-021
#   title_zh: '开放数据不含个人的精确位置'
#   remediation_zh: '将与个人相关的坐标舍入到不超过策略规定的小数位数，或改为发布区域代码。'
#   standard: PIPL (个人信息保护法); GB/T 35273-2020; GB/T 43697-2024; GB/T 16831-2013 (ISO 6709:2008)
#   clause: PIPL art. 28 (行踪轨迹); GB/T 35273-2020 Annex B (精准定位信息); GB/T 43697-2024 6.3 数据分级要素; GB/T 16831-2013 6.6 坐标分辨率, Annex E 经纬度分辨率
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, art. 28 read; T: GB/T 35273-2020 TOC (web.tlawyer.cn), GB/T 43697-2024 TOC (gbstandards.icu/s/462422) and GB/T 16831-2013 TOC (guifanku.com/745029.html); S: 精准定位信息 in Annex B'
#   severity: warning
#   remediation: Round coordinates about people to at most the policy's decimal places, or publish an area code instead.
package dgcheck.rules.desensitisation.precise_location

import data.dgcheck.lib.config
import data.dgcheck.lib.desens
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

warning contains finding if {
	desens.unconditionally_open
	_personal
	some col in input.profile.columns
	_coordinates(col)
	precise := sum([n | some places, n in col.forms.decimal_places; to_number(places) > config.thresholds.coordinate_decimals_max])
	precise > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d coordinates keep more than %d decimal places, in open data about people", [
			col.name, precise, config.thresholds.coordinate_decimals_max,
		]),
		"message_zh": sprintf("%s：%d 个坐标的小数位数超过 %d 位，出现在涉及个人的开放数据中", [
			col.name, precise, config.thresholds.coordinate_decimals_max,
		]),
		"evidence": {"precise": precise, "decimal_places": col.forms.decimal_places},
	})
}

_personal if input.metadata.pi.contains_pi == true

_personal if {
	some col in input.profile.columns
	some detector in profile.direct
	profile.holds(col, detector)
}

_coordinates(col) if profile.identifier_column(col, "coordinate")

_coordinates(col) if "coordinate" in object.get(col, "hints", [])
