package dgcheck.rules.identifiers.resident_id_structure_test

import data.dgcheck.rules.identifiers.resident_id_structure

_sfzh := {"name": "sfzh", "rows": 1000, "nulls": 2, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 990, "valid": 990, "masked": 0, "traits": {"legacy_15": 4}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}

test_fail_other_forms_and_legacy_numbers if {
	[f] := [f | some f in resident_id_structure.violation] with input as {"metadata": {}, "profile": {"columns": [_sfzh]}}
	f.id == "ID-001"
	f.column == "sfzh"
	f.measure == {"a": 986, "b": 998, "x": 986 / 998}
	f.message == "sfzh: 12 of 998 non-null, unmasked values are not 18-character resident ID numbers (X = 0.9880, below 0.9990)"
	f.message_zh == "sfzh：998 个非空且未屏蔽的值中有 12 个不是 18 位公民身份号码（X = 0.9880，低于 0.9990）"
	f.evidence.legacy_15 == 4
}

test_success_all_structured if {
	col := {"name": "sfzh", "rows": 1000, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 1000, "valid": 990, "masked": 0, "traits": {"legacy_15": 0}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	count(resident_id_structure.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_masked_values_are_not_counted if {
	col := {"name": "sfzh", "rows": 1000, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 0, "valid": 0, "masked": 1000, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "masked"}}
	count(resident_id_structure.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
