# METADATA
# title: Coordinates are in range, declare their reference system, and fall in China for domestic data
# description: >-
#   In each column typed as coordinates (precise_location or location, or declared validator
#   coordinate): A of the B non-null, unmasked values are decimal degrees within range
#   (latitude ±90, longitude ±180), X = A/B, reported below thresholds.format_min; the field
#   names its coordinate reference system (WGS-84, CGCS2000, GCJ-02, ... in
#   fields[].standard_ref or fields[].format); and, when the dataset's spatial coverage is
#   China (spatial CN or CN-xx), the values fall within China's latitudes or longitudes (the
#   bounding box of STANDARDS §3.8, a project default).
# custom:
#   id: ID-016
#   title_zh: '坐标在有效范围内、声明坐标参考系，境内数据的坐标位于中国境内'
#   remediation_zh: '在字段中声明坐标参考系（standard_ref: WGS-84、CGCS2000 或 GCJ-02），并更正超出范围或超出声明区域的坐标（常见原因是经纬度颠倒）。'
#   standard: GB/T 16831-2013 (ISO 6709:2008)
#   clause: 6.3 坐标参照系标识, 6.4 水平位置表示法, 6.6 坐标分辨率, Annex E (informative) 经纬度分辨率
#   basis: 'T: GB/T 16831-2013 TOC (guifanku.com/745029.html), 6.3, 6.4, 6.6 and Annex E seen; P: the China bounding box'
#   severity: warning
#   remediation: >-
#     Declare the coordinate reference system in the field (standard_ref: WGS-84, CGCS2000 or
#     GCJ-02) and correct coordinates out of range or out of the declared area (a swapped
#     latitude and longitude is the usual cause).
package dgcheck.rules.identifiers.coordinates

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

_coordinate_column(col) if identifiers.typed(col, "coordinate")

warning contains finding if {
	some col in input.profile.columns
	_coordinate_column(col)
	c := identifiers.counts(col, "coordinate")
	details := identifiers.below(
		col, c.matched, identifiers.unmasked(col, "coordinate"), config.thresholds.format_min,
		"values are not coordinates in range",
		["值", "不是有效范围内的坐标"],
		{"matched": c.matched, "masked": c.masked},
		[],
	)
	finding := result.finding(rego.metadata.chain(), details)
}

warning contains finding if {
	some col in input.profile.columns
	_coordinate_column(col)
	not _crs_declared(col.name)
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: coordinates without a declared reference system (%s)", [col.name, concat(", ", data.dgcheck.config.classification.crs)]),
		"message_zh": sprintf("%s：坐标未声明坐标参考系（%s）", [col.name, concat(", ", data.dgcheck.config.classification.crs)]),
		"evidence": {"crs": null},
	})
}

warning contains finding if {
	startswith(input.metadata.spatial, "CN")
	some col in input.profile.columns
	_coordinate_column(col)
	c := identifiers.counts(col, "coordinate")
	inside := max([identifiers.trait(col, "coordinate", "cn_lat_range"), identifiers.trait(col, "coordinate", "cn_lon_range")])
	details := identifiers.below(
		col, inside, c.matched, config.thresholds.format_min,
		"coordinates fall outside China's latitudes and longitudes, in data whose spatial coverage is China",
		["坐标", "超出中国的经纬度范围，而数据声明的空间范围为中国"],
		{"matched": c.matched, "in_china_range": inside, "spatial": input.metadata.spatial},
		[],
	)
	finding := result.finding(rego.metadata.chain(), details)
}

_crs_declared(name) if {
	some f in input.metadata.fields
	f.name == name
	some crs in data.dgcheck.config.classification.crs
	crs in {object.get(f, "standard_ref", ""), object.get(f, "format", "")}
}
