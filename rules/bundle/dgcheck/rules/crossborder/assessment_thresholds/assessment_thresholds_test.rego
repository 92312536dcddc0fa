package dgcheck.rules.crossborder.assessment_thresholds_test

import data.dgcheck.rules.crossborder.assessment_thresholds

test_fail_many_sensitive_subjects if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "standard_contract", "cumulative_sensitive_subjects": 8000}}
	col := {"name": "sfzh", "rows": 12000, "nulls": 0, "blanks": 0, "distinct": 12000, "hints": [], "detectors": {"cn_resident_id": {"matched": 12000, "valid": 12000, "masked": 0}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in assessment_thresholds.violation] with input as {"metadata": meta, "profile": {"columns": [col]}, "options": {}}
	f.id == "XB-005"
	f.evidence == {"subjects": 12000, "sensitive_subjects": 12000, "mechanism": "standard_contract"}
	f.message_zh == "出境数据涉及至少 12000 人（其中 12000 人的敏感个人信息），达到或超过数据出境安全评估的申报标准（1000000；10000），而声明的出境机制为 standard_contract"
}

test_fail_declared_cumulative if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "certification", "cumulative_subjects": 1500000}}
	[f] := [f | some f in assessment_thresholds.violation] with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
	f.evidence.subjects == 1500000
}

test_success_assessed if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "security_assessment", "cumulative_subjects": 1500000}}
	count(assessment_thresholds.violation) == 0 with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
}

test_success_below if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "standard_contract", "cumulative_subjects": 500000}}
	count(assessment_thresholds.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [{"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 2000, "hints": [], "detectors": {"mobile": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
}

# 规定 art. 7: 100万人以上 and 1万人以上 include the number (以上 counts it; 不满 and 超过 do
# not): 999,999 people need no assessment, 1,000,000 and 1,000,001 do; likewise 9,999, 10,000
# and 10,001 people's sensitive personal information.
test_thresholds_count_as_the_law_does if {
	_boundary("cumulative_subjects", 999999) == 0
	_boundary("cumulative_subjects", 1000000) == 1
	_boundary("cumulative_subjects", 1000001) == 1
	_boundary("cumulative_sensitive_subjects", 9999) == 0
	_boundary("cumulative_sensitive_subjects", 10000) == 1
	_boundary("cumulative_sensitive_subjects", 10001) == 1
}

_boundary(key, n) := count(v) if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "standard_contract", key: n}}
	v := assessment_thresholds.violation with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
}
