package dgcheck.rules.desensitisation.address_truncated_test

import data.dgcheck.rules.desensitisation.address_truncated

_dz := {
	"name": "dz", "rows": 10, "nulls": 0, "blanks": 0,
	"detectors": {"address": {"matched": 6, "plausible": 6, "valid": 6, "masked": 4, "raw_samples": [{"row": 2, "value": "湖北省********"}]}},
}

test_fail_door_level_addresses_released if {
	findings := address_truncated.warning with input as {"metadata": {"cn": {"open_type": "有条件开放"}}, "profile": {"columns": [_dz]}}
	[f] := [f | some f in findings]
	f.id == "DESENS-009"
	f.message == "dz: 6 of 10 present values are addresses finer than the district, in data that leaves its holder"
	f.samples == [{"row": 2, "value": "湖北省********"}]
}

test_success_kept_inside if {
	count(address_truncated.warning) == 0 with input as {"metadata": {"cn": {"open_type": "不予开放"}}, "profile": {"columns": [_dz]}}
}

test_success_masked_addresses if {
	dz := json.patch(_dz, [
		{"op": "replace", "path": "/detectors/address/matched", "value": 0},
		{"op": "replace", "path": "/detectors/address/masked", "value": 10},
	])
	count(address_truncated.warning) == 0 with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"columns": [dz]}}
}
