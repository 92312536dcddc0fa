package dgcheck.rules.identifiers.mobile_format_test

import data.dgcheck.rules.identifiers.mobile_format

test_fail_mobile_format if {
	col := {"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"mobile": {"matched": 90, "valid": 89, "masked": 0, "traits": {"unallocated_segment": 1}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in mobile_format.violation] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-010"
	f.column == "sjh"
	f.measure.b == 100
}

test_success_mobile_format if {
	col := {"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"mobile": {"matched": 100, "valid": 100, "masked": 0, "traits": {"unallocated_segment": 0}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}
	count(mobile_format.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_untyped_column_is_not_judged if {
	col := {"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"mobile": {"matched": 30, "valid": 30, "masked": 0, "traits": {"unallocated_segment": 1}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}}
	count(mobile_format.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
