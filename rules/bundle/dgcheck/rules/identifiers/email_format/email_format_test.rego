package dgcheck.rules.identifiers.email_format_test

import data.dgcheck.rules.identifiers.email_format

test_fail_email_format if {
	col := {"name": "yx", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"email": {"matched": 80, "valid": 80, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "email", "detector": "email", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in email_format.violation] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-014"
	f.column == "yx"
	f.measure.b == 100
}

test_success_email_format if {
	col := {"name": "yx", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"email": {"matched": 100, "valid": 100, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "email", "detector": "email", "confidence": 0.99, "form": "raw"}}
	count(email_format.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_untyped_column_is_not_judged if {
	col := {"name": "yx", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"email": {"matched": 30, "valid": 30, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}}
	count(email_format.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
