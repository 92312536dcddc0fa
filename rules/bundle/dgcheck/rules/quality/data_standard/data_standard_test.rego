package dgcheck.rules.quality.data_standard_test

import data.dgcheck.rules.quality.data_standard

_col := {"name": "sfzh", "constraints": {"standard": {
	"reference": "GB 11643-1999",
	"evaluated": 200,
	"failed": 5,
	"samples": [{"row": 14, "value": "110105********0021"}],
}}}

test_fail_values_off_standard if {
	findings := data_standard.warning with input as {"profile": {"columns": [_col]}}
	[f] := [f | some f in findings]
	f.id == "QUAL-001"
	f.column == "sfzh"
	f.message == "sfzh: 5 of 200 values do not conform to GB 11643-1999 (X = 0.9750)"
	f.measure == {"a": 195, "b": 200, "x": 0.975}
	f.samples == [{"row": 14, "value": "110105********0021"}]
}

test_success_within_threshold_and_measured if {
	col := json.patch(_col, [{"op": "replace", "path": "/constraints/standard/failed", "value": 1}])
	count(data_standard.warning) == 0 with input as {"profile": {"columns": [col]}}
	data_standard.measures == {{"id": "QUAL-001", "indicator": "normativity", "element": "sfzh:standard", "a": 199, "b": 200}} with input as {"profile": {"columns": [col]}}
}
