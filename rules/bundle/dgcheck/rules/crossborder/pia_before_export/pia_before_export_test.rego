package dgcheck.rules.crossborder.pia_before_export_test

import data.dgcheck.rules.crossborder.pia_before_export

test_fail_export_without_pia if {
	[f] := [f | some f in pia_before_export.violation] with input as {"metadata": {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"]}}, "profile": {"columns": [{"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"mobile": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
	f.id == "XB-008"
	f.message == "personal information (sjh) is planned for export without a PIA on record (pi.pia_ref)"
	f.message_zh == "个人信息（sjh）拟向境外提供，但未记录个人信息保护影响评估（pi.pia_ref）"
}

test_success_pia_recorded if {
	meta := {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"]}, "pi": {"pia_ref": "PIA-2025-09"}}
	count(pia_before_export.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [{"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"mobile": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
}

test_success_no_pi if {
	count(pia_before_export.violation) == 0 with input as {"metadata": {"cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"]}}, "profile": {"columns": []}, "options": {}}
}
