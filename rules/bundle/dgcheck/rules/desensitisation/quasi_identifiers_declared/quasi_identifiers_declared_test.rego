package dgcheck.rules.desensitisation.quasi_identifiers_declared_test

import data.dgcheck.rules.desensitisation.quasi_identifiers_declared

_csrq := {"name": "csrq", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}, "hints": ["birth_date"]}

_yzbm := {"name": "yb", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"postcode": {"matched": 10, "valid": 10, "masked": 0}}}

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
