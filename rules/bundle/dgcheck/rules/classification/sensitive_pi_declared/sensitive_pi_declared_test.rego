package dgcheck.rules.classification.sensitive_pi_declared_test

import data.dgcheck.rules.classification.sensitive_pi_declared

_sfzh := {"name": "sfzh", "rows": 2000, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_resident_id": {"matched": 2000, "valid": 2000, "masked": 0}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}

test_fail_raw_ids_undeclared if {
	meta := {"pi": {"contains_pi": true, "contains_sensitive_pi": false}, "fields": [{"name": "sfzh", "pi_category": "个人身份信息", "sensitive": true}]}
	[f] := [f | some f in sensitive_pi_declared.violation] with input as {"metadata": meta, "profile": {"columns": [_sfzh]}, "options": {}}
	f.id == "CLASS-005"
	f.column == "sfzh"
	f.message == `sfzh: its values are cn_resident_id (2000 of 2000 non-null values, 2000 valid, confidence 0.9900): sensitive personal information (specific identity (PIPL art. 28)), but the metadata does not declare pi.contains_sensitive_pi: true; its field declares {"pi_category":"个人身份信息","sensitive":true}`
	f.message_zh == `sfzh：其值为 cn_resident_id（2000 个非空值中有 2000 个匹配，2000 个有效，置信度 0.9900），是敏感个人信息（特定身份，《个人信息保护法》第二十八条），但元数据未声明 pi.contains_sensitive_pi: true；其字段声明为 {"pi_category":"个人身份信息","sensitive":true}`
	f.evidence.declared == {"pi_category": "个人身份信息", "sensitive": true}
}

test_fail_bank_cards_without_metadata if {
	[f] := [f | some f in sensitive_pi_declared.violation] with input as {"metadata": {}, "profile": {"columns": [{"name": "kh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"bank_card": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "bank_card", "detector": "bank_card", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
	f.evidence.type == "bank_card"
}

test_success_declared if {
	count(sensitive_pi_declared.violation) == 0 with input as {"metadata": {"pi": {"contains_sensitive_pi": true}}, "profile": {"columns": [_sfzh]}, "options": {}}
}

test_success_masked_ids_are_not_sensitive if {
	count(sensitive_pi_declared.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [{"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_resident_id": {"matched": 0, "valid": 0, "masked": 100}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "masked"}}]}, "options": {}}
}

test_success_mobiles_are_not_sensitive if {
	count(sensitive_pi_declared.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [{"name": "sjh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"mobile": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
}
