package dgcheck.rules.quality.value_ranges_test

import data.dgcheck.rules.quality.value_ranges

_size := {"name": "household_size", "constraints": {
	"minimum": {"reference": "1", "evaluated": 2000, "failed": 0, "samples": []},
	"maximum": {"reference": "6", "evaluated": 2000, "failed": 4, "samples": [{"row": 31, "value": "1*"}]},
}}

test_fail_above_maximum if {
	findings := value_ranges.warning with input as {"profile": {"columns": [_size]}}
	[f] := [f | some f in findings]
	f.id == "QUAL-009"
	f.message == "household_size: 4 of 2000 values are above the declared maximum 6 (X = 0.9980)"
	f.message_zh == "household_size：2000 个值中有 4 个高于声明的最大值 6（X = 0.9980）"
	f.measure == {"a": 1996, "b": 2000, "x": 0.998}
}

test_success_in_range if {
	col := json.patch(_size, [{"op": "replace", "path": "/constraints/maximum/failed", "value": 0}])
	count(value_ranges.warning) == 0 with input as {"profile": {"columns": [col]}}
	count(value_ranges.measures) == 2 with input as {"profile": {"columns": [col]}}
}

test_fail_at_an_exclusive_minimum if {
	col := {"name": "rate", "constraints": {"exclusive_minimum": {"reference": "0", "evaluated": 10, "failed": 1, "samples": [{"row": 4, "value": "0"}]}}}
	[f] := [f | some f in value_ranges.warning] with input as {"profile": {"columns": [col]}}
	f.message == "rate: 1 of 10 values are at or below the declared exclusive_minimum 0 (X = 0.9000)"
}
