package dgcheck.rules.desensitisation.name_surname_only_test

import data.dgcheck.rules.desensitisation.name_surname_only

_col(shapes) := {
	"name": "xm", "rows": 10, "nulls": 0, "blanks": 0,
	"detectors": {"person_name": {"matched": 0, "plausible": 0, "valid": 0, "masked": 10}},
	"forms": {"masked": 10, "mask_shapes": shapes},
}

_ok := [
	{"shape": "1+1", "length": 2, "hidden": 1, "kept": [[1, 1]], "count": 4, "first_row": 1},
	{"shape": "1+1+1", "length": 3, "hidden": 1, "kept": [[1, 1], [3, 3]], "count": 3, "first_row": 2},
	{"shape": "2+2", "length": 4, "hidden": 2, "kept": [[1, 2]], "count": 1, "first_row": 3},
]

test_fail_given_name_shown if {
	wide := {"shape": "0+1+2", "length": 3, "hidden": 1, "kept": [[2, 3]], "count": 1, "first_row": 9}
	findings := name_surname_only.warning with input as {"profile": {"columns": [_col(array.concat(_ok, [wide]))]}}
	[f] := [f | some f in findings]
	f.id == "DESENS-008"
	f.message == "xm: 1 masked names (shapes 0+1+2) keep more than the surname and a last character"
	f.samples == [{"row": 9}]
}

test_success_surnames if {
	count(name_surname_only.warning) == 0 with input as {"profile": {"columns": [_col(_ok)]}}
}
