package dgcheck.rules.desensitisation.mobile_middle_hidden_test

import data.dgcheck.rules.desensitisation.mobile_middle_hidden

_col(shapes) := {
	"name": "lxdh", "rows": 100, "nulls": 0, "blanks": 0,
	"detectors": {"mobile": {"matched": 0, "valid": 0, "masked": 100}},
	"forms": {"masked": 100, "mask_shapes": shapes},
}

_ok := {"shape": "3+4+4", "length": 11, "hidden": 4, "kept": [[1, 3], [8, 11]], "count": 90, "first_row": 1}

test_fail_two_middle_digits_shown if {
	thin := {"shape": "5+2+4", "length": 11, "hidden": 2, "kept": [[1, 5], [8, 11]], "count": 10, "first_row": 4}
	findings := mobile_middle_hidden.warning with input as {"profile": {"columns": [_col([_ok, thin])]}}
	[f] := [f | some f in findings]
	f.id == "DESENS-006"
	f.severity == "warning"
	f.message == "lxdh: 10 masked mobile numbers (shapes 5+2+4) show some of positions 4-7"
	f.samples == [{"row": 4}]
}

test_fail_declared_pattern_shows_the_middle if {
	col := object.union(_col([_ok]), {"masking": {"pattern": "mobile_last_4", "data": "mobile", "length": 11, "kept": [[1, 7]]}})
	findings := mobile_middle_hidden.warning with input as {"profile": {"columns": [col]}}
	[f.evidence.pattern | some f in findings] == ["mobile_last_4"]
}

test_success_3_4_4 if {
	count(mobile_middle_hidden.warning) == 0 with input as {"profile": {"columns": [_col([_ok])]}}
}
