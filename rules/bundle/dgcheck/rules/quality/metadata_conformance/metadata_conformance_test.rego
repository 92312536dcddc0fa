package dgcheck.rules.quality.metadata_conformance_test

import data.dgcheck.rules.quality.metadata_conformance

_status := {"name": "status", "constraints": {
	"enum": {"reference": "在保, 停保", "evaluated": 2000, "failed": 3, "samples": [{"row": 7, "value": "暂*"}]},
	"type": {"reference": "string", "evaluated": 2000, "failed": 0, "samples": []},
}}

test_fail_values_outside_enum if {
	metadata_conformance.violation == {{
		"id": "QUAL-003",
		"title": "Data conforms to its metadata definitions (length, pattern, enum)",
		"area": "quality",
		"severity": "error",
		"standard": "GB/T 36344-2018",
		"clause": "5 指标说明, indicator 规范性/元数据",
		"remediation": concat(" ", [
			"Correct the values that break the field's definition, or correct the definition (a longer",
			"max_length, a missing enum value) if the data is right.",
		]),
		"column": "status",
		"message": "status: 3 of 2000 values break the declared enum (在保, 停保) (X = 0.9985)",
		"message_zh": "status：2000 个值中有 3 个不符合声明的枚举值 在保, 停保（X = 0.9985）",
		"measure": {"a": 1997, "b": 2000, "x": 0.9985},
		"evidence": {"check": "enum", "declared": "在保, 停保", "evaluated": 2000, "failed": 3},
		"samples": [{"row": 7, "value": "暂*"}],
	}} with input as {"profile": {"columns": [_status]}}
}

test_success_type_is_not_this_rules if {
	col := json.patch(_status, [{"op": "replace", "path": "/constraints/enum/failed", "value": 0}])
	count(metadata_conformance.violation) == 0 with input as {"profile": {"columns": [col]}}
	{m.element | some m in metadata_conformance.measures} == {"status:enum"} with input as {"profile": {"columns": [col]}}
}
