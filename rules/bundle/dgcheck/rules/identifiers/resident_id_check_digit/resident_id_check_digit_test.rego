package dgcheck.rules.identifiers.resident_id_check_digit_test

import data.dgcheck.rules.identifiers.resident_id_check_digit

_sfzh := {
	"name": "sfzh",
	"rows": 2000,
	"nulls": 2,
	"blanks": 0,
	"detectors": {"cn_resident_id": {
		"matched": 1998,
		"plausible": 1998,
		"valid": 1996,
		"masked": 0,
		"traits": {"bad_check_digit": 2, "bad_birth_date": 0, "unknown_region": 0, "legacy_15": 0},
		"invalid_samples": [{"row": 14, "value": "110105********0021"}, {"row": 733, "value": "320102********1234"}],
	}},
}

test_fail_wrong_check_digits if {
	resident_id_check_digit.violation == {{
		"id": "ID-002",
		"title": "Citizen ID check digits are valid",
		"area": "identifiers",
		"severity": "error",
		"standard": "GB 11643-1999",
		"clause": "校验码 (ISO 7064:1983 MOD 11-2); Annex B 校验码字符值计算方法实例",
		"remediation": concat(" ", [
			"Correct the numbers at the source, checking each against the register: a wrong check digit",
			"almost always means a mistyped digit elsewhere in the number.",
		]),
		"column": "sfzh",
		"message": "sfzh: 2 of 1998 resident ID numbers have a wrong check digit (X = 0.9990)",
		"message_zh": "sfzh：1998 个公民身份号码中有 2 个校验码错误（X = 0.9990）",
		"measure": {"a": 1996, "b": 1998, "x": 1996 / 1998},
		"evidence": {"matched": 1998, "valid": 1996, "masked": 0, "bad_check_digit": 2},
		"samples": [{"row": 14, "value": "110105********0021"}, {"row": 733, "value": "320102********1234"}],
	}} with input as {"metadata": {}, "profile": {"columns": [_sfzh]}}
}

test_fail_declared_column_with_few_valid_numbers if {
	col := {
		"name": "zjhm",
		"rows": 100,
		"nulls": 0,
		"blanks": 0,
		"detectors": {"cn_resident_id": {"matched": 10, "plausible": 10, "valid": 5, "masked": 0, "traits": {"bad_check_digit": 5}, "invalid_samples": []}},
	}
	findings := resident_id_check_digit.violation with input as {
		"metadata": {"fields": [{"name": "zjhm", "validator": "cn_id_gb11643"}]},
		"profile": {"columns": [col]},
	}
	[f] := [f | some f in findings]
	f.id == "ID-002"
	f.column == "zjhm"
	f.measure == {"a": 5, "b": 10, "x": 0.5}
	f.message_zh == "zjhm：10 个公民身份号码中有 5 个校验码错误（X = 0.5000）"
	f.severity == "error"
}

test_success_within_configured_rate if {
	count(resident_id_check_digit.violation) == 0 with input as {
		"metadata": {},
		"profile": {"columns": [_sfzh]},
		"options": {"thresholds": {"id_check_digit_min": 0.998}},
	}
}

test_success_all_valid if {
	col := json.patch(_sfzh, [{"op": "replace", "path": "/detectors/cn_resident_id/traits/bad_check_digit", "value": 0}])
	count(resident_id_check_digit.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_masked_ids_are_not_checked if {
	col := json.patch(_sfzh, [
		{"op": "replace", "path": "/detectors/cn_resident_id/matched", "value": 0},
		{"op": "replace", "path": "/detectors/cn_resident_id/valid", "value": 0},
		{"op": "replace", "path": "/detectors/cn_resident_id/masked", "value": 1998},
		{"op": "replace", "path": "/detectors/cn_resident_id/traits/bad_check_digit", "value": 0},
	])
	count(resident_id_check_digit.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_stray_ids_in_free_text if {
	col := {
		"name": "bz",
		"rows": 100,
		"nulls": 0,
		"blanks": 0,
		"detectors": {"cn_resident_id": {"matched": 1, "plausible": 1, "valid": 0, "masked": 0}},
	}
	count(resident_id_check_digit.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_other_faults_are_other_rules if {
	col := json.patch(_sfzh, [
		{"op": "replace", "path": "/detectors/cn_resident_id/valid", "value": 1900},
		{"op": "replace", "path": "/detectors/cn_resident_id/traits/bad_check_digit", "value": 0},
		{"op": "replace", "path": "/detectors/cn_resident_id/traits/bad_birth_date", "value": 98},
	])
	count(resident_id_check_digit.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_legacy_numbers_have_no_check_digit if {
	col := json.patch(_sfzh, [
		{"op": "replace", "path": "/detectors/cn_resident_id/valid", "value": 1900},
		{"op": "replace", "path": "/detectors/cn_resident_id/traits/bad_check_digit", "value": 0},
		{"op": "replace", "path": "/detectors/cn_resident_id/traits/legacy_15", "value": 98},
	])
	count(resident_id_check_digit.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
