package dgcheck.rules.metadata.field_definitions_test

import data.dgcheck.rules.metadata.field_definitions

test_fail_undefined_fields if {
	findings := field_definitions.warning with input as {"metadata": {"fields": [
		{"name": "status", "description": "保障状态"},
		{"name": "remark"},
		{"name": "sex", "description": "性别", "code_list": "GB/T 2261.1"},
	]}}
	{[f.column, f.message] | some f in findings} == {
		["status", "status: the field-dictionary entry gives no value domain"],
		["remark", "remark: the field-dictionary entry gives no description and no value domain"],
	}
}

test_success_defined_fields if {
	count(field_definitions.warning) == 0 with input as {"metadata": {"fields": [
		{"name": "status", "description": "保障状态", "constraints": {"enum": ["在保", "停保"]}},
		{"name": "household_size", "description": "家庭人口", "value_domain": "1至6的整数"},
	]}}
}
