package dgcheck.rules.quality.masking_rules_test

import data.dgcheck.rules.quality.masking_rules

_sfzh := {"name": "sfzh", "masking": {
	"pattern": "id_6_8_4",
	"length": 18,
	"checked": 2000,
	"conforming": 1998,
	"nonconforming_samples": [{"row": 5, "value": "420111********123X"}],
	"leaks": 2,
	"leak_samples": [],
}}

test_fail_values_left_unmasked if {
	findings := masking_rules.violation with input as {"profile": {"columns": [_sfzh]}}
	[f] := [f | some f in findings]
	f.id == "QUAL-006"
	f.message == "sfzh: 2 of 2000 values are not masked as declared (id_6_8_4) (X = 0.9990)"
	f.samples == [{"row": 5, "value": "420111********123X"}]
}

test_success_fully_masked_and_unknown_patterns_skipped if {
	masked := json.patch(_sfzh, [{"op": "replace", "path": "/masking/conforming", "value": 2000}])
	unknown := {"name": "x", "masking": {"pattern": "mine", "error": "unknown pattern", "checked": 0, "conforming": 0}}
	count(masking_rules.violation) == 0 with input as {"profile": {"columns": [masked, unknown]}}
	masking_rules.measures == {{"id": "QUAL-006", "indicator": "normativity", "element": "sfzh", "a": 2000, "b": 2000}} with input as {"profile": {"columns": [masked, unknown]}}
}
