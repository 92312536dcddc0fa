package dgcheck.rules.identifiers.resident_id_region_test

import data.dgcheck.rules.identifiers.resident_id_region

test_fail_unknown_address_codes if {
	col := {"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 100, "valid": 90, "masked": 0, "traits": {"unknown_region": 10}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in resident_id_region.warning] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-003"
	f.severity == "warning"
	f.measure == {"a": 90, "b": 100, "x": 0.9}
	f.samples == [{"row": 3, "value": "x"}]
}

test_success_known_codes if {
	col := {"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 100, "valid": 100, "masked": 0, "traits": {"unknown_region": 0}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	count(resident_id_region.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
