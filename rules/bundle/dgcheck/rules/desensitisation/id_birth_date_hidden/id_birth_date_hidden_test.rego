package dgcheck.rules.desensitisation.id_birth_date_hidden_test

import data.dgcheck.rules.desensitisation.id_birth_date_hidden

_sfzh(masking, shapes) := {
	"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0,
	"detectors": {"cn_resident_id": {"matched": 0, "valid": 0, "masked": 100}},
	"forms": {"raw": 0, "masked": 100, "mask_shapes": shapes},
	"masking": masking,
}

_shape_6_8_4 := {"shape": "6+8+4", "length": 18, "hidden": 8, "kept": [[1, 6], [15, 18]], "count": 100, "first_row": 1}

_declared(pattern, kept) := {
	"pattern": pattern, "data": "cn_resident_id", "length": 18, "kept": kept, "checked": 100,
	"conforming": 100, "leaks": 0, "nonconforming_samples": [], "leak_samples": [],
}

test_fail_declared_pattern_keeps_the_birth_date if {
	findings := id_birth_date_hidden.violation with input as {"profile": {"columns": [_sfzh(_declared("id_keep_14", [[1, 14]]), [])]}}
	[f.message | some f in findings] == ["sfzh: the declared masking pattern id_keep_14 keeps positions 1-14 of the ID numbers, revealing the birth date (positions 7-14)"]
}

test_fail_masked_values_show_the_birth_year if {
	shape := {"shape": "10+4+4", "length": 18, "hidden": 4, "kept": [[1, 10], [15, 18]], "count": 7, "first_row": 12}
	findings := id_birth_date_hidden.violation with input as {"profile": {"columns": [_sfzh(_declared("id_6_8_4", [[1, 6], [15, 18]]), [_shape_6_8_4, shape])]}}
	[f] := [f | some f in findings]
	f.id == "DESENS-005"
	f.message == "sfzh: 7 masked ID numbers (shapes 10+4+4) show part of the birth date (positions 7-14)"
	f.samples == [{"row": 12}]
}

test_fail_birth_date_in_clear_beside_masked_ids if {
	birth := {"name": "birth_date", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {}, "hints": ["birth_date"], "kinds": {"date": 100}}
	findings := id_birth_date_hidden.violation with input as {"profile": {"columns": [_sfzh(_declared("id_6_8_4", [[1, 6], [15, 18]]), [_shape_6_8_4]), birth]}}
	[f.evidence | some f in findings] == [{"birth_date_column": "birth_date", "dates": 100}]
}

test_success_birth_date_hidden_and_generalised if {
	birth := {"name": "birth_date", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {}, "hints": ["birth_date"], "kinds": {"string": 100}}
	count(id_birth_date_hidden.violation) == 0 with input as {"profile": {"columns": [_sfzh(_declared("id_6_8_4", [[1, 6], [15, 18]]), [_shape_6_8_4]), birth]}}
}

test_success_raw_ids_are_left_to_other_rules if {
	col := {"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 100, "valid": 100, "masked": 0}}, "forms": {"raw": 100, "mask_shapes": []}}
	birth := {"name": "birth_date", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {}, "hints": ["birth_date"], "kinds": {"date": 100}}
	count(id_birth_date_hidden.violation) == 0 with input as {"profile": {"columns": [col, birth]}}
}
