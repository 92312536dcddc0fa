package dgcheck.rules.identifiers.resident_id_birth_date_test

import data.dgcheck.rules.identifiers.resident_id_birth_date

test_fail_impossible_dates if {
	col := {"name": "sfzh", "rows": 1000, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 1000, "valid": 990, "masked": 0, "traits": {"bad_birth_date": 5}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in resident_id_birth_date.violation] with input as {"metadata": {}, "profile": {"columns": [col]}, "options": {"now": "2025-07-01T00:00:00Z"}}
	f.id == "ID-004"
	f.measure == {"a": 995, "b": 1000, "x": 0.995}
}

test_fail_born_after_the_check_date if {
	col := {"name": "sfzh", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 10, "valid": 10, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": [], "birth_months": {"min": "1950-01", "max": "2026-03"}}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in resident_id_birth_date.violation] with input as {"metadata": {}, "profile": {"columns": [col]}, "options": {"now": "2025-07-01T00:00:00Z"}}
	f.evidence == {"latest_birth_month": "2026-03", "now": "2025-07"}
}

test_success_real_past_dates if {
	col := {"name": "sfzh", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 10, "valid": 10, "masked": 0, "traits": {"bad_birth_date": 0}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": [], "birth_months": {"min": "1950-01", "max": "2008-12"}}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	count(resident_id_birth_date.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}, "options": {"now": "2025-07-01T00:00:00Z"}}
}
