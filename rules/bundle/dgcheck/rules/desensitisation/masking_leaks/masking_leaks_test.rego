package dgcheck.rules.desensitisation.masking_leaks_test

import data.dgcheck.rules.desensitisation.masking_leaks

_masked := {"raw": 2, "masked": 1998, "hashed": 0, "tokenised": 0, "generalised": 0, "suppressed": 0}

test_fail_valid_ids_in_a_declared_masked_column if {
	col := {
		"name": "sfzh", "rows": 2000, "nulls": 0, "blanks": 0, "detectors": {}, "forms": _masked,
		"masking": {
			"pattern": "id_6_8_4", "data": "cn_resident_id", "length": 18, "checked": 2000, "conforming": 1998,
			"leaks": 2, "nonconforming_samples": [], "leak_samples": [{"row": 7, "value": "420111********123X"}],
		},
	}
	findings := masking_leaks.violation with input as {"metadata": {}, "profile": {"columns": [col]}}
	[f] := [f | some f in findings]
	f.id == "DESENS-004"
	f.message == "sfzh: 2 of 2000 present values are unmasked resident ID numbers that pass their validator, in a column declared masked with id_6_8_4"
	f.samples == [{"row": 7, "value": "420111********123X"}]
	f.evidence.leaks == 2
}

test_fail_valid_mobiles_in_a_column_masked_by_its_values if {
	col := {
		"name": "lxdh", "rows": 2000, "nulls": 0, "blanks": 0, "forms": _masked,
		"detectors": {"mobile": {"matched": 2, "valid": 2, "masked": 1998, "raw_samples": [{"row": 3, "value": "139****0001"}]}},
	}
	findings := masking_leaks.violation with input as {"metadata": {}, "profile": {"columns": [col]}}
	[f.evidence | some f in findings] == [{"leaks": 2, "data": "mobile", "masked": 1998, "non_null": 2000}]
}

test_success_no_leak if {
	col := {
		"name": "sfzh", "rows": 2000, "nulls": 0, "blanks": 0, "detectors": {}, "forms": _masked,
		"masking": {
			"pattern": "id_6_8_4", "data": "cn_resident_id", "length": 18, "checked": 2000, "conforming": 1998,
			"leaks": 0, "nonconforming_samples": [], "leak_samples": [],
		},
	}
	count(masking_leaks.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_raw_column_is_not_a_masked_one if {
	col := {
		"name": "lxdh", "rows": 2000, "nulls": 0, "blanks": 0,
		"forms": {"raw": 2000, "masked": 0, "hashed": 0, "tokenised": 0, "generalised": 0, "suppressed": 0},
		"detectors": {"mobile": {"matched": 2000, "valid": 2000, "masked": 0}},
	}
	count(masking_leaks.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
