package dgcheck.rules.identifiers.passport_format_test

import data.dgcheck.rules.identifiers.passport_format

test_fail_passport_format if {
	col := {"name": "hzhm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_passport": {"matched": 90, "valid": 90, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_passport", "detector": "cn_passport", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in passport_format.warning] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-012"
	f.column == "hzhm"
	f.measure.b == 100
}

test_success_passport_format if {
	col := {"name": "hzhm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_passport": {"matched": 100, "valid": 100, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_passport", "detector": "cn_passport", "confidence": 0.99, "form": "raw"}}
	count(passport_format.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_untyped_column_is_not_judged if {
	col := {"name": "hzhm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_passport": {"matched": 30, "valid": 30, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}}
	count(passport_format.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
