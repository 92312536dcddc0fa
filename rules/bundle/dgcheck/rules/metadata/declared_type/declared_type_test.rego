package dgcheck.rules.metadata.declared_type_test

import data.dgcheck.rules.metadata.declared_type

test_fail_codes_declared_integer if {
	col := {
		"name": "county_code",
		"inferred_type": "string",
		"constraints": {"type": {"reference": "integer", "evaluated": 100, "failed": 40, "samples": [{"row": 3, "value": "0*****"}]}},
	}
	declared_type.violation == {{
		"id": "META-017",
		"title": "Declared data type matches the observed type",
		"area": "metadata",
		"severity": "error",
		"standard": "政务信息资源目录编制指南(试行); GB/T 36344-2018",
		"clause": "编制指南 信息项 数据类型; GB/T 36344-2018 5 指标说明, indicator 规范性/数据模型",
		"remediation": concat(" ", [
			"Declare the type the values have (string for codes with leading zeros, number for",
			"amounts with decimals), or correct the values if the declaration is right.",
		]),
		"column": "county_code",
		"message": "county_code: declared integer, but 40 of 100 values are not (X = 0.6000)",
		"message_zh": "county_code：声明为 integer，但 100 个值中有 40 个不符（X = 0.6000）",
		"measure": {"a": 60, "b": 100, "x": 0.6},
		"evidence": {"declared": "integer", "observed": "string"},
		"samples": [{"row": 3, "value": "0*****"}],
	}} with input as {"profile": {"columns": [col]}}
}

test_success_a_few_stray_values if {
	col := {"name": "n", "inferred_type": "integer", "constraints": {"type": {"reference": "integer", "evaluated": 1000, "failed": 1, "samples": []}}}
	count(declared_type.violation) == 0 with input as {"profile": {"columns": [col]}}
}

test_success_no_declared_type if {
	count(declared_type.violation) == 0 with input as {"profile": {"columns": [{"name": "n", "constraints": {}}]}}
}

test_fail_a_type_table_schema_does_not_have if {
	findings := declared_type.violation with input as {
		"metadata": {"fields": [{"name": "id", "datatype": "integr"}, {"name": "at", "datatype": "yearmonth"}]},
		"profile": {"columns": []},
	}
	{[f.column, f.evidence.declared] | some f in findings} == {["id", "integr"]}
}
