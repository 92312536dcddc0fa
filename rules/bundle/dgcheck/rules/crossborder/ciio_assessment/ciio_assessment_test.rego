package dgcheck.rules.crossborder.ciio_assessment_test

import data.dgcheck.rules.crossborder.ciio_assessment

test_fail_ciio_detected_pi if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "processor_is_ciio": true, "mechanism": "standard_contract"}}
	[f] := [f | some f in ciio_assessment.violation] with input as {"metadata": meta, "profile": {"columns": [{"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"mobile": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
	f.id == "XB-004"
	f.evidence.pi_columns == ["sjh"]
}

test_success_ciio_assessed if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "processor_is_ciio": true, "mechanism": "security_assessment"}}
	count(ciio_assessment.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [{"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"mobile": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
}

test_success_ciio_without_pi if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "processor_is_ciio": true}}
	count(ciio_assessment.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [{"name": "code", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_uscc": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
}
