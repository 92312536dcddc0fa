package dgcheck.rules.identifiers.coordinates_test

import data.dgcheck.rules.identifiers.coordinates

_pos := {"name": "zb", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"coordinate": {"matched": 100, "valid": 100, "masked": 0, "traits": {"cn_lat_range": 60, "cn_lon_range": 60, "precise": 100, "pair": 100}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "precise_location", "detector": "coordinate", "confidence": 0.99, "form": "raw"}}

test_fail_no_crs_and_outside_china if {
	fs := coordinates.warning with input as {"metadata": {"spatial": "CN-42"}, "profile": {"columns": [_pos]}}
	{f.message | some f in fs} == {
		"zb: coordinates without a declared reference system (WGS-84, WGS84, CGCS2000, GCJ-02, GCJ02, BD-09)",
		"zb: 40 of 100 coordinates fall outside China's latitudes and longitudes, in data whose spatial coverage is China (X = 0.6000, below 0.9900)",
	}
	{f.message_zh | some f in fs} == {
		"zb：坐标未声明坐标参考系（WGS-84, WGS84, CGCS2000, GCJ-02, GCJ02, BD-09）",
		"zb：100 个坐标中有 40 个超出中国的经纬度范围，而数据声明的空间范围为中国（X = 0.6000，低于 0.9900）",
	}
}

test_fail_out_of_range if {
	col := {"name": "zb", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"coordinate": {"matched": 80, "valid": 80, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "location", "detector": "coordinate", "confidence": 0.99, "form": "raw"}}
	fs := coordinates.warning with input as {"metadata": {"fields": [{"name": "zb", "standard_ref": "WGS-84"}]}, "profile": {"columns": [col]}}
	[f] := [f | some f in fs]
	f.measure == {"a": 80, "b": 100, "x": 0.8}
}

test_success_declared_and_in_china if {
	col := json.patch(_pos, [{"op": "replace", "path": "/detectors/coordinate/traits/cn_lat_range", "value": 100}])
	count(coordinates.warning) == 0 with input as {"metadata": {"spatial": "CN-42", "fields": [{"name": "zb", "standard_ref": "CGCS2000"}]}, "profile": {"columns": [col]}}
}
