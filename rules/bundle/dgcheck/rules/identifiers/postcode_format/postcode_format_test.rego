package dgcheck.rules.identifiers.postcode_format_test

import data.dgcheck.rules.identifiers.postcode_format

test_fail_postcodes if {
	col := {"name": "yzbm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"postcode": {"matched": 100, "valid": 90, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "postcode", "detector": "postcode", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in postcode_format.warning] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-018"
	f.severity == "info"
}

test_success_postcodes if {
	col := {"name": "yzbm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"postcode": {"matched": 100, "valid": 100, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "postcode", "detector": "postcode", "confidence": 0.99, "form": "raw"}}
	count(postcode_format.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
