package dgcheck.rules.release.open_without_identifiers_test

import data.dgcheck.rules.release.open_without_identifiers

_open := {"cn": {"open_type": "无条件开放"}}

_lxdh := {
	"name": "lxdh",
	"rows": 2000,
	"nulls": 0,
	"blanks": 0,
	"detectors": {
		"mobile": {
			"matched": 2,
			"plausible": 2,
			"valid": 2,
			"masked": 1998,
			"raw_samples": [{"row": 7, "value": "138****5678"}, {"row": 90, "value": "139****0001"}],
		},
		"email": {"matched": 0, "plausible": 0, "valid": 0, "masked": 0},
	},
}

test_fail_raw_mobiles_in_open_data if {
	open_without_identifiers.violation == {{
		"id": "PUB-003",
		"title": "Unconditionally open data contains no PI unless anonymised or lawfully public",
		"area": "release",
		"severity": "error",
		"standard": "PIPL (个人信息保护法); GB/T 35273-2020",
		"clause": "PIPL art. 25, art. 27, art. 55(三), art. 4; GB/T 35273-2020 9.4 个人信息公开披露",
		"remediation": concat(" ", [
			"Remove or mask the identifiers (GB/T 37964 de-identification) before release, or open the",
			"dataset only on conditions (有条件开放) that cover personal information.",
		]),
		"column": "lxdh",
		"message": "lxdh: 2 of 2000 non-null values are raw mobile numbers, in data declared 无条件开放 (unconditionally open)",
		"message_zh": "lxdh：2000 个非空值中有 2 个是未经处理的手机号码，而数据声明为无条件开放",
		"evidence": {"detector": "mobile", "raw": 2, "non_null": 2000},
		"samples": [{"row": 7, "value": "138****5678"}, {"row": 90, "value": "139****0001"}],
	}} with input as {"metadata": _open, "profile": {"columns": [_lxdh]}}
}

# Outside a column of them, only values that are evidence on their own count: a valid e-mail
# address, not a string with an ID number's structure that fails its check.
test_fail_valid_identifiers_outside_identifier_columns if {
	bz := {
		"name": "bz",
		"rows": 50,
		"nulls": 10,
		"blanks": 0,
		"detectors": {
			"cn_resident_id": {"matched": 1, "plausible": 1, "valid": 0, "masked": 0, "raw_samples": [{"row": 3, "value": "110105********002X"}]},
			"email": {"matched": 2, "plausible": 2, "valid": 2, "masked": 0, "raw_samples": [{"row": 4, "value": "z***@example.cn"}]},
		},
	}
	findings := open_without_identifiers.violation with input as {"metadata": _open, "profile": {"columns": [bz]}}
	{[f.id, f.column, f.evidence.detector, f.evidence.raw] | some f in findings} == {["PUB-003", "bz", "email", 2]}
}

# 18-digit order numbers and 11-digit member numbers have identifiers' structure but are not
# plausible ones: no finding.
test_success_numbers_shaped_like_identifiers if {
	orders := {"name": "order_no", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {
		"cn_resident_id": {"matched": 100, "plausible": 0, "valid": 0, "masked": 0},
		"bank_card": {"matched": 100, "plausible": 12, "valid": 1, "masked": 0},
	}}
	members := {"name": "member_no", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"mobile": {"matched": 100, "plausible": 67, "valid": 67, "masked": 0}}}
	count(open_without_identifiers.violation) == 0 with input as {"metadata": _open, "profile": {"columns": [orders, members]}}
}

# Every direct identifier counts, not only ID numbers, mobiles and e-mail addresses: a column
# of bank cards, and names where the classifier finds them.
test_fail_every_direct_identifier if {
	cards := {"name": "kh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"bank_card": {"matched": 100, "plausible": 100, "valid": 99, "masked": 0}}}
	names := {
		"name": "xm", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"person_name": {"matched": 97, "plausible": 97, "valid": 97, "masked": 0}},
		"classification": {"type": "person_name", "detector": "person_name", "confidence": 0.9, "form": "raw"},
	}
	findings := open_without_identifiers.violation with input as {"metadata": _open, "profile": {"columns": [cards, names]}}
	{[f.column, f.evidence.detector, f.evidence.raw] | some f in findings} == {["kh", "bank_card", 100], ["xm", "person_name", 97]}
}

test_success_conditionally_open if {
	count(open_without_identifiers.violation) == 0 with input as {
		"metadata": {"cn": {"open_type": "有条件开放"}},
		"profile": {"columns": [_lxdh]},
	}
}

test_success_open_data_fully_masked if {
	masked := json.patch(_lxdh, [
		{"op": "replace", "path": "/detectors/mobile/matched", "value": 0},
		{"op": "replace", "path": "/detectors/mobile/plausible", "value": 0},
		{"op": "replace", "path": "/detectors/mobile/valid", "value": 0},
		{"op": "replace", "path": "/detectors/mobile/raw_samples", "value": []},
	])
	count(open_without_identifiers.violation) == 0 with input as {"metadata": _open, "profile": {"columns": [masked]}}
}

test_fail_not_anonymised if {
	r := {
		"quasi_identifiers": ["sex", "birth_date"], "source": "field_roles", "rows": 2000, "k": 1, "unique_rows": 1990,
		"approximate": false, "smallest_classes": [{"size": 1, "first_row": 3}],
	}
	findings := open_without_identifiers.violation with input as {"metadata": _open, "profile": {"columns": [], "table": {"reidentification": r}}}
	[f] := [f | some f in findings]
	f.id == "PUB-003"
	f.message == "not anonymised: k = 1 over the quasi-identifiers sex, birth_date (field_roles), below 5: 1990 of 2000 rows are unique, in data declared 无条件开放 (unconditionally open)"
	f.message_zh == "未经匿名化：准标识符 sex, birth_date（field_roles）上的 k = 1，低于 5：2000 行中有 1990 行是唯一的，而数据声明为无条件开放"
	f.samples == [{"row": 3}]
}

test_fail_unkeyed_hash_of_mobiles if {
	col := {"name": "lxdh_md5", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}, "forms": {"hashed": 10}}
	findings := open_without_identifiers.violation with input as {
		"metadata": object.union(_open, {"fields": [{"name": "lxdh_md5", "masking": {"method": "hash", "data": "mobile"}}]}),
		"profile": {"columns": [col]},
	}
	[f.evidence | some f in findings] == [{"hashed": 10, "identifier": "mobile"}]
	[f.message_zh | some f in findings] == ["lxdh_md5：10 个值是直接标识符的无密钥哈希（哈希对象：mobile），而数据声明为无条件开放"]
}

test_success_anonymised_open_data if {
	r := {"quasi_identifiers": ["sex"], "source": "declared", "rows": 2000, "k": 900, "unique_rows": 0, "approximate": false, "smallest_classes": []}
	count(open_without_identifiers.violation) == 0 with input as {"metadata": _open, "profile": {"columns": [], "table": {"reidentification": r}}}
}

test_fail_mobile_written_into_a_remark if {
	bz := {"name": "bz", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"mobile": {"matched": 0, "plausible": 0, "valid": 0, "masked": 0, "embedded": 1, "embedded_samples": [{"row": 4, "value": "138****5678"}]}}}
	findings := open_without_identifiers.violation with input as {"metadata": _open, "profile": {"columns": [bz]}}
	[f.message | some f in findings] == ["bz: 1 values hold mobile numbers inside other text, in data declared 无条件开放 (unconditionally open)"]
}
