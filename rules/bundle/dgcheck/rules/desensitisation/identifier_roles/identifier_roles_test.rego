package dgcheck.rules.desensitisation.identifier_roles_test

import data.dgcheck.rules.desensitisation.identifier_roles

_sfzh := {"name": "sfzh", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 10, "plausible": 10, "valid": 10, "masked": 0}}}

_sex := {"name": "sex", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}, "hints": ["sex"]}

_status := {"name": "status", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}}

test_fail_roles_missing_or_misspelt if {
	findings := identifier_roles.violation with input as {
		"metadata": {"fields": [
			{"name": "sfzh", "identifier_role": "direct"},
			{"name": "sex"},
			{"name": "status", "identifier_role": "none"},
		]},
		"profile": {"columns": [_sfzh, _sex, _status]},
	}
	{[f.id, f.column, f.evidence.declared, f.evidence.suggested] | some f in findings} == {
		["DESENS-001", "sex", "", "quasi"],
		["DESENS-001", "status", "none", "other"],
	}
	some f in findings
	f.column == "sex"
	f.message == "sex: identifier_role is not declared; it must be one of direct, quasi, sensitive, other (suggested: quasi)"
	f.severity == "error"
}

test_fail_undeclared_identifier_column if {
	findings := identifier_roles.violation with input as {
		"metadata": {"fields": [{"name": "sfzh"}]},
		"profile": {"columns": [_sfzh]},
	}
	[f.evidence.suggested | some f in findings] == ["direct"]
}

test_success_every_role_declared if {
	count(identifier_roles.violation) == 0 with input as {
		"metadata": {"fields": [
			{"name": "sfzh", "identifier_role": "direct"},
			{"name": "sex", "identifier_role": "quasi"},
			{"name": "status", "identifier_role": "other"},
		]},
		"profile": {"columns": [_sfzh, _sex, _status]},
	}
}

test_success_no_personal_information if {
	count(identifier_roles.violation) == 0 with input as {
		"metadata": {"fields": [{"name": "status"}]},
		"profile": {"columns": [_status]},
	}
}
