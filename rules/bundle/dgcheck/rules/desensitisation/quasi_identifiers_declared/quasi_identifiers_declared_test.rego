package dgcheck.rules.desensitisation.quasi_identifiers_declared_test

import data.dgcheck.rules.desensitisation.quasi_identifiers_declared

_csrq := {"name": "csrq", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}, "hints": ["birth_date"]}

_yzbm := {"name": "yb", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"postcode": {"matched": 10, "plausible": 10, "valid": 10, "masked": 0}}}

test_fail_birth_date_and_postcode_not_declared if {
	findings := quasi_identifiers_declared.warning with input as {
		"metadata": {"pi": {"contains_pi": true}, "fields": [{"name": "csrq", "identifier_role": "other"}]},
		"profile": {"columns": [_csrq, _yzbm]},
	}
	{[f.id, f.column, f.evidence.hint] | some f in findings} == {["DESENS-013", "csrq", "birth_date"], ["DESENS-013", "yb", "postcode"]}
}

test_success_declared_by_role_or_list if {
	count(quasi_identifiers_declared.warning) == 0 with input as {
		"metadata": {"pi": {"contains_pi": true}, "deidentification": {"qi_columns": ["yb"]}, "fields": [{"name": "csrq", "identifier_role": "quasi"}]},
		"profile": {"columns": [_csrq, _yzbm]},
	}
}

test_success_no_personal_information if {
	count(quasi_identifiers_declared.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [_csrq]}}
}

# Six-digit codes are postcodes and region codes alike: one finding naming both detectors, in
# a fixed order, not a conflict between two hints.
test_fail_six_digit_codes_name_both_detectors if {
	code := {"name": "code", "rows": 2, "nulls": 0, "blanks": 0, "detectors": {
		"postcode": {"matched": 2, "plausible": 2, "valid": 2, "masked": 0},
		"cn_region_code": {"matched": 2, "plausible": 2, "valid": 2, "masked": 0},
	}}
	findings := quasi_identifiers_declared.warning with input as {"metadata": {"pi": {"contains_pi": true}}, "profile": {"columns": [code]}}
	[f] := [f | some f in findings]
	f.column == "code"
	f.evidence.hint == "postcode, cn_region_code"
	f.message == "code: looks like a quasi-identifier (postcode, cn_region_code) but is not declared one"
}

# With detect_min_rate 0 every column holds every identifier: still one hint per column.
test_fail_detect_min_rate_zero_gives_one_hint if {
	plain := {"name": "remark", "rows": 3, "nulls": 0, "blanks": 0, "detectors": {}}
	findings := quasi_identifiers_declared.warning with input as {
		"metadata": {"pi": {"contains_pi": true}},
		"profile": {"columns": [plain]},
		"options": {"thresholds": {"detect_min_rate": 0}},
	}
	[f.evidence.hint | some f in findings] == ["postcode, cn_region_code"]
}

test_success_six_digit_codes_declared_quasi if {
	code := {"name": "code", "rows": 2, "nulls": 0, "blanks": 0, "detectors": {
		"postcode": {"matched": 2, "plausible": 2, "valid": 2, "masked": 0},
		"cn_region_code": {"matched": 2, "plausible": 2, "valid": 2, "masked": 0},
	}}
	count(quasi_identifiers_declared.warning) == 0 with input as {
		"metadata": {"pi": {"contains_pi": true}, "fields": [{"name": "code", "identifier_role": "quasi"}]},
		"profile": {"columns": [code]},
	}
}
