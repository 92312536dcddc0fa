package dgcheck.rules.identifiers.uscc_valid_test

import data.dgcheck.rules.identifiers.uscc_valid

test_fail_wrong_check_characters if {
	col := {"name": "tyshxydm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_uscc": {"matched": 100, "valid": 97, "masked": 0, "traits": {"bad_check_char": 3}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in uscc_valid.violation] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-006"
	f.measure == {"a": 97, "b": 100, "x": 0.97}
}

test_fail_declared_column_of_other_values if {
	col := {"name": "code", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}}
	[f] := [f | some f in uscc_valid.violation] with input as {"metadata": {"fields": [{"name": "code", "validator": "cn_uscc_gb32100"}]}, "profile": {"columns": [col]}}
	f.measure == {"a": 0, "b": 10, "x": 0}
}

test_success_valid_codes if {
	col := {"name": "tyshxydm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_uscc": {"matched": 100, "valid": 100, "masked": 0, "traits": {"bad_check_char": 0}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 0.99, "form": "raw"}}
	count(uscc_valid.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
