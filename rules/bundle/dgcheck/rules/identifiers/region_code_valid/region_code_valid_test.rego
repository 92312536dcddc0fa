package dgcheck.rules.identifiers.region_code_valid_test

import data.dgcheck.rules.identifiers.region_code_valid

_qh := {"name": "xzqh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_region_code": {"matched": 100, "valid": 90, "masked": 0, "traits": {"retired": 2}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_region_code", "detector": "cn_region_code", "confidence": 0.99, "form": "raw"}}

test_fail_unknown_codes_and_no_edition if {
	fs := region_code_valid.warning with input as {"metadata": {}, "profile": {"columns": [_qh]}}
	count(fs) == 2
	{f.id | some f in fs} == {"ID-017"}
}

test_success_known_codes_of_a_declared_edition if {
	col := json.patch(_qh, [{"op": "replace", "path": "/detectors/cn_region_code/valid", "value": 100}])
	count(region_code_valid.warning) == 0 with input as {"metadata": {"fields": [{"name": "xzqh", "code_list": "GB/T 2260-2024"}]}, "profile": {"columns": [col]}}
}
