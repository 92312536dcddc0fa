package dgcheck.rules.desensitisation.bank_card_exposure_test

import data.dgcheck.rules.desensitisation.bank_card_exposure

_col(shapes) := {
	"name": "yhkh", "rows": 10, "nulls": 0, "blanks": 0,
	"detectors": {"bank_card": {"matched": 0, "valid": 0, "masked": 10}},
	"forms": {"masked": 10, "mask_shapes": shapes},
}

# 622202*********0128 and 6222 **** **** **** 128
_ok := [
	{"shape": "6+9+4", "length": 19, "hidden": 9, "kept": [[1, 6], [16, 19]], "count": 5, "first_row": 1},
	{"shape": "5+4+1+4+1+4+4", "length": 23, "hidden": 12, "kept": [[1, 5], [10, 10], [15, 15], [20, 23]], "count": 5, "first_row": 2},
]

test_fail_middle_digits_shown if {
	shape := {"shape": "6+3+4+2+4", "length": 19, "hidden": 5, "kept": [[1, 6], [10, 13], [16, 19]], "count": 3, "first_row": 8}
	findings := bank_card_exposure.violation with input as {"profile": {"columns": [_col(array.concat(_ok, [shape]))]}}
	[f] := [f | some f in findings]
	f.id == "DESENS-007"
	f.message == "yhkh: 3 masked card numbers (shapes 6+3+4+2+4) reveal more than the first 6 and last 4 digits"
	f.samples == [{"row": 8}]
}

test_fail_eight_leading_digits if {
	shape := {"shape": "8+7+4", "length": 19, "hidden": 7, "kept": [[1, 8], [16, 19]], "count": 1, "first_row": 3}
	count(bank_card_exposure.violation) == 1 with input as {"profile": {"columns": [_col([shape])]}}
}

test_success_first_6_last_4 if {
	count(bank_card_exposure.violation) == 0 with input as {"profile": {"columns": [_col(_ok)]}}
}
