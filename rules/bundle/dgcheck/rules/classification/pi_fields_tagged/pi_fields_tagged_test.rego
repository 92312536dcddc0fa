package dgcheck.rules.classification.pi_fields_tagged_test

import data.dgcheck.rules.classification.pi_fields_tagged

test_fail_untagged_column if {
	[f] := [f | some f in pi_fields_tagged.warning] with input as {"metadata": {"fields": [{"name": "xm"}]}, "profile": {"columns": [{"name": "xm", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"person_name": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "person_name", "detector": "person_name", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
	f.id == "CLASS-008"
	f.message == "xm: no pi_category; no sensitive flag (person_name, from its values; suggested pi_category 个人基本资料, sensitive false)"
	f.message_zh == "xm：未标注 pi_category；未标注 sensitive 标志（person_name，依其值判断；建议 pi_category 为 个人基本资料，sensitive 为 false）"
}

test_fail_sensitive_declared_false if {
	meta := {"fields": [{"name": "kh", "pi_category": "个人财产信息", "sensitive": false}]}
	[f] := [f | some f in pi_fields_tagged.warning] with input as {"metadata": meta, "profile": {"columns": [{"name": "kh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"bank_card": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "bank_card", "detector": "bank_card", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
	contains(f.message, "declared sensitive: false, but its values are sensitive personal information")
}

test_fail_unknown_category if {
	meta := {"fields": [{"name": "xm", "pi_category": "names", "sensitive": false}]}
	[f] := [f | some f in pi_fields_tagged.warning] with input as {"metadata": meta, "profile": {"columns": [{"name": "xm", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"person_name": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "person_name", "detector": "person_name", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
	contains(f.message, `pi_category "names" is not a GB/T 35273 category`)
}

test_success_tagged if {
	meta := {"fields": [{"name": "xm", "pi_category": "个人基本资料", "sensitive": false}, {"name": "sfzh", "pi_category": "个人身份信息", "sensitive": true}]}
	cols := [{"name": "xm", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"person_name": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "person_name", "detector": "person_name", "confidence": 0.99, "form": "raw"}}, {"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_resident_id": {"matched": 0, "valid": 0, "masked": 100}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "masked"}}, {"name": "code", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_uscc": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 0.99, "form": "raw"}}]
	count(pi_fields_tagged.warning) == 0 with input as {"metadata": meta, "profile": {"columns": cols}, "options": {}}
}
