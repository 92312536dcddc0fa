package dgcheck.rules.identifiers.org_code_valid_test

import data.dgcheck.rules.identifiers.org_code_valid

test_fail_org_code_valid if {
	col := {"name": "zzjgdm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_org_code": {"matched": 100, "valid": 95, "masked": 0, "traits": {"bad_check_char": 5}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_org_code", "detector": "cn_org_code", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in org_code_valid.violation] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-008"
	f.column == "zzjgdm"
	f.measure.b == 100
}

test_success_org_code_valid if {
	col := {"name": "zzjgdm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_org_code": {"matched": 100, "valid": 100, "masked": 0, "traits": {"bad_check_char": 0}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_org_code", "detector": "cn_org_code", "confidence": 0.99, "form": "raw"}}
	count(org_code_valid.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_untyped_column_is_not_judged if {
	col := {"name": "zzjgdm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_org_code": {"matched": 30, "valid": 30, "masked": 0, "traits": {"bad_check_char": 5}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}}
	count(org_code_valid.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
