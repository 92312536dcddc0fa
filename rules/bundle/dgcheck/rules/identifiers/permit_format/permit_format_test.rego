package dgcheck.rules.identifiers.permit_format_test

import data.dgcheck.rules.identifiers.permit_format

test_fail_permits if {
	col := {"name": "gatxz", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"hkmo_permit": {"matched": 90, "valid": 90, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "hkmo_permit", "detector": "hkmo_permit", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in permit_format.warning] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-013"
	f.message == "gatxz: 10 of 100 values are not hkmo_permit numbers (X = 0.9000, below 0.9900)"
	f.message_zh == "gatxz：100 个值中有 10 个不是港澳通行证号码（X = 0.9000，低于 0.9900）"
}

test_fail_declared_taiwan_permits if {
	col := {"name": "tbz", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"tw_permit": {"matched": 50, "valid": 50, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}}
	[f] := [f | some f in permit_format.warning] with input as {"metadata": {"fields": [{"name": "tbz", "validator": "tw_permit"}]}, "profile": {"columns": [col]}}
	f.evidence.detector == "tw_permit"
}

test_success_permits if {
	col := {"name": "gatxz", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"hkmo_permit": {"matched": 100, "valid": 100, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "hkmo_permit", "detector": "hkmo_permit", "confidence": 0.99, "form": "raw"}}
	count(permit_format.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
