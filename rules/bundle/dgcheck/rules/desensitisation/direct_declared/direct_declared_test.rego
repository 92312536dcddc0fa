package dgcheck.rules.desensitisation.direct_declared_test

import data.dgcheck.rules.desensitisation.direct_declared

_lxdh := {"name": "lxdh", "rows": 100, "nulls": 4, "blanks": 0, "detectors": {"mobile": {"matched": 6, "plausible": 6, "valid": 6, "masked": 90}}}

test_fail_mobiles_declared_other if {
	direct_declared.violation == {{
		"id": "DESENS-002",
		"title": "A detected direct identifier must be declared direct",
		"area": "desensitisation",
		"severity": "error",
		"standard": "GB/T 37964-2019",
		"clause": "3.7 直接标识符; process step 识别标识",
		"remediation": concat(" ", [
			"Declare the column identifier_role: direct, and remove, mask or pseudonymise it before",
			"the data is shared or released.",
		]),
		"column": "lxdh",
		"message": "lxdh: 96 of 96 present values are mobile numbers, a direct identifier, but the field declares identifier_role other",
		"message_zh": "lxdh：96 个非空值中有 96 个是手机号码（直接标识符），但该字段声明的 identifier_role 为 other",
		"evidence": {"detector": "mobile", "hits": 96, "non_null": 96, "declared": "other"},
	}} with input as {
		"metadata": {"fields": [{"name": "lxdh", "identifier_role": "other"}]},
		"profile": {"columns": [_lxdh]},
	}
}

test_fail_declared_validator_on_a_quasi_column if {
	col := {"name": "zjhm", "rows": 10, "nulls": 10, "blanks": 0, "detectors": {}}
	findings := direct_declared.violation with input as {
		"metadata": {"fields": [{"name": "zjhm", "identifier_role": "quasi", "validator": "cn_id_gb11643"}]},
		"profile": {"columns": [col]},
	}
	[f.evidence.detector | some f in findings] == ["cn_resident_id"]
}

test_success_declared_direct if {
	count(direct_declared.violation) == 0 with input as {
		"metadata": {"fields": [{"name": "lxdh", "identifier_role": "direct"}]},
		"profile": {"columns": [_lxdh]},
	}
}

test_success_stray_identifier_below_the_rate if {
	col := json.patch(_lxdh, [{"op": "replace", "path": "/detectors/mobile/masked", "value": 0}])
	count(direct_declared.violation) == 0 with input as {
		"metadata": {"fields": [{"name": "lxdh", "identifier_role": "other"}]},
		"profile": {"columns": [col]},
	}
}
