package dgcheck.rules.classification.pia_recorded_test

import data.dgcheck.rules.classification.pia_recorded

test_fail_open_pi_without_pia if {
	meta := {"cn": {"open_type": "无条件开放"}, "pi": {"contains_pi": true}}
	[f] := [f | some f in pia_recorded.warning] with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
	f.id == "CLASS-016"
	f.message == "a PIA is required (personal information in data declared 无条件开放) but the metadata records no pi.pia_ref or pi.pia_date"
	f.message_zh == "须开展个人信息保护影响评估（声明为无条件开放的数据中含个人信息），但元数据未记录 pi.pia_ref 或 pi.pia_date"
}

test_fail_sensitive_detected if {
	[f] := [f | some f in pia_recorded.warning] with input as {"metadata": {"pi": {"pia_ref": "PIA-1"}}, "profile": {"columns": [{"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_resident_id": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
	f.evidence == {"triggers": ["sensitive personal information"], "missing": ["pia_date"]}
}

test_success_recorded if {
	meta := {"cn": {"open_type": "无条件开放"}, "pi": {"contains_pi": true, "pia_ref": "PIA-2025-07", "pia_date": "2025-06-20"}}
	count(pia_recorded.warning) == 0 with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
}

test_success_no_trigger if {
	count(pia_recorded.warning) == 0 with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"columns": [{"name": "code", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_uscc": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
}
