package dgcheck.rules.quality.reference_data_test

import data.dgcheck.rules.quality.reference_data

_region := {"name": "county_code", "constraints": {"code_list": {
	"reference": "GB/T 2260 (bundled edition 2020-12)",
	"evaluated": 500,
	"failed": 2,
	"samples": [{"row": 9, "value": "4*****"}, {"row": 77, "value": "9*****"}],
}}}

test_fail_codes_not_in_the_table if {
	findings := reference_data.warning with input as {"profile": {"columns": [_region]}}
	[f] := [f | some f in findings]
	f.id == "QUAL-005"
	f.message == "county_code: 2 of 500 values are not codes of GB/T 2260 (bundled edition 2020-12) (X = 0.9960)"
	f.evidence.declared == "GB/T 2260 (bundled edition 2020-12)"
	count(f.samples) == 2
}

test_success_every_code_listed if {
	col := json.patch(_region, [{"op": "replace", "path": "/constraints/code_list/failed", "value": 0}])
	count(reference_data.warning) == 0 with input as {"profile": {"columns": [col]}}
}
