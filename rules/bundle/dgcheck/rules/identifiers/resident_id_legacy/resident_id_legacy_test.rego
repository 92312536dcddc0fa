package dgcheck.rules.identifiers.resident_id_legacy_test

import data.dgcheck.rules.identifiers.resident_id_legacy

test_fail_legacy_numbers if {
	col := {"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 100, "valid": 97, "masked": 0, "traits": {"legacy_15": 3}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in resident_id_legacy.warning] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-005"
	f.message == "sfzh: 3 legacy 15-digit resident ID numbers"
}

test_success_no_legacy_numbers if {
	col := {"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 100, "valid": 100, "masked": 0, "traits": {"legacy_15": 0}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	count(resident_id_legacy.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
