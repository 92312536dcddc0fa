package dgcheck.rules.crossborder.exemption_consistent_test

import data.dgcheck.rules.crossborder.exemption_consistent

test_fail_no_pi_ground_with_ids_detected if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "exempt", "exemption_ground": "no_pi_or_important_data"}}
	col := {"name": "sfzh", "rows": 2000, "nulls": 0, "blanks": 0, "distinct": 2000, "hints": [], "detectors": {"cn_resident_id": {"matched": 2000, "valid": 2000, "masked": 0}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in exemption_consistent.violation] with input as {"metadata": meta, "profile": {"columns": [col]}, "options": {}}
	f.id == "XB-007"
	f.message == "an exemption is claimed on ground no_pi_or_important_data (no personal information or important data), but personal information is detected in sfzh or declared"
	f.message_zh == "以理由 no_pi_or_important_data（不含个人信息或重要数据）主张豁免，但在 sfzh 中检出或声明了个人信息"
}

test_fail_unknown_ground if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "exempt"}}
	[f] := [f | some f in exemption_consistent.violation] with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
	f.evidence == {"exemption_ground": null}
}

test_fail_below_100k_with_sensitive_pi if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "exempt", "exemption_ground": "below_100k"}}
	col := {"name": "kh", "rows": 500, "nulls": 0, "blanks": 0, "distinct": 500, "hints": [], "detectors": {"bank_card": {"matched": 500, "valid": 500, "masked": 0}}, "classification": {"type": "bank_card", "detector": "bank_card", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in exemption_consistent.violation] with input as {"metadata": meta, "profile": {"columns": [col]}, "options": {}}
	f.evidence == {"exemption_ground": "below_100k", "subjects": 500, "sensitive_subjects": 500}
}

test_success_no_pi if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "exempt", "exemption_ground": "no_pi_or_important_data"}}
	count(exemption_consistent.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [{"name": "code", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_uscc": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
}

test_success_below_100k_non_sensitive if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "exempt", "exemption_ground": "below_100k"}}
	count(exemption_consistent.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [{"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 5000, "hints": [], "detectors": {"mobile": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
}
