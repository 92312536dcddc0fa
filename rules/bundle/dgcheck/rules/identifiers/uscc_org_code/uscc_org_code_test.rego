package dgcheck.rules.identifiers.uscc_org_code_test

import data.dgcheck.rules.identifiers.uscc_org_code

test_fail_embedded_code if {
	col := {"name": "tyshxydm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_uscc": {"matched": 100, "valid": 98, "masked": 0, "traits": {"bad_org_code": 2}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in uscc_org_code.warning] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-007"
	f.evidence == {"matched": 100, "bad_org_code": 2}
}

test_success_embedded_codes_valid if {
	col := {"name": "tyshxydm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_uscc": {"matched": 100, "valid": 100, "masked": 0, "traits": {"bad_org_code": 0}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 0.99, "form": "raw"}}
	count(uscc_org_code.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
