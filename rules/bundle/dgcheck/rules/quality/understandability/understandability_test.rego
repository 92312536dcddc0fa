package dgcheck.rules.quality.understandability_test

import data.dgcheck.rules.quality.understandability

test_fail_unnamed_and_unexplained_fields if {
	findings := understandability.warning with input as {"metadata": {"fields": [
		{"name": "household_id", "cn_name": "户编号"},
		{"name": "status", "constraints": {"enum": ["1", "2"]}},
	]}}
	{f.message | some f in findings} == {
		"1 of 2 fields have no Chinese name (cn_name): status (X = 0.5000)",
		"1 of 1 coded fields do not explain their codes (code_list or value_domain): status (X = 0.0000)",
	}
}

test_success_documented_fields if {
	count(understandability.warning) == 0 with input as {"metadata": {"fields": [
		{"name": "status", "cn_name": "保障状态", "constraints": {"enum": ["在保", "停保"]}, "value_domain": "在保或停保"},
		{"name": "sex", "cn_name": "性别", "constraints": {"enum": ["1", "2"]}, "code_list": "GB/T 2261.1"},
	]}}
}
