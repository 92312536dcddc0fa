package dgcheck.rules.crossborder.contract_thresholds_test

import data.dgcheck.rules.crossborder.contract_thresholds

test_fail_sensitive_pi_exempted_without_ground if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "exempt", "exemption_ground": "below_100k"}}
	col := {"name": "sfzh", "rows": 2000, "nulls": 0, "blanks": 0, "distinct": 2000, "hints": [], "detectors": {"cn_resident_id": {"matched": 2000, "valid": 2000, "masked": 0}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in contract_thresholds.violation] with input as {"metadata": meta, "profile": {"columns": [col]}, "options": {}}
	f.id == "XB-006"
	f.evidence == {"subjects": 2000, "sensitive_subjects": 2000, "mechanism": "exempt", "reference": null}
}

test_fail_contract_without_filing if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "standard_contract", "cumulative_subjects": 300000}}
	[f] := [f | some f in contract_thresholds.violation] with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
	f.evidence.reference == null
}

test_success_filed_contract if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "standard_contract", "filing_ref": "粤网信备〔2025〕3号", "cumulative_subjects": 300000}}
	count(contract_thresholds.violation) == 0 with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
}

test_success_individual_contract_exemption if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "exempt", "exemption_ground": "individual_contract", "cumulative_subjects": 300000}}
	count(contract_thresholds.violation) == 0 with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
}

test_success_small_non_sensitive if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "exempt", "exemption_ground": "below_100k"}}
	count(contract_thresholds.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [{"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 2000, "hints": [], "detectors": {"mobile": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
}

# 规定 arts 5(四) and 8: fewer than 100,000 people (不满10万人) are exempt, 10万人以上 need a
# contract or certification: 99,999 no, 100,000 and 100,001 yes.
test_thresholds_count_as_the_law_does if {
	_boundary(99999) == 0
	_boundary(100000) == 1
	_boundary(100001) == 1
}

_boundary(n) := count(v) if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "none", "cumulative_subjects": n}}
	v := contract_thresholds.violation with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
}
